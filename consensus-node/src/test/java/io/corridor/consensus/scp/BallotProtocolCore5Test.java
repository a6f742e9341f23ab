package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestEnvelopes.assertStatement;
import static io.corridor.consensus.scp.TestEnvelopes.ballot;
import static io.corridor.consensus.scp.TestEnvelopes.confirm;
import static io.corridor.consensus.scp.TestEnvelopes.externalize;
import static io.corridor.consensus.scp.TestEnvelopes.prepare;
import static io.corridor.consensus.scp.TestNodes.node;
import static io.corridor.consensus.scp.TestValues.X;
import static io.corridor.consensus.scp.TestValues.Y;
import static io.corridor.consensus.scp.TestValues.Z;
import static io.corridor.consensus.scp.TestValues.ZZ;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Value;

/**
 * Ballot protocol of v0 in a core of five nodes with threshold 4, after stellar-core's "ballot protocol
 * core5": a v-blocking set is any 2 other nodes, a quorum any 3 others plus v0. The fake nodes' envelopes
 * are scripted; every envelope v0 emits is checked field by field.
 */
class BallotProtocolCore5Test {
    static final long INF = Ballot.COUNTER_INFINITE;
    final NodeID v0 = node(0);
    final NodeID v1 = node(1);
    final NodeID v2 = node(2);
    final NodeID v3 = node(3);
    final NodeID v4 = node(4);
    final SCPQuorumSet qSet = TestNodes.qSet(4, v0, v1, v2, v3, v4);
    final Hash qSetHash = QuorumSets.hash(qSet);
    TestDriver scp;
    Hash qSetHash0;

    @BeforeEach
    void setUp() {
        scp = new TestDriver(v0, qSet);
        qSetHash0 = scp.localQSetHash();
    }

    // ------------------------------------------------------------------ helpers in the reference's style

    /** v0's expected PREPARE. */
    SCPEnvelope myPrepare(SCPBallot b, SCPBallot p, long nC, long nH, SCPBallot pPrime) {
        return prepare(v0, qSetHash0, 0, b, p, nC, nH, pPrime);
    }

    SCPEnvelope myPrepare(SCPBallot b, SCPBallot p, long nC, long nH) {
        return myPrepare(b, p, nC, nH, null);
    }

    SCPEnvelope myPrepare(SCPBallot b, SCPBallot p) {
        return myPrepare(b, p, 0, 0, null);
    }

    SCPEnvelope myPrepare(SCPBallot b) {
        return myPrepare(b, null, 0, 0, null);
    }

    SCPEnvelope myConfirm(long nPrepared, SCPBallot b, long nC, long nH) {
        return confirm(v0, qSetHash0, 0, nPrepared, b, nC, nH);
    }

    SCPEnvelope myExternalize(SCPBallot commit, long nH) {
        return externalize(v0, qSetHash0, 0, commit, nH);
    }

    Function<NodeID, SCPEnvelope> prepareGen(SCPBallot b, SCPBallot p, long nC, long nH, SCPBallot pPrime) {
        return n -> prepare(n, qSetHash, 0, b, p, nC, nH, pPrime);
    }

    Function<NodeID, SCPEnvelope> prepareGen(SCPBallot b, SCPBallot p, long nC, long nH) {
        return prepareGen(b, p, nC, nH, null);
    }

    Function<NodeID, SCPEnvelope> prepareGen(SCPBallot b, SCPBallot p) {
        return prepareGen(b, p, 0, 0, null);
    }

    Function<NodeID, SCPEnvelope> prepareGen(SCPBallot b) {
        return prepareGen(b, null, 0, 0, null);
    }

    Function<NodeID, SCPEnvelope> confirmGen(long nPrepared, SCPBallot b, long nC, long nH) {
        return n -> confirm(n, qSetHash, 0, nPrepared, b, nC, nH);
    }

    Function<NodeID, SCPEnvelope> externalizeGen(SCPBallot commit, long nH) {
        return n -> externalize(n, qSetHash, 0, commit, nH);
    }

    /** Two nodes (a v-blocking set): nothing on the first, exactly one new envelope on the second. */
    void recvVBlocking(Function<NodeID, SCPEnvelope> gen) {
        recvVBlockingChecks(gen, true);
    }

