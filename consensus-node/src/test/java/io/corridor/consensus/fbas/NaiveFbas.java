package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately naive reading of the white paper's definitions for small FBASs (at most 12 nodes): every
 * question is answered by enumerating all subsets of V, with quorum sets evaluated directly on id sets.
 * It shares nothing with the optimised analysis except the {@link Fbas} model, so agreement between the
 * two on random systems is evidence that the pruning in the optimised searches loses nothing.
 */
final class NaiveFbas {

    private final Fbas fbas;
    private final List<String> ids;
    private final int n;

    NaiveFbas(Fbas fbas) {
        this.fbas = fbas;
        this.ids = List.copyOf(fbas.nodeIds());
        this.n = ids.size();
        if (n > 12) {
            throw new IllegalArgumentException("naive analysis is for at most 12 nodes");
        }
    }

    static boolean satisfied(QuorumSet set, Set<String> present) {
        long count = 0;
        for (String validator : set.validators()) {
            if (present.contains(validator)) {
                count++;
            }
        }
        for (QuorumSet inner : set.innerSets()) {
            if (satisfied(inner, present)) {
                count++;
            }
        }
        return count >= set.threshold();
    }

    private boolean hasSliceIn(String node, Set<String> present) {
        Optional<QuorumSet> set = fbas.effectiveQuorumSet(node);
        return set.isPresent() && satisfied(set.get(), present);
    }

