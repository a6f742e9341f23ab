package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The optimised analysis against {@link NaiveFbas} on random small FBASs, in the manner of exchange-core's
 * order book test: same input to both, results must be equal. Deterministic: the seeds are derived from
 * one base seed (override with -Dfbas.seed=N), and every failure message names the seed that reproduces it.
 */
class ReferenceModelTest {

    private static final long BASE_SEED = Long.getLong("fbas.seed", 20190917L);
    /** Random systems per test; each takes a few milliseconds with the naive model. */
    private static final int SYSTEMS = 400;
    private static final int NODES_MAX = 7;

    @Test
    void quorums_blocking_and_splitting_sets_match_the_naive_model() {
        for (int i = 0; i < SYSTEMS; i++) {
            long seed = BASE_SEED + i;
            Fbas fbas = randomFbas(new Random(seed));
            FbasAnalysis analysis = new FbasAnalysis(fbas);
            NaiveFbas naive = new NaiveFbas(fbas);
            String context = "seed " + seed + " (rerun with -Dfbas.seed=" + seed + "), FBAS " + describe(fbas);

            assertThat(analysis.hasQuorumIntersection()).as(context).isEqualTo(naive.hasQuorumIntersection(0));
            assertThat(analysis.minimalQuorums()).as(context).isEqualTo(naive.minimalQuorums());
            assertThat(analysis.minimalBlockingSets()).as(context).isEqualTo(naive.minimalBlockingSets());
            assertThat(analysis.minimalSplittingSets(SplittingScope.CORE)).as(context)
                    .isEqualTo(naive.minimalSplittingSets(SplittingScope.CORE));
            assertThat(analysis.minimalSplittingSets(SplittingScope.QUORUM_NODES)).as(context)
                    .isEqualTo(naive.minimalSplittingSets(SplittingScope.QUORUM_NODES));
            analysis.disjointQuorums().ifPresent(pair -> {
                assertThat(analysis.isQuorum(pair.get(0))).as(context).isTrue();
                assertThat(analysis.isQuorum(pair.get(1))).as(context).isTrue();
                assertThat(pair.get(0)).as(context).doesNotContainAnyElementsOf(pair.get(1));
            });
        }
    }

    @Test
    void dispensable_sets_befouled_nodes_and_v_blocking_sets_match_the_naive_model() {
        for (int i = 0; i < SYSTEMS; i++) {
            long seed = BASE_SEED + 1_000_000 + i;
            Random random = new Random(seed);
            Fbas fbas = randomFbas(random);
            FbasAnalysis analysis = new FbasAnalysis(fbas);
            NaiveFbas naive = new NaiveFbas(fbas);
            List<String> ids = List.copyOf(fbas.nodeIds());
            String context = "seed " + seed + " (rerun with -Dfbas.seed=" + (seed - 1_000_000) + "), FBAS "
                    + describe(fbas);
            for (int k = 0; k < 4; k++) {
                Set<String> set = randomSubset(random, ids);
                String where = context + ", set " + set;
                assertThat(analysis.dispensable(set).dispensable()).as(where).isEqualTo(naive.isDispensable(set));
                BefouledNodes befouled = analysis.befouled(set);
                assertThat(befouled.befouled()).as(where).isEqualTo(naive.befouled(set));
                if (naive.hasQuorumIntersection(0)) {
                    // White paper, Theorem 3: with quorum intersection the befouled nodes form a D-set.
                    assertThat(befouled.befouledIsDispensable()).as(where).isTrue();
                }
                String node = ids.get(random.nextInt(ids.size()));
                assertThat(analysis.isVBlocking(node, set)).as(where + ", node " + node)
                        .isEqualTo(naive.isVBlocking(node, set));
            }
        }
    }

    private static Set<String> randomSubset(Random random, List<String> ids) {
        Set<String> set = new TreeSet<>();
        for (String id : ids) {
            if (random.nextInt(3) == 0) {
                set.add(id);
            }
        }
        return set;
    }

    /**
     * Small systems with the shapes real ones have: thresholds over subsets that often include the node
     * itself, sometimes an inner set, a few nodes without quorum set, now and then an insane quorum set or
     * a validator that is only named.
     */
    static Fbas randomFbas(Random random) {
        return randomFbas(random, NODES_MAX);
    }

    static Fbas randomFbas(Random random, int nodesMax) {
        int n = 2 + random.nextInt(nodesMax - 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("n" + i);
        }
        Fbas.Builder builder = Fbas.builder();
        for (String id : ids) {
            int shape = random.nextInt(20);
            if (shape == 0) {
                builder.nodeWithoutQuorumSet(id);
                continue;
            }
            List<String> pool = new ArrayList<>(ids);
            if (random.nextInt(10) == 0) {
                pool.add("x" + random.nextInt(2));
            }
            java.util.Collections.shuffle(pool, random);
            int outerSize = 1 + random.nextInt(pool.size());
            List<String> outer = new ArrayList<>(pool.subList(0, outerSize));
            List<QuorumSet> inner = new ArrayList<>();
            if (random.nextInt(3) == 0 && outerSize < pool.size()) {
                List<String> innerMembers = pool.subList(outerSize, pool.size());
                inner.add(QuorumSet.of(1 + random.nextInt(innerMembers.size()), innerMembers, List.of()));
            }
            int members = outer.size() + inner.size();
            long threshold = 1 + random.nextInt(members);
            if (shape == 1) {
                threshold = 0;
            } else if (shape == 2) {
                outer.add(outer.get(0));
            }
            builder.node(id, QuorumSet.of(threshold, outer, inner));
        }
        return builder.build();
    }

    private static String describe(Fbas fbas) {
        StringBuilder sb = new StringBuilder("{");
        for (FbasNode node : fbas.nodes()) {
            sb.append(node.id()).append(": ").append(node.quorumSet().map(QuorumSet::toString).orElse("none"))
                    .append("; ");
        }
        return sb.append('}').toString();
    }
}
