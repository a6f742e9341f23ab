package io.corridor.consensus.fbas;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * D-sets and befouled nodes. The befouled nodes for ill-behaved set F are the intersection of all D-sets
 * containing F; they are found by a search over D-sets built up from F:
 * <ul>
 *   <li>Availability: a D-set B ⊇ F leaves a quorum V \ B, which lies inside the largest quorum of V \ F,
 *       so B contains every node of V \ F outside that quorum. Adding those is forced.</li>
 *   <li>Intersection: if (V, Q)^B has disjoint quorums W1 and W2, every D-set B' ⊇ B contains W1 or W2,
 *       since W1 \ B' and W2 \ B' would otherwise be disjoint quorums of (V, Q)^B'. The search branches
 *       on the two.</li>
 * </ul>
 * Every D-set containing F contains a leaf of this search and every leaf is a D-set, so the intersection
 * of the leaves is the befouled set. A branch whose set already contains the intersection of the leaves
 * found so far cannot shrink it and is cut.
 */
final class DispensableSets {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final QuorumSearch quorums;

    DispensableSets(CompiledFbas fbas, SearchBudget budget) {
        this.fbas = fbas;
        this.budget = budget;
        this.quorums = new QuorumSearch(fbas, budget);
    }

    /** Two disjoint quorums of (V, Q)^B, or null if it enjoys quorum intersection. */
    long[][] disjointQuorumsDespite(long[] deleted) {
        return quorums.disjointQuorums(Bits.andNot(fbas.all, deleted), deleted);
    }

    /** Nodes of V \ B outside the largest quorum of (V, Q) inside V \ B. */
    long[] blockedDespite(long[] deleted) {
        long[] rest = Bits.andNot(fbas.all, deleted);
        return Bits.andNot(rest, fbas.largestQuorum(rest, Bits.empty(fbas.words)));
    }

    long[] befouled(long[] illBehaved) {
        long[] intersection = null;
        Set<Bits.Key> visited = new HashSet<>();
        Deque<long[]> pending = new ArrayDeque<>();
        pending.push(illBehaved.clone());
        while (!pending.isEmpty()) {
            long[] set = pending.pop();
            Bits.orInto(set, blockedDespite(set));
            if (intersection != null && Bits.subset(intersection, set)) {
                continue;
            }
            if (!visited.add(new Bits.Key(set))) {
                continue;
            }
            budget.step();
            long[][] disjoint = Bits.subset(fbas.all, set) ? null : disjointQuorumsDespite(set);
            if (disjoint == null) {
                if (intersection == null) {
                    intersection = set;
                } else {
                    Bits.andInto(intersection, set);
                }
                continue;
            }
            // Depth first, smaller witness first: small D-sets found early cut more branches.
            pending.push(Bits.or(set, disjoint[1]));
            pending.push(Bits.or(set, disjoint[0]));
        }
        // The search always reaches a leaf: V itself is a D-set.
        return intersection;
    }
}
