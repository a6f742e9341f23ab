package io.corridor.consensus.scp;

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

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/** Envelopes SCP must reject (as an expected outcome, never an exception) and the statement ordering. */
class EnvelopeValidationTest {
    final NodeID v0 = node(0);
    final NodeID v1 = node(1);
    final SCPQuorumSet qSet = TestNodes.qSet(4, v0, v1, node(2), node(3), node(4));
    final Hash qSetHash = QuorumSets.hash(qSet);
    TestDriver scp;

    @BeforeEach
    void setUp() {
        scp = new TestDriver(v0, qSet);
    }

    EnvelopeState recv(SCPEnvelope e) {
        return scp.receive(e);
    }

    @Test
    void insanePrepareStatementsAreRejected() {
        // b = 0
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(0, X)))).isEqualTo(EnvelopeState.INVALID);
        // p' must be below p and incompatible
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(2, X), 0, 0, ballot(1, X))))
                .isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(2, X), 0, 0, ballot(2, Z))))
                .isEqualTo(EnvelopeState.INVALID);
        // h needs p and h <= p.n
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), null, 0, 1))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(2, X), 0, 3))).isEqualTo(EnvelopeState.INVALID);
        // c <= h <= b
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(3, X), 3, 2))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(1, X), ballot(2, X), 1, 2))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(3, X), 1, 0))).isEqualTo(EnvelopeState.INVALID);
        // and a sane one passes
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(3, X), ballot(3, X), 1, 2, ballot(2, Y))))
                .isEqualTo(EnvelopeState.VALID);
    }

    @Test
    void insaneConfirmAndExternalizeStatementsAreRejected() {
        assertThat(recv(confirm(v1, qSetHash, 0, 1, ballot(0, X), 0, 0))).isEqualTo(EnvelopeState.INVALID);
        // h <= b
        assertThat(recv(confirm(v1, qSetHash, 0, 2, ballot(2, X), 1, 3))).isEqualTo(EnvelopeState.INVALID);
        // c <= h
        assertThat(recv(confirm(v1, qSetHash, 0, 2, ballot(3, X), 3, 2))).isEqualTo(EnvelopeState.INVALID);
        // commit 0
        assertThat(recv(externalize(v1, qSetHash, 0, ballot(0, X), 1))).isEqualTo(EnvelopeState.INVALID);
        // h >= c
        assertThat(recv(externalize(v1, qSetHash, 0, ballot(3, X), 2))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(externalize(v1, qSetHash, 0, ballot(2, X), 3))).isEqualTo(EnvelopeState.VALID);
    }

    @Test
    void insaneNominationsAreRejected() {
        // empty
        assertThat(recv(nomination(v1, qSetHash, new Value[0], new Value[0]))).isEqualTo(EnvelopeState.INVALID);
        // unsorted
        assertThat(recv(nomination(v1, qSetHash, new Value[] {Y, X}, new Value[0]))).isEqualTo(EnvelopeState.INVALID);
        // duplicate
        assertThat(recv(nomination(v1, qSetHash, new Value[] {X, X}, new Value[0]))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(nomination(v1, qSetHash, new Value[] {X}, new Value[] {Y, Y}))).isEqualTo(EnvelopeState.INVALID);
        // too many values
        Value[] many = new Value[NominationProtocol.STATEMENT_VALUES_MAX + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Value(new byte[] {(byte) (i >> 8), (byte) i});
        }
        assertThat(recv(nomination(v1, qSetHash, many, new Value[0]))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(nomination(v1, qSetHash, new Value[] {X, Y}, new Value[] {X}))).isEqualTo(EnvelopeState.VALID);
    }

    @Test
    void unknownOrInsaneQuorumSetsAreRejected() {
        Hash unknown = new Hash(Xdr.sha256("no such quorum set".getBytes()));
        assertThat(recv(prepare(v1, unknown, 0, ballot(1, X)))).isEqualTo(EnvelopeState.INVALID);

        SCPQuorumSet insane = TestNodes.qSet(1, v1, v1);
        scp.storeQuorumSet(insane);
        assertThat(recv(prepare(v1, QuorumSets.hash(insane), 0, ballot(1, X)))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(nomination(v1, QuorumSets.hash(insane), new Value[] {X}, new Value[0])))
                .isEqualTo(EnvelopeState.INVALID);
        // an EXTERNALIZE needs no quorum set: it stands for its sender alone
        assertThat(recv(externalize(v1, unknown, 0, ballot(1, X), 1))).isEqualTo(EnvelopeState.VALID);
    }

    @Test
    void badSignaturesAndMalformedEnvelopesAreRejected() {
        SCPEnvelope e = prepare(v1, qSetHash, 0, ballot(1, X));
        e.setSignature(new Signature(new byte[64]));
        assertThat(recv(e)).isEqualTo(EnvelopeState.INVALID);

        // signed by v1 but claiming to be from another node
        SCPEnvelope forged = prepare(v1, qSetHash, 0, ballot(1, X));
        forged.getStatement().setNodeID(node(2));
        assertThat(recv(forged)).isEqualTo(EnvelopeState.INVALID);

        SCPEnvelope incomplete = prepare(v1, qSetHash, 0, ballot(1, X));
        incomplete.getStatement().getPledges().getPrepare().setBallot(null);
        assertThat(recv(incomplete)).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(new SCPEnvelope())).isEqualTo(EnvelopeState.INVALID);
    }

    @Test
    void aDriverRejectingTheNodesOwnValueIsABugThatStopsTheNode() {
        scp.validator = (slot, v, nomination) -> ValidationLevel.INVALID;
        assertThatThrownBy(() -> scp.scp.bumpState(0, X)).isInstanceOf(ScpInvariantException.class)
                .hasMessageContaining("bad state");
        assertThat(scp.envs).isEmpty();
    }

    @Test
    void hearingFromAVBlockingSetIsTracked() {
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(1, X)))).isEqualTo(EnvelopeState.VALID);
        assertThat(scp.scp.gotVBlocking(0)).isFalse();
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X), List.of())))
                .isEqualTo(EnvelopeState.VALID);
        assertThat(scp.scp.gotVBlocking(0)).isTrue();
    }

    @Test
    void echoesOfTheLocalNodesOwnEnvelopesAreRejected() {
        Hash qSetHash0 = scp.localQSetHash();
        assertThat(recv(prepare(v0, qSetHash0, 0, ballot(5, X)))).isEqualTo(EnvelopeState.INVALID);
        assertThat(scp.scp.getEntireCurrentState(0)).isEmpty();
        // so a (1,x) of its own later is still fine
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);
    }

    @Test
    void invalidValuesAreRejectedAndMaybeValidOnesSilenceTheSlot() {
        scp.validator = (slot, v, nomination) -> v.equals(Y) ? ValidationLevel.INVALID
                : v.equals(Z) ? ValidationLevel.MAYBE_VALID : ValidationLevel.FULLY_VALIDATED;
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(1, Y)))).isEqualTo(EnvelopeState.INVALID);
        // a single invalid value anywhere in the statement is enough
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(2, X), ballot(1, Y)))).isEqualTo(EnvelopeState.INVALID);

        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(1, Z)))).isEqualTo(EnvelopeState.VALID);
        assertThat(scp.scp.isSlotFullyValidated(0)).isFalse();
        // the node keeps running the protocol but stops emitting
        assertThat(scp.scp.bumpState(0, X)).isTrue();
        assertThat(scp.envs).hasSize(1);
        assertThat(scp.scp.getLatestMessagesSend(0)).isEmpty();
    }

    @Test
    void staleAndDuplicateStatementsAreRejected() {
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(2, X)))).isEqualTo(EnvelopeState.VALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(2, X)))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(1, X)))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(2, X), ballot(1, X)))).isEqualTo(EnvelopeState.VALID);
        // a CONFIRM supersedes any PREPARE, an EXTERNALIZE any CONFIRM; nothing goes back
        assertThat(recv(confirm(v1, qSetHash, 0, 1, ballot(1, X), 1, 1))).isEqualTo(EnvelopeState.VALID);
        assertThat(recv(prepare(v1, qSetHash, 0, ballot(9, X), ballot(9, X)))).isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(externalize(v1, qSetHash, 0, ballot(1, X), 1))).isEqualTo(EnvelopeState.VALID);
        assertThat(recv(externalize(v1, qSetHash, 0, ballot(1, X), 2))).isEqualTo(EnvelopeState.INVALID);

        // nominations must grow
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X, Y), List.of())))
                .isEqualTo(EnvelopeState.VALID);
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X), List.of())))
                .isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X, Y), List.of())))
                .isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X, Z), List.of(X))))
                .isEqualTo(EnvelopeState.INVALID);
        assertThat(recv(TestEnvelopes.nominate(node(2), qSetHash, 0, List.of(X, Y), List.of(X))))
                .isEqualTo(EnvelopeState.VALID);
    }

    @Test
    void prepareOrderingIsLexicographicOnBPPrimeAndH() {
        var older = prepare(v1, qSetHash, 0, ballot(2, X), ballot(1, X), 0, 0).getStatement();
        assertThat(BallotProtocol.isNewerStatement(older,
                prepare(v1, qSetHash, 0, ballot(2, Y), null, 0, 0).getStatement())).isTrue();
        assertThat(BallotProtocol.isNewerStatement(older,
                prepare(v1, qSetHash, 0, ballot(2, X), ballot(2, X), 0, 0).getStatement())).isTrue();
        var withPPrime = prepare(v1, qSetHash, 0, ballot(2, X), ballot(1, X), 0, 0, ballot(1, Y)).getStatement();
        assertThat(BallotProtocol.isNewerStatement(older, withPPrime)).isTrue();
        assertThat(BallotProtocol.isNewerStatement(withPPrime, older)).isFalse();
        // b dominates: a higher b with less of everything else is newer
        assertThat(BallotProtocol.isNewerStatement(withPPrime,
                prepare(v1, qSetHash, 0, ballot(3, X)).getStatement())).isTrue();
        assertThat(BallotProtocol.isNewerStatement(older,
                prepare(v1, qSetHash, 0, ballot(2, X), ballot(1, X), 1, 1).getStatement())).isTrue();
        assertThat(BallotProtocol.isNewerStatement(older, older)).isFalse();
    }

    @Test
    void slotsBeyondTheBoundAreRejected() {
        for (int i = 0; i < Scp.SLOTS_MAX; i++) {
            assertThat(recv(prepare(v1, qSetHash, i, ballot(1, X)))).isEqualTo(EnvelopeState.VALID);
        }
        assertThat(scp.scp.getKnownSlotsCount()).isEqualTo(Scp.SLOTS_MAX);
        assertThat(recv(prepare(v1, qSetHash, Scp.SLOTS_MAX, ballot(1, X)))).isEqualTo(EnvelopeState.INVALID);

        scp.scp.purgeSlots(Scp.SLOTS_MAX - 10, 5);
        assertThat(scp.scp.getKnownSlotsCount()).isEqualTo(11);
        assertThat(scp.scp.getCurrentState(5)).hasSize(1);
        assertThat(scp.scp.getCurrentState(6)).isEmpty();
        assertThat(scp.scp.getHighSlotIndex()).contains((long) Scp.SLOTS_MAX - 1);
        assertThat(recv(prepare(v1, qSetHash, Scp.SLOTS_MAX, ballot(1, X)))).isEqualTo(EnvelopeState.VALID);
    }

    private static SCPEnvelope nomination(NodeID node, Hash qSetHash, Value[] votes, Value[] accepted) {
        // deliberately unsorted/duplicated input: built without TestEnvelopes.nominate's sorting
        var nom = new org.stellar.sdk.xdr.SCPNomination();
        nom.setQuorumSetHash(qSetHash);
        nom.setVotes(votes);
        nom.setAccepted(accepted);
        var pl = new org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges();
        pl.setDiscriminant(org.stellar.sdk.xdr.SCPStatementType.SCP_ST_NOMINATE);
        pl.setNominate(nom);
        return TestEnvelopes.envelope(node, 0, pl);
    }
}
