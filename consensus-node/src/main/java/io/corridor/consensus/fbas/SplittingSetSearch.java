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
            long[] earlierSeeds = Bits.empty(fbas.words);
            for (int seed : byRank(component)) {
                Builder first = new Builder(component, earlierSeeds, none, none, null);
                first.grow(Bits.of(fbas.words, seed), none, Bits.empty(fbas.words));
                Bits.set(earlierSeeds, seed);
            }
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
    // Case 2: a quorum outside the core, built node by node

    /**
     * Builds a quorum U of (V, Q)^(base ∪ D) inside one component: U must avoid {@code notInU}, the
     * deleted nodes D must avoid {@code notDeleted}. {@code first} is the quorum built before, if this is
     * the second one.
     */
    private final class Builder {
        private final long[] component;
        private final long[] notInU;
        private final long[] base;
        private final long[] notDeleted;
        private final long[] first;

        Builder(long[] component, long[] notInU, long[] base, long[] notDeleted, long[] first) {
            this.component = component;
            this.notInU = notInU;
            this.base = base;
            this.notDeleted = notDeleted;
            this.first = first;
        }

        void grow(long[] members, long[] deleted, long[] absent) {
            long[] set = Bits.or(base, deleted);
            if (containsFound(set)) {
                return;
            }
            budget.step();
            long[] present = Bits.or(members, set);
            // Nodes that could still become present: future members or future deleted nodes.
            long[] possible = Bits.andNot(Bits.or(Bits.andNot(component, notInU), Bits.andNot(fbas.all, notDeleted)),
                    absent);
            Bits.orInto(possible, present);
            int unsatisfied = -1;
            for (int i = Bits.next(members, 0); i >= 0; i = Bits.next(members, i + 1)) {
                if (!fbas.satisfied(i, possible)) {
                    return;
                }
                if (unsatisfied < 0 && !fbas.satisfied(i, present)) {
                    unsatisfied = i;
                }
            }
            if (unsatisfied < 0) {
                complete(members, set);
                return;
            }
            int candidate = fbas.pickCandidate(unsatisfied, present, Bits.andNot(possible, present));
            if (candidate < 0) {
                return;
            }
            if (Bits.get(component, candidate) && !Bits.get(notInU, candidate)) {
                grow(Bits.with(members, candidate), deleted, absent);
            }
            if (!Bits.get(notDeleted, candidate)) {
                grow(members, Bits.with(deleted, candidate), absent);
            }
            grow(members, deleted, Bits.with(absent, candidate));
        }

        private void complete(long[] members, long[] set) {
            if (first != null) {
                // Second quorum built: the first one and this one are disjoint by construction.
                checkAndRecord(set);
                return;
            }
            long[] outside = Bits.andNot(fbas.withSlices, Bits.or(members, set));
            if (!Bits.isEmpty(fbas.largestQuorum(outside, set))) {
                checkAndRecord(set);
                return;
            }
            // Every other quorum needs more deleted nodes: build a second quorum around this one.
            long[] avoid = Bits.or(members, set);
            for (long[] other : fbas.stronglyConnectedComponents(Bits.andNot(fbas.withSlices, avoid))) {
                long[] earlierSeeds = avoid.clone();
                for (int seed : byRank(other)) {
                    Builder second = new Builder(other, earlierSeeds, set, members, members);
                    second.grow(Bits.of(fbas.words, seed), Bits.empty(fbas.words), Bits.empty(fbas.words));
                    Bits.set(earlierSeeds, seed);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void checkAndRecord(long[] set) {
        if (containsFound(set)) {
            return;
        }
        if (quorums.disjointQuorums(Bits.andNot(fbas.all, set), set) == null) {
            throw new IllegalStateException("splitting set search produced a set that does not split");
        }
        record(set);
    }

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
