package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestEnvelopes.assertStatement;
import static io.corridor.consensus.scp.TestEnvelopes.ballot;
import static io.corridor.consensus.scp.TestEnvelopes.prepare;
import static io.corridor.consensus.scp.TestNodes.node;
import static io.corridor.consensus.scp.TestValues.K;
import static io.corridor.consensus.scp.TestValues.PREVIOUS;
import static io.corridor.consensus.scp.TestValues.X;
import static io.corridor.consensus.scp.TestValues.Y;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Value;

/** Nomination of v0 in the five-node core (threshold 4), after stellar-core's "nomination tests core5". */
class NominationProtocolTest {
    final NodeID v0 = node(0);
    final NodeID v1 = node(1);
    final NodeID v2 = node(2);
    final NodeID v3 = node(3);
    final NodeID v4 = node(4);
    final SCPQuorumSet qSet = TestNodes.qSet(4, v0, v1, v2, v3, v4);
    final Hash qSetHash = QuorumSets.hash(qSet);
    final List<Value> none = List.of();

    TestDriver scp;
    Hash qSetHash0;

    @BeforeEach
    void setUp() {
        scp = new TestDriver(v0, qSet);
        qSetHash0 = scp.localQSetHash();
    }

    boolean nominate(TestDriver d, Value v) {
        return d.scp.nominate(0, v, PREVIOUS);
    }

    SCPEnvelope nom(NodeID n, List<Value> votes, List<Value> accepted) {
        return TestEnvelopes.nominate(n, qSetHash, 0, votes, accepted);
    }

    SCPEnvelope myNom(List<Value> votes, List<Value> accepted) {
        return TestEnvelopes.nominate(v0, qSetHash0, 0, votes, accepted);
    }

    @Nested
    class V0IsTop {
        /** Everybody votes x then accepts it: x becomes the candidate and the ballot protocol starts. */
        void othersNominateX() {
            assertThat(nominate(scp, X)).isTrue();
            assertThat(scp.scp.getNominationLeaders(0)).containsExactly(v0);
            assertThat(scp.envs).hasSize(1);
            assertStatement(scp.envs.get(0), myNom(List.of(X), none));
            assertThat(scp.nominatingValues).containsExactly(X);
            assertThat(scp.timer(0, TimerId.NOMINATION).orElseThrow().delayMs()).isEqualTo(1000);

            scp.receive(nom(v1, List.of(X), none));
            scp.receive(nom(v2, List.of(X), none));
            assertThat(scp.envs).hasSize(1);
            // a quorum voted x: accept it
            scp.receive(nom(v3, List.of(X), none));
            assertThat(scp.envs).hasSize(2);
            assertStatement(scp.envs.get(1), myNom(List.of(X), List.of(X)));
            scp.receive(nom(v4, List.of(X), none));
            assertThat(scp.envs).hasSize(2);

            scp.receive(nom(v1, List.of(X), List.of(X)));
            scp.receive(nom(v2, List.of(X), List.of(X)));
            assertThat(scp.envs).hasSize(2);
            scp.expectedCandidates.add(X);
            scp.compositeValue = X;
            // a quorum accepted x: x is a candidate, the ballot protocol starts on the composite value
            scp.receive(nom(v3, List.of(X), List.of(X)));
            assertThat(scp.envs).hasSize(3);
            assertStatement(scp.envs.get(2), prepare(v0, qSetHash0, 0, ballot(1, X)));
            // with a candidate, no new round is needed
            assertThat(scp.timer(0, TimerId.NOMINATION)).isEmpty();
            scp.receive(nom(v4, List.of(X), List.of(X)));
            assertThat(scp.envs).hasSize(3);
        }

        @Test
        void othersNominateWhatV0SaysThenPrepareX() {
            othersNominateX();
            assertThat(scp.scp.getLatestCompositeCandidate(0)).contains(X);
        }

        @Test
        void othersAcceptingYUpdateTheCompositeValue() {
            othersNominateX();
            List<Value> xy = List.of(X, Y);
            scp.receive(nom(v1, xy, xy));
            assertThat(scp.envs).hasSize(3);
            // v-blocking accepted y
            scp.receive(nom(v2, xy, xy));
            assertThat(scp.envs).hasSize(4);
            assertStatement(scp.envs.get(3), myNom(xy, xy));

            scp.expectedCandidates.add(Y);
            scp.compositeValue = K;
            // a quorum accepted y: candidates {x, y}, composite k; the ballot protocol already runs on x
            scp.receive(nom(v3, xy, xy));
            assertThat(scp.envs).hasSize(4);
            assertThat(scp.scp.getLatestCompositeCandidate(0)).contains(K);
            scp.receive(nom(v4, xy, xy));
            assertThat(scp.envs).hasSize(4);
        }

        @Test
        void noNewVotesOnceACandidateExists() {
            othersNominateX();
            assertThat(scp.scp.nominate(0, Y, PREVIOUS)).isFalse();
            assertThat(scp.envs).hasSize(3);
        }

