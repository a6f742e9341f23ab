package io.corridor.ledger.core.op;

import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;

/**
 * Reads the operation-specific result code out of any {@link OperationResult}. In Stellar every
 * operation's success code is 0 and failures are negative, which {@link #isSuccess} relies on.
 */
public final class OperationResults {

    private OperationResults() {
    }

    /** The inner result code of an {@code opINNER} result, or {@code null} for outer codes. */
    public static Enum<?> innerCode(OperationResult result) {
        if (result.getDiscriminant() != OperationResultCode.opINNER) {
            return null;
        }
        OperationResult.OperationResultTr tr = result.getTr();
        return switch (tr.getDiscriminant()) {
            case CREATE_ACCOUNT -> tr.getCreateAccountResult().getDiscriminant();
            case PAYMENT -> tr.getPaymentResult().getDiscriminant();
            case PATH_PAYMENT_STRICT_RECEIVE -> tr.getPathPaymentStrictReceiveResult().getDiscriminant();
            case MANAGE_SELL_OFFER -> tr.getManageSellOfferResult().getDiscriminant();
            case CREATE_PASSIVE_SELL_OFFER -> tr.getCreatePassiveSellOfferResult().getDiscriminant();
            case SET_OPTIONS -> tr.getSetOptionsResult().getDiscriminant();
            case CHANGE_TRUST -> tr.getChangeTrustResult().getDiscriminant();
            case ALLOW_TRUST -> tr.getAllowTrustResult().getDiscriminant();
            case ACCOUNT_MERGE -> tr.getAccountMergeResult().getDiscriminant();
            case INFLATION -> tr.getInflationResult().getDiscriminant();
            case MANAGE_DATA -> tr.getManageDataResult().getDiscriminant();
            case BUMP_SEQUENCE -> tr.getBumpSeqResult().getDiscriminant();
            case MANAGE_BUY_OFFER -> tr.getManageBuyOfferResult().getDiscriminant();
            case PATH_PAYMENT_STRICT_SEND -> tr.getPathPaymentStrictSendResult().getDiscriminant();
            case CREATE_CLAIMABLE_BALANCE -> tr.getCreateClaimableBalanceResult().getDiscriminant();
            case CLAIM_CLAIMABLE_BALANCE -> tr.getClaimClaimableBalanceResult().getDiscriminant();
            case BEGIN_SPONSORING_FUTURE_RESERVES -> tr.getBeginSponsoringFutureReservesResult().getDiscriminant();
            case END_SPONSORING_FUTURE_RESERVES -> tr.getEndSponsoringFutureReservesResult().getDiscriminant();
            case REVOKE_SPONSORSHIP -> tr.getRevokeSponsorshipResult().getDiscriminant();
            case CLAWBACK -> tr.getClawbackResult().getDiscriminant();
            case CLAWBACK_CLAIMABLE_BALANCE -> tr.getClawbackClaimableBalanceResult().getDiscriminant();
            case SET_TRUST_LINE_FLAGS -> tr.getSetTrustLineFlagsResult().getDiscriminant();
            case LIQUIDITY_POOL_DEPOSIT -> tr.getLiquidityPoolDepositResult().getDiscriminant();
            case LIQUIDITY_POOL_WITHDRAW -> tr.getLiquidityPoolWithdrawResult().getDiscriminant();
            case INVOKE_HOST_FUNCTION -> tr.getInvokeHostFunctionResult().getDiscriminant();
            case EXTEND_FOOTPRINT_TTL -> tr.getExtendFootprintTTLResult().getDiscriminant();
            case RESTORE_FOOTPRINT -> tr.getRestoreFootprintResult().getDiscriminant();
        };
    }

    /** The numeric value of the inner code: 0 is success, negative values are failures. */
    public static int innerValue(OperationResult result) {
        Enum<?> code = innerCode(result);
        if (code == null) {
            throw new IllegalArgumentException("outer result code " + result.getDiscriminant() + " has no inner code");
        }
        try {
            return (int) code.getClass().getMethod("getValue").invoke(code);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XDR result enum without getValue(): " + code.getClass(), e);
        }
    }

    public static boolean isSuccess(OperationResult result) {
        return result.getDiscriminant() == OperationResultCode.opINNER && innerValue(result) == 0;
    }
}
