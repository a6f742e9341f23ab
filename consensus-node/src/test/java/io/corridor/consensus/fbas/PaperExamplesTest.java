package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of the Stellar Consensus Protocol white paper (Mazières 2015, sections 3 and 4): the tiered
 * system of Figure 3 and centralised PBFT-like systems of 3f+1 nodes.
 */
class PaperExamplesTest {

    /**
     * Figure 3 as the paper states it: slices always contain their node. A top-tier node's slices are
     * itself plus two other top-tier nodes (three of the four, PBFT with f = 1); a middle-tier node's are
     * itself plus two top-tier nodes; a leaf's are itself plus two middle-tier nodes.
     */
    static Fbas figure3() {
        List<String> top = List.of("v1", "v2", "v3", "v4");
        List<String> middle = List.of("v5", "v6", "v7", "v8");
        Fbas.Builder builder = Fbas.builder();
        for (String node : top) {
            List<String> others = new ArrayList<>(top);
            others.remove(node);
            builder.node(node, QuorumSet.includingSelf(node, QuorumSet.of(2, others, List.of())));
        }
        for (String node : middle) {
            builder.node(node, QuorumSet.includingSelf(node, QuorumSet.of(2, top, List.of())));
        }
        for (String node : List.of("v9", "v10")) {
            builder.node(node, QuorumSet.includingSelf(node, QuorumSet.of(2, middle, List.of())));
        }
        return builder.build();
    }

    /** Figure 3 written as Stellar quorum sets usually are: thresholds over the trusted nodes only. */
    static Fbas figure3StellarStyle() {
        List<String> top = List.of("v1", "v2", "v3", "v4");
        List<String> middle = List.of("v5", "v6", "v7", "v8");
        Fbas.Builder builder = Fbas.builder();
        top.forEach(node -> builder.node(node, QuorumSet.of(3, top, List.of())));
        middle.forEach(node -> builder.node(node, QuorumSet.of(2, top, List.of())));
        List.of("v9", "v10").forEach(node -> builder.node(node, QuorumSet.of(2, middle, List.of())));
        return builder.build();
    }