        @Test
        void othersOnlyVoteForY() {
            scp.expectedCandidates.add(X);
            scp.compositeValue = X;
            assertThat(nominate(scp, X)).isTrue();
            assertStatement(scp.envs.get(0), myNom(List.of(X), none));

            scp.receive(nom(v1, List.of(Y), none));
            scp.receive(nom(v2, List.of(Y), none));
            scp.receive(nom(v3, List.of(Y), none));
            // three others are no quorum without v0, which did not vote y
            assertThat(scp.envs).hasSize(1);
            // four others are: accept y although v0 never voted for it
            scp.receive(nom(v4, List.of(Y), none));
            assertThat(scp.envs).hasSize(2);
            assertStatement(scp.envs.get(1), myNom(List.of(X, Y), List.of(Y)));
        }

        @Test
        void othersAcceptedYSoV0PreparesY() {
            scp.expectedCandidates.add(X);
            scp.compositeValue = X;
            assertThat(nominate(scp, X)).isTrue();

            scp.receive(nom(v1, List.of(Y), List.of(Y)));
            assertThat(scp.envs).hasSize(1);
            // v-blocking accepted y
            scp.receive(nom(v2, List.of(Y), List.of(Y)));
            assertThat(scp.envs).hasSize(2);
            assertStatement(scp.envs.get(1), myNom(List.of(X, Y), List.of(Y)));

            scp.expectedCandidates.clear();
            scp.expectedCandidates.add(Y);
            scp.compositeValue = Y;
            // a quorum accepted y: confirmed, the ballot protocol starts with y
            scp.receive(nom(v3, List.of(Y), List.of(Y)));
            assertThat(scp.envs).hasSize(3);
            assertStatement(scp.envs.get(2), prepare(v0, qSetHash0, 0, ballot(1, Y)));
            scp.receive(nom(v4, List.of(Y), List.of(Y)));
            assertThat(scp.envs).hasSize(3);
        }

        @Test
        void nominationStopsOnceABallotIsConfirmedPrepared() {
            othersNominateX();
            for (NodeID n : new NodeID[] {v1, v2, v3}) {
                scp.receive(prepare(n, qSetHash, 0, ballot(1, X), ballot(1, X)));
            }
            // accepted then confirmed (1,x) prepared
            assertStatement(scp.envs.get(scp.envs.size() - 1),
                    prepare(v0, qSetHash0, 0, ballot(1, X), ballot(1, X), 1, 1));
            int before = scp.envs.size();
            // a leader's new values no longer matter
            List<Value> xy = List.of(X, Y);
            scp.receive(nom(v1, xy, xy));
            scp.receive(nom(v2, xy, xy));
            assertThat(scp.envs).hasSize(before);
            assertThat(scp.scp.nominate(0, Y, PREVIOUS)).isFalse();
            assertThat(scp.timer(0, TimerId.NOMINATION)).isEmpty();
        }

        @Test
        void restoredNominationProceedsLikeNormal() {
            TestDriver scp2 = restoreXX();
            scp2.receive(nom(v1, List.of(X), List.of(X)));
            scp2.receive(nom(v2, List.of(X), List.of(X)));
            assertThat(scp2.envs).isEmpty();
            scp2.expectedCandidates.add(X);
            scp2.compositeValue = X;
            scp2.receive(nom(v3, List.of(X), List.of(X)));
            assertThat(scp2.envs).hasSize(1);
            assertStatement(scp2.envs.get(0), prepare(v0, qSetHash0, 0, ballot(1, X)));
        }

        @Test
        void restoredNominationDoesNothingOnceBallotProtocolStarted() {
            TestDriver scp2 = new TestDriver(v0, qSet);
            scp2.scp.setStateFromEnvelope(0, prepare(v0, qSetHash0, 0, ballot(1, K)));
            TestDriver restored = restoreXX(scp2);
            restored.expectedCandidates.add(X);
            restored.compositeValue = X;
            restored.receive(nom(v1, List.of(X), List.of(X)));
            restored.receive(nom(v2, List.of(X), List.of(X)));
            restored.receive(nom(v3, List.of(X), List.of(X)));
            // x is a candidate, but b is already (1,k): the restored ballot is kept
            assertThat(restored.envs).isEmpty();
            assertThat(restored.scp.getBallotState(0).orElseThrow().current()).isEqualTo(Ballot.of(ballot(1, K)));
        }

        private TestDriver restoreXX() {
            return restoreXX(new TestDriver(v0, qSet));
        }

        /**
         * Restores "votes {x}, accepted {x}" then nominates y: as a leader with votes already, v0 adds no
         * value of its own, so nothing is emitted; the restored sets are what it keeps saying.
         */
        private TestDriver restoreXX(TestDriver scp2) {
            scp2.scp.setStateFromEnvelope(0, myNom(List.of(X), List.of(X)));
            assertThat(scp2.envs).isEmpty();
            assertThat(nominate(scp2, Y)).isFalse();
            assertThat(scp2.scp.getNominationLeaders(0)).containsExactly(v0);
            assertThat(scp2.envs).isEmpty();
            assertThat(scp2.scp.getLatestMessagesSend(0).get(0).getStatement())
                    .isEqualTo(myNom(List.of(X), List.of(X)).getStatement());
            return scp2;
        }
    }

