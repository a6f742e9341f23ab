package io.corridor.ledger.core.tx;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.opResults;
import static io.corridor.ledger.core.LedgerFixture.paymentCode;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.FeeBumpTransaction;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.InnerTransactionResultPair;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.Thresholds;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TransactionV0;
import org.stellar.sdk.xdr.TransactionV0Envelope;

/**
 * {@link TransactionProcessor#checkValid} (admission against the last closed ledger) and, where the outcome
 * differs, apply: every transaction-level result code, multi-signature accounts, fee bumps and V0 envelopes.
 * Accounts are opened directly in the state, so admission is tested without closing ledgers; the tests that
 * apply close one.
 */
class TransactionValidityTest {

    private LedgerFixture ledger;
    private KeyPair alice;
    private KeyPair bob;
    private KeyPair carol;
    private long aliceSeq;

    @BeforeEach
    void setUp() {
        ledger = new LedgerFixture();
        alice = ledger.openAccount("alice", iqq(100));
        bob = ledger.openAccount("bob", iqq(100));
        carol = key("carol"); // a key, not an account: an extra signer
        aliceSeq = ledger.seqNum(alice);
    }

    private Transaction unsignedPayment(KeyPair source, long accountSeq) {
        return builder(ledger.network(), source, accountSeq).addOperation(paymentOp(bob, iqq(1))).build();
    }

    private Transaction alicePays(KeyPair... signers) {
        Transaction tx = unsignedPayment(alice, aliceSeq);
        for (KeyPair signer : signers) {
            tx.sign(signer);
        }
        return tx;
    }

    private TransactionResultCode checkCode(Transaction tx) {
        return code(ledger.checkValid(tx));
    }

    @Test
    void wellFormedSignedPaymentIsValid() {
        Transaction tx = alicePays(alice);

        TransactionResult result = ledger.checkValid(tx);

        assertThat(code(result)).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(result.getFeeCharged().getInt64()).isEqualTo(BASE_FEE);
        assertThat(ledger.frame(tx).hash()).isEqualTo(tx.hash());
    }

