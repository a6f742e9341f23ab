package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestNodes.node;
import static io.corridor.consensus.scp.TestNodes.nodes;
import static io.corridor.consensus.scp.TestNodes.qSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;

class QuorumSetsTest {
    final NodeID v0 = node(0);
    final NodeID v1 = node(1);
    final NodeID v2 = node(2);
    final NodeID v3 = node(3);

    @Test
    void vBlockingAndQuorumSliceInFlatSet() {
        SCPQuorumSet q = qSet(3, v0, v1, v2, v3);
        List<NodeID> nodes = new ArrayList<>(List.of(v0));
        assertThat(QuorumSets.isQuorumSlice(q, nodes)).isFalse();
        assertThat(QuorumSets.isVBlocking(q, nodes)).isFalse();

        nodes.add(v2);
        assertThat(QuorumSets.isQuorumSlice(q, nodes)).isFalse();
        assertThat(QuorumSets.isVBlocking(q, nodes)).isTrue();

        nodes.add(v3);
        assertThat(QuorumSets.isQuorumSlice(q, nodes)).isTrue();
        assertThat(QuorumSets.isVBlocking(q, nodes)).isTrue();

        nodes.add(v1);
        assertThat(QuorumSets.isQuorumSlice(q, nodes)).isTrue();
        assertThat(QuorumSets.isVBlocking(q, nodes)).isTrue();
    }

    @Test
    void nestedSetsCountAsOneEntryEach() {
        // 2 of { v0, {1 of v1,v2}, {2 of v3,v4,v5} }
        SCPQuorumSet inner1 = qSet(1, v1, v2);
        SCPQuorumSet inner2 = qSet(2, node(3), node(4), node(5));
        SCPQuorumSet q = qSet(2, new NodeID[] {v0}, inner1, inner2);

        assertThat(QuorumSets.isQuorumSlice(q, List.of(v0, v2))).isTrue();
        assertThat(QuorumSets.isQuorumSlice(q, List.of(v0, node(3)))).isFalse();
        assertThat(QuorumSets.isQuorumSlice(q, List.of(v1, node(3), node(5)))).isTrue();
        // blocking needs 3 - 2 + 1 = 2 entries
        assertThat(QuorumSets.isVBlocking(q, List.of(v0))).isFalse();
        assertThat(QuorumSets.isVBlocking(q, List.of(v0, v1))).isFalse();
        assertThat(QuorumSets.isVBlocking(q, List.of(v0, v1, v2))).isTrue();
        // inner2 is blocked by any 2 of its 3
        assertThat(QuorumSets.isVBlocking(q, List.of(v0, node(4), node(5)))).isTrue();
    }

    @Test
    void quorumRequiresEveryMemberToHaveASliceInside() {
        SCPQuorumSet local = qSet(2, v0, v1, v2);
        // v1 trusts v0,v1,v2 at 2; v2 requires v3 as well
        Map<NodeID, SCPQuorumSet> declared = new HashMap<>();
        declared.put(v0, local);
        declared.put(v1, qSet(2, v0, v1, v2));
        declared.put(v2, qSet(2, v2, v3));

        Map<NodeID, NodeID> latest = new HashMap<>();
        for (NodeID n : declared.keySet()) {
            latest.put(n, n);
        }
        // {v0, v1} is a quorum: both find a slice in it
        assertThat(QuorumSets.isQuorum(local, latest, n -> Optional.of(declared.get(n)), n -> !n.equals(v2)))
                .isTrue();
        // {v0, v2}: v2 is dropped (needs v3), leaving v0 alone, not a slice of the local set
        assertThat(QuorumSets.isQuorum(local, latest, n -> Optional.of(declared.get(n)), n -> !n.equals(v1)))
                .isFalse();
        // a node whose quorum set is unknown cannot help
        assertThat(QuorumSets.isQuorum(local, latest,
                n -> n.equals(v1) ? Optional.empty() : Optional.of(declared.get(n)), n -> !n.equals(v2))).isFalse();
    }

