package io.corridor.consensus.scp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * Quorum-set arithmetic on nested {@link SCPQuorumSet}s: slices, v-blocking sets, quorums, sanity checks,
 * normalisation and hashing. A quorum set with threshold {@code t} over {@code n} entries (validators and
 * inner sets) is satisfied by a node set that satisfies at least {@code t} entries; it is blocked by a node
 * set that satisfies at least {@code n - t + 1} entries.
 */
public final class QuorumSets {
    /** Deepest allowed nesting of inner sets (the outer set has depth 0). */
    public static final int NESTING_DEPTH_MAX = 4;
    /** Most nodes a quorum set may name, counting every level. */
    public static final int NODES_MAX = 1000;
    /** Weight of a node present in every slice: the largest unsigned 64-bit value. */
    public static final long WEIGHT_MAX = -1L;

    private QuorumSets() {
    }

    /** Whether {@code nodes} satisfies one of the slices described by {@code qSet}. */
    public static boolean isQuorumSlice(SCPQuorumSet qSet, Collection<NodeID> nodes) {
        return isSliceInternal(qSet, asSet(nodes));
    }

    private static boolean isSliceInternal(SCPQuorumSet qSet, Set<NodeID> nodes) {
        long left = threshold(qSet);
        if (left == 0) {
            // As stellar-core: a zero threshold is never met (sane sets never have one).
            return false;
        }
        for (NodeID v : validators(qSet)) {
            if (nodes.contains(v) && --left <= 0) {
                return true;
            }
        }
        for (SCPQuorumSet inner : innerSets(qSet)) {
            if (isSliceInternal(inner, nodes) && --left <= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code nodes} intersects every slice described by {@code qSet}. */
    public static boolean isVBlocking(SCPQuorumSet qSet, Collection<NodeID> nodes) {
        return isVBlockingInternal(qSet, asSet(nodes));
    }

    private static boolean isVBlockingInternal(SCPQuorumSet qSet, Set<NodeID> nodes) {
        long threshold = threshold(qSet);
        if (threshold == 0) {
            // No set blocks a node that needs nobody.
            return false;
        }
        long left = 1 + validators(qSet).length + innerSets(qSet).length - threshold;
        for (NodeID v : validators(qSet)) {
            if (nodes.contains(v) && --left <= 0) {
                return true;
            }
        }
        for (SCPQuorumSet inner : innerSets(qSet)) {
            if (isVBlockingInternal(inner, nodes) && --left <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the nodes whose latest statement passes {@code filter} contain a quorum for {@code localQSet}:
     * nodes are removed until every remaining node finds one of its own slices (its quorum set as declared
     * in its statement, {@code qSetOf}) among the remaining ones; the remainder must then be a slice of the
     * local set. A node whose quorum set is unknown cannot be part of the quorum.
     */
    public static <S> boolean isQuorum(SCPQuorumSet localQSet, Map<NodeID, S> latest,
            Function<S, Optional<SCPQuorumSet>> qSetOf, Predicate<S> filter) {
        Set<NodeID> nodes = new HashSet<>();
        for (Map.Entry<NodeID, S> e : latest.entrySet()) {
            if (filter.test(e.getValue())) {
                nodes.add(e.getKey());
            }
        }
        int count;
        do {
            count = nodes.size();
            Set<NodeID> kept = new HashSet<>();
            for (NodeID n : nodes) {
                Optional<SCPQuorumSet> q = qSetOf.apply(latest.get(n));
                if (q.isPresent() && isSliceInternal(q.get(), nodes)) {
                    kept.add(n);
                }
            }
            nodes = kept;
        } while (count != nodes.size());
        return isSliceInternal(localQSet, nodes);
    }

    /** Whether the nodes whose latest statement passes {@code filter} form a v-blocking set. */
    public static <S> boolean isVBlocking(SCPQuorumSet localQSet, Map<NodeID, S> latest, Predicate<S> filter) {
        Set<NodeID> nodes = new HashSet<>();
        for (Map.Entry<NodeID, S> e : latest.entrySet()) {
            if (filter.test(e.getValue())) {
                nodes.add(e.getKey());
            }
        }
        return isVBlockingInternal(localQSet, nodes);
    }

    /** Sanity of a quorum set, as stellar-core's {@code isQuorumSetSane}. */
    public static QuorumSetSanity checkSanity(SCPQuorumSet qSet, boolean extraChecks) {
        Set<NodeID> known = new HashSet<>();
        QuorumSetSanity r = checkSanity(qSet, 0, extraChecks, known);
        if (r != QuorumSetSanity.SANE) {
            return r;
        }
        if (known.isEmpty() || known.size() > NODES_MAX) {
            return QuorumSetSanity.NODE_COUNT_OUT_OF_RANGE;
        }
        return QuorumSetSanity.SANE;
    }

    public static boolean isSane(SCPQuorumSet qSet, boolean extraChecks) {
        return checkSanity(qSet, extraChecks) == QuorumSetSanity.SANE;
    }

    private static QuorumSetSanity checkSanity(SCPQuorumSet q, int depth, boolean extra, Set<NodeID> known) {
        if (depth > NESTING_DEPTH_MAX) {
            return QuorumSetSanity.NESTING_TOO_DEEP;
        }
        long threshold = threshold(q);
        if (threshold < 1) {
            return QuorumSetSanity.THRESHOLD_ZERO;
        }
        long entries = validators(q).length + innerSets(q).length;
        if (threshold > entries) {
            return QuorumSetSanity.THRESHOLD_EXCEEDS_ENTRIES;
        }
        long vBlockingSize = entries - threshold + 1;
        if (extra && threshold < vBlockingSize) {
            return QuorumSetSanity.THRESHOLD_BELOW_MAJORITY;
        }
        for (NodeID v : validators(q)) {
            if (!known.add(v)) {
                return QuorumSetSanity.DUPLICATE_NODE;
            }
            if (known.size() > NODES_MAX) {
                return QuorumSetSanity.NODE_COUNT_OUT_OF_RANGE;
            }
        }
        for (SCPQuorumSet inner : innerSets(q)) {
            QuorumSetSanity r = checkSanity(inner, depth + 1, extra, known);
            if (r != QuorumSetSanity.SANE) {
                return r;
            }
        }
        return QuorumSetSanity.SANE;
    }

    /** A normalised copy: singleton inner sets merged, singleton wrappers removed, entries sorted. */
    public static SCPQuorumSet normalize(SCPQuorumSet qSet) {
        return normalize(qSet, null);
    }

    /**
     * A normalised copy from which {@code idToRemove} (if not null) has been dropped, each removal lowering
     * its set's threshold by one; used to compute the local node's neighbours.
     */
    public static SCPQuorumSet normalize(SCPQuorumSet qSet, NodeID idToRemove) {
        SCPQuorumSet copy = Xdr.copy(qSet);
        SCPQuorumSet simplified = simplify(copy, idToRemove);
        reorder(simplified);
        return simplified;
    }

    private static SCPQuorumSet simplify(SCPQuorumSet q, NodeID idToRemove) {
        List<NodeID> vs = new ArrayList<>(Arrays.asList(validators(q)));
        long threshold = threshold(q);
        if (idToRemove != null) {
            int before = vs.size();
            vs.removeIf(idToRemove::equals);
            threshold = Math.max(0, threshold - (before - vs.size()));
        }
        List<SCPQuorumSet> inner = new ArrayList<>();
        for (SCPQuorumSet i : innerSets(q)) {
            SCPQuorumSet s = simplify(i, idToRemove);
            if (threshold(s) == 1 && validators(s).length == 1 && innerSets(s).length == 0) {
                vs.add(validators(s)[0]);
            } else {
                inner.add(s);
            }
        }
        if (threshold == 1 && vs.isEmpty() && inner.size() == 1) {
            return inner.get(0);
        }
        SCPQuorumSet r = new SCPQuorumSet();
        r.setThreshold(Xdr.uint32(threshold));
        r.setValidators(vs.toArray(new NodeID[0]));
        r.setInnerSets(inner.toArray(new SCPQuorumSet[0]));
        return r;
    }

    private static void reorder(SCPQuorumSet q) {
        NodeID[] vs = validators(q).clone();
        Arrays.sort(vs, Xdr.NODE_ORDER);
        q.setValidators(vs);
        SCPQuorumSet[] inner = innerSets(q).clone();
        for (SCPQuorumSet i : inner) {
            reorder(i);
        }
        Arrays.sort(inner, QuorumSets::compare);
        q.setInnerSets(inner);
    }

    /** Orders normalised sets by validators, then inner sets, then threshold (lexicographically). */
    private static int compare(SCPQuorumSet l, SCPQuorumSet r) {
        int c = Arrays.compare(validators(l), validators(r), Xdr.NODE_ORDER);
        if (c != 0) {
            return c;
        }
        c = Arrays.compare(innerSets(l), innerSets(r), QuorumSets::compare);
        if (c != 0) {
            return c;
        }
        return Long.compare(threshold(l), threshold(r));
    }

    /** SHA-256 of the quorum set's XDR, the hash statements refer to. */
    public static Hash hash(SCPQuorumSet qSet) {
        return Xdr.hash(Xdr.encode(qSet::toXdrByteArray));
    }

    /** The quorum set {@code {t: 1, v: [node]}} implied by an EXTERNALIZE statement. */
    public static SCPQuorumSet singleton(NodeID node) {
        SCPQuorumSet q = new SCPQuorumSet();
        q.setThreshold(Xdr.uint32(1));
        q.setValidators(new NodeID[] {Xdr.copy(node)});
        q.setInnerSets(new SCPQuorumSet[0]);
        return q;
    }

    /** Every node named anywhere in the set, outer validators first, in declaration order. */
    public static List<NodeID> allNodes(SCPQuorumSet qSet) {
        List<NodeID> out = new ArrayList<>();
        collect(qSet, out);
        return out;
    }

    private static void collect(SCPQuorumSet q, List<NodeID> out) {
        out.addAll(Arrays.asList(validators(q)));
        for (SCPQuorumSet i : innerSets(q)) {
            collect(i, out);
        }
    }

    /**
     * The fraction of slices that contain {@code node}, scaled to the unsigned 64-bit range (returned as a
     * long to be read unsigned): {@code ceil(weight(entry) * threshold / entries)} per level, 0 when absent.
     */
    public static long nodeWeight(NodeID node, SCPQuorumSet qSet) {
        long n = threshold(qSet);
        long d = validators(qSet).length + innerSets(qSet).length;
        for (NodeID v : validators(qSet)) {
            if (v.equals(node)) {
                return scaledWeight(WEIGHT_MAX, d, n);
            }
        }
        for (SCPQuorumSet inner : innerSets(qSet)) {
            long w = nodeWeight(node, inner);
            if (w != 0) {
                return scaledWeight(w, d, n);
            }
        }
        return 0;
    }

    private static long scaledWeight(long unsignedWeight, long total, long threshold) {
        ScpInvariantException.check(threshold <= total && total > 0, "weight of a node in an insane quorum set");
        BigInteger m = new BigInteger(Long.toUnsignedString(unsignedWeight));
        BigInteger[] qr = m.multiply(BigInteger.valueOf(threshold)).divideAndRemainder(BigInteger.valueOf(total));
        BigInteger res = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return res.longValue();
    }

    static long threshold(SCPQuorumSet q) {
        return q.getThreshold() == null ? 0 : Xdr.uint32(q.getThreshold());
    }

    static NodeID[] validators(SCPQuorumSet q) {
        return q.getValidators() == null ? new NodeID[0] : q.getValidators();
    }

    static SCPQuorumSet[] innerSets(SCPQuorumSet q) {
        return q.getInnerSets() == null ? new SCPQuorumSet[0] : q.getInnerSets();
    }

    private static Set<NodeID> asSet(Collection<NodeID> nodes) {
        return nodes instanceof Set<NodeID> s ? s : new HashSet<>(nodes);
    }
}
