package io.corridor.ledger.application;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static io.corridor.ledger.core.LedgerFixture.xdr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.ClosedLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.FeeBumpTransaction;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * The application service: admission into the queue, closing and committing through the {@link LedgerStore}
 * port, idempotent resubmission, restart from the store and a failed commit. Time comes from a clock the test
 * moves; nothing waits.
 */
class LedgerNodeTest {

    private static final NetworkProfile PROFILE = NetworkProfile.IQONIQ;
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    private static final int QUEUE_MAX = 100;

    private final Network network = new Network(PROFILE.passphrase());
    private final KeyPair root = KeyPair.fromSecretSeed(PROFILE.rootSeed());
    private final KeyPair alice = key("alice");
    private MutableClock clock;
    private InMemoryLedgerStore store;
    private LedgerNode node;

    /** A clock tests set by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new InMemoryLedgerStore();
        node = started(store, QUEUE_MAX);
    }

    private LedgerNode started(InMemoryLedgerStore ledgerStore, int queueMax) {
        LedgerNode started = new LedgerNode(PROFILE, ledgerStore, clock, queueMax);
        started.start();
        return started;
    }

    private static Optional<AccountEntry> account(LedgerNode ledgerNode, KeyPair key) {
        return ledgerNode.load(LedgerFixture.accountKey(key)).map(e -> e.getData().getAccount());
    }

    private static long balance(LedgerNode ledgerNode, KeyPair key) {
        return Accounts.balance(account(ledgerNode, key).orElseThrow());
    }

    private static long seqNum(LedgerNode ledgerNode, KeyPair key) {
        return Accounts.seqNum(account(ledgerNode, key).orElseThrow());
    }

    /** A transaction of {@code source} at its next sequence number on {@code ledgerNode}, signed by it. */
    private Transaction tx(LedgerNode ledgerNode, KeyPair source, org.stellar.sdk.Operation operation) {
        return tx(source, seqNum(ledgerNode, source), operation);
    }

    private Transaction tx(KeyPair source, long accountSeq, org.stellar.sdk.Operation operation) {
        Transaction tx = builder(network, source, accountSeq).addOperation(operation).build();
        tx.sign(source);
        return tx;
    }

    private Submission.Pending submitPending(LedgerNode ledgerNode, Transaction tx) {
        Submission submission = ledgerNode.submit(tx.toEnvelopeXdr());
        assertThat(submission).isInstanceOf(Submission.Pending.class);
        return (Submission.Pending) submission;
    }

    private void createAlice() {
        submitPending(node, tx(node, root, createAccountOp(alice, iqq(100))));
        node.closeLedger();
        assertThat(balance(node, alice)).isEqualTo(iqq(100));
    }

    private static TransactionResult decodeResult(String base64) throws Xdr.XdrDecodeException {
        return Xdr.decodeBase64(base64, TransactionResult::decode);
    }

    @Test
    void startOnAnEmptyStoreCommitsGenesis() {
        assertThat(node.sequence()).isEqualTo(1);
        assertThat(store.commits()).isEqualTo(1);
        assertThat(store.latestHeader()).isPresent();
        assertThat(node.lastHash()).isEqualTo(xdrHash(store.header(1).orElseThrow()));
        assertThat(balance(node, root)).isEqualTo(PROFILE.totalCoins());
        assertThat(seqNum(node, root)).isZero();
        assertThat(node.queueSize()).isZero();
    }

