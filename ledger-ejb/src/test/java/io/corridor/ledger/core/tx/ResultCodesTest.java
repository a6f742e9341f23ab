package io.corridor.ledger.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.CreateAccountResult;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentResult;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/** The strings wallets match on must be Horizon's, including its historical exceptions. */
class ResultCodesTest {

    @Test
    void transactionCodesAreHorizonNames() {
        assertThat(ResultCodes.transaction(TransactionResultCode.txSUCCESS)).isEqualTo("tx_success");
        assertThat(ResultCodes.transaction(TransactionResultCode.txFAILED)).isEqualTo("tx_failed");
        assertThat(ResultCodes.transaction(TransactionResultCode.txBAD_SEQ)).isEqualTo("tx_bad_seq");
        assertThat(ResultCodes.transaction(TransactionResultCode.txBAD_AUTH_EXTRA)).isEqualTo("tx_bad_auth_extra");
        assertThat(ResultCodes.transaction(TransactionResultCode.txINSUFFICIENT_FEE)).isEqualTo("tx_insufficient_fee");
        assertThat(ResultCodes.transaction(TransactionResultCode.txTOO_EARLY)).isEqualTo("tx_too_early");
        assertThat(ResultCodes.transaction(TransactionResultCode.txNO_ACCOUNT)).isEqualTo("tx_no_source_account");
        assertThat(ResultCodes.transaction(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP))
                .isEqualTo("tx_bad_minseq_age_or_gap");
        assertThat(ResultCodes.transaction(TransactionResultCode.txFEE_BUMP_INNER_FAILED))
                .isEqualTo("tx_fee_bump_inner_failed");
    }

    @Test
    void operationCodesDropTheOperationPrefix() {
        assertThat(ResultCodes.operation(payment(PaymentResultCode.PAYMENT_UNDERFUNDED))).isEqualTo("op_underfunded");
        assertThat(ResultCodes.operation(payment(PaymentResultCode.PAYMENT_NO_DESTINATION)))
                .isEqualTo("op_no_destination");
        assertThat(ResultCodes.operation(payment(PaymentResultCode.PAYMENT_SUCCESS))).isEqualTo("op_success");
        assertThat(ResultCodes.operation(createAccount(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE)))
                .isEqualTo("op_low_reserve");
        assertThat(ResultCodes.operation(createAccount(CreateAccountResultCode.CREATE_ACCOUNT_ALREADY_EXIST)))
                .isEqualTo("op_already_exists");
    }

    @Test
    void outerOperationCodesAreHorizonNames() {
        assertThat(ResultCodes.operation(outer(OperationResultCode.opBAD_AUTH))).isEqualTo("op_bad_auth");
        assertThat(ResultCodes.operation(outer(OperationResultCode.opNO_ACCOUNT))).isEqualTo("op_no_source_account");
        assertThat(ResultCodes.operation(outer(OperationResultCode.opNOT_SUPPORTED))).isEqualTo("op_not_supported");
    }

    private static OperationResult outer(OperationResultCode code) {
        OperationResult result = new OperationResult();
        result.setDiscriminant(code);
        return result;
    }

    private static OperationResult payment(PaymentResultCode code) {
        PaymentResult payment = new PaymentResult();
        payment.setDiscriminant(code);
        OperationResult.OperationResultTr tr = new OperationResult.OperationResultTr();
        tr.setDiscriminant(OperationType.PAYMENT);
        tr.setPaymentResult(payment);
        OperationResult result = new OperationResult();
        result.setDiscriminant(OperationResultCode.opINNER);
        result.setTr(tr);
        return result;
    }

    private static OperationResult createAccount(CreateAccountResultCode code) {
        CreateAccountResult create = new CreateAccountResult();
        create.setDiscriminant(code);
        OperationResult.OperationResultTr tr = new OperationResult.OperationResultTr();
        tr.setDiscriminant(OperationType.CREATE_ACCOUNT);
        tr.setCreateAccountResult(create);
        OperationResult result = new OperationResult();
        result.setDiscriminant(OperationResultCode.opINNER);
        result.setTr(tr);
        return result;
    }
}
