package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;

/**
 * Operations this ledger does not (yet) support, such as INFLATION, which Stellar retired: invalid with
 * {@code opNOT_SUPPORTED}, as stellar-core answers for disabled operations. A transaction carrying a Soroban
 * operation is rejected as a whole with {@code txMALFORMED} before its operations are checked
 * ({@code TransactionConditions}), so those reach this frame only outside a transaction.
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
