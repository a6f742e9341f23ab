package io.corridor.consensus.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.corridor.consensus.fbas.QuorumSet;
import io.corridor.consensus.sim.RunResult;
import io.corridor.consensus.sim.Simulation;
import io.corridor.consensus.sim.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's original multi-node simulation, now run by the simulator ({@code io.corridor.consensus.sim}):
 * the three small topologies it always covered (flat4, core5, and tiered7 with nested quorum sets), 8 seeds
 * each, 3 slots, real leader-selection hashes. Each seed mixes message loss, delay, reordering, duplication,
 * partitions, crash-restarts (restored from the envelopes persisted before the crash) and, where the
 * topology tolerates them, Byzantine nodes; then the network heals. Checked by the simulator: no two intact
 * nodes externalize different values, no honest node ever emits a ballot statement that does not supersede
 * its previous one (restarts included) or a nomination that drops votes, and every intact node externalizes
 * every slot after the heal. The named topologies are in {@code SimulationSeedsTest}.
 */
class ScpSimulationTest {

    static Topology flat(String name, int size, int threshold, int byzantineMax) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add("n" + i);
        }
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        nodes.forEach(n -> q.put(n, QuorumSet.of(threshold, nodes, List.of())));
        return new Topology(name, nodes, q, byzantineMax);
    }

    static Topology tiered7() {
        List<String> nodes = List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6");
        QuorumSet qSet = QuorumSet.of(2, List.of(), List.of(QuorumSet.of(2, "n0", "n1", "n2"),
                QuorumSet.of(2, "n3", "n4"), QuorumSet.of(2, "n5", "n6")));
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        nodes.forEach(n -> q.put(n, qSet));
        return new Topology("tiered7", nodes, q, 1);
    }

    static Stream<Arguments> runs() {
        List<Topology> topologies = List.of(flat("flat4", 4, 3, 1), flat("core5", 5, 4, 1), tiered7());
        List<Arguments> args = new ArrayList<>();
        for (Topology t : topologies) {
            for (long seed = 1; seed <= 8; seed++) {
                args.add(Arguments.of(t, seed * 7919 + t.size()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("runs")
    void nodesAgreeDespiteFaultsThenAllExternalize(Topology topology, long seed) {
        RunResult r = Simulation.run(topology, seed);

        assertThat(r.failures()).as("simulation failed: topology=%s seed=%d\nfaults:\n%s", topology, seed,
                r.plan().describe(topology)).isEmpty();
        assertThat(r.intact()).as("every honest node is held to safety and liveness")
                .hasSize(topology.size() - r.plan().byzantine().size());
    }
}
