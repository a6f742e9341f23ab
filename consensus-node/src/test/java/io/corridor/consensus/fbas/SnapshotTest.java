package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Real Stellar snapshots. Expected values are either structural (what the definitions demand of every
 * result) or published by fbas_analyzer (trudi-group/fbas_analyzer, whose tests name nodes by their
 * position in the file; cited at each use).
 */
class SnapshotTest {

    @Test
    void correct_snapshot_enjoys_quorum_intersection_and_matches_fbas_analyzer() {
        FbasAnalysis analysis = new FbasAnalysis(TestData.fbas(TestData.CORRECT));
        String file = TestData.CORRECT;

        assertThat(analysis.hasQuorumIntersection()).isTrue();
        assertThat(analysis.disjointQuorums()).isEmpty();
        // fbas_analyzer src/analysis/mod.rs, test analysis_nontrivial: minimal quorums and minimal blocking
        // sets are {0, 1}, {0, 10}, {1, 10}.
        List<List<String>> pairs = sorted(List.of(TestData.byIndex(file, 0, 1), TestData.byIndex(file, 0, 10),
                TestData.byIndex(file, 1, 10)));
        assertThat(analysis.minimalQuorums()).isEqualTo(pairs);
        assertThat(analysis.minimalBlockingSets()).isEqualTo(pairs);
        // fbas_analyzer src/analysis/splitting_sets.rs, test find_minimal_splitting_sets_in_correct:
        // {0}, {1}, {4}, {10} ("4 is Eno!": SDF validator 1 trusts Eno, so deleting Eno splits SDF).
        assertThat(analysis.minimalSplittingSets()).isEqualTo(sorted(List.of(TestData.byIndex(file, 0),
                TestData.byIndex(file, 1), TestData.byIndex(file, 4), TestData.byIndex(file, 10))));
        assertStructure(analysis, SplittingScope.CORE);
    }

    @Test
    void broken_snapshot_has_two_disjoint_quorums_and_the_empty_splitting_set() {
        FbasAnalysis analysis = new FbasAnalysis(TestData.fbas(TestData.BROKEN));

        assertThat(analysis.hasQuorumIntersection()).isFalse();
        List<List<String>> pair = analysis.disjointQuorums().orElseThrow();
        assertThat(pair).hasSize(2);
        assertThat(analysis.isQuorum(pair.get(0))).isTrue();
        assertThat(analysis.isQuorum(pair.get(1))).isTrue();
        assertThat(pair.get(0)).doesNotContainAnyElementsOf(pair.get(1));
        // Nothing needs to be deleted to split it.
        assertThat(analysis.minimalSplittingSets()).containsExactly(List.of());
        assertThat(analysis.minimalSplittingSets(SplittingScope.QUORUM_NODES)).containsExactly(List.of());
        // Without quorum intersection no set is a D-set except V: the empty set already fails.
        assertThat(analysis.dispensable(List.of()).quorumIntersectionDespite()).isFalse();
    }

    @Test
    void stellar_2019_snapshot_has_quorum_intersection_and_consistent_results() {
        long start = System.nanoTime();
        Fbas fbas = TestData.fbas(TestData.STELLAR_2019);
        long loaded = System.nanoTime();
        FbasAnalysis analysis = new FbasAnalysis(fbas);
        boolean intersection = analysis.hasQuorumIntersection();
        List<List<String>> minimalQuorums = analysis.minimalQuorums();
        List<List<String>> blocking = analysis.minimalBlockingSets();
        List<List<String>> splitting = analysis.minimalSplittingSets();
        long analysed = System.nanoTime();
        System.out.printf("fbas: 2019-09-17 snapshot: %d nodes, load %d ms, analysis %d ms: %d minimal quorums,"
                + " %d minimal blocking sets, %d minimal splitting sets (core), top tier of %d%n",
                fbas.size(), (loaded - start) / 1_000_000, (analysed - loaded) / 1_000_000, minimalQuorums.size(),
                blocking.size(), splitting.size(), analysis.topTier().size());

        List<String> described = TestData.publicKeysInFileOrder(TestData.STELLAR_2019);
        assertThat(described).hasSize(172);
        assertThat(fbas.nodeIds()).containsAll(described);
        assertThat(intersection).isTrue();
        // fbas_analyzer src/analysis/mod.rs, test top_tier_analysis_big ("calculated with fbas_analyzer
        // v0.1"): the top tier is the nodes at these positions of the file.
        assertThat(analysis.topTier()).isEqualTo(TestData.byIndex(TestData.STELLAR_2019, 1, 4, 8, 23, 29, 36,
                37, 43, 44, 52, 56, 69, 86, 105, 167, 168, 171));
        assertStructure(analysis, SplittingScope.CORE);
    }

    /** What the definitions demand of every result, checked one set at a time. */
    private static void assertStructure(FbasAnalysis analysis, SplittingScope scope) {
        List<String> all = List.copyOf(analysis.fbas().nodeIds());
        List<List<String>> minimalQuorums = analysis.minimalQuorums();
        assertThat(minimalQuorums).isSortedAccordingTo(FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC).doesNotHaveDuplicates();
        Set<String> union = new HashSet<>();
        for (List<String> quorum : minimalQuorums) {
            assertThat(quorum).isSorted();
            assertThat(analysis.isQuorum(quorum)).as("%s is a quorum", quorum).isTrue();
            for (String node : quorum) {
                assertThat(analysis.largestQuorumIn(without(quorum, node))).as("%s minus %s holds no quorum",
                        quorum, node).isEmpty();
            }
            union.addAll(quorum);
        }
        assertThat(analysis.topTier()).containsExactlyInAnyOrderElementsOf(union);
        if (analysis.hasQuorumIntersection()) {
            for (List<String> a : minimalQuorums) {
                for (List<String> b : minimalQuorums) {
                    assertThat(a).as("%s meets %s", a, b).containsAnyElementsOf(b);
                }
            }
        }
        List<List<String>> blocking = analysis.minimalBlockingSets();
        assertThat(blocking).isSortedAccordingTo(FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC).doesNotHaveDuplicates();
        for (List<String> set : blocking) {
            assertThat(analysis.largestQuorumIn(without(all, set))).as("%s blocks", set).isEmpty();
            for (String node : set) {
                assertThat(analysis.largestQuorumIn(without(all, without(set, node))))
                        .as("%s minus %s does not block", set, node).isNotEmpty();
            }
        }
        List<List<String>> splitting = analysis.minimalSplittingSets(scope);
        assertThat(splitting).isSortedAccordingTo(FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC).doesNotHaveDuplicates();
        for (List<String> set : splitting) {
            assertThat(analysis.splits(set, scope)).as("%s splits", set).isTrue();
            assertThat(analysis.dispensable(set).quorumIntersectionDespite()).as("%s breaks intersection", set)
                    .isFalse();
            for (String node : set) {
                assertThat(analysis.splits(without(set, node), scope)).as("%s minus %s does not split", set, node)
                        .isFalse();
            }
        }
    }

    private static List<String> without(List<String> set, String node) {
        return without(set, List.of(node));
    }

    private static List<String> without(List<String> set, List<String> nodes) {
        List<String> result = new ArrayList<>(set);
        result.removeAll(nodes);
        return result;
    }

    private static List<List<String>> sorted(List<List<String>> sets) {
        List<List<String>> result = new ArrayList<>(sets);
        result.sort(FbasCli.BY_SIZE_THEN_LEXICOGRAPHIC);
        return result;
    }
}
