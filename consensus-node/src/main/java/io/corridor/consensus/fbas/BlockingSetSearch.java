package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal blocking sets: minimal sets B such that V \ B contains no quorum. A set leaves no quorum iff it
 * meets every quorum iff it meets every minimal quorum, so these are the minimal transversals (hitting
 * sets) of the minimal quorums, and they lie inside the top tier.
 *
 * <p>The enumeration branches on the members of the first minimal quorum not yet hit; siblings tried
 * earlier are forbidden in later branches, so each transversal is reached once, and a branch dies as soon
 * as a member of the partial set has no minimal quorum that only it hits (it could then be dropped, so no
 * extension is minimal).
 */
final class BlockingSetSearch {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final List<long[]> minimalQuorums;
    private final List<long[]> found = new ArrayList<>();

    BlockingSetSearch(CompiledFbas fbas, SearchBudget budget, List<long[]> minimalQuorums) {
        this.fbas = fbas;
        this.budget = budget;
        this.minimalQuorums = minimalQuorums;
    }

    List<long[]> minimalBlockingSets() {
        search(Bits.empty(fbas.words), Bits.empty(fbas.words));
        found.sort(CompiledFbas.BY_SIZE_THEN_MEMBERS);
        return found;
    }

    private void search(long[] chosen, long[] forbidden) {
        budget.step();
        long[] unhit = null;
        for (long[] quorum : minimalQuorums) {
            if (!Bits.intersects(quorum, chosen)) {
                unhit = quorum;
                break;
            }
        }
        if (unhit == null) {
            found.add(chosen);
            budget.checkResults(found.size());
            return;
        }
        long[] options = Bits.andNot(unhit, forbidden);
        long[] tried = forbidden.clone();
        int[] ordered = Bits.toArray(options);
        sortByRank(ordered);
        for (int node : ordered) {
            long[] next = Bits.with(chosen, node);
            if (everyMemberHasPrivateQuorum(next)) {
                search(next, tried);
            }
            Bits.set(tried, node);
        }
    }

    private void sortByRank(int[] nodes) {
        // Insertion sort: the arrays are the members of one minimal quorum.
        for (int i = 1; i < nodes.length; i++) {
            int node = nodes[i];
            int j = i - 1;
            while (j >= 0 && fbas.rank[nodes[j]] > fbas.rank[node]) {
                nodes[j + 1] = nodes[j];
                j--;
            }
            nodes[j + 1] = node;
        }
    }

    private boolean everyMemberHasPrivateQuorum(long[] chosen) {
        long[] withPrivate = new long[fbas.words];
        for (long[] quorum : minimalQuorums) {
            // Find whether exactly one chosen node is in the quorum, without allocating.
            int hitWord = -1;
            long hitBits = 0;
            boolean single = true;
            for (int w = 0; w < quorum.length && single; w++) {
                long bits = quorum[w] & chosen[w];
                if (bits == 0) {
                    continue;
                }
                if (hitWord >= 0 || Long.bitCount(bits) > 1) {
                    single = false;
                } else {
                    hitWord = w;
                    hitBits = bits;
                }
            }
            if (single && hitWord >= 0) {
                withPrivate[hitWord] |= hitBits;
            }
        }
        return Bits.subset(chosen, withPrivate);
    }
}