    void recvVBlockingChecks(Function<NodeID, SCPEnvelope> gen, boolean withChecks) {
        SCPEnvelope e1 = gen.apply(v1);
        SCPEnvelope e2 = gen.apply(v2);
        scp.bumpTime();
        int i = scp.envs.size();
        scp.receive(e1);
        if (withChecks) {
            assertThat(scp.envs).hasSize(i);
        }
        i++;
        scp.receive(e2);
        if (withChecks) {
            assertThat(scp.envs).hasSize(i);
        }
    }

    /**
     * Four nodes: the third completes a quorum with v0 and must produce exactly one envelope (or the fourth,
     * with {@code delayedQuorum}); {@code checkUpcoming} also requires the ballot timer to be armed ahead.
     */
    void recvQuorumChecksEx(Function<NodeID, SCPEnvelope> gen, boolean withChecks, boolean delayedQuorum,
            boolean checkUpcoming) {
        SCPEnvelope e1 = gen.apply(v1);
        SCPEnvelope e2 = gen.apply(v2);
        SCPEnvelope e3 = gen.apply(v3);
        SCPEnvelope e4 = gen.apply(v4);
        scp.bumpTime();
        scp.receive(e1);
        scp.receive(e2);
        int i = scp.envs.size() + 1;
        scp.receive(e3);
        if (withChecks && !delayedQuorum) {
            assertThat(scp.envs).hasSize(i);
        }
        if (checkUpcoming && !delayedQuorum) {
            assertThat(scp.hasBallotTimerUpcoming()).isTrue();
        }
        scp.receive(e4);
        if (withChecks && delayedQuorum) {
            assertThat(scp.envs).hasSize(i);
        }
        if (checkUpcoming && delayedQuorum) {
            assertThat(scp.hasBallotTimerUpcoming()).isTrue();
        }
    }

    void recvQuorumChecks(Function<NodeID, SCPEnvelope> gen, boolean withChecks, boolean delayedQuorum) {
        recvQuorumChecksEx(gen, withChecks, delayedQuorum, false);
    }

    void recvQuorumEx(Function<NodeID, SCPEnvelope> gen, boolean checkUpcoming) {
        recvQuorumChecksEx(gen, true, false, checkUpcoming);
    }

    void recvQuorum(Function<NodeID, SCPEnvelope> gen) {
        recvQuorumEx(gen, false);
    }

    void assertEmitted(int index, SCPEnvelope expected) {
        assertThat(scp.envs.size()).as("emitted envelopes").isGreaterThan(index);
        assertStatement(scp.envs.get(index), expected);
    }

    // ------------------------------------------------------------------ simple rounds

