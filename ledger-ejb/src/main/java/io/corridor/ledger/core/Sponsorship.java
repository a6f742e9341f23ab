package io.corridor.ledger.core;

import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountEntryExtensionV2;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryExtensionV1;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SponsorshipDescriptor;

/**
 * Sponsorship of reserves (CAP-33), the rules of stellar-core's {@code SponsorshipUtils}. An entry's sponsor is
 * in the entry's extension v1 ({@code sponsoringID}); a signer's sponsor in its owner's extension v2, in
 * {@code signerSponsoringIDs} parallel to the signers. Every account counts the reserves it pays for others
 * ({@code numSponsoring}) and the reserves others pay for it ({@code numSponsored}), so that its minimum
 * balance is (2 + sub-entries + sponsoring − sponsored) × base reserve.
 *
 * <p>An account is worth 2 reserves, a trust line, offer, data entry or signer 1, and a claimable balance one
 * per claimant. A claimable balance has no owner: whoever creates it sponsors it, so it always has a sponsor.
 *
 * <p>The high-level methods ({@link #createEntry}, {@link #removeEntry}, {@link #createSigner},
 * {@link #removeSigner}) change the owning account in place, which the caller then stores, and load, change and
 * store the sponsoring account themselves when it is another one. Breaking the counts is a bug and throws.
 */
public final class Sponsorship {

    /** What establishing or creating with a sponsorship can run into; operations map it to their codes. */
    public enum Result {
        SUCCESS,
        LOW_RESERVE,
        TOO_MANY_SUBENTRIES,
        TOO_MANY_SPONSORING,
        TOO_MANY_SPONSORED
    }

    /** Counts are {@code uint32} in XDR. */
    static final long UINT32_MAX = 0xFFFF_FFFFL;

    private Sponsorship() {
    }

    // ---------------------------------------------------------------- readers

    /** The account paying this entry's reserves, or {@code null} when its owner pays them. */
    public static AccountID sponsor(LedgerEntry entry) {
        var ext = entry.getExt();
        if (ext == null || ext.getDiscriminant() != 1 || ext.getV1().getSponsoringID() == null) {
            return null;
        }
        return ext.getV1().getSponsoringID().getSponsorshipDescriptor();
    }

    /** The account paying the reserve of the signer at {@code index}, or {@code null}. */
    public static AccountID signerSponsor(AccountEntry account, int index) {
        AccountEntryExtensionV2 v2 = extensionV2(account);
        if (v2 == null) {
            return null;
        }
        SponsorshipDescriptor[] ids = v2.getSignerSponsoringIDs();
        if (ids.length != Signers.of(account).length) {
            throw new IllegalStateException("signer sponsors of " + Accounts.strKey(account.getAccountID())
                    + " are not parallel to its signers");
        }
        return ids[index] == null ? null : ids[index].getSponsorshipDescriptor();
    }

    /** Reserves an entry is worth (stellar-core's {@code computeMultiplier}). */
    public static int multiplier(LedgerEntry entry) {
        LedgerEntry.LedgerEntryData data = entry.getData();
        return switch (data.getDiscriminant()) {
            case ACCOUNT -> 2;
            case TRUSTLINE -> data.getTrustLine().getAsset().getDiscriminant() == AssetType.ASSET_TYPE_POOL_SHARE
                    ? 2 : 1;
            case OFFER, DATA -> 1;
            case CLAIMABLE_BALANCE -> data.getClaimableBalance().getClaimants().length;
            default -> throw new IllegalArgumentException("no reserve for entries of type " + data.getDiscriminant());
        };
    }

    /** Trust lines, offers and data entries count as their owner's sub-entries; accounts and balances do not. */
    static boolean isSubEntry(LedgerEntry entry) {
        LedgerEntryType type = entry.getData().getDiscriminant();
        return type == LedgerEntryType.TRUSTLINE || type == LedgerEntryType.OFFER || type == LedgerEntryType.DATA;
    }

