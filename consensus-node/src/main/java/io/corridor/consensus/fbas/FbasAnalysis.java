package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Analysis of an {@link Fbas} with the definitions of the Stellar Consensus Protocol white paper
 * (Mazières 2015, section 3): quorums, quorum intersection, v-blocking sets, deletion, dispensable sets
 * (D-sets), intact and befouled nodes; plus the minimal blocking and splitting sets and the top tier used
 * by fbas_analyzer. docs/FBAS.md states each definition and the choices made.
 *
 * <p>Every returned set is a list of node ids in ascending order, and every list of sets is sorted by size,
 * then lexicographically. Long computations are cached, so an instance is not thread-safe. Each method that
 * searches runs under the bounds of its {@link FbasLimits} and throws {@link SearchBoundExceededException}
 * when a bound is hit. Passing a node id that is not in the FBAS is a programming error
 * ({@link IllegalArgumentException}). The searches recurse about twice per node of the largest strongly
 * connected component; for FBASs of thousands of nodes, run them on a thread with a large stack, as
 * {@link FbasCli} does.
 */
public final class FbasAnalysis {

    private final Fbas fbas;
    private final FbasLimits limits;
    private final CompiledFbas compiled;
    private Boolean quorumIntersection;
    private long[][] disjointQuorums;
    private List<long[]> minimalQuorums;
    private List<long[]> minimalBlockingSets;
    private final Map<SplittingScope, List<long[]>> minimalSplittingSets = new EnumMap<>(SplittingScope.class);

    public FbasAnalysis(Fbas fbas) {
        this(fbas, FbasLimits.DEFAULT);
    }

    public FbasAnalysis(Fbas fbas, FbasLimits limits) {
        this.fbas = Objects.requireNonNull(fbas, "fbas");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.compiled = new CompiledFbas(fbas);
    }

    public Fbas fbas() {
        return fbas;
    }

    /** Whether the set is a quorum: non-empty, and each member has a slice inside it. */
    public boolean isQuorum(Collection<String> nodes) {
        return compiled.isQuorum(compiled.toSet(nodes), Bits.empty(compiled.words));
    }

    /**
     * Whether the set is v-blocking: it meets every slice of v, that is, v's quorum set is not satisfied
     * by the other nodes. Every set is v-blocking for a node without slices. With Stellar quorum sets a node
     * is not part of its own slices unless its quorum set names it (see {@link QuorumSet#includingSelf}).
     */
    public boolean isVBlocking(String node, Collection<String> nodes) {
        long[] rest = Bits.andNot(compiled.all, compiled.toSet(nodes));
        return !compiled.satisfied(compiled.index(node), rest);
    }

    /**
     * Whether every two quorums intersect. Vacuously true when there is no quorum at all, as in the white
     * paper's definition; {@link #minimalQuorums()} is then empty.
     */
    public boolean hasQuorumIntersection() {
        if (quorumIntersection == null) {
            SearchBudget budget = new SearchBudget(limits, "the quorum intersection check");
            long[] none = Bits.empty(compiled.words);
            disjointQuorums = new QuorumSearch(compiled, budget).disjointQuorums(compiled.all, none);
            quorumIntersection = disjointQuorums == null;
        }
        return quorumIntersection;
    }

    /** Two disjoint minimal quorums when quorum intersection fails, smaller first. */
    public Optional<List<List<String>>> disjointQuorums() {
        if (hasQuorumIntersection()) {
            return Optional.empty();
        }
        return Optional.of(List.of(compiled.toIds(disjointQuorums[0]), compiled.toIds(disjointQuorums[1])));
    }

    /** Quorums that contain no other quorum; every quorum contains one of them. */
    public List<List<String>> minimalQuorums() {
        return toIds(minimalQuorumSets());
    }

    /** The top tier: the union of all minimal quorums, sorted. */
    public List<String> topTier() {
        return compiled.toIds(topTierSet());
    }

    /**
     * Minimal sets B such that V \ B contains no quorum: if the nodes of B stop, no quorum is left anywhere.
     * Without any quorum, the empty set is the only one.
     */
    public List<List<String>> minimalBlockingSets() {
        if (minimalBlockingSets == null) {
            SearchBudget budget = new SearchBudget(limits, "the minimal blocking sets search");
            minimalBlockingSets = new BlockingSetSearch(compiled, budget, minimalQuorumSets()).minimalBlockingSets();
        }
        return toIds(minimalBlockingSets);
    }

