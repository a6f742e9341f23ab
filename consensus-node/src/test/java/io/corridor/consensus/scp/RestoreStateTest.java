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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatementType;

/**
 * A node restarted from its last envelope (stellar-core's restore path) must carry on from there and never
 * say anything that contradicts what it sent before the restart.
 */
class RestoreStateTest {
    final NodeID v0 = node(0);
    final NodeID[] others = {node(1), node(2), node(3), node(4)};
    final SCPQuorumSet qSet = TestNodes.qSet(4, v0, node(1), node(2), node(3), node(4));
    final Hash qSetHash = QuorumSets.hash(qSet);
    TestDriver original;
    Hash qSetHash0;
    /** Everything the other nodes said to the original node, in order. */
    final List<SCPEnvelope> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        original = new TestDriver(v0, qSet);
        qSetHash0 = original.localQSetHash();
    }

    void deliver(TestDriver d, SCPEnvelope e) {
        received.add(e);
        d.receive(e);
    }

    /** Runs the original node to "PREPARE (2,x), p = (2,x), c = h = 2": it votes to commit x. */
    SCPEnvelope runOriginalToCommitVote() {
        original.scp.bumpState(0, X);
        for (NodeID n : others) {
            deliver(original, prepare(n, qSetHash, 0, ballot(1, X)));
        }
        original.scp.bumpState(0, X);
        for (NodeID n : others) {
            deliver(original, prepare(n, qSetHash, 0, ballot(2, X), ballot(2, X)));
        }
        SCPEnvelope last = original.envs.get(original.envs.size() - 1);
        assertStatement(last, prepare(v0, qSetHash0, 0, ballot(2, X), ballot(2, X), 2, 2));
        assertThat(original.scp.getLatestMessagesSend(0)).hasSize(1);
        assertThat(original.scp.getLatestMessagesSend(0).get(0).getStatement()).isEqualTo(last.getStatement());
        return last;
    }

    TestDriver restart(SCPEnvelope last) {
        TestDriver restarted = new TestDriver(v0, qSet);
        restarted.scp.setStateFromEnvelope(0, last);
        return restarted;
    }

    void assertNeverContradicts(SCPEnvelope before, List<SCPEnvelope> after) {
        for (SCPEnvelope e : after) {
            assertThat(BallotProtocol.isNewerStatement(before.getStatement(), e.getStatement()))
                    .as("%s must supersede %s", TestEnvelopes.describe(e.getStatement()),
                            TestEnvelopes.describe(before.getStatement()))
                    .isTrue();
            assertThat(Statements.workingBallot(e.getStatement()).value()).isEqualTo(X);
        }
    }

    @Test
    void restoringSetsStateWithoutEmitting() {
        SCPEnvelope last = runOriginalToCommitVote();
        TestDriver restarted = restart(last);
        assertThat(restarted.envs).isEmpty();
        assertThat(restarted.scp.getLatestMessagesSend(0).get(0).getStatement()).isEqualTo(last.getStatement());
        BallotSnapshot s = restarted.scp.getBallotState(0).orElseThrow();
        assertThat(s.phase()).isEqualTo(BallotPhase.PREPARE);
        assertThat(s.current()).isEqualTo(Ballot.of(ballot(2, X)));
        assertThat(s.prepared()).isEqualTo(Ballot.of(ballot(2, X)));
        assertThat(s.high()).isEqualTo(Ballot.of(ballot(2, X)));
        assertThat(s.commit()).isEqualTo(Ballot.of(ballot(2, X)));
    }

    @Test
    void timeoutAfterRestartKeepsTheCommitVote() {
        SCPEnvelope last = runOriginalToCommitVote();
        TestDriver restarted = restart(last);
        // the herder's timer asks for another value: the restored commit vote on x wins
        assertThat(restarted.scp.bumpState(0, Y)).isTrue();
        assertThat(restarted.envs).hasSize(1);
        assertStatement(restarted.envs.get(0), prepare(v0, qSetHash0, 0, ballot(3, X), ballot(2, X), 2, 2));
        assertNeverContradicts(last, restarted.envs);
    }

    @Test
    void replayedOldMessagesAfterRestartProduceNothingOlder() {
        SCPEnvelope last = runOriginalToCommitVote();
        TestDriver restarted = restart(last);
        for (SCPEnvelope e : received) {
            restarted.receive(e);
        }
        assertNeverContradicts(last, restarted.envs);

        // and the restarted node finishes the slot with the others
        for (NodeID n : others) {
            restarted.receive(prepare(n, qSetHash, 0, ballot(2, X), ballot(2, X), 2, 2));
        }
        for (NodeID n : others) {
            restarted.receive(confirm(n, qSetHash, 0, 2, ballot(2, X), 2, 2));
        }
        assertThat(restarted.externalizedValues).containsEntry(0L, X);
        assertStatement(restarted.envs.get(restarted.envs.size() - 1),
                externalize(v0, qSetHash0, 0, ballot(2, X), 2));
        assertNeverContradicts(last, restarted.envs);
    }

    @Test
    void restoredConfirmFollowsHigherCountersButStaysOnItsValue() {
        SCPEnvelope last = confirm(v0, qSetHash0, 0, 2, ballot(2, X), 1, 2);
        TestDriver restarted = restart(last);
        assertThat(restarted.scp.getBallotState(0).orElseThrow().phase()).isEqualTo(BallotPhase.CONFIRM);
        // a v-blocking set moved to counter 5 on z: follow the counter, keep x
        restarted.receive(prepare(others[0], qSetHash, 0, ballot(5, Z)));
        restarted.receive(prepare(others[1], qSetHash, 0, ballot(5, Z)));
        assertThat(restarted.envs).hasSize(1);
        assertStatement(restarted.envs.get(0), confirm(v0, qSetHash0, 0, 2, ballot(5, X), 1, 2));
        assertThat(restarted.envs.get(0).getStatement().getPledges().getDiscriminant())
                .isEqualTo(SCPStatementType.SCP_ST_CONFIRM);
        assertNeverContradicts(last, restarted.envs);
    }

    @Test
    void withoutRestoreARestartedNodeWouldContradictItself() {
        SCPEnvelope last = runOriginalToCommitVote();
        TestDriver amnesiac = new TestDriver(v0, qSet);
        amnesiac.scp.bumpState(0, Y);
        // (1,y) after voting to commit (2,x): older than what was said, and for another value
        assertThat(BallotProtocol.isNewerStatement(last.getStatement(), amnesiac.envs.get(0).getStatement()))
                .isFalse();
    }

    @Test
    void restoredExternalizeKeepsTheSlotExternalized() {
        SCPEnvelope last = externalize(v0, qSetHash0, 0, ballot(2, X), 3);
        TestDriver restarted = restart(last);
        assertThat(restarted.scp.getBallotState(0).orElseThrow().phase()).isEqualTo(BallotPhase.EXTERNALIZE);
        assertThat(restarted.scp.bumpState(0, Y)).isFalse();
        assertThat(restarted.receive(confirm(others[0], qSetHash, 0, 3, ballot(3, Z), 3, 3)))
                .isEqualTo(EnvelopeState.INVALID);
        assertThat(restarted.receive(confirm(others[0], qSetHash, 0, 3, ballot(3, X), 3, 3)))
                .isEqualTo(EnvelopeState.VALID);
        assertThat(restarted.envs).isEmpty();
        assertThat(restarted.scp.getLatestMessagesSend(0).get(0).getStatement()).isEqualTo(last.getStatement());
    }

    @Test
    void restoreRejectsForeignInsaneOrLateEnvelopes() {
        TestDriver fresh = new TestDriver(v0, qSet);
        assertThatThrownBy(() -> fresh.scp.setStateFromEnvelope(0, prepare(others[0], qSetHash, 0, ballot(1, X))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fresh.scp.setStateFromEnvelope(1, prepare(v0, qSetHash0, 0, ballot(1, X))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fresh.scp.setStateFromEnvelope(0, prepare(v0, qSetHash0, 0, ballot(0, X))))
                .isInstanceOf(IllegalArgumentException.class);
        fresh.scp.bumpState(0, X);
        assertThatThrownBy(() -> fresh.scp.setStateFromEnvelope(0, prepare(v0, qSetHash0, 0, ballot(3, X))))
                .isInstanceOf(IllegalStateException.class);
    }
}
