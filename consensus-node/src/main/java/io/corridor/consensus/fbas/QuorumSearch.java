package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches for quorums: all minimal quorums of (V, Q), and two disjoint quorums of a deleted system
 * (V, Q)^B. Both are branch-and-bound searches in the style of fbas_analyzer (Florian et al.) and
 * Lachowski (2019), written from their descriptions:
 * <ul>
 *   <li>Only the largest quorum matters (nodes outside it are in no quorum), and every minimal quorum lies
 *       inside one strongly connected component of the trust graph (a sink component of a quorum is
 *       itself a quorum). Two components that each contain a quorum give two disjoint quorums at once.</li>
 *   <li>Inside a component, a selection grows by a node that an unsatisfied member needs; each node is
 *       either added or excluded for good. A branch dies when the selection cannot become a quorum inside
 *       the nodes still available, or (for disjoint quorums) when no quorum is left outside it.</li>
 * </ul>
 */
final class QuorumSearch {

    /** Cluster searches remembered per analysis call; beyond this the memo is cleared. */
    private static final int MEMO_ENTRIES_MAX = 200_000;

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final Map<Bits.Key, long[][]> clusterMemo = new HashMap<>();
    private static final long[][] NONE = new long[0][];

    QuorumSearch(CompiledFbas fbas, SearchBudget budget) {
        this.fbas = fbas;
        this.budget = budget;
    }

    // ---------------------------------------------------------------------------------------------
    // Minimal quorums of (V, Q)

    List<long[]> minimalQuorums() {
        long[] none = Bits.empty(fbas.words);
        long[] largest = fbas.largestQuorum(fbas.withSlices, none);
        List<long[]> found = new ArrayList<>();
        for (long[] component : fbas.stronglyConnectedComponents(largest)) {
            long[] cluster = fbas.largestQuorum(component, none);
            if (!Bits.isEmpty(cluster)) {
                enumerate(Bits.empty(fbas.words), cluster, found);
            }
        }
        found.sort(CompiledFbas.BY_SIZE_THEN_MEMBERS);
        return found;
    }

    private void enumerate(long[] selection, long[] available, List<long[]> found) {
        budget.step();
        long[] none = Bits.empty(fbas.words);
        long[] usable = fbas.largestQuorum(available, none);
        if (!Bits.subset(selection, usable)) {
            return;
        }
        int candidate;
        if (Bits.isEmpty(selection)) {
            candidate = fbas.mostImportant(usable);
        } else {
            int unsatisfied = fbas.firstUnsatisfied(selection, selection);
            if (unsatisfied < 0) {
                if (fbas.isMinimalQuorum(selection, none)) {
                    found.add(selection);
                    budget.checkResults(found.size());
                }
                return;
            }
            candidate = fbas.pickCandidate(unsatisfied, selection, Bits.andNot(usable, selection));
        }
        if (candidate < 0) {
            return;
        }
        enumerate(Bits.with(selection, candidate), usable, found);
        enumerate(selection, Bits.without(usable, candidate), found);
    }

    // ---------------------------------------------------------------------------------------------
    // Two disjoint quorums of (V, Q)^helpers

    /**
     * Two disjoint minimal quorums of (V, Q)^helpers made of nodes in {@code allowed}, smaller first, or
     * null if all such quorums intersect. With empty helpers this is the quorum intersection check.
     */
    long[][] disjointQuorums(long[] allowed, long[] helpers) {
        budget.step();
        long[] candidates = Bits.and(allowed, fbas.withSlices);
        long[] largest = fbas.largestQuorum(candidates, helpers);
        if (Bits.isEmpty(largest)) {
            return null;
        }
        List<long[]> clusters = new ArrayList<>();
        for (long[] component : fbas.stronglyConnectedComponents(largest)) {
            long[] cluster = fbas.largestQuorum(component, helpers);
            if (!Bits.isEmpty(cluster)) {
                clusters.add(cluster);
            }
        }
        long[][] pair;
        if (clusters.size() >= 2) {
            pair = new long[][] {clusters.get(0), clusters.get(1)};
        } else {
            pair = inCluster(clusters.get(0), helpers);
            if (pair == null) {
                return null;
            }
        }
        long[] first = fbas.shrinkToMinimalQuorum(pair[0], helpers);
        long[] second = fbas.shrinkToMinimalQuorum(pair[1], helpers);
        return CompiledFbas.BY_SIZE_THEN_MEMBERS.compare(first, second) <= 0
                ? new long[][] {first, second} : new long[][] {second, first};
    }

