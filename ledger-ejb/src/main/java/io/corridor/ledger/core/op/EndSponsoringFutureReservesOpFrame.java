package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.EndSponsoringFutureReservesResult;
import org.stellar.sdk.xdr.EndSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;

/**
 * END_SPONSORING_FUTURE_RESERVES (CAP-33): the source, the sponsored account, ends the sponsorship of its
 * future reserves that BEGIN_SPONSORING_FUTURE_RESERVES started earlier in the transaction. Its source being
 * the sponsored account is what makes the sponsored account consent to being sponsored. Without such a
 * sponsorship it is {@code NOT_SPONSORED}.
 */
public final class EndSponsoringFutureReservesOpFrame extends OperationFrame {

    EndSponsoringFutureReservesOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        if (ltx.futureReservesSponsor(sourceAccount()).isEmpty()) {
            return result(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED);
        }
        ltx.endSponsoring(sourceAccount());
        return result(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_SUCCESS);
    }

    static OperationResult result(EndSponsoringFutureReservesResultCode code) {
        return inner(OperationType.END_SPONSORING_FUTURE_RESERVES, tr -> {
            EndSponsoringFutureReservesResult r = new EndSponsoringFutureReservesResult();
            r.setDiscriminant(code);
            tr.setEndSponsoringFutureReservesResult(r);
        });
    }
}
