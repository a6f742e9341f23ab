package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.applied;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.tx.ResultCodes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.BumpSequenceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.BumpSequenceResultCode;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChangeType;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * BUMP_SEQUENCE, each result code: first the operation alone against a hand-built state, then through ledger
 * closes, where the bumped number decides which later transactions of the account are valid.
 */
class BumpSequenceOpFrameTest {

    private final KeyPair source = key("source");

    static BumpSequenceResultCode bumpCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getBumpSeqResult().getDiscriminant();
    }

    private static BumpSequenceOperation bumpTo(long sequence) {
        return new BumpSequenceOperation.Builder(sequence).build();
    }

    // ------------------------------------------------------------------ the operation alone

    @Test
    void bumpRaisesTheSequenceNumberAndStampsTheAccount() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)); // at 3 << 32

        OperationResult result = h.run(bumpTo((3L << 32) + 500), source);

        assertThat(bumpCode(result)).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
        assertThat(Accounts.seqNum(h.account(source).orElseThrow())).isEqualTo((3L << 32) + 500);
        assertThat(h.balance(source)).isEqualTo(iqq(100));
        assertThat(h.changes()).singleElement().satisfies(change -> assertThat(
                change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                .isEqualTo(OperationHarness.LEDGER_SEQ));
    }

    /**
     * The number stays, but from protocol 19 stellar-core stamps the account with the ledger and close time
     * (extension v3) even when the bump moves nothing, which restarts min-sequence-age and -gap clocks.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, (3L << 32) - 1, 3L << 32})
    void bumpToTheCurrentNumberOrBelowKeepsTheNumberButStampsTheAccount(long target) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(bumpTo(target), source);

        assertThat(bumpCode(result)).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
        AccountEntry after = h.account(source).orElseThrow();
        assertThat(Accounts.seqNum(after)).isEqualTo(3L << 32);
        assertThat(AccountExtensions.seqLedger(after)).isEqualTo(OperationHarness.LEDGER_SEQ);
        assertThat(AccountExtensions.seqTime(after)).isEqualTo(BigInteger.valueOf(h.ctx.closeTime()));
        assertThat(h.changes()).hasSize(1);
    }

    @Test
    void bumpStampsTheAccountWithTheLedgerAndCloseTime() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        assertThat(AccountExtensions.seqLedger(h.account(source).orElseThrow())).isZero();

        h.run(bumpTo((3L << 32) + 1), source);

        AccountEntry after = h.account(source).orElseThrow();
        assertThat(after.getExt().getDiscriminant()).isEqualTo(1);
        assertThat(after.getExt().getV1().getExt().getDiscriminant()).isEqualTo(2);
        assertThat(after.getExt().getV1().getExt().getV2().getExt().getDiscriminant()).isEqualTo(3);
        assertThat(AccountExtensions.seqLedger(after)).isEqualTo(OperationHarness.LEDGER_SEQ);
        assertThat(AccountExtensions.seqTime(after)).isEqualTo(BigInteger.valueOf(h.ctx.closeTime()));
        assertThat(Accounts.sellingLiabilities(after)).isZero();
        assertThat(Accounts.numSponsoring(after)).isZero();
    }

    @Test
    void bumpToInt64MaxIsAllowed() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        assertThat(bumpCode(h.run(bumpTo(Long.MAX_VALUE), source))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
        assertThat(Accounts.seqNum(h.account(source).orElseThrow())).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeTargetIsBadSeq(long target) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(bumpTo(target), source);

        assertThat(bumpCode(result)).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_BAD_SEQ);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_bad_seq");
        assertThat(Accounts.seqNum(h.account(source).orElseThrow())).isEqualTo(3L << 32);
    }

    @Test
    void bumpNeedsOnlyTheLowThreshold() {
        OperationFrame frame = OperationFrame.of(bumpTo(1).toXdr(), OperationHarness.id(source));

        assertThat(frame.thresholdLevel()).isEqualTo(Accounts.THRESHOLD_LOW);
        assertThat(ResultCodes.operation(frame.successResult())).isEqualTo("op_success");
    }

    // ------------------------------------------------------------------ through ledger closes

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair alice;
        private KeyPair bob;
        private long aliceSeq;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            alice = ledger.fundedAccount("alice", iqq(100));
            bob = ledger.fundedAccount("bob", iqq(50));
            aliceSeq = ledger.seqNum(alice);
        }

        private Transaction alice(long accountSeq, org.stellar.sdk.Operation... ops) {
            Transaction tx = builder(ledger.network(), alice, accountSeq).addOperations(List.of(ops)).build();
            tx.sign(alice);
            return tx;
        }

        @Test
        void bumpInvalidatesEveryTransactionBelowTheNewNumber() {
            Transaction stale = alice(aliceSeq + 1, paymentOp(bob, 1)); // would have been next but one

            AppliedTransaction applied = ledger.apply(alice(aliceSeq, bumpTo(aliceSeq + 100)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(bumpCode(opResult(applied.result(), 0))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 100);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(code(ledger.checkValid(stale))).isEqualTo(TransactionResultCode.txBAD_SEQ);
            Transaction next = alice(aliceSeq + 100, paymentOp(bob, 1));
            assertThat(code(ledger.apply(next).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 101);
        }

        @Test
        void bumpBelowTheTransactionsOwnNumberLeavesThatNumberAndRestampsTheAccount() {
            AppliedTransaction applied = ledger.apply(alice(aliceSeq, bumpTo(aliceSeq)));

            assertThat(bumpCode(opResult(applied.result(), 0))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            // The transaction's own sequence number stamped the account already; the operation stamps it again
            // with the same ledger and time, which stellar-core reports as a state/updated pair.
            assertThat(applied.meta().getV2().getOperations()[0].getChanges().getLedgerEntryChanges())
                    .extracting(LedgerEntryChange::getDiscriminant)
                    .containsExactly(LedgerEntryChangeType.LEDGER_ENTRY_STATE, LedgerEntryChangeType.LEDGER_ENTRY_UPDATED);
            assertThat(AccountExtensions.seqLedger(ledger.account(alice).orElseThrow())).isEqualTo(ledger.lastSequence());
        }

        @Test
        void negativeTargetIsBadSeqAtAdmissionAndAtApply() {
            Transaction tx = alice(aliceSeq, bumpTo(-1));

            assertThat(bumpCode(opResult(ledger.checkValid(tx), 0))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_BAD_SEQ);
            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(bumpCode(opResult(applied.result(), 0))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_BAD_SEQ);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void laterTransactionOfTheSameAccountInTheSameLedgerFailsWithBadSequence() {
            Transaction bump = alice(aliceSeq, bumpTo(aliceSeq + 50));
            Transaction next = alice(aliceSeq + 1, paymentOp(bob, iqq(1)));

            ClosedLedger closed = ledger.close(next, bump);

            assertThat(code(applied(closed, bump).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction failed = applied(closed, next);
            assertThat(code(failed.result())).isEqualTo(TransactionResultCode.txBAD_SEQ);
            assertThat(failed.feeCharged()).as("fees are charged before any transaction applies").isEqualTo(BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 50);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
        }

        @Test
        void anotherAccountCanBeBumpedAsAnOperationSourceWithItsSignature() {
            long bobSeq = ledger.seqNum(bob);
            org.stellar.sdk.Operation bumpBob = new BumpSequenceOperation.Builder(bobSeq + 7)
                    .setSourceAccount(bob.getAccountId()).build();
            Transaction tx = builder(ledger.network(), alice, aliceSeq).addOperation(bumpBob).build();
            tx.sign(alice);
            tx.sign(bob);

            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.seqNum(bob)).isEqualTo(bobSeq + 7);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        }

        @Test
        void lowThresholdIsEnoughWhereAPaymentNeedsMore() {
            KeyPair carol = key("carol");
            ledger.apply(alice(aliceSeq, new SetOptionsOperation.Builder()
                    .setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1)
                    .setLowThreshold(1).setMediumThreshold(2).setHighThreshold(2).build()));

            AppliedTransaction payment = ledger.apply(alice(aliceSeq + 1, paymentOp(bob, 1)));
            assertThat(opResult(payment.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);

            AppliedTransaction bump = ledger.apply(alice(aliceSeq + 2, bumpTo(aliceSeq + 9)));
            assertThat(bumpCode(opResult(bump.result(), 0))).isEqualTo(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 9);
        }

        @Test
        void accountBumpedToInt64MaxCanNeverTransactAgain() {
            ledger.apply(alice(aliceSeq, bumpTo(Long.MAX_VALUE)));
            assertThat(ledger.seqNum(alice)).isEqualTo(Long.MAX_VALUE);

            Transaction after = alice(Long.MAX_VALUE - 1, paymentOp(bob, 1));

            assertThat(code(ledger.checkValid(after))).isEqualTo(TransactionResultCode.txBAD_SEQ);
        }
    }
}