    @Test
    void transactionWithoutOperationsIsMissingOperation() {
        TransactionEnvelope envelope = alicePays(alice).toEnvelopeXdr();
        envelope.getV1().getTx().setOperations(new org.stellar.sdk.xdr.Operation[0]);
        ledger.resign(envelope, alice);

        assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txMISSING_OPERATION);
    }

    @Nested
    class TimeBoundsAgainstCloseTime {

        private Transaction bounded(long minTime, long maxTime) {
            Transaction tx = builder(ledger.network(), alice, aliceSeq, BASE_FEE, new TimeBounds(minTime, maxTime))
                    .addOperation(paymentOp(bob, iqq(1))).build();
            tx.sign(alice);
            return tx;
        }

        @Test
        void minTimeAfterCloseTimeIsTooEarly() {
            long closeTime = ledger.nextCloseTime();

            assertThat(checkCode(bounded(closeTime + 1, closeTime + 100))).isEqualTo(TransactionResultCode.txTOO_EARLY);
            assertThat(checkCode(bounded(closeTime, closeTime + 100))).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void maxTimeBeforeCloseTimeIsTooLate() {
            long closeTime = ledger.nextCloseTime();

            assertThat(checkCode(bounded(0, closeTime - 1))).isEqualTo(TransactionResultCode.txTOO_LATE);
            assertThat(checkCode(bounded(0, closeTime))).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void expiredAtApplyIsTooLateChargedButSequenceKept() {
            long closeTime = ledger.nextCloseTime();
            Transaction tx = bounded(0, closeTime - 1);

            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txTOO_LATE);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(100));
        }
    }

    @Test
    void feeBelowBaseFeeTimesOperationsIsInsufficientFee() {
        Transaction low = builder(ledger.network(), alice, aliceSeq, BASE_FEE - 1, new TimeBounds(0, 0))
                .addOperation(paymentOp(bob, iqq(1))).build();
        low.sign(alice);
        TransactionEnvelope twoOpsOneFee = builder(ledger.network(), alice, aliceSeq)
                .addOperation(paymentOp(bob, iqq(1))).addOperation(paymentOp(bob, iqq(1))).build().toEnvelopeXdr();
        twoOpsOneFee.getV1().getTx().setFee(Accounts.uint32(2 * BASE_FEE - 1));
        ledger.resign(twoOpsOneFee, alice);

        assertThat(checkCode(low)).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
        assertThat(code(ledger.checkValid(twoOpsOneFee))).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
    }

    @Test
    void unknownSourceIsNoAccount() {
        KeyPair ghost = key("ghost");
        Transaction tx = unsignedPayment(ghost, 0);
        tx.sign(ghost);

        assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txNO_ACCOUNT);
    }

    @Test
    void sequenceNumberNotOneAboveTheAccountsIsBadSeq() {
        Transaction reused = unsignedPayment(alice, aliceSeq - 1);
        reused.sign(alice);
        Transaction gap = unsignedPayment(alice, aliceSeq + 1);
        gap.sign(alice);

        assertThat(reused.getSequenceNumber()).isEqualTo(aliceSeq);
        assertThat(checkCode(reused)).isEqualTo(TransactionResultCode.txBAD_SEQ);
        assertThat(gap.getSequenceNumber()).isEqualTo(aliceSeq + 2);
        assertThat(checkCode(gap)).isEqualTo(TransactionResultCode.txBAD_SEQ);
    }

    @Test
    void startingSequenceNumberOfTheLedgerBeingBuiltIsBadSeq() {
        long starting = ((long) ledger.lastSequence() + 1) << 32;
        ledger.updateAccount(alice, a -> a.setSeqNum(new org.stellar.sdk.xdr.SequenceNumber(new Int64(starting - 1))));
        Transaction tx = unsignedPayment(alice, starting - 1);
        tx.sign(alice);

        assertThat(tx.getSequenceNumber()).isEqualTo(starting);
        assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txBAD_SEQ);
    }

    @Nested
    class Signatures {

        @Test
        void signatureOfAnotherKeyIsBadAuth() {
            assertThat(checkCode(alicePays(bob))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void missingSignatureIsBadAuth() {
            assertThat(checkCode(alicePays())).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void signatureForAnotherNetworkIsBadAuth() {
            Transaction tx = builder(new Network("Some Other Network ; 2026"), alice, aliceSeq)
                    .addOperation(paymentOp(bob, iqq(1))).build();
            tx.sign(alice);

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void corruptedSignatureIsBadAuth() {
            TransactionEnvelope envelope = alicePays(alice).toEnvelopeXdr();
            envelope.getV1().getSignatures()[0].getSignature().getSignature()[0] ^= 1;

            assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void unneededExtraSignatureIsBadAuthExtra() {
            assertThat(checkCode(alicePays(alice, bob))).isEqualTo(TransactionResultCode.txBAD_AUTH_EXTRA);
        }

        @Test
        void duplicatedSignatureIsBadAuthExtra() {
            assertThat(checkCode(alicePays(alice, alice))).isEqualTo(TransactionResultCode.txBAD_AUTH_EXTRA);
        }

        @Test
        void signaturesBelowTheLowThresholdAreBadAuth() {
            setThresholds(alice, 1, 2, 2, 2);

            assertThat(checkCode(alicePays(alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void signaturesBelowTheMediumThresholdOfAPaymentFailTheOperation() {
            // The transaction needs the low threshold (0) and gets it; the payment needs medium (2). stellar-core
            // reports that as txFAILED with opBAD_AUTH for the operation, not as txBAD_AUTH.
            setThresholds(alice, 1, 0, 2, 2);

            TransactionResult result = ledger.checkValid(alicePays(alice));

            assertThat(code(result)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(result, 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
        }

        @Test
        void signaturesBelowTheMediumThresholdAtApplyChargeTheFeeAndConsumeTheSequence() {
            setThresholds(alice, 1, 0, 2, 2);

            AppliedTransaction applied = ledger.apply(alicePays(alice));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(applied.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(100));
        }

        @Test
        void accountWithExtraSignerAndThresholdTwoNeedsBothSignatures() {
            setThresholds(alice, 1, 2, 2, 2);
            addSigner(alice, carol, 1);

            assertThat(checkCode(alicePays(alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(checkCode(alicePays(carol))).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(checkCode(alicePays(alice, carol))).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(alicePays(carol, alice))).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(alicePays(alice, carol, bob))).isEqualTo(TransactionResultCode.txBAD_AUTH_EXTRA);
        }

        @Test
        void accountWithExtraSignerAndThresholdTwoAppliesWithBothSignatures() {
            setThresholds(alice, 1, 2, 2, 2);
            addSigner(alice, carol, 1);

            AppliedTransaction applied = ledger.apply(alicePays(alice, carol));
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(99) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(101));
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        }

        @Test
        void masterWeightZeroMeansTheMasterKeyAloneCannotSign() {
            setThresholds(alice, 0, 0, 0, 0);
            addSigner(alice, carol, 1);

            assertThat(checkCode(alicePays(alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(checkCode(alicePays(carol))).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(alicePays(carol, alice))).isEqualTo(TransactionResultCode.txBAD_AUTH_EXTRA);
        }

        @Test
        void accountWhoseSignersAllWeighZeroCannotAct() {
            setThresholds(alice, 0, 0, 0, 0);

            assertThat(checkCode(alicePays(alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }
    }

    @Test
    void sourceThatCannotPayTheFeeAboveItsReserveIsInsufficientBalance() {
        KeyPair poor = ledger.openAccount("poor", MIN_BALANCE);
        KeyPair justEnough = ledger.openAccount("just-enough", MIN_BALANCE + BASE_FEE);
        Transaction fromPoor = ledger.payment(poor, bob, 1);
        Transaction fromJustEnough = ledger.payment(justEnough, bob, 1);

        assertThat(checkCode(fromPoor)).isEqualTo(TransactionResultCode.txINSUFFICIENT_BALANCE);
        assertThat(checkCode(fromJustEnough)).isEqualTo(TransactionResultCode.txSUCCESS);
    }

    // ------------------------------------------------------------------ fee bumps

    @Nested
    class FeeBumps {

        private KeyPair sponsor;

        @BeforeEach
        void createSponsor() {
            sponsor = ledger.openAccount("sponsor", iqq(100));
        }

        private FeeBumpTransaction bump(Transaction inner, long baseFee) {
            FeeBumpTransaction feeBump = new FeeBumpTransaction.Builder(inner)
                    .setBaseFee(baseFee)
                    .setFeeAccount(sponsor.getAccountId())
                    .build();
            feeBump.sign(sponsor);
            return feeBump;
        }

        @Test
        void feeBumpIsValidWhenTheFeeSourceSignsAndBidsForTheExtraOperation() {
            Transaction inner = alicePays(alice);
            FeeBumpTransaction feeBump = bump(inner, BASE_FEE);

            TransactionResult check = ledger.checkValid(feeBump);

            assertThat(ledger.frame(feeBump).hash()).isEqualTo(feeBump.hash());
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
            assertThat(check.getFeeCharged().getInt64()).isEqualTo(2 * BASE_FEE);
        }

        @Test
        void feeBumpChargesTheFeeSourceAndBumpsTheInnerSourcesSequence() {
            Transaction inner = alicePays(alice);
            FeeBumpTransaction feeBump = bump(inner, BASE_FEE);
            TransactionFrame frame = ledger.frame(feeBump);
            assertThat(frame.hash()).isEqualTo(feeBump.hash());
            assertThat(frame.inner().hash()).isEqualTo(inner.hash());
            assertThat(frame.feeBid()).isEqualTo(2 * BASE_FEE);

            TransactionResult check = ledger.checkValid(feeBump);
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
            assertThat(check.getResult().getInnerResultPair().getTransactionHash().getHash()).isEqualTo(inner.hash());
            assertThat(check.getResult().getInnerResultPair().getResult().getResult().getDiscriminant())
                    .isEqualTo(TransactionResultCode.txSUCCESS);

            AppliedTransaction applied = ledger.apply(feeBump);

            TransactionResult result = applied.result();
            assertThat(code(result)).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
            assertThat(result.getFeeCharged().getInt64()).isEqualTo(2 * BASE_FEE);
            InnerTransactionResultPair pair = result.getResult().getInnerResultPair();
            assertThat(pair.getTransactionHash().getHash()).isEqualTo(inner.hash());
            assertThat(pair.getResult().getResult().getDiscriminant()).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(paymentCode(pair.getResult().getResult().getResults()[0]))
                    .isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(applied.successful()).isTrue();
            assertThat(applied.feeCharged()).isEqualTo(2 * BASE_FEE);
            assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.seqNum(sponsor)).isEqualTo(1L << 32); // a fee source keeps its sequence number
            assertThat(ledger.balance(alice)).isEqualTo(iqq(99));
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(101));
        }

        @Test
        void innerTransactionMayBidLessThanTheBaseFee() {
            Transaction inner = builder(ledger.network(), alice, aliceSeq, 100, new TimeBounds(0, 0))
                    .addOperation(paymentOp(bob, iqq(1))).build();
            inner.sign(alice);

            assertThat(code(ledger.checkValid(bump(inner, BASE_FEE))))
                    .isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
        }

        @Test
        void outerFeeBelowBaseFeeTimesOperationsPlusOneIsInsufficientFee() {
            Transaction inner = builder(ledger.network(), alice, aliceSeq, 500, new TimeBounds(0, 0))
                    .addOperation(paymentOp(bob, iqq(1))).build();
            inner.sign(alice);
            FeeBumpTransaction feeBump = bump(inner, 999); // bids 1998, needs 2000

            TransactionResult check = ledger.checkValid(feeBump);

            assertThat(code(check)).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
            assertThat(check.getResult().getInnerResultPair()).isNull();
        }

        @Test
        void outerFeeRateBelowTheInnerRateIsInsufficientFee() {
            Transaction inner = builder(ledger.network(), alice, aliceSeq, 5 * BASE_FEE, new TimeBounds(0, 0))
                    .addOperation(paymentOp(bob, iqq(1))).build();
            inner.sign(alice);
            TransactionEnvelope envelope = bump(inner, 5 * BASE_FEE).toEnvelopeXdr();
            // 4000 for two fee operations is above the 2000 minimum but below the inner bid of 5000 per operation.
            envelope.getFeeBump().getTx().setFee(new Int64(4 * BASE_FEE));
            ledger.resign(envelope, sponsor);

            assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
        }

        @Test
        void innerTransactionWithBadSequenceFailsTheFeeBump() {
            Transaction inner = unsignedPayment(alice, aliceSeq + 1);
            inner.sign(alice);

            TransactionResult check = ledger.checkValid(bump(inner, BASE_FEE));

            assertThat(code(check)).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_FAILED);
            InnerTransactionResultPair pair = check.getResult().getInnerResultPair();
            assertThat(pair.getTransactionHash().getHash()).isEqualTo(inner.hash());
            assertThat(pair.getResult().getResult().getDiscriminant()).isEqualTo(TransactionResultCode.txBAD_SEQ);
        }

        @Test
        void feeSourceWithoutSignatureIsBadAuth() {
            FeeBumpTransaction feeBump = new FeeBumpTransaction.Builder(alicePays(alice))
                    .setBaseFee(BASE_FEE).setFeeAccount(sponsor.getAccountId()).build();
            feeBump.sign(alice);

            assertThat(code(ledger.checkValid(feeBump))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        /**
         * stellar-core's {@code FeeBumpTransactionFrame::apply} always reports the inner outcome through
         * {@code updateResult}: txFEE_BUMP_INNER_SUCCESS or txFEE_BUMP_INNER_FAILED with the inner result pair,
         * whatever made the inner transaction fail.
         */
        @Test
        void innerTransactionWithBadSequenceAtApplyIsFeeBumpInnerFailed() {
            Transaction inner = unsignedPayment(alice, aliceSeq + 1);
            inner.sign(alice);

            AppliedTransaction applied = ledger.apply(bump(inner, BASE_FEE));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_FAILED);
            InnerTransactionResultPair pair = applied.result().getResult().getInnerResultPair();
            assertThat(pair).isNotNull();
            assertThat(pair.getTransactionHash().getHash()).isEqualTo(inner.hash());
            assertThat(pair.getResult().getResult().getDiscriminant()).isEqualTo(TransactionResultCode.txBAD_SEQ);
            assertThat(applied.feeCharged()).isEqualTo(2 * BASE_FEE);
            assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
        }

        @Test
        void innerTransactionWithBadSequenceAtApplyChargesTheFeeSourceOnly() {
            // What holds today regardless of the result-shape bug above.
            Transaction inner = unsignedPayment(alice, aliceSeq + 1);
            inner.sign(alice);

            AppliedTransaction applied = ledger.apply(bump(inner, BASE_FEE));

            assertThat(applied.successful()).isFalse();
            assertThat(applied.feeCharged()).isEqualTo(2 * BASE_FEE);
            assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100));
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
        }
    }

    // ------------------------------------------------------------------ classic only: Soroban and INFLATION

    /**
     * A classic-only network answers Soroban as stellar-core does where Soroban is not enabled: txMALFORMED
     * before any operation is looked at, for a Soroban operation alone, mixed with classic ones, or Soroban
     * resources on a classic transaction. INFLATION is a retired operation: opNOT_SUPPORTED.
     */
    @Nested
    class ClassicOnly {

        private TransactionEnvelope withOperations(org.stellar.sdk.xdr.Operation... operations) {
            TransactionEnvelope envelope = alicePays(alice).toEnvelopeXdr();
            envelope.getV1().getTx().setOperations(operations);
            envelope.getV1().getTx().setFee(Accounts.uint32(BASE_FEE * operations.length));
            return ledger.resign(envelope, alice);
        }

        private org.stellar.sdk.xdr.Operation payment() {
            return paymentOp(bob, iqq(1)).toXdr();
        }

        private org.stellar.sdk.xdr.Operation restoreFootprint() {
            org.stellar.sdk.xdr.RestoreFootprintOp op = new org.stellar.sdk.xdr.RestoreFootprintOp();
            op.setExt(extensionPoint());
            return operation(OperationType.RESTORE_FOOTPRINT, body -> body.setRestoreFootprintOp(op));
        }

        private org.stellar.sdk.xdr.Operation extendFootprintTtl() {
            org.stellar.sdk.xdr.ExtendFootprintTTLOp op = new org.stellar.sdk.xdr.ExtendFootprintTTLOp();
            op.setExt(extensionPoint());
            op.setExtendTo(Accounts.uint32(100));
            return operation(OperationType.EXTEND_FOOTPRINT_TTL, body -> body.setExtendFootprintTTLOp(op));
        }

        private org.stellar.sdk.xdr.Operation uploadWasm() {
            org.stellar.sdk.xdr.HostFunction function = new org.stellar.sdk.xdr.HostFunction();
            function.setDiscriminant(org.stellar.sdk.xdr.HostFunctionType.HOST_FUNCTION_TYPE_UPLOAD_CONTRACT_WASM);
            function.setWasm(new byte[] {0, 0x61, 0x73, 0x6d});
            org.stellar.sdk.xdr.InvokeHostFunctionOp op = new org.stellar.sdk.xdr.InvokeHostFunctionOp();
            op.setHostFunction(function);
            op.setAuth(new org.stellar.sdk.xdr.SorobanAuthorizationEntry[0]);
            return operation(OperationType.INVOKE_HOST_FUNCTION, body -> body.setInvokeHostFunctionOp(op));
        }

        private org.stellar.sdk.xdr.Operation inflation() {
            return operation(OperationType.INFLATION, body -> { });
        }

        private org.stellar.sdk.xdr.Operation operation(OperationType type,
                java.util.function.Consumer<org.stellar.sdk.xdr.Operation.OperationBody> fill) {
            org.stellar.sdk.xdr.Operation.OperationBody body = new org.stellar.sdk.xdr.Operation.OperationBody();
            body.setDiscriminant(type);
            fill.accept(body);
            org.stellar.sdk.xdr.Operation operation = new org.stellar.sdk.xdr.Operation();
            operation.setBody(body);
            return operation;
        }

        private org.stellar.sdk.xdr.ExtensionPoint extensionPoint() {
            org.stellar.sdk.xdr.ExtensionPoint point = new org.stellar.sdk.xdr.ExtensionPoint();
            point.setDiscriminant(0);
            return point;
        }

        @Test
        void sorobanOperationAloneIsMalformed() {
            assertThat(code(ledger.checkValid(withOperations(uploadWasm())))).isEqualTo(TransactionResultCode.txMALFORMED);
            assertThat(code(ledger.checkValid(withOperations(extendFootprintTtl()))))
                    .isEqualTo(TransactionResultCode.txMALFORMED);
            assertThat(code(ledger.checkValid(withOperations(restoreFootprint()))))
                    .isEqualTo(TransactionResultCode.txMALFORMED);
        }

        @Test
        void sorobanOperationMixedWithClassicIsMalformed() {
            TransactionResult result = ledger.checkValid(withOperations(payment(), restoreFootprint()));

            assertThat(code(result)).isEqualTo(TransactionResultCode.txMALFORMED);
            assertThat(result.getResult().getResults()).isNull();
        }

        @Test
        void sorobanResourcesOnAClassicTransactionAreMalformed() {
            TransactionEnvelope envelope = alicePays(alice).toEnvelopeXdr();
            org.stellar.sdk.xdr.LedgerFootprint footprint = new org.stellar.sdk.xdr.LedgerFootprint();
            footprint.setReadOnly(new org.stellar.sdk.xdr.LedgerKey[0]);
            footprint.setReadWrite(new org.stellar.sdk.xdr.LedgerKey[0]);
            org.stellar.sdk.xdr.SorobanResources resources = new org.stellar.sdk.xdr.SorobanResources();
            resources.setFootprint(footprint);
            resources.setInstructions(Accounts.uint32(0));
            resources.setReadBytes(Accounts.uint32(0));
            resources.setWriteBytes(Accounts.uint32(0));
            org.stellar.sdk.xdr.SorobanTransactionData data = new org.stellar.sdk.xdr.SorobanTransactionData();
            data.setExt(extensionPoint());
            data.setResources(resources);
            data.setResourceFee(new Int64(0L));
            org.stellar.sdk.xdr.Transaction.TransactionExt ext = new org.stellar.sdk.xdr.Transaction.TransactionExt();
            ext.setDiscriminant(1);
            ext.setSorobanData(data);
            envelope.getV1().getTx().setExt(ext);
            ledger.resign(envelope, alice);

            assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txMALFORMED);
        }

        @Test
        void sorobanTransactionAtApplyPaysItsFeeAndKeepsItsSequence() {
            AppliedTransaction applied = ledger.applyEnvelope(withOperations(uploadWasm()));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txMALFORMED);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
        }

        @Test
        void inflationIsNotSupported() {
            TransactionResult result = ledger.checkValid(withOperations(inflation()));

            assertThat(code(result)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(result, 0).getDiscriminant()).isEqualTo(OperationResultCode.opNOT_SUPPORTED);
        }

        @Test
        void inflationAtApplyFailsPaysAndConsumesTheSequence() {
            AppliedTransaction applied = ledger.applyEnvelope(withOperations(payment(), inflation()));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(applied.result(), 1).getDiscriminant()).isEqualTo(OperationResultCode.opNOT_SUPPORTED);
            assertThat(applied.feeCharged()).isEqualTo(2 * BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(100));
        }
    }

    // ------------------------------------------------------------------ V0 envelopes

    @Test
    void v0EnvelopeHasTheHashOfItsV1FormAndIsValid() {
        Transaction v1 = alicePays(alice);
        TransactionEnvelope v1Envelope = v1.toEnvelopeXdr();
        TransactionEnvelope v0Envelope = toV0(v1Envelope);

        TransactionFrame v0Frame = ledger.frame(v0Envelope);
        assertThat(v0Frame.hash()).isEqualTo(ledger.frame(v1Envelope).hash()).isEqualTo(v1.hash());
        assertThat(Xdr.encode(v0Frame.transaction()::toXdrByteArray))
                .isEqualTo(Xdr.encode(v1Envelope.getV1().getTx()::toXdrByteArray));
        assertThat(code(ledger.checkValid(v0Envelope))).isEqualTo(TransactionResultCode.txSUCCESS);
    }

    @Test
    void v0EnvelopeApplies() {
        TransactionEnvelope v0Envelope = toV0(alicePays(alice).toEnvelopeXdr());

        AppliedTransaction applied = ledger.applyEnvelope(v0Envelope);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(opResults(applied.result())).hasSize(1);
        assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(99) - BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(101));
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
    }

    /** The legacy form of a V1 envelope with an ed25519 source and time bounds, keeping its signatures. */
    private static TransactionEnvelope toV0(TransactionEnvelope v1Envelope) {
        org.stellar.sdk.xdr.Transaction tx = v1Envelope.getV1().getTx();
        TransactionV0 v0 = new TransactionV0();
        v0.setSourceAccountEd25519(tx.getSourceAccount().getEd25519());
        v0.setFee(tx.getFee());
        v0.setSeqNum(tx.getSeqNum());
        v0.setTimeBounds(tx.getCond().getTimeBounds());
        v0.setMemo(tx.getMemo());
        v0.setOperations(tx.getOperations());
        TransactionV0.TransactionV0Ext ext = new TransactionV0.TransactionV0Ext();
        ext.setDiscriminant(0);
        v0.setExt(ext);
        TransactionV0Envelope v0Envelope = new TransactionV0Envelope();
        v0Envelope.setTx(v0);
        v0Envelope.setSignatures(v1Envelope.getV1().getSignatures().clone());
        TransactionEnvelope envelope = new TransactionEnvelope();
        envelope.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX_V0);
        envelope.setV0(v0Envelope);
        return envelope;
    }

    // ------------------------------------------------------------------ state set-up

    private void setThresholds(KeyPair account, int master, int low, int medium, int high) {
        ledger.updateAccount(account, a -> a.setThresholds(
                new Thresholds(new byte[] {(byte) master, (byte) low, (byte) medium, (byte) high})));
    }

    private void addSigner(KeyPair account, KeyPair signerKey, int weight) {
        ledger.updateAccount(account, a -> {
            Signer signer = new Signer();
            SignerKey key = org.stellar.sdk.Signer.ed25519PublicKey(signerKey);
            signer.setKey(key);
            signer.setWeight(Accounts.uint32(weight));
            Signer[] signers = java.util.Arrays.copyOf(a.getSigners(), a.getSigners().length + 1);
            signers[signers.length - 1] = signer;
            a.setSigners(signers);
            a.setNumSubEntries(Accounts.uint32(Accounts.numSubEntries(a) + 1));
        });
    }
}
