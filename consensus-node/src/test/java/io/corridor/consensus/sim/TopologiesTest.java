package io.corridor.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedSet;

import io.corridor.consensus.fbas.FbasAnalysis;
import io.corridor.consensus.fbas.QuorumSet;
import org.junit.jupiter.api.Test;

/** The named topologies: their quorum sets and the Byzantine sets the FBAS analysis lets them tolerate. */
class TopologiesTest {

    @Test
    void everyNameResolvesToItself() {
        for (String name : Topologies.all()) {
            assertThat(Topologies.byName(name)).get().extracting(Topology::name).isEqualTo(name);
        }
        assertThat(Topologies.byName("orgs-4")).get().extracting(Topology::size).isEqualTo(12);
        assertThat(Topologies.byName("nope")).isEmpty();
    }

    @Test
    void threeFPlusOneHasThreshold2fPlus1AndToleratesExactlyFByzantineNodes() {
        for (int f = 1; f <= 3; f++) {
            Topology t = Topologies.threeFPlusOne(f);
            assertThat(t.size()).isEqualTo(3 * f + 1);
            assertThat(t.quorumSet(0).threshold()).isEqualTo(2L * f + 1);
            List<SortedSet<Integer>> admissible = t.admissibleByzantineSets();
            assertThat(admissible.get(admissible.size() - 1)).hasSize(f);
            int max = f;
            assertThat(admissible).allMatch(s -> s.size() <= max);
        }
        // f + 1 Byzantine nodes are too many
        assertThat(Topologies.threeFPlusOne(2).tolerates(new java.util.TreeSet<>(List.of(0, 1, 2)))).isFalse();
    }

    @Test
    void figure3IsThePapersTieredSystemWithSlicesContainingTheirNode() {
        Topology t = Topologies.figure3();
        assertThat(t.size()).isEqualTo(10);
        // same quorum sets as PaperExamplesTest.figure3()
        assertThat(t.quorumSet(0)).isEqualTo(QuorumSet.includingSelf("v1", QuorumSet.of(2, "v2", "v3", "v4")));
        assertThat(t.quorumSet(4)).isEqualTo(QuorumSet.includingSelf("v5", QuorumSet.of(2, "v1", "v2", "v3", "v4")));
        assertThat(t.quorumSet(9)).isEqualTo(QuorumSet.includingSelf("v10", QuorumSet.of(2, "v5", "v6", "v7", "v8")));
        FbasAnalysis analysis = new FbasAnalysis(t.fbas());
        assertThat(analysis.hasQuorumIntersection()).isTrue();
        assertThat(analysis.topTier()).containsExactly("v1", "v2", "v3", "v4");
    }

    @Test
    void orgsWithAMajorityOfOrganisationsToleratesNoByzantineNode() {
        Topology orgs = Topologies.byName("orgs").orElseThrow();
        assertThat(orgs.size()).isEqualTo(15);
        assertThat(orgs.quorumSet(0).threshold()).isEqualTo(3);
        assertThat(orgs.quorumSet(0).innerSets()).hasSize(5).allMatch(q -> q.threshold() == 2);
        assertThat(new FbasAnalysis(orgs.fbas()).hasQuorumIntersection()).isTrue();
        // One Byzantine node lets two quorums meet only in it (a2 with orgs b, c; a3 with orgs d, e):
        // every node is befouled, so only the empty set is admissible.
        assertThat(orgs.admissibleByzantineSets()).containsExactly(new java.util.TreeSet<>());
    }

    @Test
    void orgsWithTwoThirdsOfOrganisationsToleratesByzantineNodes() {
        Topology orgs67 = Topologies.byName("orgs67").orElseThrow();
        assertThat(orgs67.quorumSet(0).threshold()).isEqualTo(4);
        List<SortedSet<Integer>> admissible = orgs67.admissibleByzantineSets();
        assertThat(admissible).contains(new java.util.TreeSet<>(List.of(0)), new java.util.TreeSet<>(List.of(0, 1)),
                new java.util.TreeSet<>(List.of(0, 3)));
    }

    @Test
    void nodeIdsAreDistinctAndStable() {
        Topology a = Topologies.figure3();
        Topology b = Topologies.figure3();
        assertThat(a.identities().get(3).nodeId()).isEqualTo(b.identities().get(3).nodeId());
        assertThat(a.identities().get(3).nodeId()).isNotEqualTo(a.identities().get(4).nodeId());
    }
}
