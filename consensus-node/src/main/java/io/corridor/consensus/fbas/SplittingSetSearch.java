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
 * Both searches try sets of candidates smallest first, never extend a set that splits or contains a
 * splitting set found earlier, and (outside the core) extend a set only if deleting all remaining
 * candidates could still make it split. On random systems the result equals a brute-force reading of the
 * definition (ReferenceModelTest).
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

    /** The strongly connected component of the trust graph that holds the whole top tier, or null. */
    private long[] core(List<long[]> components) {
        for (long[] component : components) {
            if (!Bits.isEmpty(topTier) && Bits.subset(topTier, component)) {
                return component;
            }
        }
        return null;
    }

    /**
     * Whether deleting the set leaves two disjoint quorums in the scope. Without quorum intersection there
     * is no single core, and the core scope falls back to all nodes that can be in a quorum.
     */
    boolean splits(long[] set) {
        long[] deleted = Bits.and(set, scope);
        long[] core = splittingScope == SplittingScope.CORE ? core(fbas.stronglyConnectedComponents(scope)) : null;
        long[] region = core != null ? core : scope;
        return quorums.disjointQuorums(Bits.andNot(region, deleted), deleted) != null;
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
        long[] core = core(components);
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

    /**
     * Subsets of candidates in a fixed order (the nodes named by one component, then other named nodes),
     * generated level by level, smallest first: a set is only generated after all its subsets had their
     * turn, so no set that contains a splitting set found before is generated. (Another component's search
     * may still find a smaller set later; the result is reduced to minimal sets at the end.)
     */
    private final class Search {
        private final long[] component;
        private final boolean isCore;
        private final int[] candidates;
        private final int namedCount;
        /** From position j on: all candidates, and the candidates the component names. */
        private final long[][] suffixes;
        private final long[][] namedSuffixes;
        private final long[] namedSet;
        /** Splitting sets inside the named candidates: the only ones a set without other nodes can contain. */
        private final List<long[]> foundAmongNamed = new ArrayList<>();

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
            namedSet = named;
            for (long[] splitting : found) {
                if (Bits.subset(splitting, named)) {
                    foundAmongNamed.add(splitting);
                }
            }
            suffixes = new long[candidates.length + 1][];
            namedSuffixes = new long[candidates.length + 1][];
            suffixes[candidates.length] = Bits.empty(fbas.words);
            namedSuffixes[candidates.length] = Bits.empty(fbas.words);
            for (int j = candidates.length - 1; j >= 0; j--) {
                suffixes[j] = Bits.with(suffixes[j + 1], candidates[j]);
                namedSuffixes[j] = j < namedCount ? Bits.with(namedSuffixes[j + 1], candidates[j])
                        : namedSuffixes[j + 1];
            }
        }

        /** A set still worth extending, with the position of the first candidate that may extend it. */
        private record Open(long[] set, int from) {
        }

        void run() {
            List<Open> level = new ArrayList<>();
            level.add(new Open(Bits.empty(fbas.words), 0));
            while (!level.isEmpty()) {
                List<Open> next = new ArrayList<>();
                for (Open open : level) {
                    extend(open.set, open.from, next);
                }
                level = next;
            }
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

        /** Tries every one-node extension of an open set; records splitting ones, collects open ones. */
        private void extend(long[] base, int from, List<Open> next) {
            long[] none = Bits.empty(fbas.words);
            boolean onlyNamed = Bits.subset(base, namedSet);
            long[] completing = completingCandidates(base, onlyNamed ? foundAmongNamed : found);
            for (int j = from; j < candidates.length; j++) {
                if (j == namedCount && !isCore) {
                    if (!holdsQuorum(base, none)) {
                        // Nodes the component does not name cannot give it a quorum.
                        return;
                    }
                    if (onlyNamed) {
                        completing = completingCandidates(base, found);
                    }
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
                        foundAmongNamed.add(set);
                    } else {
                        open(next, set, j + 1);
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
                        if (Bits.subset(set, namedSet)) {
                            foundAmongNamed.add(set);
                        }
                        continue;
                    }
                    // The component holds a quorum but every other quorum meets it: only more deletions
                    // elsewhere can help, and only if deleting all later candidates would.
                    if (!splits(set, suffixes[j + 1])) {
                        continue;
                    }
                }
                open(next, set, j + 1);
            }
        }

        private void open(List<Open> next, long[] set, int from) {
            if (from < candidates.length) {
                next.add(new Open(set, from));
                budget.checkOpenSets(next.size());
            }
        }
    }

    private void record(long[] set) {
        found.add(set);
        budget.checkResults(found.size());
    }

    /**
     * The nodes whose addition to the base would complete one of the given splitting sets (the result
     * would not be minimal). Sets are generated smallest first, so the base itself contains none.
     */
    private long[] completingCandidates(long[] base, List<long[]> relevant) {
        long[] completing = Bits.empty(fbas.words);
        long[] missing = new long[fbas.words];
        for (long[] splitting : relevant) {
            int count = 0;
            for (int w = 0; w < missing.length; w++) {
                missing[w] = splitting[w] & ~base[w];
                count += Long.bitCount(missing[w]);
                if (count > 1) {
                    break;
                }
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