    @Test
    void submittedTransactionIsPendingUntilItsLedgerIsCommitted() throws Exception {
        Transaction create = tx(node, root, createAccountOp(alice, iqq(100)));

        Submission.Pending pending = submitPending(node, create);

        assertThat(pending.hash()).isEqualTo(Hashing.hex(create.hash()));
        assertThat(pending.outcome()).isNotDone();
        assertThat(node.queueSize()).isEqualTo(1);
        assertThat(account(node, alice)).isEmpty();

        ClosedLedger closed = node.closeLedger();

        assertThat(closed.sequence()).isEqualTo(2);
        assertThat(closed.closeTime()).isEqualTo(START.getEpochSecond());
        assertThat(pending.outcome()).isCompleted();
        TransactionRecord record = pending.outcome().join();
        assertThat(record.hash()).isEqualTo(pending.hash());
        assertThat(record.ledger()).isEqualTo(2);
        assertThat(record.successful()).isTrue();
        assertThat(record.feeCharged()).isEqualTo(BASE_FEE);
        assertThat(record.applicationOrder()).isEqualTo(1);
        assertThat(record.closeTime()).isEqualTo(START.getEpochSecond());
        assertThat(record.envelopeXdr()).isEqualTo(create.toEnvelopeXdrBase64());
        assertThat(decodeResult(record.resultXdr()).getResult().getDiscriminant())
                .isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(node.queueSize()).isZero();
        assertThat(node.sequence()).isEqualTo(2);
        assertThat(store.transaction(pending.hash())).contains(record);
        assertThat(balance(node, alice)).isEqualTo(iqq(100));
        assertThat(seqNum(node, alice)).isEqualTo(2L << 32);
        assertThat(balance(node, root)).isEqualTo(PROFILE.totalCoins() - iqq(100) - BASE_FEE);
        assertThat(seqNum(node, root)).isEqualTo(1);
    }

    @Test
    void resubmittingWhilePendingReturnsTheSameFutureAndAfterwardsTheStoredOutcome() {
        Transaction create = tx(node, root, createAccountOp(alice, iqq(100)));
        Submission.Pending first = submitPending(node, create);

        Submission again = node.submit(create.toEnvelopeXdr());

        assertThat(again).isInstanceOf(Submission.Pending.class);
        assertThat(((Submission.Pending) again).outcome()).isSameAs(first.outcome());
        assertThat(node.queueSize()).isEqualTo(1);

        node.closeLedger();
        Submission afterwards = node.submit(create.toEnvelopeXdr());

        assertThat(afterwards).isInstanceOf(Submission.AlreadyApplied.class);
        assertThat(((Submission.AlreadyApplied) afterwards).record()).isEqualTo(first.outcome().join());
        assertThat(node.queueSize()).isZero();
        node.closeLedger();
        assertThat(balance(node, alice)).isEqualTo(iqq(100));
        assertThat(seqNum(node, root)).isEqualTo(1);
    }

    @Test
    void competingTransactionOfASourceWithOnePendingIsToldToTryAgainLater() {
        long rootSeq = seqNum(node, root);
        Transaction first = tx(root, rootSeq, createAccountOp(alice, iqq(100)));
        Transaction competing = tx(root, rootSeq, createAccountOp(alice, iqq(200)));
        submitPending(node, first);

        Submission submission = node.submit(competing.toEnvelopeXdr());

        assertThat(submission).isInstanceOf(Submission.TryAgainLater.class);
        assertThat(((Submission.TryAgainLater) submission).hash()).isEqualTo(Hashing.hex(competing.hash()));
        assertThat(node.queueSize()).isEqualTo(1);
        node.closeLedger();
        assertThat(balance(node, alice)).isEqualTo(iqq(100));
        assertThat(seqNum(node, root)).isEqualTo(1);
    }

    @Test
    void nextTransactionOfASourceIsAdmittedOnceThePendingOneIsApplied() {
        long rootSeq = seqNum(node, root);
        submitPending(node, tx(root, rootSeq, createAccountOp(alice, iqq(100))));
        node.closeLedger();

        Submission.Pending next = submitPending(node, tx(root, rootSeq + 1, paymentOp(alice, iqq(1))));
        node.closeLedger();

        assertThat(next.outcome().join().successful()).isTrue();
        assertThat(balance(node, alice)).isEqualTo(iqq(101));
        assertThat(seqNum(node, root)).isEqualTo(2);
    }

