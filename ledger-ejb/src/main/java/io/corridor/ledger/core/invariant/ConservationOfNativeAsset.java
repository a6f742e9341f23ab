package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/**
 * The native asset is neither created nor destroyed: an operation moves it (its native delta is zero), and
 * a ledger's native delta is exactly offset by the fee pool, with the total supply unchanged. Together this
 * keeps total coins = balances + native claimable balances + fee pool.
 */
public final class ConservationOfNativeAsset implements Invariant {

    @Override
    public String name() {
        return "ConservationOfNativeAsset";
    }

    @Override
    public Optional<String> checkOnOperationApply(Operation operation, OperationResult result,
            List<EntryChange> changes, LedgerContext ctx) {
        long delta = Entries.nativeDelta(changes);
        return delta == 0 ? Optional.empty()
                : Optional.of("the operation changed the native asset in existence by " + delta);
    }

    @Override
    public Optional<String> checkOnLedgerClose(LedgerHeader previous, LedgerHeader next, List<EntryChange> changes) {
        long totalBefore = previous.getTotalCoins().getInt64();
        long totalAfter = next.getTotalCoins().getInt64();
        if (totalBefore != totalAfter) {
            return Optional.of("total coins changed from " + totalBefore + " to " + totalAfter);
        }
        long feePoolDelta = next.getFeePool().getInt64() - previous.getFeePool().getInt64();
        long delta = Entries.nativeDelta(changes);
        if (delta + feePoolDelta != 0) {
            return Optional.of("balances changed by " + delta + " but the fee pool by " + feePoolDelta);
        }
        return Optional.empty();
    }
}
