package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * No balance below zero (accounts, trust lines, claimable balances hold a positive amount), no liability
 * below zero, and a trust line's balance within its limit.
 */
public final class BalancesAreNonNegative extends ChangeSetInvariant {

    @Override
    public String name() {
        return "BalancesAreNonNegative";
    }

    @Override
    Optional<String> check(List<EntryChange> changes) {
        for (EntryChange change : changes) {
            if (change.after().isEmpty()) {
                continue;
            }
            LedgerEntry.LedgerEntryData data = change.after().get().getData();
            switch (data.getDiscriminant()) {
                case ACCOUNT -> {
                    var account = data.getAccount();
                    if (Accounts.balance(account) < 0 || Accounts.buyingLiabilities(account) < 0
                            || Accounts.sellingLiabilities(account) < 0) {
                        return Optional.of("account " + Accounts.strKey(account.getAccountID())
                                + " has a negative balance or liability");
                    }
                }
                case TRUSTLINE -> {
                    TrustLineEntry line = data.getTrustLine();
                    long balance = line.getBalance().getInt64();
                    long limit = line.getLimit().getInt64();
                    if (balance < 0 || limit < 0) {
                        return Optional.of("trust line " + Entries.describe(change) + " has a negative balance or limit");
                    }
                    if (balance > limit) {
                        return Optional.of("trust line " + Entries.describe(change) + " holds " + balance
                                + " above its limit " + limit);
                    }
                }
                case CLAIMABLE_BALANCE -> {
                    if (data.getClaimableBalance().getAmount().getInt64() <= 0) {
                        return Optional.of("claimable balance " + Entries.describe(change) + " is not positive");
                    }
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }
}