    /**
     * Minimal sets S such that (V, Q)^S, the FBAS with S deleted in the white paper's sense, has two
     * disjoint quorums inside the core ({@link SplittingScope#CORE}). Without quorum intersection, the
     * empty set is the only one; with nothing that could form a second quorum, there are none.
     */
    public List<List<String>> minimalSplittingSets() {
        return minimalSplittingSets(SplittingScope.CORE);
    }

    /** Minimal splitting sets whose two quorums lie in the given scope; see {@link SplittingScope}. */
    public List<List<String>> minimalSplittingSets(SplittingScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (!minimalSplittingSets.containsKey(scope)) {
            long[] topTier = topTierSet();
            SearchBudget budget = new SearchBudget(limits, "the minimal splitting sets search (scope "
                    + scope.code() + ")");
            minimalSplittingSets.put(scope,
                    new SplittingSetSearch(compiled, budget, topTier, scope).minimalSplittingSets());
        }
        return toIds(minimalSplittingSets.get(scope));
    }

    /**
     * Whether deleting the set (in the white paper's sense) leaves two disjoint quorums in the scope: the
     * property that {@link #minimalSplittingSets(SplittingScope)} minimises. Nodes outside the scope's
     * reach (in no quorum of (V, Q)) are ignored, as there.
     */
    public boolean splits(Collection<String> nodes, SplittingScope scope) {
        Objects.requireNonNull(scope, "scope");
        long[] set = compiled.toSet(nodes);
        SearchBudget budget = new SearchBudget(limits, "the splitting check (scope " + scope.code() + ")");
        return new SplittingSetSearch(compiled, budget, topTierSet(), scope).splits(set);
    }

    /**
     * The largest quorum inside the given nodes, sorted: the union of all quorums made of them, empty if
     * there is none. Useful to ask whether some nodes can still make progress on their own.
     */
    public List<String> largestQuorumIn(Collection<String> nodes) {
        return compiled.toIds(compiled.largestQuorum(compiled.toSet(nodes), Bits.empty(compiled.words)));
    }

    /** Nodes that are in no quorum of (V, Q): outside its largest quorum. They are befouled whatever fails. */
    public List<String> nodesInNoQuorum() {
        long[] largest = compiled.largestQuorum(compiled.all, Bits.empty(compiled.words));
        return compiled.toIds(Bits.andNot(compiled.all, largest));
    }

    /** Whether the set is a D-set, with the reasons if it is not. */
    public DispensableSetCheck dispensable(Collection<String> nodes) {
        long[] set = compiled.toSet(nodes);
        SearchBudget budget = new SearchBudget(limits, "the dispensable set check");
        DispensableSets sets = new DispensableSets(compiled, budget);
        long[][] disjoint = sets.disjointQuorumsDespite(set);
        boolean everything = Bits.subset(compiled.all, set);
        long[] blocked = everything ? Bits.empty(compiled.words) : sets.blockedDespite(set);
        Optional<List<List<String>>> witness = disjoint == null ? Optional.empty()
                : Optional.of(List.of(compiled.toIds(disjoint[0]), compiled.toIds(disjoint[1])));
        return new DispensableSetCheck(compiled.toIds(set), disjoint == null, Bits.isEmpty(blocked), witness,
                compiled.toIds(blocked));
    }

    /** The befouled and intact nodes when the given nodes are ill-behaved. */
    public BefouledNodes befouled(Collection<String> illBehaved) {
        long[] faulty = compiled.toSet(illBehaved);
        SearchBudget budget = new SearchBudget(limits, "the befouled nodes search");
        long[] befouled = new DispensableSets(compiled, budget).befouled(faulty);
        boolean dispensable = dispensable(compiled.toIds(befouled)).dispensable();
        return new BefouledNodes(compiled.toIds(faulty), compiled.toIds(befouled),
                compiled.toIds(Bits.andNot(compiled.all, befouled)), dispensable);
    }

    private List<long[]> minimalQuorumSets() {
        if (minimalQuorums == null) {
            SearchBudget budget = new SearchBudget(limits, "the minimal quorums search");
            minimalQuorums = new QuorumSearch(compiled, budget).minimalQuorums();
        }
        return minimalQuorums;
    }

    private long[] topTierSet() {
        long[] union = Bits.empty(compiled.words);
        for (long[] quorum : minimalQuorumSets()) {
            Bits.orInto(union, quorum);
        }
        return union;
    }

    private List<List<String>> toIds(List<long[]> sets) {
        List<List<String>> result = new ArrayList<>(sets.size());
        for (long[] set : sets) {
            result.add(compiled.toIds(set));
        }
        return List.copyOf(result);
    }
}