    /**
     * stellar-core's queue decides "one transaction per source account" before validating the newcomer, so the
     * client's next transaction (sequence + 2 while + 1 waits) hears TRY_AGAIN_LATER and may resubmit it after
     * the ledger. Here validity comes first and checks the sequence number against the last closed ledger, so
     * the client is told txBAD_SEQ, an error wallets treat as final.
     */
    @Test
    void nextTransactionOfASourceWithOnePendingIsToldToTryAgainLater() {
        long rootSeq = seqNum(node, root);
        submitPending(node, tx(root, rootSeq, createAccountOp(alice, iqq(100))));

        Submission submission = node.submit(tx(root, rootSeq + 1, paymentOp(alice, iqq(1))).toEnvelopeXdr());

        assertThat(submission).as(describe(submission)).isInstanceOf(Submission.TryAgainLater.class);
    }

    /**
     * As stellar-core's queue: when it is full, a newcomer that does not bid a strictly higher fee rate than the
     * cheapest queued transaction is rejected with txINSUFFICIENT_FEE, its fee charged being the bid that would
     * have been enough.
     */
    @Test
    void fullQueueRejectsAnEqualFeeRateWithTheFeeThatWouldEvict() {
        createAlice();
        LedgerNode small = started(store, 1);
        submitPending(small, tx(small, root, paymentOp(alice, iqq(1))));

        Submission submission = small.submit(tx(small, alice, paymentOp(root, iqq(1))).toEnvelopeXdr());

        assertThat(submission).as(describe(submission)).isInstanceOf(Submission.Rejected.class);
        TransactionResult result = ((Submission.Rejected) submission).result();
        assertThat(result.getResult().getDiscriminant()).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
        assertThat(result.getFeeCharged().getInt64()).isEqualTo(BASE_FEE + 1);
        assertThat(small.queueSize()).isEqualTo(1);
    }

    @Test
    void fullQueueEvictsTheLowestFeeRateForAStrictlyHigherOne() {
        createAlice();
        LedgerNode small = started(store, 1);
        Submission.Pending cheap = submitPending(small, tx(small, root, paymentOp(alice, iqq(1))));
        Transaction better = builder(network, alice, seqNum(small, alice), BASE_FEE + 1, new TimeBounds(0, 0))
                .addOperation(paymentOp(root, iqq(1))).build();
        better.sign(alice);

        Submission.Pending pending = submitPending(small, better);

        assertThat(small.queueSize()).isEqualTo(1);
        assertThat(cheap.outcome()).isCompletedExceptionally();
        assertThatThrownBy(cheap.outcome()::join).cause()
                .isInstanceOfSatisfying(TransactionDroppedException.class, dropped -> {
                    assertThat(dropped.result().getResult().getDiscriminant())
                            .isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
                    assertThat(dropped.result().getFeeCharged().getInt64()).isEqualTo(BASE_FEE + 2);
                });
        ClosedLedger closed = small.closeLedger();
        assertThat(closed.transactions()).hasSize(1);
        assertThat(pending.outcome().join().successful()).isTrue();
        assertThat(pending.outcome().join().feeCharged()).isEqualTo(BASE_FEE);
    }

