package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal splitting sets in the white paper's sense: minimal sets S such that (V, Q)^S, the FBAS with S
 * deleted from V and from every slice, has two disjoint quorums. Deleted nodes may have lied about
 * anything, their own quorum sets included, so every node in S counts as present for every quorum set.
 *
 * <p>The search enumerates candidate sets in a fixed order (top tier first, then by how often a node is
 * named) and stops extending a set once it splits (its supersets are not minimal). Only nodes named in some
 * quorum set are candidates: a member of a minimal splitting set must matter to one of the two quorums it
 * separates. A set is extended only if some extension could split: the check for that counts all later
 * candidates as deleted while still letting them be members of the quorums, which can only make splitting
 * easier, so no splitting extension is lost.
 */
final class SplittingSetSearch {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final QuorumSearch quorums;
    private final int[] candidates;
    /** suffixes[j]: the candidates from position j on. */
    private final long[][] suffixes;
    private final List<long[]> found = new ArrayList<>();

    SplittingSetSearch(CompiledFbas fbas, SearchBudget budget, long[] topTier) {
        this.fbas = fbas;
        this.budget = budget;
        this.quorums = new QuorumSearch(fbas, budget);
        long[] named = fbas.referencedBy(fbas.withSlices);
        List<Integer> order = new ArrayList<>();
        for (int i = Bits.next(named, 0); i >= 0; i = Bits.next(named, i + 1)) {
            order.add(i);
        }
        order.sort((a, b) -> {
            boolean aTop = Bits.get(topTier, a);
            boolean bTop = Bits.get(topTier, b);
            if (aTop != bTop) {
                return aTop ? -1 : 1;
            }
            return Integer.compare(fbas.rank[a], fbas.rank[b]);
        });
        candidates = order.stream().mapToInt(Integer::intValue).toArray();
        suffixes = new long[candidates.length + 1][];
        suffixes[candidates.length] = Bits.empty(fbas.words);
        for (int j = candidates.length - 1; j >= 0; j--) {
            suffixes[j] = Bits.with(suffixes[j + 1], candidates[j]);
        }
    }

    List<long[]> minimalSplittingSets() {
        long[] none = Bits.empty(fbas.words);
        if (quorums.disjointQuorums(fbas.all, none) != null) {
            // Without quorum intersection nothing needs to be deleted.
            List<long[]> empty = new ArrayList<>();
            empty.add(none);
            return empty;
        }
        extend(none, 0);
        List<long[]> minimal = CompiledFbas.minimalSets(found);
        budget.checkResults(minimal.size());
        return minimal;
    }

    private void extend(long[] base, int from) {
        for (int j = from; j < candidates.length; j++) {
            long[] set = Bits.with(base, candidates[j]);
            if (containsFound(set)) {
                continue;
            }
            budget.step();
            long[] remaining = Bits.andNot(fbas.all, set);
            if (quorums.disjointQuorums(remaining, set) != null) {
                found.add(set);
                budget.checkResults(found.size());
                continue;
            }
            if (quorums.disjointQuorums(remaining, Bits.or(set, suffixes[j + 1])) != null) {
                extend(set, j + 1);
            }
        }
    }

    private boolean containsFound(long[] set) {
        for (long[] splitting : found) {
            if (Bits.subset(splitting, set)) {
                return true;
            }
        }
        return false;
    }
}
