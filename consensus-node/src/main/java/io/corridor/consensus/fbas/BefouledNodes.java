package io.corridor.consensus.fbas;

import java.util.List;

/**
 * Intact and befouled nodes for a set of ill-behaved nodes. A node is intact iff some D-set contains all
 * ill-behaved nodes but not the node, so the befouled nodes are the intersection of all D-sets that
 * contain the ill-behaved ones. With quorum intersection that intersection is itself a D-set, the
 * smallest one containing the ill-behaved nodes (white paper, Theorems 2 and 3).
 *
 * @param illBehaved            the given ill-behaved nodes, sorted
 * @param befouled              befouled nodes, sorted; they include the ill-behaved ones
 * @param intact                all other nodes, sorted
 * @param befouledIsDispensable whether the befouled set is a D-set (always so with quorum intersection)
 */
public record BefouledNodes(List<String> illBehaved, List<String> befouled, List<String> intact,
        boolean befouledIsDispensable) {

    public BefouledNodes {
        illBehaved = List.copyOf(illBehaved);
        befouled = List.copyOf(befouled);
        intact = List.copyOf(intact);
        if (!befouled.containsAll(illBehaved)) {
            throw new IllegalArgumentException("ill-behaved nodes are always befouled");
        }
    }
}
