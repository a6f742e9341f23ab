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

import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.tx.ResultCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * PAYMENT, each result code: first the operation alone against a hand-built state (which allows balances near
 * INT64_MAX, and trust lines with any flags and liabilities), native and then credit assets, then through a
 * ledger close with the fee and sequence number it pays.
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

    /**
     * PAYMENT of a credit asset against a hand-built state: an issuer of USD, alice holding 500 USD and bob 0,
     * both on authorized lines with a limit of 1,000.
     */
    @Nested
    class CreditAssets {

        private final KeyPair issuer = key("issuer");
        private final KeyPair alice = key("alice");
        private final KeyPair bob = key("bob");
        private final KeyPair carol = key("carol");
        private final Asset usd = CreditFixture.usd(issuer);
        private OperationHarness h;

        @BeforeEach
        void setUp() {
            h = new OperationHarness().account(issuer, iqq(100)).account(alice, iqq(100)).account(bob, iqq(100));
            CreditFixture.putTrustLine(h.state, alice, usd, iqq(500), iqq(1_000), CreditFixture.AUTHORIZED);
            CreditFixture.putTrustLine(h.state, bob, usd, 0, iqq(1_000), CreditFixture.AUTHORIZED);
        }

        private PaymentResultCode pay(KeyPair from, KeyPair to, long amount) {
            return paymentCode(h.run(CreditFixture.paymentOp(to, usd, amount), from));
        }

        private long usdBalance(KeyPair holder) {
            return TrustLines.balance(CreditFixture.trustLineAfter(h.changes(), h.state, holder, usd).orElseThrow());
        }

        private void setLineFlags(KeyPair holder, int flags) {
            CreditFixture.updateTrustLine(h.state, holder, usd, l -> TrustLines.setFlags(l, flags));
        }

        @Test
        void holderPaysHolderFromLineToLine() {
            assertThat(pay(alice, bob, iqq(200))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);

            assertThat(usdBalance(alice)).isEqualTo(iqq(300));
            assertThat(usdBalance(bob)).isEqualTo(iqq(200));
            assertThat(h.balance(alice)).isEqualTo(iqq(100));
            assertThat(h.balance(bob)).isEqualTo(iqq(100));
            // The two lines change, no account does.
            assertThat(h.changes()).hasSize(2).allSatisfy(change -> {
                assertThat(change.key().type()).isEqualTo(LedgerEntryType.TRUSTLINE);
                assertThat(change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                        .isEqualTo(OperationHarness.LEDGER_SEQ);
            });
        }

        @Test
        void destinationMayBeFilledUpToExactlyItsLimit() {
            assertThat(pay(issuer, bob, iqq(1_000))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(bob)).isEqualTo(iqq(1_000));
        }

        @Test
        void issuerMintsWithoutALineOfItsOwn() {
            assertThat(pay(issuer, bob, iqq(100))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);

            assertThat(usdBalance(bob)).isEqualTo(iqq(100));
            assertThat(h.balance(issuer)).isEqualTo(iqq(100));
            assertThat(h.changes()).singleElement()
                    .satisfies(c -> assertThat(c.key()).isEqualTo(CreditFixture.trustLineKey(bob, usd)));
        }

        @Test
        void holderBurnsByPayingTheIssuer() {
            assertThat(pay(alice, issuer, iqq(100))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);

            assertThat(usdBalance(alice)).isEqualTo(iqq(400));
            assertThat(h.balance(issuer)).isEqualTo(iqq(100));
            assertThat(h.changes()).singleElement()
                    .satisfies(c -> assertThat(c.key()).isEqualTo(CreditFixture.trustLineKey(alice, usd)));
        }

        @Test
        void assetMayBeSentBackToAnIssuerWhoseAccountIsGone() {
            OperationHarness orphaned = new OperationHarness().account(alice, iqq(100));
            CreditFixture.putTrustLine(orphaned.state, alice, usd, iqq(500), iqq(1_000), CreditFixture.AUTHORIZED);

            OperationResult result = orphaned.run(CreditFixture.paymentOp(issuer, usd, iqq(100)), alice);

            assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(TrustLines.balance(CreditFixture.trustLineAfter(orphaned.changes(), orphaned.state, alice, usd)
                    .orElseThrow())).isEqualTo(iqq(400));
        }

        @Test
        void holdersPayEachOtherAfterTheIssuerIsGoneSoNoIssuerIsNotReturned() {
            OperationHarness orphaned = new OperationHarness().account(alice, iqq(100)).account(bob, iqq(100));
            CreditFixture.putTrustLine(orphaned.state, alice, usd, iqq(500), iqq(1_000), CreditFixture.AUTHORIZED);
            CreditFixture.putTrustLine(orphaned.state, bob, usd, 0, iqq(1_000), CreditFixture.AUTHORIZED);

            OperationResult result = orphaned.run(CreditFixture.paymentOp(bob, usd, iqq(100)), alice);

            assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(TrustLines.balance(CreditFixture.trustLineAfter(orphaned.changes(), orphaned.state, bob, usd)
                    .orElseThrow())).isEqualTo(iqq(100));
        }

        @Test
        void invalidAssetCodeIsMalformed() {
            Operation op = CreditFixture.paymentOp(bob, usd, 1).toXdr();
            op.getBody().getPaymentOp().getAsset().getAlphaNum4().getAssetCode()
                    .setAssetCode4(new byte[] {'U', 0, 'D', 0});

            OperationResult result = OperationFrame.of(op, OperationHarness.id(alice)).doCheckValid(h.ctx);

            assertThat(paymentCode(result)).isEqualTo(PaymentResultCode.PAYMENT_MALFORMED);
        }

        @Test
        void missingDestinationIsNoDestinationBeforeAnyTrustLineCheck() {
            // Carol has no account, and the source has no line either: the destination comes first.
            assertThat(pay(key("dave"), carol, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NO_DESTINATION);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void destinationWithoutALineIsNoTrust() {
            h.account(carol, iqq(100));

            assertThat(pay(alice, carol, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NO_TRUST);
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));
        }

        @Test
        void noTrustIsCheckedBeforeSrcNoTrust() {
            h.account(carol, iqq(100)).account(key("dave"), iqq(100));

            assertThat(pay(key("dave"), carol, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NO_TRUST);
        }

        @ParameterizedTest(name = "line flags {0}")
        @ValueSource(ints = {0, 2, 4})
        void destinationNotFullyAuthorizedIsNotAuthorized(int flags) {
            // Maintain-liabilities lets a holder keep offers, not receive payments.
            setLineFlags(bob, flags);

            assertThat(pay(alice, bob, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NOT_AUTHORIZED);
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));
        }

        @Test
        void issuerCannotMintIntoAnUnauthorizedLine() {
            setLineFlags(bob, 0);

            assertThat(pay(issuer, bob, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NOT_AUTHORIZED);
        }

        @Test
        void notAuthorizedIsCheckedBeforeSrcNotAuthorized() {
            setLineFlags(alice, 0);
            setLineFlags(bob, 0);

            assertThat(pay(alice, bob, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_NOT_AUTHORIZED);
        }

        @Test
        void amountAboveTheDestinationsLimitIsLineFull() {
            assertThat(pay(issuer, bob, iqq(1_000) + 1)).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(bob)).isZero();
        }

        @Test
        void buyingLiabilitiesTakeRoomBelowTheLimit() {
            CreditFixture.updateTrustLine(h.state, bob, usd, l -> TrustLines.setLiabilities(l, iqq(300), 0));

            assertThat(pay(issuer, bob, iqq(700) + 1)).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
            assertThat(pay(issuer, bob, iqq(700))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(bob)).isEqualTo(iqq(700));
        }

        @Test
        void lineFullIsCheckedBeforeUnderfunded() {
            CreditFixture.updateTrustLine(h.state, bob, usd, l -> l.setBalance(new Int64(iqq(900))));

            assertThat(pay(alice, bob, iqq(600))).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
        }

        @Test
        void sourceWithoutALineIsSrcNoTrust() {
            h.account(carol, iqq(100));

            assertThat(pay(carol, bob, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_SRC_NO_TRUST);
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(bob)).isZero();
        }

        @ParameterizedTest(name = "line flags {0}")
        @ValueSource(ints = {0, 2, 4})
        void sourceNotFullyAuthorizedIsSrcNotAuthorized(int flags) {
            setLineFlags(alice, flags);

            assertThat(pay(alice, bob, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_SRC_NOT_AUTHORIZED);
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));
            assertThat(usdBalance(bob)).isZero();
        }

        @Test
        void frozenHolderMayNotEvenReturnTheAssetToItsIssuer() {
            setLineFlags(alice, 0);

            assertThat(pay(alice, issuer, iqq(1))).isEqualTo(PaymentResultCode.PAYMENT_SRC_NOT_AUTHORIZED);
        }

        @Test
        void moreThanTheSourcesBalanceIsUnderfundedAndLeavesNoTrace() {
            assertThat(pay(alice, bob, iqq(500) + 1)).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);

            // Bob's line was credited before alice's was found short; the credit is rolled back.
            assertThat(h.changes()).isEmpty();
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));
            assertThat(usdBalance(bob)).isZero();
        }

        @Test
        void sellingLiabilitiesAreNotSpendable() {
            CreditFixture.updateTrustLine(h.state, alice, usd, l -> TrustLines.setLiabilities(l, 0, iqq(100)));

            assertThat(pay(alice, bob, iqq(400) + 1)).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
            assertThat(pay(alice, bob, iqq(400))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(alice)).isEqualTo(iqq(100));
        }

        @Test
        void holderPayingItselfKeepsItsBalanceButMustHaveRoomForTheCredit() {
            assertThat(pay(alice, alice, iqq(500))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));

            // Unlike the native asset, the line is credited before it is debited: the credit must fit below
            // the limit, and after it the debit always has funds, even beyond what the holder had.
            assertThat(pay(alice, alice, iqq(500) + 1)).isEqualTo(PaymentResultCode.PAYMENT_LINE_FULL);
            CreditFixture.updateTrustLine(h.state, alice, usd, l -> l.setLimit(new Int64(iqq(2_000))));
            assertThat(pay(alice, alice, iqq(500) + 1)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(alice)).isEqualTo(iqq(500));
        }

        @Test
        void issuerPayingItselfSucceedsWithoutChanges() {
            assertThat(pay(issuer, issuer, Long.MAX_VALUE)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void unlimitedMintingStopsAtTheHoldersLimitOnly() {
            CreditFixture.updateTrustLine(h.state, bob, usd, l -> l.setLimit(new Int64(Long.MAX_VALUE)));

            assertThat(pay(issuer, bob, Long.MAX_VALUE)).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(usdBalance(bob)).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void resultCodesCarryHorizonsNames() {
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_SRC_NO_TRUST)))
                    .isEqualTo("op_src_no_trust");
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_SRC_NOT_AUTHORIZED)))
                    .isEqualTo("op_src_not_authorized");
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_NO_TRUST)))
                    .isEqualTo("op_no_trust");
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_NOT_AUTHORIZED)))
                    .isEqualTo("op_not_authorized");
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_LINE_FULL)))
                    .isEqualTo("op_line_full");
            assertThat(ResultCodes.operation(PaymentOpFrame.result(PaymentResultCode.PAYMENT_NO_ISSUER)))
                    .isEqualTo("op_no_issuer");
        }
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
        void creditPaymentIsAdmittedAndFailsOnTheMissingTrustLine() {
            Transaction tx = ledger.tx(alice, new PaymentOperation.Builder(bob.getAccountId(),
                    new AssetTypeCreditAlphaNum4("EUR", ledger.root().getAccountId()), "10").build());

            assertThat(code(ledger.checkValid(tx))).isEqualTo(TransactionResultCode.txSUCCESS);

            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_NO_TRUST);
            assertThat(ResultCodes.operations(applied.result())).containsExactly("op_no_trust");
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void creditPaymentMovesTheLineBalancesAndChargesOnlyTheFee() {
            KeyPair root = ledger.root();
            Asset euro = new AssetTypeCreditAlphaNum4("EUR", root.getAccountId());
            ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(euro, iqq(1_000))));
            ledger.apply(ledger.tx(bob, CreditFixture.changeTrustOp(euro, iqq(1_000))));
            ledger.apply(ledger.tx(root, CreditFixture.paymentOp(alice, euro, iqq(300))));

            AppliedTransaction applied = ledger.apply(ledger.tx(alice, CreditFixture.paymentOp(bob, euro, iqq(120))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, euro).orElseThrow()))
                    .isEqualTo(iqq(180));
            assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), bob, euro).orElseThrow()))
                    .isEqualTo(iqq(120));
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50) - BASE_FEE);
        }
    }
}
