package io.corridor.ledger.core;

import io.corridor.ledger.core.state.EntryKey;
import java.util.Arrays;
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.PublicKey;
import org.stellar.sdk.xdr.PublicKeyType;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.String32;
import org.stellar.sdk.xdr.Thresholds;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.XdrString;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/** Account ids, account entries and the balance arithmetic of Stellar's reserve rules. */
public final class Accounts {

    public static final int THRESHOLD_MASTER_WEIGHT = 0;
    public static final int THRESHOLD_LOW = 1;
    public static final int THRESHOLD_MED = 2;
    public static final int THRESHOLD_HIGH = 3;

    private Accounts() {
    }

    public static AccountID accountId(byte[] ed25519) {
        if (ed25519.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an account id is a 32-byte Ed25519 key");
        }
        PublicKey key = new PublicKey();
        key.setDiscriminant(PublicKeyType.PUBLIC_KEY_TYPE_ED25519);
        key.setEd25519(new Uint256(ed25519.clone()));
        return new AccountID(key);
    }

    /** Parses a {@code G...} strkey; throws {@link IllegalArgumentException} with the reason if invalid. */
    public static AccountID parse(String strKey) {
        try {
            return accountId(StrKey.decodeEd25519PublicKey(strKey));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid account id (G... strkey): " + strKey, e);
        }
    }

    public static byte[] keyBytes(AccountID id) {
        return id.getAccountID().getEd25519().getUint256();
    }

    public static String strKey(AccountID id) {
        return StrKey.encodeEd25519PublicKey(keyBytes(id));
    }

    /** The account behind a (possibly multiplexed) source or destination. */
    public static AccountID fromMuxed(MuxedAccount muxed) {
        if (muxed.getDiscriminant() == CryptoKeyType.KEY_TYPE_MUXED_ED25519) {
            return accountId(muxed.getMed25519().getEd25519().getUint256());
        }
        return accountId(muxed.getEd25519().getUint256());
    }

    public static boolean same(AccountID a, AccountID b) {
        return Arrays.equals(keyBytes(a), keyBytes(b));
    }

    public static EntryKey key(AccountID id) {
        return EntryKey.account(id);
    }

    /** A fresh account as CREATE_ACCOUNT makes it: master weight 1, other thresholds 0, no signers. */
    public static LedgerEntry newAccount(AccountID id, long balance, long seqNum, int ledgerSeq) {
        AccountEntry account = new AccountEntry();
        account.setAccountID(id);
        account.setBalance(new Int64(balance));
        account.setSeqNum(new SequenceNumber(new Int64(seqNum)));
        account.setNumSubEntries(uint32(0));
        account.setFlags(uint32(0));
        account.setHomeDomain(new String32(new XdrString("")));
        account.setThresholds(new Thresholds(new byte[] {1, 0, 0, 0}));
        account.setSigners(new Signer[0]);
        AccountEntry.AccountEntryExt ext = new AccountEntry.AccountEntryExt();
        ext.setDiscriminant(0);
        account.setExt(ext);
        return wrap(account, ledgerSeq);
    }

    public static LedgerEntry wrap(AccountEntry account, int ledgerSeq) {
        LedgerEntry.LedgerEntryData data = new LedgerEntry.LedgerEntryData();
        data.setDiscriminant(LedgerEntryType.ACCOUNT);
        data.setAccount(account);
        LedgerEntry entry = new LedgerEntry();
        entry.setLastModifiedLedgerSeq(uint32(ledgerSeq));
        entry.setData(data);
        LedgerEntry.LedgerEntryExt ext = new LedgerEntry.LedgerEntryExt();
        ext.setDiscriminant(0);
        entry.setExt(ext);
        return entry;
    }

    public static long balance(AccountEntry account) {
        return account.getBalance().getInt64();
    }

    public static long seqNum(AccountEntry account) {
        return account.getSeqNum().getSequenceNumber().getInt64();
    }

    public static int threshold(AccountEntry account, int which) {
        return account.getThresholds().getThresholds()[which] & 0xff;
    }

    public static long numSubEntries(AccountEntry account) {
        return account.getNumSubEntries().getUint32().getNumber();
    }

    /** Sponsoring and sponsored counts live in extension v2; zero until sponsorship exists. */
    public static long numSponsoring(AccountEntry account) {
        var ext = account.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() >= 2) {
            return ext.getV1().getExt().getV2().getNumSponsoring().getUint32().getNumber();
        }
        return 0;
    }

    public static long numSponsored(AccountEntry account) {
        var ext = account.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() >= 2) {
            return ext.getV1().getExt().getV2().getNumSponsored().getUint32().getNumber();
        }
        return 0;
    }

    public static long sellingLiabilities(AccountEntry account) {
        var ext = account.getExt();
        return ext.getDiscriminant() >= 1 ? ext.getV1().getLiabilities().getSelling().getInt64() : 0;
    }

    public static long buyingLiabilities(AccountEntry account) {
        var ext = account.getExt();
        return ext.getDiscriminant() >= 1 ? ext.getV1().getLiabilities().getBuying().getInt64() : 0;
    }

    /** (2 + sub-entries + sponsoring − sponsored) × base reserve. */
    public static long minimumBalance(AccountEntry account, long baseReserve) {
        long entries = 2 + numSubEntries(account) + numSponsoring(account) - numSponsored(account);
        return Math.multiplyExact(entries, baseReserve);
    }

    /** What the account may spend: balance − minimum balance − selling liabilities. */
    public static long availableBalance(AccountEntry account, long baseReserve) {
        return balance(account) - minimumBalance(account, baseReserve) - sellingLiabilities(account);
    }

    /** How much more the account can receive: INT64_MAX − balance − buying liabilities. */
    public static long receivableBalance(AccountEntry account) {
        return Long.MAX_VALUE - balance(account) - buyingLiabilities(account);
    }

    /** Account flags (AUTH_REQUIRED 0x1, AUTH_REVOCABLE 0x2, AUTH_IMMUTABLE 0x4, AUTH_CLAWBACK_ENABLED 0x8). */
    public static int flags(AccountEntry account) {
        return (int) (long) account.getFlags().getUint32().getNumber();
    }

    public static final int AUTH_REQUIRED_FLAG = 0x1;
    public static final int AUTH_REVOCABLE_FLAG = 0x2;
    public static final int AUTH_IMMUTABLE_FLAG = 0x4;
    public static final int AUTH_CLAWBACK_ENABLED_FLAG = 0x8;

    /** Sub-entries (trust lines, offers, data, signers) an account may own, as stellar-core's limit. */
    public static final long SUB_ENTRIES_MAX = 1_000;

    /**
     * Whether the account can take on {@code delta} more reserve-bearing sub-entries: its balance must still
     * cover the new minimum balance plus its selling liabilities (stellar-core's low-reserve rule).
     */
    public static boolean canAddSubEntries(AccountEntry account, int delta, long baseReserve) {
        long entries = 2 + numSubEntries(account) + delta + numSponsoring(account) - numSponsored(account);
        return balance(account) - sellingLiabilities(account) >= Math.multiplyExact(entries, baseReserve);
    }

    /** Adds {@code delta} (may be negative) to the sub-entry count; a count below zero is a bug. */
    public static void changeSubEntries(AccountEntry account, int delta) {
        long next = numSubEntries(account) + delta;
        if (next < 0) {
            throw new IllegalStateException("sub-entry count of " + strKey(account.getAccountID()) + " would be " + next);
        }
        account.setNumSubEntries(uint32(next));
    }

    public static Uint32 uint32(long value) {
        return new Uint32(new XdrUnsignedInteger(value));
    }
}
