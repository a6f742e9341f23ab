package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestEnvelopes.assertStatement;
import static io.corridor.consensus.scp.TestEnvelopes.ballot;
import static io.corridor.consensus.scp.TestEnvelopes.confirm;
import static io.corridor.consensus.scp.TestEnvelopes.prepare;
import static io.corridor.consensus.scp.TestNodes.node;
import static io.corridor.consensus.scp.TestValues.X;
import static io.corridor.consensus.scp.TestValues.Z;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * Three nodes, threshold 2 (after stellar-core's "ballot protocol core3"): one other node and v0 make a
 * quorum, and two other nodes are both a v-blocking set and a quorum, an edge case for the ordering of
 * the protocol steps. The local value a = z is higher than the network's b = x.
 */
class BallotProtocolCore3Test {
    final NodeID v0 = node(0);
    final NodeID v1 = node(1);
    final NodeID v2 = node(2);
    final SCPQuorumSet qSet = TestNodes.qSet(2, v0, v1, v2);
    final Hash qSetHash = QuorumSets.hash(qSet);
    final SCPBallot a1 = ballot(1, Z);
    final SCPBallot a2 = ballot(2, Z);
    final SCPBallot b1 = ballot(1, X);
    final SCPBallot b2 = ballot(2, X);
    TestDriver scp;
    Hash qSetHash0;

    @BeforeEach
    void setUp() {
        scp = new TestDriver(v0, qSet);
        qSetHash0 = scp.localQSetHash();
        assertThat(scp.hasBallotTimer()).isFalse();
    }

    @Test
    void quorumVotesB1WhileLocalValueIsA() {
        assertThat(scp.scp.bumpState(0, Z)).isTrue();
        assertThat(scp.envs).hasSize(1);
        assertThat(scp.hasBallotTimer()).isFalse();

        scp.bumpTime();
        scp.receive(prepare(v1, qSetHash, 0, b1));
        // v0 and v1 are at counter 1: a quorum heard, the timer runs
        assertThat(scp.hasBallotTimerUpcoming()).isTrue();
        assertThat(scp.envs).hasSize(1);
        scp.receive(prepare(v2, qSetHash, 0, b1));
        // v1 and v2 form a quorum voting B1: accepted prepared
        assertThat(scp.envs).hasSize(2);
        assertStatement(scp.envs.get(1), prepare(v0, qSetHash0, 0, a1, b1));
        assertThat(scp.hasBallotTimerUpcoming()).isTrue();

        // a quorum confirms B1 prepared: h cannot be set as b > B1, and nothing is emitted
        scp.bumpTime();
        scp.receive(prepare(v1, qSetHash, 0, b1, b1));
        scp.receive(prepare(v2, qSetHash, 0, b1, b1));
        assertThat(scp.envs).hasSize(2);
        assertThat(scp.hasBallotTimerUpcoming()).isFalse();

        // v1 moves to A1: {v0, v1} accept A1 prepared, B1 becomes p'
        scp.bumpTime();
        scp.receive(prepare(v1, qSetHash, 0, a1, b1));
        assertThat(scp.envs).hasSize(3);
        assertStatement(scp.envs.get(2), prepare(v0, qSetHash0, 0, a1, a1, 0, 0, b1));

        // v1 votes to commit A1: confirm A1 prepared, accept commit, and A2 prepared in CONFIRM
        scp.bumpTime();
        scp.receive(prepare(v1, qSetHash, 0, a2, a1, 1, 1, b1));
        assertThat(scp.envs).hasSize(4);
        assertStatement(scp.envs.get(3), confirm(v0, qSetHash0, 0, 2, a1, 1, 1));
        assertThat(scp.hasBallotTimerUpcoming()).isFalse();
    }

    @Test
    void preparedA1ThenBumpedVotesMoveToB2() {
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);

        scp.receive(prepare(v1, qSetHash, 0, a1, a1, 0, 1));
        scp.receive(prepare(v2, qSetHash, 0, a1, a1, 0, 1));
        assertThat(scp.envs).hasSize(2);
        assertStatement(scp.envs.get(1), prepare(v0, qSetHash0, 0, a1, a1, 1, 1));

        scp.receive(prepare(v1, qSetHash, 0, a2, b2, 0, 1, a1));
        assertThat(scp.envs).hasSize(2);
        scp.receive(prepare(v2, qSetHash, 0, a2, b2, 0, 1, a1));
        assertThat(scp.envs).hasSize(3);
        // p = A2, p' = B2 (the commit vote on A1 is aborted by B2); B2 confirmed prepared: b = h = B2
        assertStatement(scp.envs.get(2), prepare(v0, qSetHash0, 0, b2, a2, 0, 2, b2));
    }

    @Test
    void nodeOutsideItsOwnQuorumSetFollowsTheQuorum() {
        NodeID vNS = node(50);
        TestDriver ns = new TestDriver(vNS, qSet);
        Hash qSetHashNS = ns.localQSetHash();

        ns.receive(prepare(v1, qSetHash, 0, a2, b2, 0, 1, a1));
        ns.receive(prepare(v2, qSetHash, 0, a1, a1, 1, 1));
        assertThat(ns.envs).hasSize(1);
        assertStatement(ns.envs.get(0), prepare(vNS, qSetHashNS, 0, a1, a1, 1, 1));

        ns.receive(prepare(v0, qSetHash, 0, a2, b2, 0, 1, a1));
        assertThat(ns.envs).hasSize(2);
        assertStatement(ns.envs.get(1), prepare(vNS, qSetHashNS, 0, b2, a2, 0, 2, b2));
    }
}