    @Nested
    class V1IsTop {
        @BeforeEach
        void v1Top() {
            scp.priorityLookup = n -> n.equals(v1) ? 1000L : 1L;
        }

        @Test
        void nominationWaitsForTheLeader() {
            assertThat(nominate(scp, X)).isFalse();
            assertThat(scp.scp.getNominationLeaders(0)).containsExactly(v1);
            assertThat(scp.envs).isEmpty();
            // the timer for the next round is armed anyway
            assertThat(scp.timer(0, TimerId.NOMINATION)).isPresent();

            // nothing happens with nodes that are not leaders
            scp.receive(nom(v2, List.of(X, K), none));
            scp.receive(nom(v3, List.of(Y, K), none));
            assertThat(scp.envs).isEmpty();

            // the leader's highest value (hashes are equal: the last in order) is adopted
            scp.receive(nom(v1, List.of(X, Y), none));
            assertThat(scp.envs).hasSize(1);
            assertStatement(scp.envs.get(0), myNom(List.of(Y), none));

            scp.receive(nom(v4, List.of(X, K), none));
            assertThat(scp.envs).hasSize(1);

            // timeout: round 2 picks x from v1 (y is taken), which also gets x accepted by
            // {v0, v1, v2, v4}; the nominated value passed on timeout is ignored
            scp.fireTimer(0, TimerId.NOMINATION);
            assertThat(scp.envs).hasSize(2);
            assertStatement(scp.envs.get(1), myNom(List.of(X, Y), List.of(X)));
            assertThat(scp.timer(0, TimerId.NOMINATION).orElseThrow().delayMs()).isEqualTo(2000);
        }

        @Test
        void deadLeaderThenV0BecomesTop() {
            assertThat(nominate(scp, X)).isFalse();
            scp.receive(nom(v2, List.of(X, K), none));
            assertThat(scp.envs).isEmpty();

            scp.priorityLookup = n -> n.equals(v0) ? 1000L : 1L;
            scp.fireTimer(0, TimerId.NOMINATION);
            assertThat(scp.scp.getNominationLeaders(0)).containsExactlyInAnyOrder(v0, v1);
            assertThat(scp.envs).hasSize(1);
            assertStatement(scp.envs.get(0), myNom(List.of(X), none));
        }

        @Test
        void deadLeaderThenV2BecomesTop() {
            assertThat(nominate(scp, X)).isFalse();
            scp.receive(nom(v2, List.of(X, K), none));

            scp.priorityLookup = n -> n.equals(v2) ? 1000L : 1L;
            scp.fireTimer(0, TimerId.NOMINATION);
            assertThat(scp.scp.getNominationLeaders(0)).containsExactlyInAnyOrder(v1, v2);
            assertThat(scp.envs).hasSize(1);
            // only one value of the leader is taken per round: the highest
            assertStatement(scp.envs.get(0), myNom(List.of(K), none));
        }

        @Test
        void deadLeaderThenSilentV3BecomesTop() {
            assertThat(nominate(scp, X)).isFalse();
            scp.receive(nom(v2, List.of(X, K), none));

            scp.priorityLookup = n -> n.equals(v3) ? 1000L : 1L;
            scp.fireTimer(0, TimerId.NOMINATION);
            assertThat(scp.scp.getNominationLeaders(0)).containsExactlyInAnyOrder(v1, v3);
            assertThat(scp.envs).isEmpty();
        }

        @Test
        void timerAfterStopDoesNothing() {
            assertThat(nominate(scp, X)).isFalse();
            Runnable callback = scp.timer(0, TimerId.NOMINATION).orElseThrow().callback();
            scp.scp.stopNomination(0);
            assertThat(scp.timer(0, TimerId.NOMINATION)).isEmpty();
            callback.run();
            assertThat(scp.envs).isEmpty();
        }
    }

    @Test
    void leaderValuesAreValidatedOrExtracted() {
        scp.priorityLookup = n -> n.equals(v1) ? 1000L : 1L;
        scp.validator = (slot, v, nomination) -> v.equals(Y) ? ValidationLevel.INVALID
                : ValidationLevel.FULLY_VALIDATED;
        assertThat(nominate(scp, X)).isFalse();
        // the leader's only value is invalid and has no valid variant: nothing to vote for
        scp.receive(nom(v1, List.of(Y), none));
        assertThat(scp.envs).isEmpty();
        // with a new valid value, v0 follows
        scp.receive(nom(v1, List.of(Y, K), none));
        assertThat(scp.envs).hasSize(1);
        assertStatement(scp.envs.get(0), myNom(List.of(K), none));
    }
}