    /** The account whose entry this is; for a claimable balance, which has no owner, its sponsor. */
    public static AccountID owner(LedgerEntry entry) {
        LedgerEntry.LedgerEntryData data = entry.getData();
        return switch (data.getDiscriminant()) {
            case ACCOUNT -> data.getAccount().getAccountID();
            case TRUSTLINE -> data.getTrustLine().getAccountID();
            case OFFER -> data.getOffer().getSellerID();
            case DATA -> data.getData().getAccountID();
            case CLAIMABLE_BALANCE -> sponsor(entry);
            default -> throw new IllegalArgumentException("no owner for entries of type " + data.getDiscriminant());
        };
    }

    // ---------------------------------------------------------------- extensions

    /**
     * The account's extension v2, created on first use as stellar-core's {@code prepareAccountEntryExtensionV2}
     * does: extension v1 with zero liabilities if missing, then v2 with zero counts and one empty sponsor per
     * signer.
     */
    public static AccountEntryExtensionV2 prepareExtensionV2(AccountEntry account) {
        return AccountExtensions.prepareV2(account);
    }

    private static AccountEntryExtensionV2 extensionV2(AccountEntry account) {
        var ext = account.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() >= 2) {
            return ext.getV1().getExt().getV2();
        }
        return null;
    }

    private static void setSponsor(LedgerEntry entry, AccountID sponsor) {
        LedgerEntry.LedgerEntryExt ext = entry.getExt();
        if (ext.getDiscriminant() == 0) {
            LedgerEntryExtensionV1 v1 = new LedgerEntryExtensionV1();
            LedgerEntryExtensionV1.LedgerEntryExtensionV1Ext v1Ext = new LedgerEntryExtensionV1.LedgerEntryExtensionV1Ext();
            v1Ext.setDiscriminant(0);
            v1.setExt(v1Ext);
            ext.setDiscriminant(1);
            ext.setV1(v1);
        }
        ext.getV1().setSponsoringID(new SponsorshipDescriptor(sponsor));
    }

    private static void addSponsoring(AccountEntry account, long delta) {
        AccountEntryExtensionV2 v2 = prepareExtensionV2(account);
        long next = v2.getNumSponsoring().getUint32().getNumber() + delta;
        if (next < 0 || next > UINT32_MAX) {
            throw new IllegalStateException("numSponsoring of " + Accounts.strKey(account.getAccountID())
                    + " would be " + next);
        }
        v2.setNumSponsoring(Accounts.uint32(next));
    }

    private static void addSponsored(AccountEntry account, long delta) {
        AccountEntryExtensionV2 v2 = prepareExtensionV2(account);
        long next = v2.getNumSponsored().getUint32().getNumber() + delta;
        if (next < 0 || next > UINT32_MAX) {
            throw new IllegalStateException("numSponsored of " + Accounts.strKey(account.getAccountID())
                    + " would be " + next);
        }
        v2.setNumSponsored(Accounts.uint32(next));
    }

    private static void checkIsSponsor(AccountID recorded, AccountEntry sponsoring) {
        if (recorded == null || !Accounts.same(recorded, sponsoring.getAccountID())) {
            throw new IllegalStateException("sponsorship does not match: recorded "
                    + (recorded == null ? "none" : Accounts.strKey(recorded)) + ", given "
                    + Accounts.strKey(sponsoring.getAccountID()));
        }
    }

    // ---------------------------------------------------------------- checks

    /** Sub-entries beyond the limit, or more sponsoring and sub-entries than a uint32 holds (protocol 18). */
    public static boolean tooManySubEntries(AccountEntry account, int mult) {
        return Accounts.numSubEntries(account) > Accounts.SUB_ENTRIES_MAX - mult
                || Accounts.numSponsoring(account) + Accounts.numSubEntries(account) + mult > UINT32_MAX;
    }

    private static boolean tooManySponsoring(AccountEntry account, int mult) {
        return Accounts.numSponsoring(account) > UINT32_MAX - mult
                || Accounts.numSponsoring(account) + Accounts.numSubEntries(account) + mult > UINT32_MAX;
    }

    /** Whether {@code sponsoring} can take on {@code mult} reserves of {@code sponsored} (which may be none). */
    public static Result canEstablish(AccountEntry sponsoring, AccountEntry sponsored, int mult, long baseReserve) {
        if (Accounts.availableBalance(sponsoring, baseReserve) < Math.multiplyExact((long) mult, baseReserve)) {
            return Result.LOW_RESERVE;
        }
        if (tooManySponsoring(sponsoring, mult)) {
            return Result.TOO_MANY_SPONSORING;
        }
        if (sponsored != null && Accounts.numSponsored(sponsored) > UINT32_MAX - mult) {
            return Result.TOO_MANY_SPONSORED;
        }
        return Result.SUCCESS;
    }

    /** Whether {@code sponsored} (if any) can take back {@code mult} reserves that {@code sponsoring} pays. */
    public static Result canRemove(AccountEntry sponsoring, AccountEntry sponsored, int mult, long baseReserve) {
        if (Accounts.numSponsoring(sponsoring) < mult) {
            throw new IllegalStateException("insufficient numSponsoring of " + Accounts.strKey(sponsoring.getAccountID()));
        }
        if (sponsored != null && Accounts.numSponsored(sponsored) < mult) {
            throw new IllegalStateException("insufficient numSponsored of " + Accounts.strKey(sponsored.getAccountID()));
        }
        if (sponsored != null
                && Accounts.availableBalance(sponsored, baseReserve) < Math.multiplyExact((long) mult, baseReserve)) {
            return Result.LOW_RESERVE;
        }
        return Result.SUCCESS;
    }

    /** Whether {@code mult} reserves can move from {@code oldSponsoring} to {@code newSponsoring}. */
    public static Result canTransfer(AccountEntry oldSponsoring, AccountEntry newSponsoring, int mult,
            long baseReserve) {
        Result removed = canRemove(oldSponsoring, null, mult, baseReserve);
        return removed != Result.SUCCESS ? removed : canEstablish(newSponsoring, null, mult, baseReserve);
    }

    // ---------------------------------------------------------------- establish, remove, transfer

    /** {@code sponsoring} starts paying the entry's reserves; {@code sponsored} (may be null) stops. */
    public static void establishEntry(LedgerEntry entry, AccountEntry sponsoring, AccountEntry sponsored) {
        if (sponsor(entry) != null) {
            throw new IllegalStateException("sponsoring an entry that is sponsored already");
        }
        int mult = multiplier(entry);
        setSponsor(entry, sponsoring.getAccountID());
        addSponsoring(sponsoring, mult);
        if (sponsored != null) {
            addSponsored(sponsored, mult);
        }
    }

    public static void removeEntrySponsorship(LedgerEntry entry, AccountEntry sponsoring, AccountEntry sponsored) {
        checkIsSponsor(sponsor(entry), sponsoring);
        int mult = multiplier(entry);
        entry.getExt().getV1().setSponsoringID(new SponsorshipDescriptor());
        addSponsoring(sponsoring, -mult);
        if (sponsored != null) {
            addSponsored(sponsored, -mult);
        }
    }

    public static void transferEntry(LedgerEntry entry, AccountEntry oldSponsoring, AccountEntry newSponsoring) {
        checkIsSponsor(sponsor(entry), oldSponsoring);
        int mult = multiplier(entry);
        entry.getExt().getV1().setSponsoringID(new SponsorshipDescriptor(newSponsoring.getAccountID()));
        addSponsoring(newSponsoring, mult);
        addSponsoring(oldSponsoring, -mult);
    }

    public static void establishSigner(AccountEntry sponsored, int index, AccountEntry sponsoring) {
        if (signerSponsor(sponsored, index) != null) {
            throw new IllegalStateException("sponsoring a signer that is sponsored already");
        }
        AccountEntryExtensionV2 v2 = prepareExtensionV2(sponsored);
        v2.getSignerSponsoringIDs()[index] = new SponsorshipDescriptor(sponsoring.getAccountID());
        addSponsored(sponsored, 1);
        addSponsoring(sponsoring, 1);
    }

    public static void removeSignerSponsorship(AccountEntry sponsored, int index, AccountEntry sponsoring) {
        checkIsSponsor(signerSponsor(sponsored, index), sponsoring);
        extensionV2(sponsored).getSignerSponsoringIDs()[index] = new SponsorshipDescriptor();
        addSponsored(sponsored, -1);
        addSponsoring(sponsoring, -1);
    }

    public static void transferSigner(AccountEntry sponsored, int index, AccountEntry oldSponsoring,
            AccountEntry newSponsoring) {
        checkIsSponsor(signerSponsor(sponsored, index), oldSponsoring);
        extensionV2(sponsored).getSignerSponsoringIDs()[index] = new SponsorshipDescriptor(newSponsoring.getAccountID());
        addSponsoring(newSponsoring, 1);
        addSponsoring(oldSponsoring, -1);
    }

    // ---------------------------------------------------------------- creating and removing with possible sponsorship

    /**
     * Accounts for a new entry: the sponsor of its owner's future reserves pays for it if the transaction has
     * one (BEGIN_SPONSORING_FUTURE_RESERVES), otherwise the owner; a sub-entry also counts against its owner's
     * sub-entries. A new account is its own owner ({@code owner} is then unused); a claimable balance is paid
     * for by {@code owner}, its creator, unless the creator's reserves are sponsored. On anything but
     * {@link Result#SUCCESS} nothing has changed. (stellar-core's {@code createEntryWithPossibleSponsorship}.)
     */
    public static Result createEntry(LedgerTxn ltx, LedgerContext ctx, LedgerEntry entry, LedgerEntry owner) {
        LedgerEntryType type = entry.getData().getDiscriminant();
        AccountEntry sponsored = type == LedgerEntryType.ACCOUNT ? entry.getData().getAccount()
                : owner.getData().getAccount();
        Optional<AccountID> sponsorId = ltx.futureReservesSponsor(sponsored.getAccountID());
        if (type == LedgerEntryType.CLAIMABLE_BALANCE) {
            // A claimable balance is no one's sub-entry, so no account is sponsored by its reserve.
            sponsored = null;
        }
        int mult = multiplier(entry);
        if (sponsorId.isPresent()) {
            LedgerEntry sponsorEntry = loadAccount(ltx, sponsorId.get());
            AccountEntry sponsoring = sponsorEntry.getData().getAccount();
            if (sponsored != null && isSubEntry(entry) && tooManySubEntries(sponsored, mult)) {
                return Result.TOO_MANY_SUBENTRIES;
            }
            Result result = canEstablish(sponsoring, sponsored, mult, ctx.baseReserve());
            if (result != Result.SUCCESS) {
                return result;
            }
            if (sponsored != null && isSubEntry(entry)) {
                Accounts.changeSubEntries(sponsored, mult);
            }
            establishEntry(entry, sponsoring, sponsored);
            store(ltx, ctx, sponsorEntry);
            return Result.SUCCESS;
        }
        if (sponsored == null) {
            AccountEntry creator = owner.getData().getAccount();
            Result result = canEstablish(creator, null, mult, ctx.baseReserve());
            if (result == Result.SUCCESS) {
                establishEntry(entry, creator, null);
            }
            return result;
        }
        if (type == LedgerEntryType.ACCOUNT) {
            return Accounts.balance(sponsored) < Accounts.minimumBalance(sponsored, ctx.baseReserve())
                    ? Result.LOW_RESERVE : Result.SUCCESS;
        }
        if (tooManySubEntries(sponsored, mult)) {
            return Result.TOO_MANY_SUBENTRIES;
        }
        if (Accounts.availableBalance(sponsored, ctx.baseReserve()) < Math.multiplyExact((long) mult, ctx.baseReserve())) {
            return Result.LOW_RESERVE;
        }
        Accounts.changeSubEntries(sponsored, mult);
        return Result.SUCCESS;
    }

    /**
     * Releases the reserves of an entry about to be erased: its sponsor's, or, unsponsored, its owner's
     * sub-entry. {@code owner} is the entry's owner, the entry itself for an account, and for a claimable
     * balance the account claiming or clawing it back, which may be its sponsor. (stellar-core's
     * {@code removeEntryWithPossibleSponsorship}.)
     */
    public static void removeEntry(LedgerTxn ltx, LedgerContext ctx, LedgerEntry entry, LedgerEntry owner) {
        LedgerEntryType type = entry.getData().getDiscriminant();
        AccountEntry ownerAccount = owner.getData().getAccount();
        int mult = multiplier(entry);
        AccountID sponsorId = sponsor(entry);
        if (sponsorId == null) {
            if (!isSubEntry(entry)) {
                if (type == LedgerEntryType.ACCOUNT) {
                    return;
                }
                throw new IllegalStateException("a claimable balance without a sponsor");
            }
            Accounts.changeSubEntries(ownerAccount, -mult);
            return;
        }
        AccountEntry sponsored = type == LedgerEntryType.CLAIMABLE_BALANCE ? null : ownerAccount;
        if (Accounts.same(sponsorId, ownerAccount.getAccountID())) {
            if (type != LedgerEntryType.CLAIMABLE_BALANCE) {
                throw new IllegalStateException("an entry sponsored by its own owner");
            }
            canRemove(ownerAccount, null, mult, ctx.baseReserve());
            removeEntrySponsorship(entry, ownerAccount, null);
            return;
        }
        LedgerEntry sponsorEntry = loadAccount(ltx, sponsorId);
        AccountEntry sponsoring = sponsorEntry.getData().getAccount();
        // Releasing reserves never needs a reserve: only the sponsored side's counts are checked, as in core.
        if (Accounts.numSponsoring(sponsoring) < mult || (sponsored != null && Accounts.numSponsored(sponsored) < mult)) {
            throw new IllegalStateException("sponsorship counts too low to release an entry");
        }
        if (sponsored != null && isSubEntry(entry)) {
            Accounts.changeSubEntries(sponsored, -mult);
        }
        removeEntrySponsorship(entry, sponsoring, sponsored);
        store(ltx, ctx, sponsorEntry);
    }

    /**
     * Accounts for the signer just inserted at {@code index} of {@code account} (with an empty sponsor slot):
     * paid by the sponsor of the account's future reserves if any, otherwise by the account; counted as a
     * sub-entry either way. (stellar-core's {@code createSignerWithPossibleSponsorship}.)
     */
    public static Result createSigner(LedgerTxn ltx, LedgerContext ctx, AccountEntry account, int index) {
        Optional<AccountID> sponsorId = ltx.futureReservesSponsor(account.getAccountID());
        if (tooManySubEntries(account, 1)) {
            return Result.TOO_MANY_SUBENTRIES;
        }
        if (sponsorId.isEmpty()) {
            if (Accounts.availableBalance(account, ctx.baseReserve()) < ctx.baseReserve()) {
                return Result.LOW_RESERVE;
            }
            Accounts.changeSubEntries(account, 1);
            return Result.SUCCESS;
        }
        LedgerEntry sponsorEntry = loadAccount(ltx, sponsorId.get());
        AccountEntry sponsoring = sponsorEntry.getData().getAccount();
        Result result = canEstablish(sponsoring, account, 1, ctx.baseReserve());
        if (result != Result.SUCCESS) {
            return result;
        }
        Accounts.changeSubEntries(account, 1);
        establishSigner(account, index, sponsoring);
        store(ltx, ctx, sponsorEntry);
        return Result.SUCCESS;
    }

    /** Removes the signer at {@code index}, releasing its sponsor's reserve if it has one. */
    public static void removeSigner(LedgerTxn ltx, LedgerContext ctx, AccountEntry account, int index) {
        AccountID sponsorId = signerSponsor(account, index);
        if (sponsorId != null) {
            LedgerEntry sponsorEntry = loadAccount(ltx, sponsorId);
            removeSignerSponsorship(account, index, sponsorEntry.getData().getAccount());
            store(ltx, ctx, sponsorEntry);
        }
        Signers.removeAt(account, index);
    }

    /** Removes the signer with {@code key} if the account has it, releasing its sponsor's reserve; true if it did. */
    public static boolean removeSigner(LedgerTxn ltx, LedgerContext ctx, AccountEntry account, SignerKey key) {
        int index = Signers.indexOf(account, key);
        if (index < 0) {
            return false;
        }
        removeSigner(ltx, ctx, account, index);
        return true;
    }

    private static LedgerEntry loadAccount(LedgerTxn ltx, AccountID id) {
        return ltx.load(Accounts.key(id)).orElseThrow(() -> new IllegalStateException(
                "sponsoring account " + Accounts.strKey(id) + " does not exist"));
    }

    private static void store(LedgerTxn ltx, LedgerContext ctx, LedgerEntry entry) {
        entry.setLastModifiedLedgerSeq(Accounts.uint32(ctx.ledgerSeq()));
        ltx.put(entry);
    }
}
