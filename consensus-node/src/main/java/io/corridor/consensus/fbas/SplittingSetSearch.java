package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal splitting sets in the white paper's sense: minimal sets S such that (V, Q)^S, the FBAS with S
 * deleted from V and from every slice, has two disjoint quorums. Deleted nodes may say anything, their
 * own quorum sets included, so they count as present for every quorum set.
 *
 * <p>Let U1 and U2 be disjoint minimal quorums of (V, Q)^S. Each is strongly connected in the trust graph
 * (a sink component of a quorum is a quorum), so each lies inside one strongly connected component of the
 * trust graph of (V, Q). With quorum intersection, all quorums of (V, Q) lie in one component, the core.
 * Two cases cover every minimal splitting set:
 * <ol>
 *   <li>Both quorums inside the core. Only nodes the core's quorum sets name can matter, so the search
 *       tries the subsets of those nodes (in order of importance, never extending a set that already
 *       splits or contains a splitting set).</li>
 *   <li>One quorum, U1, outside the core. The search builds U1 inside its component from a seed node: each
 *       node an unsatisfied member needs joins U1, joins S or stays out. Once U1 is satisfied, S splits if
 *       a quorum of (V, Q)^S remains outside U1 and S; otherwise a second quorum is built the same way
 *       around the first.</li>
 * </ol>
 * Every set found is checked directly, and the result is reduced to its minimal sets.
 */
final class SplittingSetSearch {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final QuorumSearch quorums;
    private final long[] topTier;
    private final List<long[]> found = new ArrayList<>();

    SplittingSetSearch(CompiledFbas fbas, SearchBudget budget, long[] topTier) {
        this.fbas = fbas;
        this.budget = budget;
        this.quorums = new QuorumSearch(fbas, budget);
        this.topTier = topTier;
    }

    List<long[]> minimalSplittingSets() {
        long[] none = Bits.empty(fbas.words);
        if (quorums.disjointQuorums(fbas.all, none) != null) {
            // Without quorum intersection nothing needs to be deleted.
            List<long[]> empty = new ArrayList<>();
            empty.add(none);
            return empty;
        }
        List<long[]> components = fbas.stronglyConnectedComponents(fbas.withSlices);
        long[] core = null;
        for (long[] component : components) {
            if (!Bits.isEmpty(topTier) && Bits.subset(topTier, component)) {
                core = component;
            }
        }
        if (core != null) {
            splitCore(core);
        }
        for (long[] component : components) {
            if (component == core) {
                continue;
            }
            splitOutside(component);
        }
        List<long[]> minimal = CompiledFbas.minimalSets(found);
        budget.checkResults(minimal.size());
        return minimal;
    }

    // ---------------------------------------------------------------------------------------------
    // Case 1: both quorums inside the core

    private void splitCore(long[] core) {
        int[] candidates = byRank(fbas.referencedBy(core));
        extendInCore(core, candidates, Bits.empty(fbas.words), 0);
    }

    private void extendInCore(long[] core, int[] candidates, long[] base, int from) {
        for (int j = from; j < candidates.length; j++) {
            long[] set = Bits.with(base, candidates[j]);
            if (containsFound(set)) {
                continue;
            }
            budget.step();
            if (quorums.disjointQuorums(Bits.andNot(core, set), set) != null) {
                record(set);
            } else {
                extendInCore(core, candidates, set, j + 1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Case 2: a quorum outside the core

    /**
     * Searches the sets S that give component C a quorum of (V, Q)^S inside C \ S. Only nodes named by C's
     * quorum sets can do that, so those are tried first; the other named nodes follow, for the rare case
     * where C holds a quorum but the rest of the FBAS needs more deletions to hold a second one.
     */
    private void splitOutside(long[] component) {
        long[] named = fbas.referencedBy(component);
        int[] first = byRank(named);
        int[] rest = byRank(Bits.andNot(fbas.referencedBy(fbas.withSlices), named));
        int[] candidates = new int[first.length + rest.length];
        System.arraycopy(first, 0, candidates, 0, first.length);
        System.arraycopy(rest, 0, candidates, first.length, rest.length);
        long[][] namedSuffixes = new long[candidates.length + 1][];
        long[][] suffixes = new long[candidates.length + 1][];
        namedSuffixes[candidates.length] = Bits.empty(fbas.words);
        suffixes[candidates.length] = Bits.empty(fbas.words);
        for (int j = candidates.length - 1; j >= 0; j--) {
            suffixes[j] = Bits.with(suffixes[j + 1], candidates[j]);
            namedSuffixes[j] = j < first.length ? Bits.with(namedSuffixes[j + 1], candidates[j]) : namedSuffixes[j + 1];
        }
        new Outside(component, candidates, first.length, namedSuffixes, suffixes).extend(Bits.empty(fbas.words), 0);
    }

    private final class Outside {
        private final long[] component;
        private final int[] candidates;
        private final int namedCount;
        private final long[][] namedSuffixes;
        private final long[][] suffixes;

        Outside(long[] component, int[] candidates, int namedCount, long[][] namedSuffixes, long[][] suffixes) {
            this.component = component;
            this.candidates = candidates;
            this.namedCount = namedCount;
            this.namedSuffixes = namedSuffixes;
            this.suffixes = suffixes;
        }

        /** Whether C \ set holds a quorum of (V, Q)^(set ∪ extra), extra counting as deleted and as members. */
        private boolean holdsQuorum(long[] set, long[] extra) {
            return !Bits.isEmpty(fbas.largestQuorum(Bits.andNot(component, set), Bits.or(set, extra)));
        }

        void extend(long[] base, int from) {
            long[] none = Bits.empty(fbas.words);
            for (int j = from; j < candidates.length; j++) {
                if (j >= namedCount && !holdsQuorum(base, none)) {
                    // Nodes C does not name cannot give it a quorum.
                    return;
                }
                long[] set = Bits.with(base, candidates[j]);
                if (containsFound(set)) {
                    continue;
                }
                budget.step();
                // Deleting every remaining named candidate is the most help C can get; if even that gives
                // no quorum in C, no extension of this set does.
                if (!holdsQuorum(set, namedSuffixes[j + 1])) {
                    continue;
                }
                if (holdsQuorum(set, none)) {
                    long[] remaining = Bits.andNot(fbas.all, set);
                    if (quorums.disjointQuorums(remaining, set) != null) {
                        record(set);
                        continue;
                    }
                    // C holds a quorum but every other quorum meets it: only more deletions elsewhere can
                    // help, and only if deleting all later candidates would.
                    if (quorums.disjointQuorums(remaining, Bits.or(set, suffixes[j + 1])) == null) {
                        continue;
                    }
                }
                extend(set, j + 1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void record(long[] set) {
        found.add(set);
        budget.checkResults(found.size());
    }

    private boolean containsFound(long[] set) {
        for (long[] splitting : found) {
            if (Bits.subset(splitting, set)) {
                return true;
            }
        }
        return false;
    }

    private int[] byRank(long[] set) {
        int[] nodes = Bits.toArray(set);
        Integer[] boxed = new Integer[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            boxed[i] = nodes[i];
        }
        java.util.Arrays.sort(boxed, (a, b) -> Integer.compare(fbas.rank[a], fbas.rank[b]));
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = boxed[i];
        }
        return nodes;
    }
}
