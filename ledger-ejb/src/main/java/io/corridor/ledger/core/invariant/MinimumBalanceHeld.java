package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/**
 * An operation never takes an account below its minimum balance (plus selling liabilities), nor further
 * below it. Fees are not operations: a fee may eat into the reserve, as in Stellar, so this runs per
 * operation only.
 */
public final class MinimumBalanceHeld implements Invariant {

    @Override
    public String name() {
        return "MinimumBalanceHeld";
    }

    @Override
    public Optional<String> checkOnOperationApply(Operation operation, OperationResult result,
            List<EntryChange> changes, LedgerContext ctx) {
        for (EntryChange change : changes) {
            if (change.key().type() != LedgerEntryType.ACCOUNT || change.after().isEmpty()) {
                continue;
            }
            AccountEntry after = change.after().get().getData().getAccount();
            long available = Accounts.availableBalance(after, ctx.baseReserve());
            if (available >= 0) {
                continue;
            }
            long before = change.before()
                    .map(e -> Accounts.availableBalance(e.getData().getAccount(), ctx.baseReserve()))
                    .orElse(Long.MIN_VALUE);
            if (change.before().isEmpty() || available < before) {
                return Optional.of("account " + Accounts.strKey(after.getAccountID()) + " is " + (-available)
                        + " below its minimum balance after the operation");
            }
        }
        return Optional.empty();
    }
}