    @Test
    void bumpStateStartsWithCounterOne() {
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);
        assertEmitted(0, myPrepare(ballot(1, X)));
    }

    /** Everybody prepares (1,x): v0 accepts, then confirms (1,x) prepared and votes to commit it. */
    void nodesAllPledgeToCommit() {
        SCPBallot b = ballot(1, X);
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);
        assertEmitted(0, myPrepare(b));

        scp.receive(prepare(v1, qSetHash, 0, b));
        assertThat(scp.envs).hasSize(1);
        assertThat(scp.heardFromQuorums.getOrDefault(0L, java.util.List.of())).isEmpty();
        scp.receive(prepare(v2, qSetHash, 0, b));
        assertThat(scp.envs).hasSize(1);
        assertThat(scp.heardFromQuorums.getOrDefault(0L, java.util.List.of())).isEmpty();

        // v1..v3 with v0 form a quorum: accept (1,x) prepared, and hear from a quorum at counter 1
        scp.receive(prepare(v3, qSetHash, 0, b));
        assertThat(scp.envs).hasSize(2);
        assertThat(scp.heardFromQuorums.get(0L)).containsExactly(Ballot.of(b));
        assertEmitted(1, myPrepare(b, b));

        scp.receive(prepare(v4, qSetHash, 0, b));
        assertThat(scp.envs).hasSize(2);

        scp.receive(prepare(v4, qSetHash, 0, b, b));
        scp.receive(prepare(v3, qSetHash, 0, b, b));
        assertThat(scp.envs).hasSize(2);

        // confirms prepared, votes to commit
        scp.receive(prepare(v2, qSetHash, 0, b, b));
        assertThat(scp.envs).hasSize(3);
        assertEmitted(2, myPrepare(b, b, 1, 1));

        // extra statement doesn't do anything
        scp.receive(prepare(v1, qSetHash, 0, b, b));
        assertThat(scp.envs).hasSize(3);
    }

    @Test
    void normalRoundExternalizes() {
        nodesAllPledgeToCommit();
        SCPBallot b = ballot(1, X);

        scp.receive(prepare(v1, qSetHash, 0, b, b, 1, 1));
        scp.receive(prepare(v2, qSetHash, 0, b, b, 1, 1));
        assertThat(scp.envs).hasSize(3);
        // a quorum votes commit: accept commit, move to CONFIRM
        scp.receive(prepare(v3, qSetHash, 0, b, b, 1, 1));
        assertThat(scp.envs).hasSize(4);
        assertEmitted(3, myConfirm(1, b, 1, 1));

        scp.receive(confirm(v1, qSetHash, 0, 1, b, 1, 1));
        scp.receive(confirm(v2, qSetHash, 0, 1, b, 1, 1));
        assertThat(scp.envs).hasSize(4);
        assertThat(scp.externalizedValues).isEmpty();
        // a quorum accepted commit: confirm commit, externalize
        scp.receive(confirm(v3, qSetHash, 0, 1, b, 1, 1));
        assertThat(scp.envs).hasSize(5);
        assertEmitted(4, myExternalize(b, 1));
        assertThat(scp.externalizedValues).containsExactly(java.util.Map.entry(0L, X));
        assertThat(scp.hasBallotTimer()).isFalse();

        // extra vote and duplicates are no-ops
        assertThat(scp.receive(confirm(v4, qSetHash, 0, 1, b, 1, 1))).isEqualTo(EnvelopeState.VALID);
        assertThat(scp.receive(confirm(v2, qSetHash, 0, 1, b, 1, 1))).isEqualTo(EnvelopeState.INVALID);
        assertThat(scp.envs).hasSize(5);
        assertThat(scp.externalizedValues).hasSize(1);
        assertThat(scp.scp.getBallotState(0).orElseThrow().phase()).isEqualTo(BallotPhase.EXTERNALIZE);
        assertThat(scp.scp.getExternalizingState(0)).hasSize(5);
    }

    @Test
    void nothingMovesOnceCommitted() {
        nodesAllPledgeToCommit();
        SCPBallot b = ballot(1, X);
        for (NodeID n : new NodeID[] {v1, v2, v3}) {
            scp.receive(prepare(n, qSetHash, 0, b, b, 1, 1));
        }
        for (NodeID n : new NodeID[] {v1, v2, v3}) {
            scp.receive(confirm(n, qSetHash, 0, 1, b, 1, 1));
        }
        assertThat(scp.envs).hasSize(5);
        for (SCPBallot b2 : new SCPBallot[] {ballot(1, Z), ballot(2, X), ballot(2, Z)}) {
            for (NodeID n : new NodeID[] {v1, v2, v3, v4}) {
                scp.receive(confirm(n, qSetHash, 0, Xdr.uint32(b2.getCounter()), b2, Xdr.uint32(b2.getCounter()),
                        Xdr.uint32(b2.getCounter())));
            }
        }
        assertThat(scp.envs).hasSize(5);
        assertThat(scp.externalizedValues).hasSize(1);
        assertThat(scp.scp.bumpState(0, Y)).isFalse();
    }

    @Test
    void rangeCheckExternalizesOnTheCommonRange() {
        nodesAllPledgeToCommit();
        SCPBallot b = ballot(1, X);
        scp.receive(prepare(v1, qSetHash, 0, b, b, 1, 1));
        scp.receive(prepare(v2, qSetHash, 0, b, b, 1, 1));
        scp.receive(prepare(v3, qSetHash, 0, b, b, 1, 1));
        assertThat(scp.envs).hasSize(4);
        assertEmitted(3, myConfirm(1, b, 1, 1));

        scp.receive(confirm(v1, qSetHash, 0, 4, ballot(4, X), 2, 4));
        // v-blocking: b bumped to (4,x), p to (4,x), (c,h) to (2,4)
        scp.receive(confirm(v2, qSetHash, 0, 6, ballot(6, X), 2, 6));
        assertThat(scp.envs).hasSize(5);
        assertEmitted(4, myConfirm(4, ballot(4, X), 2, 4));

        // quorum accepted commit on [3,4]
        scp.receive(confirm(v4, qSetHash, 0, 6, ballot(6, X), 3, 6));
        assertThat(scp.envs).hasSize(6);
        assertThat(scp.externalizedValues).containsEntry(0L, X);
        assertEmitted(5, myExternalize(ballot(3, X), 4));
    }

    // ------------------------------------------------------------------ start <1,x> and its branches

    @Nested
    class StartAtOneX {
        final Value aValue = X;
        final Value bValue = Z;
        final SCPBallot a1 = ballot(1, aValue);
        final SCPBallot a2 = ballot(2, aValue);
        final SCPBallot a3 = ballot(3, aValue);
        final SCPBallot a4 = ballot(4, aValue);
        final SCPBallot a5 = ballot(5, aValue);
        final SCPBallot aInf = ballot(INF, aValue);
        final SCPBallot b1 = ballot(1, bValue);
        final SCPBallot b2 = ballot(2, bValue);
        final SCPBallot b3 = ballot(3, bValue);
        final SCPBallot bInf = ballot(INF, bValue);
        final SCPBallot mid2 = ballot(2, Y);
        final SCPBallot big2 = ballot(2, ZZ);

        @BeforeEach
        void start() {
            assertThat(scp.hasBallotTimer()).isFalse();
            assertThat(scp.scp.bumpState(0, aValue)).isTrue();
            assertThat(scp.envs).hasSize(1);
            // a node alone hears no quorum: no timer yet
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        void preparedA1() {
            recvQuorumEx(prepareGen(a1), true);
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myPrepare(a1, a1));
        }

        void bumpPreparedA2() {
            preparedA1();
            scp.bumpTime();
            assertThat(scp.scp.bumpState(0, aValue)).isTrue();
            assertThat(scp.envs).hasSize(3);
            assertEmitted(2, myPrepare(a2, a1));
            assertThat(scp.hasBallotTimer()).isFalse();

            recvQuorumEx(prepareGen(a2), true);
            assertThat(scp.envs).hasSize(4);
            assertEmitted(3, myPrepare(a2, a2));
        }

        void confirmPreparedA2() {
            bumpPreparedA2();
            recvQuorum(prepareGen(a2, a2));
            assertThat(scp.envs).hasSize(5);
            assertEmitted(4, myPrepare(a2, a2, 2, 2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        void acceptCommitQuorumA2() {
            confirmPreparedA2();
            recvQuorum(prepareGen(a2, a2, 2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(2, a2, 2, 2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        void quorumPreparedA3() {
            acceptCommitQuorumA2();
            recvVBlocking(prepareGen(a3, a2, 2, 2));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(2, a3, 2, 2));
            assertThat(scp.hasBallotTimer()).isFalse();

            recvQuorumEx(prepareGen(a3, a2, 2, 2), true);
            assertThat(scp.envs).hasSize(8);
            assertEmitted(7, myConfirm(3, a3, 2, 2));
        }

        @Test
        void happyPathToExternalize() {
            quorumPreparedA3();
            recvQuorum(prepareGen(a3, a3, 2, 3));
            assertThat(scp.envs).hasSize(9);
            assertEmitted(8, myConfirm(3, a3, 2, 3));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
            assertThat(scp.externalizedValues).isEmpty();

            recvQuorum(confirmGen(3, a3, 2, 3));
            assertThat(scp.envs).hasSize(10);
            assertEmitted(9, myExternalize(a2, 3));
            assertThat(scp.hasBallotTimer()).isFalse();
            assertThat(scp.externalizedValues).containsExactly(java.util.Map.entry(0L, aValue));
        }

        @Test
        void vBlockingConfirmAcceptsMoreCommitButDoesNotExternalize() {
            quorumPreparedA3();
            recvVBlocking(confirmGen(3, a3, 2, 3));
            assertThat(scp.envs).hasSize(9);
            assertEmitted(8, myConfirm(3, a3, 2, 3));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
            assertThat(scp.externalizedValues).isEmpty();
        }

        @Test
        void vBlockingExternalizeMovesToInfiniteBallot() {
            quorumPreparedA3();
            recvVBlocking(externalizeGen(a2, 3));
            assertThat(scp.envs).hasSize(9);
            assertEmitted(8, myConfirm(INF, aInf, 2, INF));
            assertThat(scp.hasBallotTimer()).isFalse();
            assertThat(scp.externalizedValues).isEmpty();
        }

        @Test
        void otherNodesMovedToHigherCommitRange() {
            quorumPreparedA3();
            recvVBlocking(confirmGen(3, a5, 4, 5));
            assertThat(scp.envs).hasSize(9);
            assertEmitted(8, myConfirm(3, a5, 4, 5));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void otherNodesExternalizedHigherCommitRange() {
            quorumPreparedA3();
            recvVBlocking(externalizeGen(a4, 5));
            assertThat(scp.envs).hasSize(9);
            assertEmitted(8, myConfirm(INF, aInf, 4, INF));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void vBlockingPreparedA3InConfirm() {
            acceptCommitQuorumA2();
            recvVBlocking(prepareGen(a3, a3, 2, 2));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(3, a3, 2, 2));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void vBlockingPreparedA3AndB3InConfirm() {
            acceptCommitQuorumA2();
            recvVBlocking(prepareGen(a3, b3, 2, 2, a3));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(3, a3, 2, 2));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void confirmPhaseDoesNotSwitchToNetworksExternalizedValue() {
            acceptCommitQuorumA2();
            // EXTERNALIZE counts as an infinite counter: b moves to infinity, value stays a
            recvVBlocking(externalizeGen(b2, 3));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(2, aInf, 2, 2));
            assertThat(scp.hasBallotTimer()).isFalse();

            // stuck: v0 committed to a
            recvQuorumChecks(externalizeGen(b2, 3), false, false);
            assertThat(scp.envs).hasSize(7);
            assertThat(scp.externalizedValues).isEmpty();
            // a quorum is at (inf, *): the timer is armed
            assertThat(scp.hasBallotTimerUpcoming()).isTrue();
        }

        @Test
        void confirmPhaseIgnoresOtherBallotAtSameCounter() {
            acceptCommitQuorumA2();
            recvQuorumChecks(confirmGen(3, b2, 2, 3), false, false);
            assertThat(scp.envs).hasSize(6);
            assertThat(scp.externalizedValues).isEmpty();
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        @Test
        void confirmPhaseOnlyBumpsCounterForOtherBallotAtHigherCounter() {
            acceptCommitQuorumA2();
            recvVBlocking(confirmGen(3, b3, 3, 3));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(2, a3, 2, 2));
            assertThat(scp.hasBallotTimer()).isFalse();

            recvQuorumChecks(confirmGen(3, b3, 3, 3), false, false);
            assertThat(scp.envs).hasSize(7);
            assertThat(scp.externalizedValues).isEmpty();
            assertThat(scp.hasBallotTimerUpcoming()).isTrue();
        }

        @Test
        void vBlockingConfirmA2AcceptsCommit() {
            confirmPreparedA2();
            recvVBlocking(confirmGen(2, a2, 2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(2, a2, 2, 2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        @Test
        void vBlockingConfirmA3To4AcceptsHigherCommit() {
            confirmPreparedA2();
            recvVBlocking(confirmGen(4, a4, 3, 4));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(4, a4, 3, 4));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void vBlockingConfirmB2SwitchesToB() {
            confirmPreparedA2();
            recvVBlocking(confirmGen(2, b2, 2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(2, b2, 2, 2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        @Test
        void vBlockingExternalizeA2() {
            confirmPreparedA2();
            recvVBlocking(externalizeGen(a2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(INF, aInf, 2, INF));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void vBlockingExternalizeB2() {
            confirmPreparedA2();
            recvVBlocking(externalizeGen(b2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myConfirm(INF, bInf, 2, INF));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void conflictingPreparedBAtSameCounterClearsCommitVote() {
            confirmPreparedA2();
            // v-blocking accepts B2 prepared: p = B2 > h = A2, so the commit vote on A is aborted
            recvVBlocking(prepareGen(b2, b2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a2, b2, 0, 2, a2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();

            recvQuorum(prepareGen(b2, b2, 2, 2));
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(2, b2, 2, 2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        @Test
        void conflictingPreparedBAtHigherCounter() {
            confirmPreparedA2();
            recvVBlocking(prepareGen(b3, b2, 2, 2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a3, b2, 0, 2, a2));
            assertThat(scp.hasBallotTimer()).isFalse();

            recvQuorumChecksEx(prepareGen(b3, b2, 2, 2), true, true, true);
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myConfirm(3, b3, 2, 2));
        }

        @Test
        void conflictingPreparedHigherCounterMixed() {
            confirmPreparedA2();
            recvVBlocking(prepareGen(a3, b3, 0, 2, a2));
            assertThat(scp.envs).hasSize(6);
            // p = B3, p' = A2; b = A3 (same value as h); c cleared
            assertEmitted(5, myPrepare(a3, b3, 0, 2, a2));

            recvQuorumEx(prepareGen(a3, b3, 0, 2, a2), true);
            // p = B3, p' = A3; h = b = c = B3
            assertThat(scp.envs).hasSize(7);
            assertEmitted(6, myPrepare(b3, b3, 3, 3, a3));
        }

        @Test
        void confirmPreparedMixed() {
            bumpPreparedA2();
            recvVBlocking(prepareGen(b2, b2, 0, 0, a2));
            assertThat(scp.envs).hasSize(5);
            assertEmitted(4, myPrepare(a2, b2, 0, 0, a2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();

            // h = A2, but no commit vote: p = B2 is above it with another value
            scp.bumpTime();
            scp.receive(prepare(v3, qSetHash, 0, a2, a2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a2, b2, 0, 2, a2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();

            scp.bumpTime();
            scp.receive(prepare(v4, qSetHash, 0, a2, a2));
            assertThat(scp.envs).hasSize(6);
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();
        }

        @Test
        void confirmPreparedMixedB2() {
            bumpPreparedA2();
            recvVBlocking(prepareGen(b2, b2, 0, 0, a2));
            assertThat(scp.envs).hasSize(5);

            // h = c = B2: b follows h to B2
            scp.bumpTime();
            scp.receive(prepare(v3, qSetHash, 0, b2, b2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(b2, b2, 2, 2, a2));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();

            scp.bumpTime();
            scp.receive(prepare(v4, qSetHash, 0, b2, b2));
            assertThat(scp.envs).hasSize(6);
        }

        @Test
        void switchPreparedFromA1ToB1AndFollowVBlockingCounters() {
            preparedA1();
            // (p, p') = (B1, A1)
            recvVBlocking(prepareGen(b1, b1));
            assertThat(scp.envs).hasSize(3);
            assertEmitted(2, myPrepare(a1, b1, 0, 0, a1));
            assertThat(scp.hasBallotTimerUpcoming()).isFalse();

            // v-blocking at counter 2: bump
            recvVBlocking(prepareGen(b2));
            assertThat(scp.envs).hasSize(4);
            assertEmitted(3, myPrepare(a2, b1, 0, 0, a1));

            // (p, p') = (B2, A1)
            recvVBlocking(prepareGen(b2, b2));
            assertThat(scp.envs).hasSize(5);
            assertEmitted(4, myPrepare(a2, b2, 0, 0, a1));
            assertThat(scp.hasBallotTimer()).isFalse();

            // v-blocking at counter 3: bump, keeping own value (nothing confirmed prepared)
            recvVBlocking(prepareGen(b3));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a3, b2, 0, 0, a1));
            assertThat(scp.hasBallotTimer()).isFalse();

            // an older prepared B1 changes nothing
            recvVBlockingChecks(prepareGen(b3, b1), false);
            assertThat(scp.envs).hasSize(6);
        }

        @Test
        void switchPPrimeToMid2() {
            preparedA1();
            recvVBlocking(prepareGen(b1, b1));
            recvVBlocking(prepareGen(b2));
            recvVBlocking(prepareGen(b2, b2));
            assertThat(scp.envs).hasSize(5);
            recvVBlocking(prepareGen(b2, b2, 0, 0, mid2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a2, b2, 0, 0, mid2));
        }

        @Test
        void switchBothPAndPPrime() {
            preparedA1();
            recvVBlocking(prepareGen(b1, b1));
            recvVBlocking(prepareGen(b2));
            recvVBlocking(prepareGen(b2, b2));
            assertThat(scp.envs).hasSize(5);
            recvVBlocking(prepareGen(b2, big2, 0, 0, b2));
            assertThat(scp.envs).hasSize(6);
            assertEmitted(5, myPrepare(a2, big2, 0, 0, b2));
        }

        @Test
        void quorumPreparingBAcceptsBPrepared() {
            preparedA1();
            recvQuorumChecks(prepareGen(b1), true, true);
            assertThat(scp.envs).hasSize(3);
            assertEmitted(2, myPrepare(a1, b1, 0, 0, a1));
        }

        @Test
        void vBlockingAtHigherCountersBumpsCounter() {
            preparedA1();
            recvVBlocking(prepareGen(b2));
            assertThat(scp.envs).hasSize(3);
            assertEmitted(2, myPrepare(a2, a1));
            assertThat(scp.hasBallotTimer()).isFalse();

            recvVBlocking(prepareGen(b3));
            assertThat(scp.envs).hasSize(4);
            assertEmitted(3, myPrepare(a3, a1));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void bumpsToLowestCounterAtWhichNoVBlockingSetIsAhead() {
            // v1 at 3 and v2 at 5 are v-blocking ahead of 1; only v2 is ahead of 3: move to 3
            scp.receive(prepare(v1, qSetHash, 0, ballot(3, bValue)));
            assertThat(scp.envs).hasSize(1);
            scp.receive(prepare(v2, qSetHash, 0, ballot(5, bValue)));
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myPrepare(a3));
        }

        @Test
        void preparedBByVBlocking() {
            recvVBlocking(prepareGen(b1, b1));
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myPrepare(a1, b1));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void preparedBByQuorum() {
            recvQuorumChecksEx(prepareGen(b1), true, true, true);
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myPrepare(a1, b1));
        }

        @Test
        void vBlockingConfirmFromPrepare() {
            scp.bumpTime();
            scp.receive(confirm(v1, qSetHash, 0, 3, a3, 3, 3));
            scp.receive(confirm(v2, qSetHash, 0, 4, a4, 2, 4));
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myConfirm(3, a3, 3, 3));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        @Test
        void vBlockingExternalizeFromPrepare() {
            scp.receive(externalize(v1, qSetHash, 0, a2, 4));
            scp.receive(externalize(v2, qSetHash, 0, a3, 5));
            assertThat(scp.envs).hasSize(2);
            assertEmitted(1, myConfirm(INF, aInf, 3, INF));
            assertThat(scp.hasBallotTimer()).isFalse();
        }

        // -------------------------------------------------------------- timer

        @Test
        void ballotTimerArmedOnlyOnceAQuorumReachedTheCounterAndBumpsWhenFired() {
            preparedA1();
            TestDriver.Timer t = scp.timer(0, TimerId.BALLOT_PROTOCOL).orElseThrow();
            // linear timeout: counter 1 -> 1 s
            assertThat(t.delayMs()).isEqualTo(1000);

            scp.fireTimer(0, TimerId.BALLOT_PROTOCOL);
            assertThat(scp.envs).hasSize(3);
            assertEmitted(2, myPrepare(a2, a1));
            // the others are still at counter 1: no quorum at 2, no timer
            assertThat(scp.hasBallotTimer()).isFalse();

            recvQuorumEx(prepareGen(a2), true);
            assertThat(scp.timer(0, TimerId.BALLOT_PROTOCOL).orElseThrow().delayMs()).isEqualTo(2000);
            assertThat(scp.heardFromQuorums.get(0L)).containsExactly(Ballot.of(a1), Ballot.of(a2));
        }

        @Test
        void timeoutIsCappedByTheConfiguredMaximum() {
            scp.maxTimeoutSeconds = 1;
            bumpPreparedA2();
            assertThat(scp.timer(0, TimerId.BALLOT_PROTOCOL).orElseThrow().delayMs()).isEqualTo(1000);
        }
    }

    // ------------------------------------------------------------------ timeouts with h

    @Test
    void timeoutWhenHIsSetStaysLockedOnH() {
        SCPBallot bx = ballot(1, X);
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);

        recvQuorum(prepareGen(bx, bx));
        assertThat(scp.envs).hasSize(3);
        assertEmitted(2, myPrepare(bx, bx, 1, 1));

        // a timeout asking for y keeps x
        assertThat(scp.scp.bumpState(0, Y)).isTrue();
        assertThat(scp.envs).hasSize(4);
        assertEmitted(3, myPrepare(ballot(2, X), bx, 1, 1));
    }

    @Test
    void timeoutWhenHExistsButCannotBeSetVotesForH() {
        SCPBallot by = ballot(1, Y);
        assertThat(scp.scp.bumpState(0, Y)).isTrue();
        assertThat(scp.envs).hasSize(1);

        SCPBallot bx = ballot(1, X);
        // the network goes with (1,x): v-blocking -> prepared
        recvVBlocking(prepareGen(bx, bx));
        assertThat(scp.envs).hasSize(2);
        assertEmitted(1, myPrepare(by, bx));
        // quorum -> confirmed prepared, but b > h: nothing to emit
        recvQuorumChecks(prepareGen(bx, bx), false, false);
        assertThat(scp.envs).hasSize(2);

        assertThat(scp.scp.bumpState(0, Y)).isTrue();
        assertThat(scp.envs).hasSize(3);
        // on timeout v0 moves to h's value; c stays unset as b > h
        assertEmitted(2, myPrepare(ballot(2, X), bx, 0, 1));
    }

    @Test
    void timeoutFromMultipleNodes() {
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        SCPBallot x1 = ballot(1, X);
        SCPBallot x2 = ballot(2, X);
        assertEmitted(0, myPrepare(x1));

        recvQuorum(prepareGen(x1));
        assertThat(scp.envs).hasSize(2);
        assertEmitted(1, myPrepare(x1, x1));

        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(3);
        assertEmitted(2, myPrepare(x2, x1));

        recvQuorum(prepareGen(x1, x1));
        assertThat(scp.envs).hasSize(4);
        assertEmitted(3, myPrepare(x2, x1, 0, 1));

        recvVBlocking(prepareGen(x2, x2, 1, 1));
        assertThat(scp.envs).hasSize(5);
        assertEmitted(4, myPrepare(x2, x2, 0, 1));

        // the quorum confirms (2,x) prepared: h = c = x2; and a quorum of others accepted commit (1,x)
        recvQuorumChecks(prepareGen(x2, x2, 1, 1), false, false);
        assertThat(scp.envs).hasSize(7);
        assertEmitted(5, myPrepare(x2, x2, 2, 2));
        assertEmitted(6, myConfirm(2, x2, 1, 1));
    }

    @Test
    void timeoutAfterPrepareThenOldMessagesToPrepare() {
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        SCPBallot x1 = ballot(1, X);
        SCPBallot x2 = ballot(2, X);
        SCPBallot x3 = ballot(3, X);

        scp.receive(prepare(v1, qSetHash, 0, x1));
        scp.receive(prepare(v2, qSetHash, 0, x1));
        scp.receive(prepare(v3, qSetHash, 0, x1));
        assertThat(scp.envs).hasSize(2);
        assertEmitted(1, myPrepare(x1, x1));

        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertEmitted(2, myPrepare(x2, x1));
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(4);
        assertEmitted(3, myPrepare(x3, x1));

        scp.receive(prepare(v1, qSetHash, 0, x2, x2, 1, 2));
        scp.receive(prepare(v2, qSetHash, 0, x2, x2, 1, 2));
        assertThat(scp.envs).hasSize(5);
        assertEmitted(4, myPrepare(x3, x2));

        scp.receive(prepare(v3, qSetHash, 0, x2, x2, 1, 2));
        assertThat(scp.envs).hasSize(6);
        assertEmitted(5, myPrepare(x3, x2, 0, 2));
    }

    // ------------------------------------------------------------------ watchers

    @Test
    void nonValidatorWatchesWithoutEmitting() {
        NodeID vNV = node(99);
        TestDriver nv = new TestDriver(vNV, qSet, false);
        Hash qSetHashNV = nv.localQSetHash();
        SCPBallot b = ballot(1, X);
        assertThat(nv.scp.bumpState(0, X)).isTrue();
        assertThat(nv.envs).isEmpty();
        assertStatement(own(nv, vNV), prepare(vNV, qSetHashNV, 0, b));

        nv.receive(externalize(v1, qSetHash, 0, b, 1));
        nv.receive(externalize(v2, qSetHash, 0, b, 1));
        nv.receive(externalize(v3, qSetHash, 0, b, 1));
        assertThat(nv.envs).isEmpty();
        assertStatement(own(nv, vNV), confirm(vNV, qSetHashNV, 0, INF, ballot(INF, X), 1, INF));

        nv.receive(externalize(v4, qSetHash, 0, b, 1));
        assertThat(nv.envs).isEmpty();
        assertStatement(own(nv, vNV), externalize(vNV, qSetHashNV, 0, b, INF));
        assertThat(nv.externalizedValues).containsEntry(0L, X);
        assertThat(nv.scp.getLatestMessagesSend(0)).isEmpty();
        assertThat(nv.scp.getCurrentState(0)).hasSize(4);
    }

    private static SCPEnvelope own(TestDriver d, NodeID id) {
        return d.scp.getEntireCurrentState(0).stream().filter(e -> e.getStatement().getNodeID().equals(id))
                .reduce((a, b) -> b).orElseThrow();
    }
}