    @Test
    void sanityOfWellFormedSets() {
        assertThat(QuorumSets.checkSanity(qSet(3, v0, v1, v2, v3), false)).isEqualTo(QuorumSetSanity.SANE);
        assertThat(QuorumSets.checkSanity(qSet(1, v0), true)).isEqualTo(QuorumSetSanity.SANE);
        SCPQuorumSet nested = qSet(2, new NodeID[] {v0}, qSet(2, v1, v2), qSet(2, v3, node(4), node(5)));
        assertThat(QuorumSets.checkSanity(nested, true)).isEqualTo(QuorumSetSanity.SANE);
    }

    @Test
    void thresholdMustBeWithinOneAndEntries() {
        assertThat(QuorumSets.checkSanity(qSet(0, v0, v1), false)).isEqualTo(QuorumSetSanity.THRESHOLD_ZERO);
        assertThat(QuorumSets.checkSanity(qSet(3, v0, v1), false))
                .isEqualTo(QuorumSetSanity.THRESHOLD_EXCEEDS_ENTRIES);
        // an empty set cannot have a valid threshold
        assertThat(QuorumSets.checkSanity(qSet(1), false)).isEqualTo(QuorumSetSanity.THRESHOLD_EXCEEDS_ENTRIES);
        SCPQuorumSet badInner = qSet(1, new NodeID[] {v0}, qSet(0, v1));
        assertThat(QuorumSets.checkSanity(badInner, false)).isEqualTo(QuorumSetSanity.THRESHOLD_ZERO);
    }

    @Test
    void extraChecksRequireAMajority() {
        // 1 of 4: v-blocking size 4 > threshold
        assertThat(QuorumSets.checkSanity(qSet(1, v0, v1, v2, v3), false)).isEqualTo(QuorumSetSanity.SANE);
        assertThat(QuorumSets.checkSanity(qSet(1, v0, v1, v2, v3), true))
                .isEqualTo(QuorumSetSanity.THRESHOLD_BELOW_MAJORITY);
        assertThat(QuorumSets.checkSanity(qSet(2, v0, v1, v2, v3), true))
                .isEqualTo(QuorumSetSanity.THRESHOLD_BELOW_MAJORITY);
        assertThat(QuorumSets.checkSanity(qSet(3, v0, v1, v2, v3), true)).isEqualTo(QuorumSetSanity.SANE);
    }

    @Test
    void duplicatesAreRejectedAcrossLevels() {
        assertThat(QuorumSets.checkSanity(qSet(1, v0, v0), false)).isEqualTo(QuorumSetSanity.DUPLICATE_NODE);
        SCPQuorumSet dupInner = qSet(2, new NodeID[] {v0, v1}, qSet(1, v2, v0));
        assertThat(QuorumSets.checkSanity(dupInner, false)).isEqualTo(QuorumSetSanity.DUPLICATE_NODE);
    }

    @Test
    void nestingDepthIsBounded() {
        SCPQuorumSet q = qSet(1, node(10));
        // depths 0..4 are allowed
        for (int depth = 1; depth <= QuorumSets.NESTING_DEPTH_MAX; depth++) {
            q = qSet(1, new NodeID[] {node(10 + depth)}, q);
        }
        assertThat(QuorumSets.checkSanity(q, false)).isEqualTo(QuorumSetSanity.SANE);
        q = qSet(1, new NodeID[] {node(100)}, q);
        assertThat(QuorumSets.checkSanity(q, false)).isEqualTo(QuorumSetSanity.NESTING_TOO_DEEP);
    }

    @Test
    void totalNodeCountIsBounded() {
        assertThat(QuorumSets.checkSanity(qSet(1, new NodeID[0], qSet(1, v0)), false))
                .isEqualTo(QuorumSetSanity.SANE);
        NodeID[] many = new NodeID[QuorumSets.NODES_MAX + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = node(1000 + i);
        }
        assertThat(QuorumSets.checkSanity(qSet(1, many), false)).isEqualTo(QuorumSetSanity.NODE_COUNT_OUT_OF_RANGE);
        NodeID[] exactly = java.util.Arrays.copyOf(many, QuorumSets.NODES_MAX);
        assertThat(QuorumSets.checkSanity(qSet(1, exactly), false)).isEqualTo(QuorumSetSanity.SANE);
        // a set naming nobody, only through an empty inner set, is not sane either
        assertThat(QuorumSets.checkSanity(qSet(1, new NodeID[0], qSet(1)), false))
                .isEqualTo(QuorumSetSanity.THRESHOLD_EXCEEDS_ENTRIES);
    }

