package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal blocking sets: minimal sets B such that V \ B contains no quorum. A set leaves no quorum iff it
 * meets every quorum iff it meets every minimal quorum, so these are the minimal transversals (hitting
 * sets) of the minimal quorums, and they lie inside the top tier.
 *
 * <p>The enumeration branches on the members of the first minimal quorum not yet hit; siblings tried
 * earlier are forbidden in later branches, so each transversal is reached once. A branch dies as soon as a
 * chosen node is no longer the only chosen member of some minimal quorum (it could then be dropped, so no
 * extension is minimal). Counts per quorum are updated as nodes are chosen and undone on the way back, in
 * the manner of Murakami and Uno's MMCS algorithm.
 */
final class BlockingSetSearch {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final List<long[]> minimalQuorums;
    /** For each node, the minimal quorums (by position) that contain it. */
    private final int[][] quorumsOf;
    /** How many chosen nodes each minimal quorum contains, and which one when it is exactly one. */
    private final int[] hits;
    private final int[] soleHitter;
    /** For each node, in how many minimal quorums it is the only chosen member. */
    private final int[] privateQuorums;
    /** The nodes chosen on the current search path. */
    private final long[] chosen;
    private final List<long[]> found = new ArrayList<>();

    BlockingSetSearch(CompiledFbas fbas, SearchBudget budget, List<long[]> minimalQuorums) {
        this.fbas = fbas;
        this.budget = budget;
        this.minimalQuorums = minimalQuorums;
        List<List<Integer>> byNode = new ArrayList<>();
        for (int i = 0; i < fbas.size; i++) {
            byNode.add(new ArrayList<>());
        }
        for (int q = 0; q < minimalQuorums.size(); q++) {
            long[] quorum = minimalQuorums.get(q);
            for (int i = Bits.next(quorum, 0); i >= 0; i = Bits.next(quorum, i + 1)) {
                byNode.get(i).add(q);
            }
        }
        quorumsOf = new int[fbas.size][];
        for (int i = 0; i < fbas.size; i++) {
            quorumsOf[i] = byNode.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        hits = new int[minimalQuorums.size()];
        soleHitter = new int[minimalQuorums.size()];
        privateQuorums = new int[fbas.size];
        chosen = Bits.empty(fbas.words);
    }

    List<long[]> minimalBlockingSets() {
        search(Bits.empty(fbas.words), 0);
        found.sort(CompiledFbas.BY_SIZE_THEN_MEMBERS);
        return found;
    }

    /** {@code firstUnhit}: no minimal quorum before this position is unhit. */
    private void search(long[] forbidden, int firstUnhit) {
        budget.step();
        int unhit = firstUnhit;
        while (unhit < hits.length && hits[unhit] > 0) {
            unhit++;
        }
        if (unhit == hits.length) {
            found.add(chosen.clone());
            budget.checkResults(found.size());
            return;
        }
        int[] options = Bits.toArray(Bits.andNot(minimalQuorums.get(unhit), forbidden));
        sortByRank(options);
        long[] tried = forbidden.clone();
        for (int node : options) {
            Bits.set(chosen, node);
            choose(node);
            if (everyChosenHasPrivateQuorum()) {
                search(tried, unhit);
            }
            Bits.clear(chosen, node);
            unchoose(node);
            Bits.set(tried, node);
        }
    }

    private void choose(int node) {
        for (int q : quorumsOf[node]) {
            if (hits[q] == 1) {
                privateQuorums[soleHitter[q]]--;
            }
            hits[q]++;
            if (hits[q] == 1) {
                soleHitter[q] = node;
                privateQuorums[node]++;
            }
        }
    }

    /** Undoes {@link #choose} after the node has left {@link #chosen}. */
    private void unchoose(int node) {
        for (int q : quorumsOf[node]) {
            if (hits[q] == 1) {
                privateQuorums[node]--;
            }
            hits[q]--;
            if (hits[q] == 1) {
                // The one chosen member left: find it (the quorum has only a few members).
                long[] quorum = minimalQuorums.get(q);
                for (int i = Bits.next(quorum, 0); i >= 0; i = Bits.next(quorum, i + 1)) {
                    if (Bits.get(chosen, i)) {
                        soleHitter[q] = i;
                        privateQuorums[i]++;
                        break;
                    }
                }
            }
        }
    }

    private boolean everyChosenHasPrivateQuorum() {
        for (int i = Bits.next(chosen, 0); i >= 0; i = Bits.next(chosen, i + 1)) {
            if (privateQuorums[i] == 0) {
                return false;
            }
        }
        return true;
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
}
