package io.corridor.ledger.core;

import io.corridor.ledger.core.state.EntryKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AlphaNum12;
import org.stellar.sdk.xdr.AlphaNum4;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetCode;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.ChangeTrustAsset;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Liabilities;
import org.stellar.sdk.xdr.TrustLineAsset;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * Credit assets and trust lines, the rules of stellar-core's {@code TransactionUtils} and
 * {@code TrustLineWrapper}: which asset codes are valid, the flags of a trust line, and the balance
 * arithmetic with limits and liabilities.
 *
 * <p>An account holds a credit asset only through a trust line, with a balance between zero and its limit.
 * The issuer never has a trust line for its own asset: what it sends is minted and what it receives is
 * burnt, so the issuer's side of a transfer is unlimited and always authorized. Only credit assets
 * ({@code ALPHANUM4}, {@code ALPHANUM12}) have trust lines here; liquidity-pool shares are not supported.
 *
 * <p>Liabilities live in the trust line's extension v1. Nothing creates them until the order book exists,
 * but every check that stellar-core makes with them is made here, so that offers need no change to these
 * rules.
 */
public final class TrustLines {

    /** The holder may send, receive and trade the asset. */
    public static final int AUTHORIZED_FLAG = 0x1;
    /** The holder may keep its offers and pool shares but not send or receive. */
    public static final int AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG = 0x2;
    /** The issuer may claw the asset back from this line. */
    public static final int TRUSTLINE_CLAWBACK_ENABLED_FLAG = 0x4;
    /** The two authorization flags; at most one of them may be set. */
    public static final int AUTH_FLAGS = AUTHORIZED_FLAG | AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG;
    /** Every trust-line flag of protocol 17 and later. */
    public static final int FLAGS_MASK = AUTH_FLAGS | TRUSTLINE_CLAWBACK_ENABLED_FLAG;

    private static final int CODE4_BYTES = 4;
    private static final int CODE12_BYTES = 12;
    /** An ALPHANUM12 code has more than four characters, so that each code has one form only. */
    private static final int CODE12_CHARS_MIN = 5;

    private TrustLines() {
    }

    // ---------------------------------------------------------------- assets

    public static boolean isCredit(AssetType type) {
        return type == AssetType.ASSET_TYPE_CREDIT_ALPHANUM4 || type == AssetType.ASSET_TYPE_CREDIT_ALPHANUM12;
    }

