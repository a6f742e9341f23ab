package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link Fbas} compiled for fast set operations: nodes are numbered 0..size-1 in id order, quorum sets
 * refer to those numbers, and node sets are {@link Bits} arrays.
 *
 * <p>Deletion in the white paper's sense, (V, Q)^B, never rewrites quorum sets here: a slice q becomes
 * q \ B, so "a node has a slice inside U in (V, Q)^B" is "its quorum set is satisfied by U ∪ B". The
 * methods therefore take the deleted set as {@code helpers}: nodes that count as present for everybody's
 * quorum set but are not members of the sets being built.
 *
 * <p>Not thread-safe: {@link #largestQuorum} reuses a scratch array.
 */
final class CompiledFbas {

    /** A quorum set over node numbers. */
    static final class Qs {
        final int threshold;
        final int[] validators;
        final Qs[] inner;

        Qs(int threshold, int[] validators, Qs[] inner) {
            this.threshold = threshold;
            this.validators = validators;
            this.inner = inner;
        }
    }

    final int size;
    final int words;
    final String[] ids;
    private final Map<String, Integer> indexById;
    /** Effective quorum set of each node; null if it has no slices. */
    final Qs[] quorumSets;
    /** Distinct nodes named in each node's effective quorum set, ascending. */
    final int[][] references;
    final long[][] referenceMasks;
    final int[][] referencedBy;
    /** Nodes with equal effective quorum sets share a class; -1 for nodes without slices. */
    final int[] quorumSetClass;
    /** Position of each node in the order of importance (most referenced first). */
    final int[] rank;
    final long[] all;
    final long[] withSlices;
    /** Scratch space of {@link #largestQuorum}: a node is on it at most once at a time. */
    private final int[] worklist;

    CompiledFbas(Fbas fbas) {
        List<FbasNode> nodes = fbas.nodes();
        size = nodes.size();
        words = Bits.words(size);
        ids = new String[size];
        indexById = new HashMap<>();
        for (int i = 0; i < size; i++) {
            ids[i] = nodes.get(i).id();
            indexById.put(ids[i], i);
        }
        quorumSets = new Qs[size];
        references = new int[size][];
        referenceMasks = new long[size][];
        all = Bits.full(size);
        worklist = new int[size];
        withSlices = Bits.empty(words);
        List<List<Integer>> reverse = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            reverse.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            Optional<QuorumSet> quorumSet = fbas.effectiveQuorumSet(ids[i]);
            long[] mask = Bits.empty(words);
            if (quorumSet.isPresent()) {
                quorumSets[i] = compile(quorumSet.get(), mask);
                Bits.set(withSlices, i);
            }
            referenceMasks[i] = mask;
            references[i] = Bits.toArray(mask);
            for (int target : references[i]) {
                reverse.get(target).add(i);
            }
        }
        quorumSetClass = new int[size];
        Map<QuorumSet, Integer> classes = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Optional<QuorumSet> quorumSet = fbas.effectiveQuorumSet(ids[i]);
            quorumSetClass[i] = quorumSet.isEmpty() ? -1 : classes.computeIfAbsent(quorumSet.get(), q -> classes.size());
        }
        referencedBy = new int[size][];
        for (int i = 0; i < size; i++) {
            referencedBy[i] = reverse.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -referencedBy[i].length).thenComparingInt(i -> i));
        rank = new int[size];
        for (int position = 0; position < size; position++) {
            rank[order[position]] = position;
        }
    }

    private Qs compile(QuorumSet set, long[] mask) {
        int[] validators = new int[set.validators().size()];
        for (int i = 0; i < validators.length; i++) {
            validators[i] = indexById.get(set.validators().get(i));
            Bits.set(mask, validators[i]);
        }
        Qs[] inner = new Qs[set.innerSets().size()];
        for (int i = 0; i < inner.length; i++) {
            inner[i] = compile(set.innerSets().get(i), mask);
        }
        // Sane quorum sets have thresholds of at most VALIDATORS_MAX members, so the cast is exact.
        return new Qs(Math.toIntExact(set.threshold()), validators, inner);
    }

    int index(String id) {
        Integer index = indexById.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown node " + id);
        }
        return index;
    }

    long[] toSet(Iterable<String> nodeIds) {
        long[] set = Bits.empty(words);
        for (String id : nodeIds) {
            Bits.set(set, index(id));
        }
        return set;
    }

    /** Node ids of a set, ascending (node numbers follow id order). */
    List<String> toIds(long[] set) {
        List<String> result = new ArrayList<>(Bits.cardinality(set));
        for (int i = Bits.next(set, 0); i >= 0; i = Bits.next(set, i + 1)) {
            result.add(ids[i]);
        }
        return result;
    }

    /** Whether node's quorum set is satisfied by the present nodes; never for a node without slices. */
    boolean satisfied(int node, long[] present) {
        Qs qs = quorumSets[node];
        return qs != null && satisfied(qs, present);
    }

    static boolean satisfied(Qs qs, long[] present) {
        int missing = qs.threshold;
        if (missing <= 0) {
            return true;
        }
        for (int validator : qs.validators) {
            if ((present[validator >>> 6] & (1L << validator)) != 0 && --missing == 0) {
                return true;
            }
        }
        for (Qs inner : qs.inner) {
            if (satisfied(inner, present) && --missing == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code set} is a quorum of (V, Q)^helpers: non-empty, each member has a slice in set ∪ helpers. */
    boolean isQuorum(long[] set, long[] helpers) {
        if (Bits.isEmpty(set)) {
            return false;
        }
        long[] present = Bits.or(set, helpers);
        for (int i = Bits.next(set, 0); i >= 0; i = Bits.next(set, i + 1)) {
            if (!satisfied(i, present)) {
                return false;
            }
        }
        return true;
    }

    /** The first member of {@code set} whose quorum set is not satisfied by {@code present}, or -1. */
    int firstUnsatisfied(long[] set, long[] present) {
        for (int i = Bits.next(set, 0); i >= 0; i = Bits.next(set, i + 1)) {
            if (!satisfied(i, present)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The largest quorum of (V, Q)^helpers inside {@code allowed} (empty if there is none): repeatedly
     * drop members whose quorum set is not satisfied by the remaining members plus the helpers. The union
     * of quorums is a quorum, so this greatest fixed point contains every quorum inside {@code allowed}.
     */
    long[] largestQuorum(long[] allowed, long[] helpers) {
        long[] members = allowed.clone();
        long[] present = Bits.or(members, helpers);
        long[] queued = members.clone();
        int top = 0;
        for (int i = Bits.next(members, 0); i >= 0; i = Bits.next(members, i + 1)) {
            worklist[top++] = i;
        }
        while (top > 0) {
            int node = worklist[--top];
            Bits.clear(queued, node);
            if (!Bits.get(members, node) || satisfied(node, present)) {
                continue;
            }
            Bits.clear(members, node);
            if (Bits.get(helpers, node)) {
                continue;
            }
            Bits.clear(present, node);
            for (int dependent : referencedBy[node]) {
                if (Bits.get(members, dependent) && !Bits.get(queued, dependent)) {
                    Bits.set(queued, dependent);
                    worklist[top++] = dependent;
                }
            }
        }
        return members;
    }

    /** A minimal quorum of (V, Q)^helpers inside the given quorum: drop members while a quorum remains. */
    long[] shrinkToMinimalQuorum(long[] quorum, long[] helpers) {
        long[] current = quorum.clone();
        for (int i = Bits.next(quorum, 0); i >= 0; i = Bits.next(quorum, i + 1)) {
            if (!Bits.get(current, i)) {
                continue;
            }
            long[] smaller = largestQuorum(Bits.without(current, i), helpers);
            if (!Bits.isEmpty(smaller)) {
                current = smaller;
            }
        }
        return current;
    }

    /** Whether a quorum contains no smaller quorum (of (V, Q)^helpers). */
    boolean isMinimalQuorum(long[] quorum, long[] helpers) {
        for (int i = Bits.next(quorum, 0); i >= 0; i = Bits.next(quorum, i + 1)) {
            if (!Bits.isEmpty(largestQuorum(Bits.without(quorum, i), helpers))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A node that would help satisfy {@code node}'s quorum set: one in {@code candidates}, not yet
     * present, named in a part of the quorum set that is not satisfied; the most important such node, or
     * -1 if there is none.
     */
    int pickCandidate(int node, long[] present, long[] candidates) {
        Qs qs = quorumSets[node];
        return qs == null ? -1 : pickCandidate(qs, present, candidates);
    }

    private int pickCandidate(Qs qs, long[] present, long[] candidates) {
        int best = -1;
        for (int validator : qs.validators) {
            if (!Bits.get(present, validator) && Bits.get(candidates, validator)
                    && (best < 0 || rank[validator] < rank[best])) {
                best = validator;
            }
        }
        for (Qs inner : qs.inner) {
            if (satisfied(inner, present)) {
                continue;
            }
            int candidate = pickCandidate(inner, present, candidates);
            if (candidate >= 0 && (best < 0 || rank[candidate] < rank[best])) {
                best = candidate;
            }
        }
        return best;
    }

    /** Whether all members of a non-empty set have slices and equal quorum sets. */
    boolean sameQuorumSet(long[] set) {
        int first = Bits.next(set, 0);
        if (first < 0 || quorumSetClass[first] < 0) {
            return false;
        }
        for (int i = Bits.next(set, first + 1); i >= 0; i = Bits.next(set, i + 1)) {
            if (quorumSetClass[i] != quorumSetClass[first]) {
                return false;
            }
        }
        return true;
    }

    /** The most important node of a set, or -1 if it is empty. */
    int mostImportant(long[] set) {
        int best = -1;
        for (int i = Bits.next(set, 0); i >= 0; i = Bits.next(set, i + 1)) {
            if (best < 0 || rank[i] < rank[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The union of the nodes named by the members of a set. */
    long[] referencedBy(long[] set) {
        long[] result = Bits.empty(words);
        for (int i = Bits.next(set, 0); i >= 0; i = Bits.next(set, i + 1)) {
            Bits.orInto(result, referenceMasks[i]);
        }
        return result;
    }

    /**
     * Strongly connected components of the trust graph (an edge from each node to every node its quorum
     * set names) restricted to {@code nodes}, ordered by their lowest member. Iterative Tarjan, so deep
     * graphs cannot overflow the stack.
     */
    List<long[]> stronglyConnectedComponents(long[] nodes) {
        int[] index = new int[size];
        int[] low = new int[size];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[size];
        int[] stack = new int[size];
        int stackTop = 0;
        int[] callNode = new int[size];
        int[] callEdge = new int[size];
        int counter = 0;
        List<long[]> components = new ArrayList<>();
        for (int root = Bits.next(nodes, 0); root >= 0; root = Bits.next(nodes, root + 1)) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[stackTop++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                int[] edges = references[v];
                if (callEdge[depth] < edges.length) {
                    int w = edges[callEdge[depth]++];
                    if (!Bits.get(nodes, w)) {
                        continue;
                    }
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        long[] component = Bits.empty(words);
                        int w;
                        do {
                            w = stack[--stackTop];
                            onStack[w] = false;
                            Bits.set(component, w);
                        } while (w != v);
                        components.add(component);
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        components.sort(Comparator.comparingInt(c -> Bits.next(c, 0)));
        return components;
    }

    /** Sorts sets by size, then by their sorted ids; ids follow node numbers, so numbers suffice. */
    static final Comparator<long[]> BY_SIZE_THEN_MEMBERS = (a, b) -> {
        int bySize = Integer.compare(Bits.cardinality(a), Bits.cardinality(b));
        if (bySize != 0) {
            return bySize;
        }
        int i = Bits.next(a, 0);
        int j = Bits.next(b, 0);
        while (i >= 0 && j >= 0) {
            if (i != j) {
                return Integer.compare(i, j);
            }
            i = Bits.next(a, i + 1);
            j = Bits.next(b, j + 1);
        }
        return 0;
    };

    /** Keeps the sets that contain no other set of the list, sorted by size then members. */
    static List<long[]> minimalSets(List<long[]> sets) {
        List<long[]> sorted = new ArrayList<>(sets);
        sorted.sort(BY_SIZE_THEN_MEMBERS);
        List<long[]> minimal = new ArrayList<>();
        for (long[] candidate : sorted) {
            // An equal set counts as a subset, so duplicates are dropped as well.
            boolean containsSmaller = false;
            for (long[] kept : minimal) {
                if (Bits.subset(kept, candidate)) {
                    containsSmaller = true;
                    break;
                }
            }
            if (!containsSmaller) {
                minimal.add(candidate);
            }
        }
        return minimal;
    }
}
