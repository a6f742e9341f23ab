package io.corridor.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixed seeds CI runs for every named topology: each run mixes the faults drawn from its seed (loss,
 * duplication, delay, partitions, crash-restarts, Byzantine nodes) and must keep the intact nodes safe and,
 * once the faults end, live. A failure message names the topology, the seed and the command that replays it.
 * The 1,000-seed batches are run with {@link SimulationCli} (docs/SCP.md, "Simulation").
 */
class SimulationSeedsTest {
    static final int SEEDS_PER_TOPOLOGY = 8;

    static Stream<Arguments> runs() {
        List<Arguments> args = new ArrayList<>();
        for (String name : Topologies.all()) {
            for (long seed = 1; seed <= SEEDS_PER_TOPOLOGY; seed++) {
                args.add(Arguments.of(name, seed));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("runs")
    void intactNodesAgreeAndRecoverAfterTheFaults(String name, long seed) {
        Topology topology = Topologies.byName(name).orElseThrow();
        RunResult r = Simulation.run(topology, seed);

        assertThat(r.failures()).as("topology %s seed %d failed; replay with: SimulationCli %s\nfaults:\n%s", name, seed,
                r.replayArguments(), r.plan().describe(topology)).isEmpty();
        assertThat(r.doneAtMs()).isGreaterThan(0);
        assertThat(r.doneAtMs()).isLessThanOrEqualTo(r.faultEndMs() + SimulationConfig.DEFAULT.livenessBoundMs());
    }

    @Test
    void aRunIsExactlyReproducibleFromItsSeed() {
        Topology topology = Topologies.byName("3f+1-f2").orElseThrow();
        for (long seed = 11; seed <= 13; seed++) {
            RunResult a = Simulation.run(topology, seed);
            RunResult b = Simulation.run(topology, seed);
            assertThat(b.plan()).isEqualTo(a.plan());
            assertThat(List.of(b.doneAtMs(), b.messagesSent(), b.messagesDelivered(), b.events()))
                    .isEqualTo(List.of(a.doneAtMs(), a.messagesSent(), a.messagesDelivered(), a.events()));
            assertThat(b.traffic()).isEqualTo(a.traffic());
        }
    }

    @Test
    void theFixedSeedsExerciseEveryKindOfFault() {
        List<FaultPlan> plans = new ArrayList<>();
        for (String name : Topologies.all()) {
            Topology t = Topologies.byName(name).orElseThrow();
            for (long seed = 1; seed <= SEEDS_PER_TOPOLOGY; seed++) {
                plans.add(FaultPlan.random(t, new java.util.SplittableRandom(seed).split()));
            }
        }
        assertThat(plans).anyMatch(p -> !p.byzantine().isEmpty());
        assertThat(plans).anyMatch(p -> p.byzantine().size() >= 2);
        assertThat(plans).anyMatch(p -> !p.partitions().isEmpty());
        assertThat(plans).anyMatch(p -> !p.crashes().isEmpty());
        assertThat(plans).anyMatch(p -> p.dropPercent() > 0);
        assertThat(plans).anyMatch(p -> p.duplicatePercent() > 0);
        assertThat(plans).anyMatch(p -> !p.byzantine().isEmpty() && !p.partitions().isEmpty() && !p.crashes().isEmpty());
    }
}
