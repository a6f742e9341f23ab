package io.corridor.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The checker fails when it should: unsafe configurations, intolerable Byzantine sets, lost liveness. */
class CheckerTest {
    static final long SEED = 4242;

    static SortedSet<Integer> set(Integer... nodes) {
        return new TreeSet<>(List.of(nodes));
    }

    /** A 2-2 partition for the whole fault phase, nothing else. */
    static FaultPlan halves(long faultEndMs) {
        FaultPlan.Partition halves = new FaultPlan.Partition(0, faultEndMs, List.of(0, 0, 1, 1));
        return new FaultPlan(faultEndMs, 0, 0, 200, 50, List.of(halves), List.of(), set(),
                FaultPlan.ByzantineProfile.NONE);
    }

    @Test
    void disjointQuorumsUnderAPartitionAreASafetyViolationNamingTheSeed() {
        Topology split = Topologies.split4();

        RunResult r = Simulation.run(split, SEED, halves(20_000), SimulationConfig.DEFAULT,
                Optional.of(set(0, 1, 2, 3)));

        assertThat(r.passed()).isFalse();
        assertThat(r.failures().get(0).kind()).isEqualTo(Failure.Kind.SAFETY);
        assertThat(r.failures().get(0).detail()).contains("slot 1").contains("intact");
        assertThat(r.replayArguments()).isEqualTo("--topology split4 --seed " + SEED);
        assertThat(SimulationCli.replayCommand(r)).contains("io.corridor.consensus.sim.SimulationCli")
                .endsWith("--topology split4 --seed " + SEED);
    }

    @Test
    void theSameNetworkWithoutPartitionIsNotFlaggedByTheChecker() {
        RunResult r = Simulation.run(Topologies.split4(), SEED, FaultPlan.none(), SimulationConfig.DEFAULT,
                Optional.of(set(0, 1, 2, 3)));

        assertThat(r.failures()).isEmpty(); // no partition: in this run the nodes happen to agree
    }

    @Test
    void aNetworkWithoutQuorumIntersectionIsRefused() {
        assertThatThrownBy(() -> Simulation.run(Topologies.split4(), SEED, halves(20_000), SimulationConfig.DEFAULT,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("befouled");
    }

    @Test
    void byzantineNodesBeyondToleranceAreRefused() {
        Topology pbft = Topologies.threeFPlusOne(1);
        FaultPlan twoByzantine = new FaultPlan(10_000, 0, 0, 100, 50, List.of(), List.of(), set(0, 1),
                new FaultPlan.ByzantineProfile(50, 10, 500));

        assertThatThrownBy(() -> Simulation.run(pbft, SEED, twoByzantine, SimulationConfig.DEFAULT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not tolerate Byzantine nodes [n0, n1]")
                .hasMessageContaining("[n2, n3]");
        assertThat(pbft.tolerates(set(0))).isTrue();
        assertThat(pbft.tolerates(set(0, 1))).isFalse();
    }

    @Test
    void figure3RefusesByzantineV5AndV6BecauseTheyBefoulTheLeaves() {
        Topology fig3 = Topologies.figure3();
        // the white paper: the smallest D-set containing v5 and v6 is {v5, v6, v9, v10}
        assertThat(fig3.intact(set(4, 5))).containsExactly(0, 1, 2, 3, 6, 7);
        assertThat(fig3.tolerates(set(4, 5))).isFalse();
        assertThat(fig3.admissibleByzantineSets()).doesNotContain(set(4, 5)).contains(set(0), set(8), set(0, 4));
    }

    @Test
    void faultsThatNeverEndInTimeAreALivenessFailure() {
        Topology pbft = Topologies.threeFPlusOne(1);
        FaultPlan allLost = new FaultPlan(20_000, 100, 0, 100, 50, List.of(), List.of(), set(),
                FaultPlan.ByzantineProfile.NONE);
        SimulationConfig impatient = new SimulationConfig(3, 2_000, 1, 1_000_000, 8);

        RunResult r = Simulation.run(pbft, SEED, allLost, impatient, Optional.empty());

        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().get(0).kind()).isEqualTo(Failure.Kind.LIVENESS);
        assertThat(r.failures().get(0).detail()).contains("n0 slots [1, 2, 3]");
        assertThat(r.hasFailure(Failure.Kind.LIVENESS)).isTrue();
    }

    @Test
    void withoutFaultsEveryNodeExternalizesQuickly() {
        RunResult r = Simulation.run(Topologies.figure3(), SEED, FaultPlan.none(), SimulationConfig.DEFAULT,
                Optional.empty());

        assertThat(r.failures()).isEmpty();
        assertThat(r.doneAtMs()).isBetween(1L, 10_000L);
        assertThat(r.intact()).hasSize(10);
    }
}
