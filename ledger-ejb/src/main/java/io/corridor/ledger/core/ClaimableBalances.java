package io.corridor.ledger.core;

import io.corridor.ledger.core.state.EntryKey;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimPredicate;
import org.stellar.sdk.xdr.ClaimPredicateType;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClaimableBalanceEntryExtensionV1;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;

/**
 * Claimable balances (CAP-23) and their claim predicates, the rules of stellar-core's claimable-balance
 * operations: which predicates are well formed, how relative times become absolute when a balance is created,
 * and whether a predicate holds at a ledger's close time.
 */
public final class ClaimableBalances {

    /** Claimants a balance may have: the XDR bound of {@code Claimant claimants<10>}. */
    public static final int CLAIMANTS_MAX = 10;

    /** Nesting of predicates stellar-core accepts: the outermost is at depth 1, nothing deeper than 4. */
    public static final int PREDICATE_DEPTH_MAX = 4;

    /** The balance's flag saying its asset's issuer may claw it back (CAP-35). */
    public static final int CLAWBACK_ENABLED_FLAG = 0x1;

    private ClaimableBalances() {
    }

    public static EntryKey key(ClaimableBalanceID id) {
        return EntryKey.claimableBalance(id);
    }

    /**
     * Whether a predicate is well formed: AND and OR have exactly two operands, NOT has one, times are not
     * negative, and nothing nests deeper than {@value #PREDICATE_DEPTH_MAX}.
     */
    public static boolean isPredicateValid(ClaimPredicate predicate, int depth) {
        if (predicate == null || depth > PREDICATE_DEPTH_MAX) {
            return false;
        }
        return switch (predicate.getDiscriminant()) {
            case CLAIM_PREDICATE_UNCONDITIONAL -> true;
            case CLAIM_PREDICATE_AND -> isPairValid(predicate.getAndPredicates(), depth);
            case CLAIM_PREDICATE_OR -> isPairValid(predicate.getOrPredicates(), depth);
            case CLAIM_PREDICATE_NOT -> isPredicateValid(predicate.getNotPredicate(), depth + 1);
            case CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME -> predicate.getAbsBefore().getInt64() >= 0;
            case CLAIM_PREDICATE_BEFORE_RELATIVE_TIME -> predicate.getRelBefore().getInt64() >= 0;
        };
    }

    private static boolean isPairValid(ClaimPredicate[] pair, int depth) {
        return pair != null && pair.length == 2 && isPredicateValid(pair[0], depth + 1)
                && isPredicateValid(pair[1], depth + 1);
    }

    /**
     * Turns every relative time in {@code predicate} into an absolute one, counted from {@code closeTime}
     * and saturating at INT64_MAX, so that a stored balance only has absolute times.
     */
    public static void makeAbsolute(ClaimPredicate predicate, long closeTime) {
        switch (predicate.getDiscriminant()) {
            case CLAIM_PREDICATE_AND -> {
                makeAbsolute(predicate.getAndPredicates()[0], closeTime);
                makeAbsolute(predicate.getAndPredicates()[1], closeTime);
            }
            case CLAIM_PREDICATE_OR -> {
                makeAbsolute(predicate.getOrPredicates()[0], closeTime);
                makeAbsolute(predicate.getOrPredicates()[1], closeTime);
            }
            case CLAIM_PREDICATE_NOT -> makeAbsolute(predicate.getNotPredicate(), closeTime);
            case CLAIM_PREDICATE_BEFORE_RELATIVE_TIME -> {
                long relative = predicate.getRelBefore().getInt64();
                long absolute = closeTime > Long.MAX_VALUE - relative ? Long.MAX_VALUE : closeTime + relative;
                predicate.setRelBefore(null);
                predicate.setDiscriminant(ClaimPredicateType.CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME);
                predicate.setAbsBefore(new Int64(absolute));
            }
            case CLAIM_PREDICATE_UNCONDITIONAL, CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME -> {
            }
        }
    }

    /** Whether a stored predicate holds at {@code closeTime}: "before" means strictly before. */
    public static boolean holds(ClaimPredicate predicate, long closeTime) {
        return switch (predicate.getDiscriminant()) {
            case CLAIM_PREDICATE_UNCONDITIONAL -> true;
            case CLAIM_PREDICATE_AND -> holds(predicate.getAndPredicates()[0], closeTime)
                    && holds(predicate.getAndPredicates()[1], closeTime);
            case CLAIM_PREDICATE_OR -> holds(predicate.getOrPredicates()[0], closeTime)
                    || holds(predicate.getOrPredicates()[1], closeTime);
            case CLAIM_PREDICATE_NOT -> !holds(predicate.getNotPredicate(), closeTime);
            case CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME -> predicate.getAbsBefore().getInt64() > closeTime;
            case CLAIM_PREDICATE_BEFORE_RELATIVE_TIME -> throw new IllegalStateException(
                    "a stored claimable balance with a relative time");
        };
    }

    /** The claimant of {@code balance} that is {@code account}, or {@code null}. */
    public static Claimant claimant(ClaimableBalanceEntry balance, AccountID account) {
        for (Claimant claimant : balance.getClaimants()) {
            if (Accounts.same(claimant.getV0().getDestination(), account)) {
                return claimant;
            }
        }
        return null;
    }

    public static int flags(ClaimableBalanceEntry balance) {
        var ext = balance.getExt();
        return ext.getDiscriminant() == 1 ? (int) (long) ext.getV1().getFlags().getUint32().getNumber() : 0;
    }

    public static boolean isClawbackEnabled(ClaimableBalanceEntry balance) {
        return (flags(balance) & CLAWBACK_ENABLED_FLAG) != 0;
    }

    /** A new balance entry, not yet sponsored; the clawback flag lives in extension v1, as in stellar-core. */
    public static LedgerEntry newEntry(ClaimableBalanceID id, org.stellar.sdk.xdr.Asset asset, long amount,
            Claimant[] claimants, boolean clawbackEnabled, int ledgerSeq) {
        ClaimableBalanceEntry balance = new ClaimableBalanceEntry();
        balance.setBalanceID(id);
        balance.setClaimants(claimants);
        balance.setAsset(asset);
        balance.setAmount(new Int64(amount));
        ClaimableBalanceEntry.ClaimableBalanceEntryExt ext = new ClaimableBalanceEntry.ClaimableBalanceEntryExt();
        if (clawbackEnabled) {
            ClaimableBalanceEntryExtensionV1 v1 = new ClaimableBalanceEntryExtensionV1();
            ClaimableBalanceEntryExtensionV1.ClaimableBalanceEntryExtensionV1Ext v1Ext =
                    new ClaimableBalanceEntryExtensionV1.ClaimableBalanceEntryExtensionV1Ext();
            v1Ext.setDiscriminant(0);
            v1.setExt(v1Ext);
            v1.setFlags(Accounts.uint32(CLAWBACK_ENABLED_FLAG));
            ext.setDiscriminant(1);
            ext.setV1(v1);
        } else {
            ext.setDiscriminant(0);
        }
        balance.setExt(ext);
        LedgerEntry.LedgerEntryData data = new LedgerEntry.LedgerEntryData();
        data.setDiscriminant(LedgerEntryType.CLAIMABLE_BALANCE);
        data.setClaimableBalance(balance);
        LedgerEntry entry = new LedgerEntry();
        entry.setLastModifiedLedgerSeq(Accounts.uint32(ledgerSeq));
        entry.setData(data);
        LedgerEntry.LedgerEntryExt entryExt = new LedgerEntry.LedgerEntryExt();
        entryExt.setDiscriminant(0);
        entry.setExt(entryExt);
        return entry;
    }
}