    private static List<String> nodes(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "v" + i).sorted().toList();
    }

    @Test
    void figure3_dispensable_sets_are_those_the_paper_names() {
        FbasAnalysis analysis = new FbasAnalysis(figure3());

        assertThat(analysis.hasQuorumIntersection()).isTrue();
        // "{v1} is a D-set, since one top tier node can fail without affecting the rest of the system."
        assertThat(analysis.dispensable(List.of("v1")).dispensable()).isTrue();
        // "{v9} is also a D-set because no other node depends on v9 for correctness."
        assertThat(analysis.dispensable(List.of("v9")).dispensable()).isTrue();
        // "{v6, ..., v10} is a D-set, because neither v5 nor the top tier depend on any of those five nodes."
        assertThat(analysis.dispensable(nodes(6, 10)).dispensable()).isTrue();
        // "{v5, v6} is not a D-set, as it is a slice for v9 and v10 ..." - deleting it splits them off.
        DispensableSetCheck v5v6 = analysis.dispensable(List.of("v5", "v6"));
        assertThat(v5v6.dispensable()).isFalse();
        assertThat(v5v6.quorumIntersectionDespite()).isFalse();
        assertThat(v5v6.quorumAvailabilityDespite()).isTrue();
        // With v5 and v6 deleted, a leaf alone is a quorum: its slice {v5, v6, itself} lost everyone else.
        List<List<String>> split = v5v6.disjointQuorumsAfterDeletion().orElseThrow();
        assertThat(split.get(0)).isIn(List.of("v9"), List.of("v10"));
        assertThat(split.get(1)).doesNotContainAnyElementsOf(split.get(0));
    }

    @Test
    void figure3_befouled_set_for_ill_behaved_v5_and_v6_is_v5_v6_v9_v10() {
        BefouledNodes result = new FbasAnalysis(figure3()).befouled(List.of("v5", "v6"));

        // "the smallest D Set containing v5 and v6 is {v5, v6, v9, v10}"
        assertThat(result.befouled()).containsExactly("v10", "v5", "v6", "v9");
        assertThat(result.intact()).containsExactly("v1", "v2", "v3", "v4", "v7", "v8");
        assertThat(result.befouledIsDispensable()).isTrue();
    }

    @Test
    void figure3_liveness_when_v6_v7_v8_crash() {
        FbasAnalysis analysis = new FbasAnalysis(figure3());
        List<String> crashed = List.of("v6", "v7", "v8");
        List<String> rest = new ArrayList<>(figure3().nodeIds());
        rest.removeAll(crashed);

        // "if middle tier nodes v6, v7, v8 crash, the leaf tier will be blocked while the top tier and node
        // v5 will continue to enjoy liveness."
        assertThat(analysis.isVBlocking("v9", crashed)).isTrue();
        assertThat(analysis.isVBlocking("v10", crashed)).isTrue();
        assertThat(analysis.isVBlocking("v5", crashed)).isFalse();
        assertThat(analysis.largestQuorumIn(rest)).containsExactly("v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void figure3_quorums_blocking_and_splitting_sets() {
        FbasAnalysis analysis = new FbasAnalysis(figure3());

        assertThat(analysis.minimalQuorums()).containsExactly(
                List.of("v1", "v2", "v3"), List.of("v1", "v2", "v4"), List.of("v1", "v3", "v4"),
                List.of("v2", "v3", "v4"));
        assertThat(analysis.topTier()).containsExactly("v1", "v2", "v3", "v4");
        List<List<String>> topPairs = List.of(List.of("v1", "v2"), List.of("v1", "v3"), List.of("v1", "v4"),
                List.of("v2", "v3"), List.of("v2", "v4"), List.of("v3", "v4"));
        assertThat(analysis.minimalBlockingSets()).isEqualTo(topPairs);
        assertThat(analysis.minimalSplittingSets()).isEqualTo(topPairs);
        // Beyond the core, any two middle-tier nodes split a leaf off: the paper's reason why {v5, v6} is
        // not a D-set.
        List<List<String>> all = new ArrayList<>(topPairs);
        all.addAll(List.of(List.of("v5", "v6"), List.of("v5", "v7"), List.of("v5", "v8"), List.of("v6", "v7"),
                List.of("v6", "v8"), List.of("v7", "v8")));
        assertThat(analysis.minimalSplittingSets(SplittingScope.QUORUM_NODES)).isEqualTo(all);
    }

    @Test
    void figure3_nodes_belong_to_their_own_slices_so_each_node_blocks_itself() {
        FbasAnalysis paper = new FbasAnalysis(figure3());
        FbasAnalysis stellar = new FbasAnalysis(figure3StellarStyle());

        assertThat(paper.isVBlocking("v9", List.of("v9"))).isTrue();
        // A Stellar quorum set that does not name its node has slices without it.
        assertThat(stellar.isVBlocking("v9", List.of("v9"))).isFalse();
    }

    @Test
    void figure3_self_membership_of_slices_does_not_change_quorums_or_dispensable_sets() {
        FbasAnalysis paper = new FbasAnalysis(figure3());
        FbasAnalysis stellar = new FbasAnalysis(figure3StellarStyle());

        assertThat(stellar.minimalQuorums()).isEqualTo(paper.minimalQuorums());
        assertThat(stellar.minimalBlockingSets()).isEqualTo(paper.minimalBlockingSets());
        for (List<String> set : List.of(List.of("v1"), List.of("v9"), nodes(6, 10), List.of("v5", "v6"))) {
            assertThat(stellar.dispensable(set).dispensable()).as("%s", set)
                    .isEqualTo(paper.dispensable(set).dispensable());
        }
        assertThat(stellar.befouled(List.of("v5", "v6")).befouled())
                .isEqualTo(paper.befouled(List.of("v5", "v6")).befouled());
    }

    /** 3f + 1 nodes, each with the single quorum set "2f + 1 of all nodes" (itself included). */
    static Fbas pbft(int f) {
        List<String> all = IntStream.range(0, 3 * f + 1).mapToObj(i -> "p" + i).toList();
        Fbas.Builder builder = Fbas.builder();
        all.forEach(node -> builder.node(node, QuorumSet.of(2L * f + 1, all, List.of())));
        return builder.build();
    }

    private static List<List<String>> subsets(List<String> of, int size) {
        List<List<String>> result = new ArrayList<>();
        collect(of, size, 0, new ArrayList<>(), result);
        result.sort(FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC);
        return result;
    }

    private static void collect(List<String> of, int size, int from, List<String> current, List<List<String>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < of.size(); i++) {
            current.add(of.get(i));
            collect(of, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    @ParameterizedTest(name = "f = {0}")
    @ValueSource(ints = {1, 2})
    void pbft_any_f_nodes_are_a_dispensable_set_and_no_f_plus_1(int f) {
        Fbas fbas = pbft(f);
        FbasAnalysis analysis = new FbasAnalysis(fbas);
        List<String> all = List.copyOf(fbas.nodeIds());

        assertThat(analysis.hasQuorumIntersection()).isTrue();
        for (List<String> set : subsets(all, f)) {
            assertThat(analysis.dispensable(set).dispensable()).as("%s", set).isTrue();
            assertThat(analysis.befouled(set).befouled()).as("%s", set).isEqualTo(set);
        }
        for (List<String> set : subsets(all, f + 1)) {
            DispensableSetCheck check = analysis.dispensable(set);
            assertThat(check.dispensable()).as("%s", set).isFalse();
            // f + 1 nodes split the rest (2(2f + 1 - (f + 1)) <= 2f) and block it (2f < 2f + 1 nodes
            // remain); only V contains them as a D-set.
            assertThat(check.quorumIntersectionDespite()).as("%s", set).isFalse();
            assertThat(check.quorumAvailabilityDespite()).as("%s", set).isFalse();
            assertThat(analysis.befouled(set).befouled()).as("%s", set).isEqualTo(all);
        }
    }

    @ParameterizedTest(name = "f = {0}")
    @ValueSource(ints = {1, 2})
    void pbft_quorums_blocking_and_splitting_sets(int f) {
        Fbas fbas = pbft(f);
        FbasAnalysis analysis = new FbasAnalysis(fbas);
        List<String> all = List.copyOf(fbas.nodeIds());

        assertThat(analysis.minimalQuorums()).isEqualTo(subsets(all, 2 * f + 1));
        assertThat(analysis.topTier()).isEqualTo(all);
        assertThat(analysis.minimalBlockingSets()).isEqualTo(subsets(all, f + 1));
        // Two disjoint quorums of (V, Q)^S need 2(2f + 1 - |S|) <= 3f + 1 - |S| nodes, so |S| >= f + 1.
        assertThat(analysis.minimalSplittingSets()).isEqualTo(subsets(all, f + 1));
        assertThat(analysis.minimalSplittingSets(SplittingScope.QUORUM_NODES)).isEqualTo(subsets(all, f + 1));
    }
}