    /**
     * A ledger holds {@code maxTxSetSize} operations (2 here): the highest fee rates go in and all pay the
     * lowest included rate; the cheapest waits for the next ledger and then pays its own bid.
     */
    @Test
    void fullLedgerTakesTheHighestFeeRatesAndChargesTheLowestIncluded() {
        LedgerNode surge = new LedgerNode(PROFILE.withMaxTxSetSize(2), new InMemoryLedgerStore(), clock, QUEUE_MAX);
        surge.start();
        KeyPair bob = key("bob");
        submitPending(surge, tx(surge, root, createAccountOp(alice, iqq(100))));
        surge.closeLedger();
        submitPending(surge, tx(surge, root, createAccountOp(bob, iqq(100))));
        surge.closeLedger();
        Submission.Pending rootAt1000 = submitPending(surge, tx(surge, root, paymentOp(alice, iqq(1))));
        Submission.Pending aliceAt3000 = submitPending(surge, bidding(surge, alice, 3_000, paymentOp(root, iqq(1))));
        Submission.Pending bobAt2000 = submitPending(surge, bidding(surge, bob, 2_000, paymentOp(root, iqq(1))));

        ClosedLedger first = surge.closeLedger();

        assertThat(first.transactions()).hasSize(2);
        assertThat(aliceAt3000.outcome().join().feeCharged()).isEqualTo(2_000);
        assertThat(bobAt2000.outcome().join().feeCharged()).isEqualTo(2_000);
        assertThat(rootAt1000.outcome()).isNotDone();
        assertThat(surge.queueSize()).isEqualTo(1);
        assertThat(balance(surge, alice)).isEqualTo(iqq(99) - 2_000);

        surge.closeLedger();

        assertThat(rootAt1000.outcome().join().feeCharged()).isEqualTo(BASE_FEE);
        assertThat(balance(surge, alice)).isEqualTo(iqq(100) - 2_000);
    }

    private Transaction bidding(LedgerNode ledgerNode, KeyPair source, long feePerOperation,
            org.stellar.sdk.Operation operation) {
        Transaction tx = builder(network, source, seqNum(ledgerNode, source), feePerOperation, new TimeBounds(0, 0))
                .addOperation(operation).build();
        tx.sign(source);
        return tx;
    }

    @Test
    void invalidTransactionIsRejectedWithItsCodeAndNothingIsCharged() throws Exception {
        long rootBalance = balance(node, root);
        Transaction badSeq = tx(root, 5, createAccountOp(alice, iqq(100)));
        Transaction lowFee = builder(network, root, 0, BASE_FEE - 1, new TimeBounds(0, 0))
                .addOperation(createAccountOp(alice, iqq(100))).build();
        lowFee.sign(root);
        Transaction unsigned = builder(network, root, 0).addOperation(createAccountOp(alice, iqq(100))).build();

        assertThat(rejectionCode(badSeq)).isEqualTo(TransactionResultCode.txBAD_SEQ);
        assertThat(rejectionCode(lowFee)).isEqualTo(TransactionResultCode.txINSUFFICIENT_FEE);
        assertThat(rejectionCode(unsigned)).isEqualTo(TransactionResultCode.txBAD_AUTH);
        assertThat(node.queueSize()).isZero();

        ClosedLedger closed = node.closeLedger();

        assertThat(closed.transactions()).isEmpty();
        assertThat(balance(node, root)).isEqualTo(rootBalance);
        assertThat(seqNum(node, root)).isZero();
        assertThat(account(node, alice)).isEmpty();
        assertThat(store.transaction(Hashing.hex(badSeq.hash()))).isEmpty();
    }

    private TransactionResultCode rejectionCode(Transaction tx) {
        Submission submission = node.submit(tx.toEnvelopeXdr());
        assertThat(submission).isInstanceOf(Submission.Rejected.class);
        Submission.Rejected rejected = (Submission.Rejected) submission;
        assertThat(rejected.hash()).isEqualTo(Hashing.hex(tx.hash()));
        return rejected.result().getResult().getDiscriminant();
    }

