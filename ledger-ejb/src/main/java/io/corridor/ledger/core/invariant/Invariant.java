package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/** One named property of the ledger. Checks return a description of the breach, or empty when it holds. */
public interface Invariant {

    /** Stable name, used in logs and configuration (e.g. {@code ConservationOfNativeAsset}). */
    String name();

    /** After a successful operation, with the entries it changed. */
    default Optional<String> checkOnOperationApply(Operation operation, OperationResult result,
            List<EntryChange> changes, LedgerContext ctx) {
        return Optional.empty();
    }

    /** After a whole ledger, with its net entry changes and both headers. */
    default Optional<String> checkOnLedgerClose(LedgerHeader previous, LedgerHeader next, List<EntryChange> changes) {
        return Optional.empty();
    }
}