    /** Disjoint quorums inside one cluster; only the helpers its members name can change the answer. */
    private long[][] inCluster(long[] cluster, long[] helpers) {
        long[] relevantHelpers = Bits.and(helpers, fbas.referencedBy(cluster));
        long[] keyWords = new long[2 * fbas.words];
        System.arraycopy(cluster, 0, keyWords, 0, fbas.words);
        System.arraycopy(relevantHelpers, 0, keyWords, fbas.words, fbas.words);
        Bits.Key key = new Bits.Key(keyWords);
        long[][] memo = clusterMemo.get(key);
        if (memo != null) {
            return memo == NONE ? null : memo;
        }
        long[][] result;
        if (fbas.sameQuorumSet(cluster) && !symmetricSplit(cluster, relevantHelpers)) {
            result = null;
        } else {
            result = searchCluster(Bits.empty(fbas.words), cluster, cluster, relevantHelpers);
        }
        if (clusterMemo.size() >= MEMO_ENTRIES_MAX) {
            clusterMemo.clear();
        }
        clusterMemo.put(key, result == null ? NONE : result);
        return result;
    }

    /**
     * Whether a cluster whose members all have the same quorum set Q holds two disjoint quorums. Then a
     * non-empty U inside the cluster is a quorum iff Q is satisfied by U ∪ helpers, so the question is
     * whether Q can be satisfied twice by disjoint parts of the cluster plus the shared helpers. Sane
     * quorum sets name each validator once, so this is decided member by member (as fbas_analyzer does
     * for symmetric clusters), and the exhaustive search is only needed to build a witness.
     */
    private boolean symmetricSplit(long[] cluster, long[] helpers) {
        int node = Bits.next(cluster, 0);
        return Bits.cardinality(cluster) >= 2
                && satisfiableTwice(fbas.quorumSets[node], cluster, helpers) == Satisfiable.TWICE;
    }

    private enum Satisfiable { NO, ONCE, TWICE }

    private static Satisfiable satisfiableTwice(CompiledFbas.Qs qs, long[] cluster, long[] helpers) {
        int shared = 0;
        int exclusive = 0;
        for (int validator : qs.validators) {
            if (Bits.get(helpers, validator)) {
                shared++;
            } else if (Bits.get(cluster, validator)) {
                exclusive++;
            }
        }
        for (CompiledFbas.Qs inner : qs.inner) {
            Satisfiable result = satisfiableTwice(inner, cluster, helpers);
            if (result == Satisfiable.TWICE) {
                shared++;
            } else if (result == Satisfiable.ONCE) {
                exclusive++;
            }
        }
        // Shared members count on both sides; each side needs the rest from members of its own. When
        // shared < threshold, each side takes at least one exclusive member, so neither side is empty.
        if (shared >= qs.threshold || 2 * (qs.threshold - shared) <= exclusive) {
            return Satisfiable.TWICE;
        }
        return shared + exclusive >= qs.threshold ? Satisfiable.ONCE : Satisfiable.NO;
    }

    /**
     * Looks for a quorum U1 ⊇ selection inside {@code available} with a disjoint quorum inside the
     * cluster. While the selection is empty, excluding a node removes it from the cluster altogether: a
     * disjoint pair in which either quorum contains the node is found in the branch that selects it (with
     * the roles swapped if need be), so the remaining branch only needs pairs that avoid it.
     */
    private long[][] searchCluster(long[] selection, long[] available, long[] cluster, long[] helpers) {
        budget.step();
        long[] usable = fbas.largestQuorum(available, helpers);
        if (!Bits.subset(selection, usable)) {
            return null;
        }
        int candidate;
        if (Bits.isEmpty(selection)) {
            candidate = fbas.mostImportant(usable);
            if (candidate < 0) {
                return null;
            }
            long[][] found = searchCluster(Bits.of(fbas.words, candidate), usable, cluster, helpers);
            if (found != null) {
                return found;
            }
            long[] smaller = Bits.without(usable, candidate);
            return searchCluster(selection, smaller, smaller, helpers);
        }
        // Any quorum containing the selection leaves at most this much room for a disjoint one.
        long[] rest = fbas.largestQuorum(Bits.andNot(cluster, selection), helpers);
        if (Bits.isEmpty(rest)) {
            return null;
        }
        long[] present = Bits.or(selection, helpers);
        int unsatisfied = fbas.firstUnsatisfied(selection, present);
        if (unsatisfied < 0) {
            return new long[][] {selection, rest};
        }
        candidate = fbas.pickCandidate(unsatisfied, present, Bits.andNot(usable, selection));
        if (candidate < 0) {
            return null;
        }
        long[][] found = searchCluster(Bits.with(selection, candidate), usable, cluster, helpers);
        if (found != null) {
            return found;
        }
        return searchCluster(selection, Bits.without(usable, candidate), cluster, helpers);
    }
}