    /**
     * Whether an asset is well formed (stellar-core's {@code isAssetValid}): the native asset always is; a
     * credit code is ASCII letters and digits followed only by zero padding, one to four characters for
     * ALPHANUM4 and five to twelve for ALPHANUM12.
     */
    public static boolean isAssetValid(Asset asset) {
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> true;
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> isCodeValid(asset.getAlphaNum4().getAssetCode().getAssetCode4(),
                    CODE4_BYTES, 1);
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> isCodeValid(
                    asset.getAlphaNum12().getAssetCode().getAssetCode12(), CODE12_BYTES, CODE12_CHARS_MIN);
            default -> false;
        };
    }

    private static boolean isCodeValid(byte[] code, int length, int charsMin) {
        if (code == null || code.length != length) {
            return false;
        }
        boolean padding = false;
        int chars = 0;
        for (byte b : code) {
            if (b == 0) {
                padding = true;
            } else if (padding || !isAsciiAlphanumeric(b)) {
                // Zeros may only pad the end; anything else must be a letter or digit.
                return false;
            } else {
                chars++;
            }
        }
        return chars >= charsMin;
    }

    private static boolean isAsciiAlphanumeric(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /** The issuer of a credit asset; asking for the native asset's is a bug. */
    public static AccountID issuer(Asset asset) {
        return switch (asset.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> asset.getAlphaNum4().getIssuer();
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> asset.getAlphaNum12().getIssuer();
            default -> throw new IllegalArgumentException("asset has no issuer: " + asset.getDiscriminant());
        };
    }

    /** Whether {@code account} issues {@code asset}; never for the native asset. */
    public static boolean isIssuer(AccountID account, Asset asset) {
        return isCredit(asset.getDiscriminant()) && Accounts.same(account, issuer(asset));
    }

    /** The credit asset {@code code} of {@code issuer}, as ALLOW_TRUST names it. */
    public static Asset asset(AccountID issuer, AssetCode code) {
        Asset asset = new Asset();
        asset.setDiscriminant(code.getDiscriminant());
        switch (code.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> {
                AlphaNum4 alphaNum4 = new AlphaNum4();
                alphaNum4.setAssetCode(code.getAssetCode4());
                alphaNum4.setIssuer(issuer);
                asset.setAlphaNum4(alphaNum4);
            }
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> {
                AlphaNum12 alphaNum12 = new AlphaNum12();
                alphaNum12.setAssetCode(code.getAssetCode12());
                alphaNum12.setIssuer(issuer);
                asset.setAlphaNum12(alphaNum12);
            }
            default -> throw new IllegalArgumentException("not a credit asset code: " + code.getDiscriminant());
        }
        return asset;
    }

    /** The asset of a CHANGE_TRUST line; only native and credit assets, pool shares are not assets. */
    public static Asset asset(ChangeTrustAsset line) {
        Asset asset = new Asset();
        asset.setDiscriminant(line.getDiscriminant());
        switch (line.getDiscriminant()) {
            case ASSET_TYPE_NATIVE -> {
            }
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> asset.setAlphaNum4(line.getAlphaNum4());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> asset.setAlphaNum12(line.getAlphaNum12());
            default -> throw new IllegalArgumentException("not an asset: " + line.getDiscriminant());
        }
        return asset;
    }

    /** The asset of a trust line; pool-share lines hold no asset. */
    public static Asset asset(TrustLineAsset line) {
        Asset asset = new Asset();
        asset.setDiscriminant(line.getDiscriminant());
        switch (line.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> asset.setAlphaNum4(line.getAlphaNum4());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> asset.setAlphaNum12(line.getAlphaNum12());
            default -> throw new IllegalArgumentException("no asset for a trust line of " + line.getDiscriminant());
        }
        return asset;
    }

    /** The trust-line form of a credit asset. */
    public static TrustLineAsset trustLineAsset(Asset asset) {
        TrustLineAsset tlAsset = new TrustLineAsset();
        tlAsset.setDiscriminant(asset.getDiscriminant());
        switch (asset.getDiscriminant()) {
            case ASSET_TYPE_CREDIT_ALPHANUM4 -> tlAsset.setAlphaNum4(asset.getAlphaNum4());
            case ASSET_TYPE_CREDIT_ALPHANUM12 -> tlAsset.setAlphaNum12(asset.getAlphaNum12());
            default -> throw new IllegalArgumentException("no trust line for " + asset.getDiscriminant());
        }
        return tlAsset;
    }

    /** The key of {@code account}'s trust line for a credit asset. */
    public static EntryKey key(AccountID account, Asset asset) {
        return EntryKey.trustLine(account, trustLineAsset(asset));
    }

    // ---------------------------------------------------------------- entries

    /** A new trust line as CHANGE_TRUST makes it: no balance, no liabilities, the given limit and flags. */
    public static LedgerEntry newTrustLine(AccountID account, Asset asset, long limit, int flags, int ledgerSeq) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a trust line's limit is positive: " + limit);
        }
        if ((flags & ~FLAGS_MASK) != 0 || !isAuthStateValid(flags)) {
            throw new IllegalArgumentException("invalid trust-line flags: " + flags);
        }
        TrustLineEntry line = new TrustLineEntry();
        line.setAccountID(account);
        line.setAsset(trustLineAsset(asset));
        line.setBalance(new Int64(0L));
        line.setLimit(new Int64(limit));
        line.setFlags(Accounts.uint32(flags));
        TrustLineEntry.TrustLineEntryExt ext = new TrustLineEntry.TrustLineEntryExt();
        ext.setDiscriminant(0);
        line.setExt(ext);
        return wrap(line, ledgerSeq);
    }

    public static LedgerEntry wrap(TrustLineEntry line, int ledgerSeq) {
        LedgerEntry.LedgerEntryData data = new LedgerEntry.LedgerEntryData();
        data.setDiscriminant(LedgerEntryType.TRUSTLINE);
        data.setTrustLine(line);
        LedgerEntry entry = new LedgerEntry();
        entry.setLastModifiedLedgerSeq(Accounts.uint32(ledgerSeq));
        entry.setData(data);
        LedgerEntry.LedgerEntryExt ext = new LedgerEntry.LedgerEntryExt();
        ext.setDiscriminant(0);
        entry.setExt(ext);
        return entry;
    }

    public static long balance(TrustLineEntry line) {
        return line.getBalance().getInt64();
    }

    public static long limit(TrustLineEntry line) {
        return line.getLimit().getInt64();
    }

    public static int flags(TrustLineEntry line) {
        return (int) (long) line.getFlags().getUint32().getNumber();
    }

    public static void setFlags(TrustLineEntry line, int flags) {
        if ((flags & ~FLAGS_MASK) != 0 || !isAuthStateValid(flags)) {
            throw new IllegalArgumentException("invalid trust-line flags: " + flags);
        }
        line.setFlags(Accounts.uint32(flags));
    }

    public static void setLimit(TrustLineEntry line, long limit) {
        if (limit < minimumLimit(line)) {
            throw new IllegalArgumentException("limit " + limit + " below balance plus buying liabilities");
        }
        line.setLimit(new Int64(limit));
    }

    public static long buyingLiabilities(TrustLineEntry line) {
        return line.getExt().getDiscriminant() >= 1 ? line.getExt().getV1().getLiabilities().getBuying().getInt64()
                : 0;
    }

    public static long sellingLiabilities(TrustLineEntry line) {
        return line.getExt().getDiscriminant() >= 1 ? line.getExt().getV1().getLiabilities().getSelling().getInt64()
                : 0;
    }

    /**
     * Sets both liabilities, creating extension v1 on first use as stellar-core does. Selling liabilities
     * never exceed the balance and buying liabilities never exceed the room left below the limit.
     */
    public static void setLiabilities(TrustLineEntry line, long buying, long selling) {
        if (buying < 0 || selling < 0 || selling > balance(line) || buying > limit(line) - balance(line)) {
            throw new IllegalArgumentException("liabilities buying " + buying + ", selling " + selling
                    + " do not fit balance " + balance(line) + " and limit " + limit(line));
        }
        TrustLineEntry.TrustLineEntryExt ext = line.getExt();
        if (ext.getDiscriminant() == 0) {
            TrustLineEntry.TrustLineEntryExt.TrustLineEntryV1 v1 =
                    new TrustLineEntry.TrustLineEntryExt.TrustLineEntryV1();
            TrustLineEntry.TrustLineEntryExt.TrustLineEntryV1.TrustLineEntryV1Ext v1Ext =
                    new TrustLineEntry.TrustLineEntryExt.TrustLineEntryV1.TrustLineEntryV1Ext();
            v1Ext.setDiscriminant(0);
            v1.setExt(v1Ext);
            ext.setDiscriminant(1);
            ext.setV1(v1);
        }
        Liabilities liabilities = new Liabilities();
        liabilities.setBuying(new Int64(buying));
        liabilities.setSelling(new Int64(selling));
        ext.getV1().setLiabilities(liabilities);
    }

    /** How many liquidity pools use this line (extension v2); zero while pools are not supported. */
    public static int liquidityPoolUseCount(TrustLineEntry line) {
        var ext = line.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() == 2) {
            return ext.getV1().getExt().getV2().getLiquidityPoolUseCount().getInt32();
        }
        return 0;
    }

    public static boolean isAuthorized(TrustLineEntry line) {
        return (flags(line) & AUTHORIZED_FLAG) != 0;
    }

    /** Fully authorized or authorized to maintain liabilities: the line may keep offers but not always pay. */
    public static boolean isAuthorizedToMaintainLiabilities(TrustLineEntry line) {
        return isAuthorizedToMaintainLiabilities(flags(line));
    }

    public static boolean isAuthorizedToMaintainLiabilities(int flags) {
        return (flags & AUTH_FLAGS) != 0;
    }

    public static boolean isClawbackEnabled(TrustLineEntry line) {
        return (flags(line) & TRUSTLINE_CLAWBACK_ENABLED_FLAG) != 0;
    }

    /** A line is authorized or authorized to maintain liabilities, never both. */
    public static boolean isAuthStateValid(int flags) {
        return (flags & AUTH_FLAGS) != AUTH_FLAGS;
    }

    /** The lowest limit the line may be given: its balance plus its buying liabilities. */
    public static long minimumLimit(TrustLineEntry line) {
        return balance(line) + buyingLiabilities(line);
    }

    /** What the holder may send: balance − selling liabilities. */
    public static long availableBalance(TrustLineEntry line) {
        return balance(line) - sellingLiabilities(line);
    }

    /** How much more the holder may receive: limit − balance − buying liabilities. */
    public static long maxAmountReceive(TrustLineEntry line) {
        return limit(line) - balance(line) - buyingLiabilities(line);
    }

    /**
     * Adds {@code delta} to the balance of a line that is at least authorized to maintain liabilities;
     * returns {@code false}, changing nothing, when the new balance would be below zero or the selling
     * liabilities, or above the limit minus the buying liabilities. Moving the balance of a line without
     * authorization is a bug, as in stellar-core: callers check authorization and report their own code.
     */
    public static boolean addBalance(TrustLineEntry line, long delta) {
        if (delta == 0) {
            return true;
        }
        if (!isAuthorizedToMaintainLiabilities(line)) {
            throw new IllegalStateException("balance change on an unauthorized trust line");
        }
        return addBalanceSkipAuthorization(line, delta);
    }

    /** {@link #addBalance} without the authorization check, for CLAWBACK which works on frozen lines. */
    public static boolean addBalanceSkipAuthorization(TrustLineEntry line, long delta) {
        long balance = balance(line);
        long limit = limit(line);
        // Written to avoid overflow: balance + delta must lie in [0, limit].
        if (delta < -balance || limit - balance < delta) {
            return false;
        }
        long next = balance + delta;
        if (next < sellingLiabilities(line) || next > limit - buyingLiabilities(line)) {
            return false;
        }
        line.setBalance(new Int64(next));
        return true;
    }

    // ---------------------------------------------------------------- issuer accounts

    public static boolean isAuthRequired(AccountEntry issuer) {
        return (Accounts.flags(issuer) & Accounts.AUTH_REQUIRED_FLAG) != 0;
    }

    public static boolean isAuthRevocable(AccountEntry issuer) {
        return (Accounts.flags(issuer) & Accounts.AUTH_REVOCABLE_FLAG) != 0;
    }

    public static boolean isClawbackEnabled(AccountEntry issuer) {
        return (Accounts.flags(issuer) & Accounts.AUTH_CLAWBACK_ENABLED_FLAG) != 0;
    }

    /** Flags a new trust line starts with: authorized unless the issuer requires authorization. */
    public static int initialFlags(AccountEntry issuer) {
        int flags = isAuthRequired(issuer) ? 0 : AUTHORIZED_FLAG;
        if (isClawbackEnabled(issuer)) {
            flags |= TRUSTLINE_CLAWBACK_ENABLED_FLAG;
        }
        return flags;
    }
}