    @Test
    void normalizeMergesSingletonsAndSorts() {
        NodeID[] sorted = nodes(0, 1, 2, 3);
        java.util.Arrays.sort(sorted, Xdr.NODE_ORDER);
        // { t:2, v: [s3, s1], inner: [{t:1, v:[s0]}, {t:1, v:[s2]}] } -> { t:2, v: [s0..s3] }
        SCPQuorumSet q = qSet(2, new NodeID[] {sorted[3], sorted[1]}, qSet(1, sorted[0]), qSet(1, sorted[2]));
        SCPQuorumSet n = QuorumSets.normalize(q);
        assertThat(n).isEqualTo(qSet(2, sorted));
        // the input is untouched
        assertThat(q.getValidators()).containsExactly(sorted[3], sorted[1]);

        // { t:1, inner: [ X ] } -> X
        SCPQuorumSet wrapped = qSet(1, new NodeID[0], qSet(2, sorted[1], sorted[0], sorted[2]));
        assertThat(QuorumSets.normalize(wrapped)).isEqualTo(qSet(2, sorted[0], sorted[1], sorted[2]));
    }

    @Test
    void normalizeRemovingANodeLowersItsThreshold() {
        NodeID[] sorted = nodes(0, 1, 2, 3);
        java.util.Arrays.sort(sorted, Xdr.NODE_ORDER);
        SCPQuorumSet q = qSet(3, sorted);
        assertThat(QuorumSets.normalize(q, sorted[2])).isEqualTo(qSet(2, sorted[0], sorted[1], sorted[3]));

        SCPQuorumSet nested = qSet(2, new NodeID[] {sorted[0]}, qSet(2, sorted[1], sorted[2], sorted[3]));
        assertThat(QuorumSets.normalize(nested, sorted[3]))
                .isEqualTo(qSet(2, new NodeID[] {sorted[0]}, qSet(1, sorted[1], sorted[2])));
    }

    @Test
    void hashIsSha256OfTheXdr() throws Exception {
        SCPQuorumSet q = qSet(2, v0, v1, v2);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(q.toXdrByteArray());
        assertThat(QuorumSets.hash(q).getHash()).isEqualTo(expected);
    }

    @Test
    void nodeWeightIsTheFractionOfSlicesContainingTheNode() {
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        SCPQuorumSet q = qSet(2, v0, v1, v2);
        // ceil(max * 2 / 3)
        BigInteger[] qr = max.multiply(BigInteger.TWO).divideAndRemainder(BigInteger.valueOf(3));
        BigInteger expected = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        assertThat(Long.toUnsignedString(QuorumSets.nodeWeight(v1, q))).isEqualTo(expected.toString());
        assertThat(QuorumSets.nodeWeight(v3, q)).isZero();

        // nested: 1 of { v0, {1 of v1, v2} } -> weight(v1) = ceil(ceil(max * 1/2) * 1/2)
        SCPQuorumSet nested = qSet(1, new NodeID[] {v0}, qSet(1, v1, v2));
        BigInteger inner = max.add(BigInteger.ONE).shiftRight(1);
        BigInteger outer = inner.add(BigInteger.ONE).shiftRight(1);
        assertThat(Long.toUnsignedString(QuorumSets.nodeWeight(v1, nested))).isEqualTo(outer.toString());
        // all-of sets give everyone full weight
        assertThat(QuorumSets.nodeWeight(v2, qSet(3, v0, v1, v2))).isEqualTo(QuorumSets.WEIGHT_MAX);
    }

    @Test
    void allNodesListsEveryLevel() {
        SCPQuorumSet q = qSet(2, new NodeID[] {v0}, qSet(1, v1, v2), qSet(1, v3));
        assertThat(QuorumSets.allNodes(q)).containsExactly(v0, v1, v2, v3);
    }
}
