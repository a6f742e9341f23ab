package io.corridor.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line: batches, replays, JSON, exit codes. */
class SimulationCliTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulationCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPassingBatchPrintsProgressAndATableAndExitsZero() {
        Run r = run("--topology", "3f+1-f1", "--seeds", "4", "--first-seed", "100", "--progress", "2");

        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("3f+1-f1: 2/4 seeds, 0 failed").contains("3f+1-f1: 4/4 seeds, 0 failed");
        assertThat(r.out()).contains("seeds 100..103").contains("topology").contains("3f+1-f1       4    4      0");
    }

    @Test
    void jsonSummary() {
        Run r = run("--topology", "3f+1-f1", "--seeds", "2", "--json", "--progress", "0");

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("{\"first_seed\": 1, \"seeds\": 2").contains("\"safety_violations\": 0")
                .contains("\"externalized_all_ms\": {\"median\": ");
    }

    @Test
    void replayDescribesTheRun() {
        Run r = run("--topology", "figure3", "--seed", "3");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("topology figure3 (10 nodes), seed 3").contains("fault phase until")
                .contains("intact nodes held to safety and liveness").contains("PASSED");
    }

    @Test
    void aBatchWithRefusedRunsFailsWithStatusOne() {
        Run r = run("--topology", "split4", "--seeds", "2", "--progress", "0");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR split4 seed 1").contains("befouled");
    }

    @Test
    void usageErrors() {
        assertThat(run("--topology", "nope").status()).isEqualTo(2);
        assertThat(run("--seeds").status()).isEqualTo(2);
        assertThat(run("--random", "--first-seed", "3").status()).isEqualTo(2);
        assertThat(run("--topology", "all", "--seed", "3").status()).isEqualTo(2);
        assertThat(run("--help").out()).contains("usage: SimulationCli");
    }
}
