package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.paymentCode;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * PAYMENT of the native asset, each result code: first the operation alone against a hand-built state (which
 * allows balances near INT64_MAX), then through a ledger close with the fee and sequence number it pays.
 */
class PaymentOpFrameTest {

    private final KeyPair source = key("source");
    private final KeyPair destination = key("destination");

    private static Operation paymentXdr(KeyPair to, long amount) {
        Operation op = paymentOp(to, 1).toXdr();
        op.getBody().getPaymentOp().setAmount(new Int64(amount));
        return op;
    }

    @Test
    void successMovesTheAmountAndStampsBothAccounts() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(destination, iqq(50));

        OperationResult result = h.run(paymentOp(destination, iqq(30)), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(h.balance(source)).isEqualTo(iqq(70));
        assertThat(h.balance(destination)).isEqualTo(iqq(80));
        assertThat(h.changes()).hasSize(2).allSatisfy(change -> assertThat(
                change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                .isEqualTo(OperationHarness.LEDGER_SEQ));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void nonPositiveAmountIsMalformed(long amount) {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(destination, iqq(50));

        OperationResult result = OperationFrame.of(paymentXdr(destination, amount), OperationHarness.id(source))
                .doCheckValid(h.ctx);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_MALFORMED);
    }

    @Test
    void missingDestinationIsNoDestination() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(paymentOp(destination, iqq(30)), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_NO_DESTINATION);
        assertThat(h.changes()).isEmpty();
        assertThat(h.account(destination)).isEmpty();
    }

    @Test
    void noDestinationIsCheckedBeforeUnderfunded() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE);

        assertThat(paymentCode(h.run(paymentOp(destination, iqq(1_000)), source)))
                .isEqualTo(PaymentResultCode.PAYMENT_NO_DESTINATION);
    }

    @Test
    void paymentBelowTheMinimumBalanceIsUnderfunded() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(destination, iqq(50));

        assertThat(paymentCode(h.run(paymentOp(destination, iqq(80) + 1), source)))
                .isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
        assertThat(h.changes()).isEmpty();
        assertThat(paymentCode(h.run(paymentOp(destination, iqq(80)), source)))
                .isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(h.balance(source)).isEqualTo(MIN_BALANCE);
        assertThat(h.balance(destination)).isEqualTo(iqq(130));
    }

    @Test
    void nativePaymentToSelfSucceedsWithoutTouchingTheBalance() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        // More than the balance: stellar-core answers a native payment to oneself at once.
        OperationResult result = h.run(paymentOp(source, iqq(1_000)), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(source)).isEqualTo(iqq(100));
    }

    @Test
    void creditAssetIsNotSupported() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(destination, iqq(50));
        PaymentOperation euro = new PaymentOperation.Builder(destination.getAccountId(),
                new AssetTypeCreditAlphaNum4("EUR", source.getAccountId()), "10").build();

        OperationResult result = h.run(euro, source);

        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opNOT_SUPPORTED);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void destinationThatCannotHoldTheAmountIsLineFull() {
        OperationHarness h = new OperationHarness().account(source, iqq(1_000))
                .account(destination, Long.MAX_VALUE - iqq(5));

        OperationResult result = h.run(paymentOp(destination, iqq(5) + 1), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(source)).isEqualTo(iqq(1_000));
        assertThat(h.balance(destination)).isEqualTo(Long.MAX_VALUE - iqq(5));
    }

    @Test
    void destinationMayBeFilledUpToExactlyInt64Max() {
        OperationHarness h = new OperationHarness().account(source, iqq(1_000))
                .account(destination, Long.MAX_VALUE - iqq(5));

        OperationResult result = h.run(paymentOp(destination, iqq(5)), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(h.balance(destination)).isEqualTo(Long.MAX_VALUE);
        assertThat(h.balance(source)).isEqualTo(iqq(995));
    }

    @Test
    void lineFullIsCheckedBeforeUnderfunded() {
        // stellar-core runs a payment as a path payment: the destination is credited before the source is debited.
        OperationHarness h = new OperationHarness().account(source, iqq(1_000))
                .account(destination, Long.MAX_VALUE - iqq(5));

        OperationResult result = h.run(paymentOp(destination, iqq(2_000)), source);

        assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
    }

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair alice;
        private KeyPair bob;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            alice = ledger.fundedAccount("alice", iqq(100));
            bob = ledger.fundedAccount("bob", iqq(50));
        }

        @Test
        void nativePaymentMovesTheAmountAndChargesTheFee() {
            AppliedTransaction applied = ledger.apply(ledger.payment(alice, bob, iqq(30)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(applied.result().getFeeCharged().getInt64()).isEqualTo(BASE_FEE);
            assertThat(applied.successful()).isTrue();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(70) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(80));
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
            assertThat(ledger.seqNum(bob)).isEqualTo(3L << 32);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void nonPositiveAmountIsMalformedAndStillPaysTheFee(long amount) {
            TransactionEnvelope envelope = ledger.payment(alice, bob, 1).toEnvelopeXdr();
            envelope.getV1().getTx().getOperations()[0].getBody().getPaymentOp().setAmount(new Int64(amount));
            ledger.resign(envelope, alice);

            TransactionResult check = ledger.checkValid(envelope);
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(check, 0))).isEqualTo(PaymentResultCode.PAYMENT_MALFORMED);

            AppliedTransaction applied = ledger.applyEnvelope(envelope);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_MALFORMED);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void missingDestinationIsNoDestination() {
            KeyPair nobody = key("nobody");

            AppliedTransaction applied = ledger.apply(ledger.payment(alice, nobody, iqq(30)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(applied.result(), 0)))
                    .isEqualTo(PaymentResultCode.PAYMENT_NO_DESTINATION);
            assertThat(ledger.exists(nobody)).isFalse();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void paymentThatWouldGoBelowTheMinimumBalanceIsUnderfunded() {
            // After the fee alice holds 100 IQQ − 1000 and must keep 20 IQQ.
            long spendable = iqq(100) - BASE_FEE - MIN_BALANCE;

            AppliedTransaction applied = ledger.apply(ledger.payment(alice, bob, spendable + 1));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void paymentDownToExactlyTheMinimumBalanceSucceeds() {
            long spendable = iqq(100) - BASE_FEE - MIN_BALANCE;

            AppliedTransaction applied = ledger.apply(ledger.payment(alice, bob, spendable));

            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(MIN_BALANCE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50) + spendable);
        }

        @Test
        void paymentToSelfSucceedsAndOnlyTheFeeIsCharged() {
            AppliedTransaction applied = ledger.apply(ledger.payment(alice, alice, iqq(1_000)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void creditAssetIsNotSupported() {
            Transaction tx = ledger.tx(alice, new PaymentOperation.Builder(bob.getAccountId(),
                    new AssetTypeCreditAlphaNum4("EUR", ledger.root().getAccountId()), "10").build());

            TransactionResult check = ledger.checkValid(tx);
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(check, 0).getDiscriminant()).isEqualTo(OperationResultCode.opNOT_SUPPORTED);

            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(applied.result(), 0).getDiscriminant())
                    .isEqualTo(OperationResultCode.opNOT_SUPPORTED);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }
    }
}
