package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/** An invariant that reads only the changed entries, the same way after an operation and after a ledger. */
abstract class ChangeSetInvariant implements Invariant {

    /** The breach in {@code changes}, or empty. */
    abstract Optional<String> check(List<EntryChange> changes);

    @Override
    public Optional<String> checkOnOperationApply(Operation operation, OperationResult result,
            List<EntryChange> changes, LedgerContext ctx) {
        return check(changes);
    }

    @Override
    public Optional<String> checkOnLedgerClose(LedgerHeader previous, LedgerHeader next, List<EntryChange> changes) {
        return check(changes);
    }
}
