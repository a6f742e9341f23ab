package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/** The driver's default behaviour: stellar-core's hashes, linear timeouts, node weights, signed bytes. */
class ScpDriverDefaultsTest {
    /** A driver using every default. */
    static final ScpDriver DEFAULTS = new ScpDriver() {
        @Override
        public ValidationLevel validateValue(long slotIndex, Value value, boolean nomination) {
            return ValidationLevel.FULLY_VALIDATED;
        }

        @Override
        public Value combineCandidates(long slotIndex, SortedSet<Value> candidates) {
            return candidates.last();
        }

        @Override
        public Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash) {
            return Optional.empty();
        }

        @Override
        public void emitEnvelope(SCPEnvelope envelope) {
        }

        @Override
        public Signature signEnvelope(SCPEnvelope unsignedEnvelope) {
            return new Signature(new byte[64]);
        }

        @Override
        public boolean verifyEnvelope(SCPEnvelope envelope) {
            return true;
        }

        @Override
        public void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback) {
        }

        @Override
        public void stopTimer(long slotIndex, TimerId timerId) {
        }

        @Override
        public void valueExternalized(long slotIndex, Value value) {
        }
    };

    @Test
    void timeoutIsLinearInSecondsAndCappedAtThirtyMinutes() {
        assertThat(DEFAULTS.computeTimeoutMs(1)).isEqualTo(1000);
        assertThat(DEFAULTS.computeTimeoutMs(7)).isEqualTo(7000);
        assertThat(DEFAULTS.computeTimeoutMs(1800)).isEqualTo(1_800_000);
        assertThat(DEFAULTS.computeTimeoutMs(Ballot.COUNTER_INFINITE)).isEqualTo(1_800_000);
    }

    /** Hand-assembled XDR, independent of the SDK's encoders. */
    private static byte[] expectedHashInput(long slot, byte[] prev, int tag, int round, byte[] subject) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).putLong(slot).array());
        out.writeBytes(opaque(prev));
        out.writeBytes(ByteBuffer.allocate(4).putInt(tag).array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(round).array());
        out.writeBytes(subject);
        return out.toByteArray();
    }

    /** XDR variable-length opaque: length, bytes, zero padding to 4. */
    private static byte[] opaque(byte[] b) {
        int padded = (b.length + 3) / 4 * 4;
        return ByteBuffer.allocate(4 + padded).putInt(b.length).put(b).array();
    }

    private static long first8(byte[] digest) {
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }

    @Test
    void nodeHashesAreSha256OfSlotPreviousValueTagRoundAndNode() throws Exception {
        Value prev = new Value(new byte[] {1, 2, 3, 4, 5});
        NodeID n = node(7);
        byte[] nodeXdr = ByteBuffer.allocate(36).putInt(0).put(n.getNodeID().getEd25519().getUint256()).array();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");

        long h0 = first8(sha.digest(expectedHashInput(42, prev.getValue(), 1, 3, nodeXdr)));
        long h1 = first8(sha.digest(expectedHashInput(42, prev.getValue(), 2, 3, nodeXdr)));
        assertThat(DEFAULTS.computeHashNode(42, prev, false, 3, n)).isEqualTo(h0);
        assertThat(DEFAULTS.computeHashNode(42, prev, true, 3, n)).isEqualTo(h1);
        assertThat(h0).isNotEqualTo(h1);

        Value v = new Value(new byte[] {9, 9});
        long hv = first8(sha.digest(expectedHashInput(42, prev.getValue(), 3, 3, opaque(v.getValue()))));
        assertThat(DEFAULTS.computeValueHash(42, prev, 3, v)).isEqualTo(hv);
    }

    @Test
    void localNodeHasFullWeightOthersTheirShare() {
        SCPQuorumSet q = TestNodes.qSet(2, node(0), node(1), node(2), node(3));
        assertThat(DEFAULTS.getNodeWeight(node(0), q, true)).isEqualTo(QuorumSets.WEIGHT_MAX);
        assertThat(DEFAULTS.getNodeWeight(node(1), q, false)).isEqualTo(QuorumSets.nodeWeight(node(1), q));
        // half of the slices: 2^63
        assertThat(DEFAULTS.getNodeWeight(node(1), q, false)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void signatureCoversNetworkIdEnvelopeTypeAndStatement() throws Exception {
        SCPStatement st = TestEnvelopes.prepare(node(1), new Hash(new byte[32]), 5,
                TestEnvelopes.ballot(1, TestValues.X)).getStatement();
        Hash networkId = new Hash(new byte[32]);
        networkId.getHash()[0] = 7;
        byte[] payload = ScpSignatures.payload(networkId, st);
        byte[] statementXdr = st.toXdrByteArray();
        assertThat(payload).hasSize(32 + 4 + statementXdr.length);
        assertThat(java.util.Arrays.copyOfRange(payload, 0, 32)).isEqualTo(networkId.getHash());
        // ENVELOPE_TYPE_SCP = 1
        assertThat(java.util.Arrays.copyOfRange(payload, 32, 36)).containsExactly(0, 0, 0, 1);
        assertThat(java.util.Arrays.copyOfRange(payload, 36, payload.length)).isEqualTo(statementXdr);
    }

    @Test
    void emittedEnvelopesRoundTripThroughStellarXdr() throws Exception {
        TestDriver d = new TestDriver(node(0), TestNodes.qSet(1, node(0)));
        d.scp.bumpState(3, TestValues.X);
        assertThat(d.envs).isNotEmpty();
        for (SCPEnvelope e : d.envs) {
            byte[] bytes = e.toXdrByteArray();
            SCPEnvelope decoded = SCPEnvelope.fromXdrByteArray(bytes);
            assertThat(decoded).isEqualTo(e);
            assertThat(d.verifyEnvelope(decoded)).isTrue();
        }
        // a quorum of one externalizes on its own
        assertThat(d.externalizedValues).containsEntry(3L, TestValues.X);
    }
}
