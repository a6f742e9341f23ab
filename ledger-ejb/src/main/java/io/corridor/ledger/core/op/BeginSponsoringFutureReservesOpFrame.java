package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.BeginSponsoringFutureReservesResult;
import org.stellar.sdk.xdr.BeginSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;

/**
 * BEGIN_SPONSORING_FUTURE_RESERVES (CAP-33): from here until the sponsored account's
 * END_SPONSORING_FUTURE_RESERVES in the same transaction, the source pays the reserves of every account, trust
 * line, data entry, signer and claimable balance that the sponsored account creates. The transaction fails with
 * {@code txBAD_SPONSORSHIP} if it does not end the sponsorship. Checks in stellar-core's order: sponsoring
 * oneself is {@code MALFORMED}; a sponsored account that already has a sponsor is {@code ALREADY_SPONSORED};
 * a source that is itself sponsored, or a sponsored account that is sponsoring someone, is {@code RECURSIVE}.
 * The sponsored account need not exist yet: CREATE_ACCOUNT is how a sponsored account comes to be.
 */
public final class BeginSponsoringFutureReservesOpFrame extends OperationFrame {

    private final AccountID sponsored;

    BeginSponsoringFutureReservesOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.sponsored = operation.getBody().getBeginSponsoringFutureReservesOp().getSponsoredID();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (Accounts.same(sponsored, sourceAccount())) {
            return result(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_MALFORMED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        if (ltx.futureReservesSponsor(sponsored).isPresent()) {
            return result(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_ALREADY_SPONSORED);
        }
        // Sponsorship does not chain: a sponsored account cannot sponsor, nor a sponsor be sponsored.
        if (ltx.futureReservesSponsor(sourceAccount()).isPresent() || ltx.futureReservesSponsoredCount(sponsored) > 0) {
            return result(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_RECURSIVE);
        }
        ltx.beginSponsoring(sourceAccount(), sponsored);
        return result(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_SUCCESS);
    }

    static OperationResult result(BeginSponsoringFutureReservesResultCode code) {
        return inner(OperationType.BEGIN_SPONSORING_FUTURE_RESERVES, tr -> {
            BeginSponsoringFutureReservesResult r = new BeginSponsoringFutureReservesResult();
            r.setDiscriminant(code);
            tr.setBeginSponsoringFutureReservesResult(r);
        });
    }
}