    Set<String> toSet(int mask) {
        Set<String> set = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
                set.add(ids.get(i));
            }
        }
        return set;
    }

    private int toMask(Set<String> set) {
        int mask = 0;
        for (String id : set) {
            mask |= 1 << ids.indexOf(id);
        }
        return mask;
    }

    /** A quorum of (V, Q)^deleted: non-empty, outside the deleted set, each member has a slice in U ∪ deleted. */
    boolean isQuorum(int u, int deleted) {
        if (u == 0 || (u & deleted) != 0) {
            return false;
        }
        Set<String> present = toSet(u | deleted);
        for (String node : toSet(u)) {
            if (!hasSliceIn(node, present)) {
                return false;
            }
        }
        return true;
    }

    List<Integer> quorums(int deleted) {
        List<Integer> result = new ArrayList<>();
        for (int u = 1; u < (1 << n); u++) {
            if (isQuorum(u, deleted)) {
                result.add(u);
            }
        }
        return result;
    }

    boolean hasQuorumIntersection(int deleted) {
        List<Integer> quorums = quorums(deleted);
        for (int a : quorums) {
            for (int b : quorums) {
                if ((a & b) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    List<List<String>> minimalQuorums() {
        List<Integer> quorums = quorums(0);
        List<Integer> minimal = new ArrayList<>();
        for (int q : quorums) {
            boolean hasSmaller = false;
            for (int p : quorums) {
                if (p != q && (p & q) == p) {
                    hasSmaller = true;
                }
            }
            if (!hasSmaller) {
                minimal.add(q);
            }
        }
        return sorted(minimal);
    }

    List<List<String>> minimalBlockingSets() {
        List<Integer> quorums = quorums(0);
        List<Integer> blocking = new ArrayList<>();
        for (int b = 0; b < (1 << n); b++) {
            boolean blocks = true;
            for (int q : quorums) {
                if ((q & b) == 0) {
                    blocks = false;
                }
            }
            if (blocks) {
                blocking.add(b);
            }
        }
        return sorted(minimalOnly(blocking));
    }

    /** Nodes in some quorum of (V, Q). */
    int quorumNodes() {
        int union = 0;
        for (int q : quorums(0)) {
            union |= q;
        }
        return union;
    }

    /**
     * Minimal splitting sets with nodes outside {@code region}'s reach treated as absent: S and both
     * quorums lie in the region of nodes that are in some quorum; with a core, both quorums lie in it.
     */
    List<List<String>> minimalSplittingSets(SplittingScope scope) {
        if (!hasQuorumIntersection(0)) {
            return List.of(List.of());
        }
        int scopeNodes = quorumNodes();
        int region = scope == SplittingScope.CORE ? core(scopeNodes) : scopeNodes;
        List<Integer> splitting = new ArrayList<>();
        for (int s = 0; s < (1 << n); s++) {
            if ((s & ~scopeNodes) == 0 && splits(s, region, scopeNodes)) {
                splitting.add(s);
            }
        }
        return sorted(minimalOnly(splitting));
    }

    boolean splits(int deleted, int region, int scopeNodes) {
        // Nodes outside the scope never count as present: evaluate on the scope only.
        List<Integer> quorums = new ArrayList<>();
        for (int u = 1; u < (1 << n); u++) {
            if ((u & ~region) == 0 && (u & deleted) == 0 && isQuorum(u, deleted & scopeNodes)) {
                quorums.add(u);
            }
        }
        for (int a : quorums) {
            for (int b : quorums) {
                if ((a & b) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The strongly connected component of the trust graph among the scope's nodes holding the top tier. */
    int core(int scopeNodes) {
        int topTier = 0;
        for (List<String> quorum : minimalQuorums()) {
            topTier |= toMask(new HashSet<>(quorum));
        }
        if (topTier == 0) {
            return 0;
        }
        int first = Integer.numberOfTrailingZeros(topTier);
        int component = 0;
        for (int v = 0; v < n; v++) {
            if ((scopeNodes & (1 << v)) != 0 && reaches(first, v, scopeNodes) && reaches(v, first, scopeNodes)) {
                component |= 1 << v;
            }
        }
        return (topTier & ~component) == 0 ? component : 0;
    }

    private boolean reaches(int from, int to, int within) {
        int seen = 1 << from;
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int v = 0; v < n; v++) {
                if ((seen & (1 << v)) == 0) {
                    continue;
                }
                Optional<QuorumSet> set = fbas.effectiveQuorumSet(ids.get(v));
                if (set.isEmpty()) {
                    continue;
                }
                for (String w : set.get().allValidators()) {
                    int bit = 1 << ids.indexOf(w);
                    if ((within & bit) != 0 && (seen & bit) == 0) {
                        seen |= bit;
                        grown = true;
                    }
                }
            }
        }
        return (seen & (1 << to)) != 0;
    }

    boolean isDispensable(Set<String> set) {
        int b = toMask(set);
        int all = (1 << n) - 1;
        boolean availability = b == all || isQuorum(all & ~b, 0);
        return availability && hasQuorumIntersection(b);
    }

    /** The intersection of every D-set that contains the ill-behaved nodes. */
    List<String> befouled(Set<String> illBehaved) {
        int f = toMask(illBehaved);
        int all = (1 << n) - 1;
        int intersection = all;
        for (int b = 0; b < (1 << n); b++) {
            if ((b & f) == f && isDispensable(toSet(b))) {
                intersection &= b;
            }
        }
        return List.copyOf(toSet(intersection));
    }

    /** Every slice of v meets the set: every set that satisfies v's quorum set meets it. */
    boolean isVBlocking(String v, Set<String> set) {
        Optional<QuorumSet> quorumSet = fbas.effectiveQuorumSet(v);
        if (quorumSet.isEmpty()) {
            return true;
        }
        int b = toMask(set);
        for (int x = 0; x < (1 << n); x++) {
            if (satisfied(quorumSet.get(), toSet(x)) && (x & b) == 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> minimalOnly(List<Integer> sets) {
        List<Integer> minimal = new ArrayList<>();
        for (int s : sets) {
            boolean hasSmaller = false;
            for (int t : sets) {
                if (t != s && (t & s) == t) {
                    hasSmaller = true;
                }
            }
            if (!hasSmaller) {
                minimal.add(s);
            }
        }
        return minimal;
    }

    private List<List<String>> sorted(List<Integer> masks) {
        List<List<String>> result = new ArrayList<>();
        for (int mask : masks) {
            result.add(List.copyOf(toSet(mask)));
        }
        result.sort(BY_SIZE_THEN_MEMBERS);
        return result;
    }

    static final Comparator<List<String>> BY_SIZE_THEN_MEMBERS = FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC;
}
