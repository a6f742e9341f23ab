package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimal splitting sets: minimal sets S such that (V, Q)^S, the FBAS with S deleted from V and from every
 * slice in the white paper's sense, has two disjoint quorums. Deleted nodes may say anything, their own
 * quorum sets included, so they count as present for every quorum set.
 *
 * <p>The analysis covers the nodes that can be in a quorum at all (the largest quorum of (V, Q)); like
 * fbas_analyzer, it treats the others (no quorum set, unknown, or depending on such nodes) as absent: they
 * are never members of a splitting set and never help a quorum. This keeps the search to the part of the
 * FBAS that takes part in consensus; {@link DispensableSets} has no such restriction. With
 * {@link SplittingScope#CORE} only the first case below is searched.
 *
 * <p>Let U1 and U2 be disjoint minimal quorums of (V, Q)^S. Each is strongly connected in the trust graph
 * (a sink component of a quorum is a quorum), so each lies inside one strongly connected component of the
 * trust graph of (V, Q). With quorum intersection, all quorums of (V, Q) lie in one component, the core.
 * Two cases cover every minimal splitting set:
 * <ol>
 *   <li>Both quorums inside the core. Only the nodes named by the core's quorum sets can matter, so the
 *       search tries subsets of those.</li>
 *   <li>U1 inside another component C. Only the nodes named by C's quorum sets can give C a quorum, so the
 *       search tries subsets of those, then (rarely needed) adds other nodes if the rest of the FBAS needs
 *       deletions too to hold a second quorum.</li>
 * </ol>
 * Both searches try candidates in order of importance, never extend a set that splits or contains a
 * splitting set found earlier, and extend a set only if deleting all remaining candidates could still make
 * it split. The result is reduced to its minimal sets.
 */
final class SplittingSetSearch {

    private final CompiledFbas fbas;
    private final SearchBudget budget;
    private final QuorumSearch quorums;
    private final long[] topTier;
    private final SplittingScope splittingScope;
    /** The nodes that can be in a quorum: the largest quorum of (V, Q). */
    private final long[] scope;
    private final List<long[]> found = new ArrayList<>();

    SplittingSetSearch(CompiledFbas fbas, SearchBudget budget, long[] topTier, SplittingScope splittingScope) {
        this.fbas = fbas;
        this.budget = budget;
        this.quorums = new QuorumSearch(fbas, budget);
        this.topTier = topTier;
        this.splittingScope = splittingScope;
        this.scope = fbas.largestQuorum(fbas.withSlices, Bits.empty(fbas.words));
    }

    List<long[]> minimalSplittingSets() {
        long[] none = Bits.empty(fbas.words);
        if (quorums.disjointQuorums(fbas.all, none) != null) {
            // Without quorum intersection nothing needs to be deleted.
            List<long[]> empty = new ArrayList<>();
            empty.add(none);
            return empty;
        }
        List<long[]> components = fbas.stronglyConnectedComponents(scope);
        long[] core = null;
        for (long[] component : components) {
            if (!Bits.isEmpty(topTier) && Bits.subset(topTier, component)) {
                core = component;
            }
        }
        if (core != null) {
            new Search(core, true).run();
        }
        for (long[] component : components) {
            if (component != core && splittingScope == SplittingScope.QUORUM_NODES) {
                new Search(component, false).run();
            }
        }
        List<long[]> minimal = CompiledFbas.minimalSets(found);
        budget.checkResults(minimal.size());
        return minimal;
    }

    /** Subsets of candidates in a fixed order: the nodes named by one component, then other named nodes. */
    private final class Search {
        private final long[] component;
        private final boolean isCore;
        private final int[] candidates;
        private final int namedCount;
        /** From position j on: all candidates, and the candidates the component names. */
        private final long[][] suffixes;
        private final long[][] namedSuffixes;

        Search(long[] component, boolean isCore) {
            this.component = component;
            this.isCore = isCore;
            long[] named = Bits.and(fbas.referencedBy(component), scope);
            int[] first = byRank(named);
            int[] rest = isCore ? new int[0]
                    : byRank(Bits.andNot(Bits.and(fbas.referencedBy(scope), scope), named));
            candidates = new int[first.length + rest.length];
            System.arraycopy(first, 0, candidates, 0, first.length);
            System.arraycopy(rest, 0, candidates, first.length, rest.length);
            namedCount = first.length;
            suffixes = new long[candidates.length + 1][];
            namedSuffixes = new long[candidates.length + 1][];
            suffixes[candidates.length] = Bits.empty(fbas.words);
            namedSuffixes[candidates.length] = Bits.empty(fbas.words);
            for (int j = candidates.length - 1; j >= 0; j--) {
                suffixes[j] = Bits.with(suffixes[j + 1], candidates[j]);
                namedSuffixes[j] = j < namedCount ? Bits.with(namedSuffixes[j + 1], candidates[j]) : namedSuffixes[j + 1];
            }
        }

        void run() {
            extend(Bits.empty(fbas.words), 0);
        }

        /** Disjoint quorums of (V, Q)^set inside the scope, or with {@code extra} counted as deleted too. */
        private boolean splits(long[] set, long[] extra) {
            long[] allowed = Bits.andNot(isCore ? component : scope, set);
            return quorums.disjointQuorums(allowed, Bits.or(set, extra)) != null;
        }

        /** Whether the component minus the set holds a quorum of (V, Q)^(set ∪ extra). */
        private boolean holdsQuorum(long[] set, long[] extra) {
            return !Bits.isEmpty(fbas.largestQuorum(Bits.andNot(component, set), Bits.or(set, extra)));
        }

        private void extend(long[] base, int from) {
            long[] none = Bits.empty(fbas.words);
            long[] completing = completingCandidates(base);
            if (completing == null) {
                return;
            }
            for (int j = from; j < candidates.length; j++) {
                if (j == namedCount && !isCore && !holdsQuorum(base, none)) {
                    // Nodes the component does not name cannot give it a quorum.
                    return;
                }
                if (Bits.get(completing, candidates[j])) {
                    continue;
                }
                long[] set = Bits.with(base, candidates[j]);
                budget.step();
                if (isCore) {
                    // Deleting later candidates too would nearly always split the core, so a pruning check
                    // like the one below would cost more than it saves here.
                    if (splits(set, none)) {
                        record(set);
                    } else {
                        extend(set, j + 1);
                    }
                    continue;
                }
                // A quorum in the component is needed; deleting every remaining named candidate is the most
                // help it can get.
                if (!holdsQuorum(set, namedSuffixes[j + 1])) {
                    continue;
                }
                if (holdsQuorum(set, none)) {
                    if (splits(set, none)) {
                        record(set);
                        continue;
                    }
                    if (!splits(set, suffixes[j + 1])) {
                        continue;
                    }
                }
                extend(set, j + 1);
            }
        }
    }

    private void record(long[] set) {
        found.add(set);
        budget.checkResults(found.size());
    }

    /**
     * The nodes whose addition to the base would complete a splitting set found earlier (so the result
     * would not be minimal), or null if the base already contains one. Sets found while the base is being
     * extended contain the node that was added, so they never make another single addition redundant.
     */
    private long[] completingCandidates(long[] base) {
        long[] completing = Bits.empty(fbas.words);
        long[] missing = new long[fbas.words];
        for (long[] splitting : found) {
            int count = 0;
            for (int w = 0; w < missing.length; w++) {
                missing[w] = splitting[w] & ~base[w];
                count += Long.bitCount(missing[w]);
                if (count > 1) {
                    break;
                }
            }
            if (count == 0) {
                return null;
            }
            if (count == 1) {
                Bits.orInto(completing, missing);
            }
        }
        return completing;
    }

    private int[] byRank(long[] set) {
        Integer[] boxed = Arrays.stream(Bits.toArray(set)).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Integer.compare(fbas.rank[a], fbas.rank[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
