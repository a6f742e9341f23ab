package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.SponsorshipDescriptor;

/**
 * Sponsorship counters follow the sponsored entries (stellar-core's {@code SponsorshipCountIsValid}, in
 * aggregate): the change in all accounts' {@code numSponsoring} equals the change in reserves sponsored
 * (2 for an account, 1 for a trust line, offer, data entry or signer, one per claimant for a claimable
 * balance), and the change in {@code numSponsored} equals the same without claimable balances, which have
 * no owner to be sponsored.
 */
public final class SponsorshipCountsAreConsistent extends ChangeSetInvariant {

    @Override
    public String name() {
        return "SponsorshipCountsAreConsistent";
    }

    @Override
    Optional<String> check(List<EntryChange> changes) {
        long sponsoringDelta = 0;
        long sponsoredDelta = 0;
        long expectedSponsoring = 0;
        long expectedSponsored = 0;
        for (EntryChange change : changes) {
            long before = sponsoredReserves(change.before().orElse(null), true);
            long after = sponsoredReserves(change.after().orElse(null), true);
            expectedSponsoring += after - before;
            expectedSponsored += sponsoredReserves(change.after().orElse(null), false)
                    - sponsoredReserves(change.before().orElse(null), false);
            if (change.key().type() == LedgerEntryType.ACCOUNT) {
                AccountEntry a = change.after().map(e -> e.getData().getAccount()).orElse(null);
                AccountEntry b = change.before().map(e -> e.getData().getAccount()).orElse(null);
                if (a != null && (Accounts.numSponsoring(a) < 0 || Accounts.numSponsored(a) < 0)) {
                    return Optional.of("account " + Accounts.strKey(a.getAccountID()) + " has a negative sponsorship count");
                }
                sponsoringDelta += (a == null ? 0 : Accounts.numSponsoring(a)) - (b == null ? 0 : Accounts.numSponsoring(b));
                sponsoredDelta += (a == null ? 0 : Accounts.numSponsored(a)) - (b == null ? 0 : Accounts.numSponsored(b));
            }
        }
        if (sponsoringDelta != expectedSponsoring) {
            return Optional.of("numSponsoring changed by " + sponsoringDelta + " but sponsored reserves by "
                    + expectedSponsoring);
        }
        if (sponsoredDelta != expectedSponsored) {
            return Optional.of("numSponsored changed by " + sponsoredDelta + " but sponsored owner reserves by "
                    + expectedSponsored);
        }
        return Optional.empty();
    }

    /** Reserves of this entry that some account sponsors. */
    private static long sponsoredReserves(LedgerEntry entry, boolean includeClaimableBalances) {
        if (entry == null) {
            return 0;
        }
        long reserves = 0;
        boolean sponsored = entry.getExt() != null && entry.getExt().getDiscriminant() == 1
                && entry.getExt().getV1().getSponsoringID() != null
                && entry.getExt().getV1().getSponsoringID().getSponsorshipDescriptor() != null;
        LedgerEntry.LedgerEntryData data = entry.getData();
        if (sponsored) {
            reserves += switch (data.getDiscriminant()) {
                case ACCOUNT -> 2;
                case CLAIMABLE_BALANCE -> includeClaimableBalances ? data.getClaimableBalance().getClaimants().length : 0;
                default -> 1;
            };
        }
        if (data.getDiscriminant() == LedgerEntryType.ACCOUNT) {
            var ext = data.getAccount().getExt();
            if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() >= 2) {
                for (SponsorshipDescriptor signerSponsor : ext.getV1().getExt().getV2().getSignerSponsoringIDs()) {
                    if (signerSponsor != null && signerSponsor.getSponsorshipDescriptor() != null) {
                        reserves++;
                    }
                }
            }
        }
        return reserves;
    }
}