    @Test
    void pendingTransactionThatExpiresBeforeItsLedgerIsDroppedUncharged() {
        long now = START.getEpochSecond();
        Transaction expiring = builder(network, root, 0, BASE_FEE, new TimeBounds(0, now + 5))
                .addOperation(createAccountOp(alice, iqq(100))).build();
        expiring.sign(root);
        Submission.Pending pending = submitPending(node, expiring);

        clock.advanceSeconds(10);
        ClosedLedger closed = node.closeLedger();

        assertThat(closed.transactions()).isEmpty();
        assertThat(closed.closeTime()).isEqualTo(now + 10);
        CompletableFuture<TransactionRecord> outcome = pending.outcome();
        assertThat(outcome).isCompletedExceptionally();
        assertThatThrownBy(outcome::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(TransactionDroppedException.class, dropped ->
                        assertThat(dropped.result().getResult().getDiscriminant())
                                .isEqualTo(TransactionResultCode.txTOO_LATE));
        assertThat(node.queueSize()).isZero();
        assertThat(balance(node, root)).isEqualTo(PROFILE.totalCoins());
        assertThat(seqNum(node, root)).isZero();
    }

    @Test
    void closeTimesFollowTheClockAndAlwaysIncrease() {
        ClosedLedger first = node.closeLedger();
        ClosedLedger second = node.closeLedger(); // the clock did not move
        clock.advanceSeconds(30);
        ClosedLedger third = node.closeLedger();

        assertThat(first.closeTime()).isEqualTo(START.getEpochSecond());
        assertThat(second.closeTime()).isEqualTo(START.getEpochSecond() + 1);
        assertThat(third.closeTime()).isEqualTo(START.getEpochSecond() + 30);
    }

    @Test
    void listenersHearOfEachCommittedLedgerInOrder() {
        List<Integer> heard = new ArrayList<>();
        node.addListener(ledger -> heard.add(ledger.sequence()));
        node.addListener(ledger -> {
            throw new IllegalStateException("a failing listener does not stop the node");
        });

        node.closeLedger();
        node.closeLedger();

        assertThat(heard).containsExactly(2, 3);
        assertThat(node.sequence()).isEqualTo(3);
    }

    @Test
    void restartedNodeResumesAtTheSameLedgerWithTheSameBalances() {
        createAlice();
        Transaction payment = tx(node, alice, paymentOp(root, iqq(7)));
        submitPending(node, payment);
        node.closeLedger();

        LedgerNode restarted = started(store, QUEUE_MAX);

        assertThat(restarted.sequence()).isEqualTo(3).isEqualTo(node.sequence());
        assertThat(restarted.lastHash()).isEqualTo(node.lastHash());
        assertThat(xdr(restarted.lastHeader()::toXdrByteArray)).isEqualTo(xdr(node.lastHeader()::toXdrByteArray));
        assertThat(balance(restarted, alice)).isEqualTo(iqq(93) - BASE_FEE).isEqualTo(balance(node, alice));
        assertThat(seqNum(restarted, alice)).isEqualTo((2L << 32) + 1);
        assertThat(balance(restarted, root)).isEqualTo(balance(node, root));
        assertThat(seqNum(restarted, root)).isEqualTo(1);

        Submission resubmitted = restarted.submit(payment.toEnvelopeXdr());
        assertThat(resubmitted).isInstanceOf(Submission.AlreadyApplied.class);
        assertThat(((Submission.AlreadyApplied) resubmitted).record().ledger()).isEqualTo(3);

        Submission.Pending next = submitPending(restarted, tx(restarted, alice, paymentOp(root, iqq(1))));
        ClosedLedger closed = restarted.closeLedger();
        assertThat(closed.sequence()).isEqualTo(4);
        assertThat(closed.header().getPreviousLedgerHash().getHash()).isEqualTo(node.lastHash());
        assertThat(next.outcome().join().successful()).isTrue();
        assertThat(balance(restarted, alice)).isEqualTo(iqq(92) - 2 * BASE_FEE);
    }

    @Test
    void failedCommitLeavesTheNodeAtThePreviousLedgerAndTheNextCloseSucceeds() {
        List<Integer> heard = new ArrayList<>();
        node.addListener(ledger -> heard.add(ledger.sequence()));
        byte[] hashBefore = node.lastHash();
        byte[] stateHashBefore = node.lastHeader().getBucketListHash().getHash();
        Transaction create = tx(node, root, createAccountOp(alice, iqq(100)));
        Submission.Pending pending = submitPending(node, create);
        store.failNextCommit(new IllegalStateException("database unavailable"));

        assertThatThrownBy(node::closeLedger).isInstanceOf(IllegalStateException.class)
                .hasMessage("database unavailable");

        assertThat(node.sequence()).isEqualTo(1);
        assertThat(node.lastHash()).isEqualTo(hashBefore);
        assertThat(node.lastHeader().getBucketListHash().getHash()).isEqualTo(stateHashBefore);
        assertThat(account(node, alice)).isEmpty();
        assertThat(balance(node, root)).isEqualTo(PROFILE.totalCoins());
        assertThat(seqNum(node, root)).isZero();
        assertThat(pending.outcome()).isNotDone();
        assertThat(node.queueSize()).isEqualTo(1);
        assertThat(heard).isEmpty();
        assertThat(store.header(2)).isEmpty();
        assertThat(store.transaction(pending.hash())).isEmpty();

        // A twin node that never failed closes the same ledger; equal headers mean equal state hashes, so the
        // failed close was reverted exactly.
        LedgerNode twin = started(new InMemoryLedgerStore(), QUEUE_MAX);
        submitPending(twin, create);
        ClosedLedger expected = twin.closeLedger();

        ClosedLedger retried = node.closeLedger();

        assertThat(xdr(retried.header()::toXdrByteArray)).isEqualTo(xdr(expected.header()::toXdrByteArray));
        assertThat(pending.outcome().join().ledger()).isEqualTo(2);
        assertThat(pending.outcome().join().successful()).isTrue();
        assertThat(heard).containsExactly(2);
        assertThat(balance(node, alice)).isEqualTo(iqq(100));
        assertThat(balance(node, root)).isEqualTo(PROFILE.totalCoins() - iqq(100) - BASE_FEE);
        assertThat(store.commits()).isEqualTo(2);
        assertThat(started(store, QUEUE_MAX).sequence()).as("the store still matches its state hash").isEqualTo(2);
    }

    /**
     * stellar-core admits a fee bump whose {@code checkValid} passes; {@link
     * io.corridor.ledger.core.tx.TransactionProcessor#checkValid} reports that as txFEE_BUMP_INNER_SUCCESS, but
     * the node only admits txSUCCESS.
     */
    @Test
    void validFeeBumpIsAdmittedAndApplied() {
        createAlice();
        Transaction inner = tx(node, alice, paymentOp(root, iqq(1)));
        FeeBumpTransaction feeBump = new FeeBumpTransaction.Builder(inner)
                .setBaseFee(BASE_FEE).setFeeAccount(root.getAccountId()).build();
        feeBump.sign(root);
        long rootBalance = balance(node, root);

        Submission submission = node.submit(feeBump.toEnvelopeXdr());

        assertThat(submission).as(describe(submission)).isInstanceOf(Submission.Pending.class);
        node.closeLedger();
        TransactionRecord record = ((Submission.Pending) submission).outcome().join();
        assertThat(record.successful()).isTrue();
        assertThat(record.feeCharged()).isEqualTo(2 * BASE_FEE);
        assertThat(balance(node, root)).isEqualTo(rootBalance + iqq(1) - 2 * BASE_FEE);
        assertThat(balance(node, alice)).isEqualTo(iqq(99));
        assertThat(seqNum(node, alice)).isEqualTo((2L << 32) + 1);
    }

    /** A submission with the result code of a rejection spelled out, for failure messages. */
    private static String describe(Submission submission) {
        return submission instanceof Submission.Rejected rejected
                ? "Rejected with " + rejected.result().getResult().getDiscriminant()
                : submission.toString();
    }

    private static byte[] xdrHash(org.stellar.sdk.xdr.LedgerHeader header) {
        return Hashing.sha256(xdr(header::toXdrByteArray));
    }
}
