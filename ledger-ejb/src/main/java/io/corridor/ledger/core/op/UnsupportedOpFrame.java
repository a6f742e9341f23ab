package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;

/**
 * Operations this ledger does not (yet) support, such as INFLATION, which Stellar retired, and the
 * Soroban operations of a classic-only network: invalid with {@code opNOT_SUPPORTED}, as stellar-core
 * answers for disabled operations.
 */
final class UnsupportedOpFrame extends OperationFrame {

    UnsupportedOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return outer(OperationResultCode.opNOT_SUPPORTED);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        return outer(OperationResultCode.opNOT_SUPPORTED);
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        return outer(OperationResultCode.opNOT_SUPPORTED);
    }
}
