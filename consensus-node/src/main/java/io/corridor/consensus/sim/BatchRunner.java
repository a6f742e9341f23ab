package io.corridor.consensus.sim;

import java.util.function.Consumer;

/**
 * Runs consecutive seeds of a topology and aggregates them into a {@link TopologyReport}, reporting each
 * failure (with the arguments that replay it) and a progress line every so many seeds. Runs are
 * independent and deterministic; only the wall time measured here varies between executions.
 */
public final class BatchRunner {
    private final SimulationConfig config;
    private final Consumer<String> progress;
    private final Consumer<RunResult> onFailure;
    private final int progressEvery;

    public BatchRunner(SimulationConfig config, int progressEvery, Consumer<String> progress,
            Consumer<RunResult> onFailure) {
        this.config = config;
        this.progressEvery = progressEvery;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    public TopologyReport run(Topology topology, long firstSeed, int seeds) {
        TopologyReport report = new TopologyReport(topology.name(), topology.size());
        topology.admissibleByzantineSets(); // computed once, outside the timing of the first run
        long start = System.nanoTime();
        for (int k = 0; k < seeds; k++) {
            long seed = firstSeed + k;
            long runStart = System.nanoTime();
            try {
                RunResult r = Simulation.run(topology, seed, config);
                report.add(r);
                if (!r.passed()) {
                    onFailure.accept(r);
                }
            } catch (RuntimeException e) {
                report.addError(seed, e);
                progress.accept("ERROR " + topology.name() + " seed " + seed + ": " + e);
            }
            report.addWallMs((System.nanoTime() - runStart) / 1_000_000);
            if (progressEvery > 0 && ((k + 1) % progressEvery == 0 || k + 1 == seeds)) {
                progress.accept(String.format("%s: %d/%d seeds, %d failed, %.1f s", topology.name(), k + 1, seeds,
                        report.failed().size(), (System.nanoTime() - start) / 1e9));
            }
        }
        return report;
    }
}
