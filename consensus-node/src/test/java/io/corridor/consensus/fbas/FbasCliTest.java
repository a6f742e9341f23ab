package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FbasCliTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FbasCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> 0L).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Figure 3 of the white paper in the stellarbeat format (slices contain their node). */
    private Path figure3() throws IOException {
        StringBuilder json = new StringBuilder("[");
        String sep = "";
        for (FbasNode node : PaperExamplesTest.figure3().nodes()) {
            QuorumSet set = node.quorumSet().orElseThrow();
            QuorumSet others = set.innerSets().get(0);
            json.append(sep).append("{\"publicKey\": \"").append(node.id()).append("\", \"quorumSet\": ")
                    .append("{\"threshold\": 2, \"validators\": [\"").append(node.id()).append("\"], ")
                    .append("\"innerQuorumSets\": [{\"threshold\": ").append(others.threshold())
                    .append(", \"validators\": [\"").append(String.join("\", \"", others.validators()))
                    .append("\"]}]}}");
            sep = ",\n";
        }
        return write("figure3.json", json.append("]").toString());
    }

    @Test
    void analyze_prints_sorted_sets_as_json() throws IOException {
        Run run = run("analyze", figure3().toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("""
                  "has_quorum_intersection": true,
                  "disjoint_quorums": null,
                  "splitting_scope": "core",
                  "top_tier_size": 4,
                """);
        assertThat(run.out()).contains("""
                  "minimal_quorums": [
                    ["v1", "v2", "v3"],
                    ["v1", "v2", "v4"],
                    ["v1", "v3", "v4"],
                    ["v2", "v3", "v4"]
                  ],
                """);
        assertThat(run.out()).contains("\"minimal_blocking_sets\": [\n    [\"v1\", \"v2\"],");
        assertThat(run.out()).contains("\"minimal_splitting_sets\": [\n    [\"v1\", \"v2\"],");
        assertThat(run.out()).endsWith("  ]\n}\n");
        assertThat(JsonReader.read(run.out()).isOk()).isTrue();
    }

    @Test
    void analyze_output_is_deterministic() {
        String file = TestData.path(TestData.CORRECT).toString();

        Run first = run("analyze", file, "--splitting-scope", "quorum_nodes");
        Run second = run("analyze", file, "--splitting-scope", "quorum_nodes");

        assertThat(first.status()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out()).contains("\"splitting_scope\": \"quorum_nodes\"");
    }

    @Test
    void analyze_reports_disjoint_quorums_and_the_empty_splitting_set_without_intersection() {
        Run run = run("analyze", TestData.path(TestData.BROKEN).toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"has_quorum_intersection\": false,\n  \"disjoint_quorums\": [\n    [\"");
        assertThat(run.out()).contains("\"minimal_splitting_sets\": [\n    []\n  ]");
    }

    @Test
    void names_replace_unique_public_keys() {
        Run run = run("analyze", TestData.path(TestData.CORRECT).toString(), "--names");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("[\"SDF validator 1\", \"SDF validator 2\"]");
    }

    @Test
    void intact_with_faulty_nodes_prints_befouled_and_intact_nodes() throws IOException {
        Run run = run("intact", figure3().toString(), "--faulty", "v5,v6");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "ill_behaved": [
                    "v5",
                    "v6"
                  ],
                  "has_quorum_intersection": true,
                  "befouled_is_dispensable": true,
                  "befouled_count": 4,
                  "intact_count": 6,
                  "nodes_in_no_quorum": 0,
                  "collaterally_befouled": [
                    "v10",
                    "v9"
                  ],
                  "befouled": [
                    "v10",
                    "v5",
                    "v6",
                    "v9"
                  ],
                  "intact": [
                    "v1",
                    "v2",
                    "v3",
                    "v4",
                    "v7",
                    "v8"
                  ]
                }
                """);
    }

    @Test
    void intact_with_a_dset_says_whether_it_is_dispensable_and_why() throws IOException {
        Path file = figure3();

        Run yes = run("intact", file.toString(), "--dset", "v6,v7,v8,v9,v10");
        Run no = run("intact", file.toString(), "--dset", "v5,v6");

        assertThat(yes.status()).isZero();
        assertThat(yes.out()).contains("\"dispensable\": true,").contains("\"disjoint_quorums_after_deletion\": null");
        assertThat(no.status()).isZero();
        assertThat(no.out()).contains("\"dispensable\": false,")
                .contains("\"quorum_intersection_despite\": false,")
                .contains("\"quorum_availability_despite\": true,")
                .contains("no quorum intersection despite the set");
    }

    @Test
    void bad_input_exits_with_status_2_and_names_the_problem() throws IOException {
        Run missing = run("analyze", dir.resolve("nope.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("fbas: file_unreadable: no such file: ");

        Path malformed = write("bad.json", "[\n  {\"publicKey\": \"A\",}\n]");
        Run invalid = run("analyze", malformed.toString());
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.err()).isEqualTo("fbas: json_syntax: line 2, column 21: " + malformed
                + ": unexpected '}', expected a member name in double quotes\n");

        Run notUtf8 = run("analyze", Files.write(dir.resolve("latin1.json"), new byte[] {'[', (byte) 0xe9, ']'})
                .toString());
        assertThat(notUtf8.status()).isEqualTo(2);
        assertThat(notUtf8.err()).contains("is not valid UTF-8");

        Run unknown = run("intact", figure3().toString(), "--faulty", "v1,v99");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("fbas: unknown_node: --faulty: node 'v99' is not in ");

        Run wrongFormat = run("analyze", write("object.json", "{}").toString());
        assertThat(wrongFormat.status()).isEqualTo(2);
        assertThat(wrongFormat.err()).contains("fbas: format: line 1, column 1: ")
                .contains("expected an array of nodes, found an object");
    }

    @Test
    void usage_errors_exit_with_status_2() throws IOException {
        String file = figure3().toString();
        for (List<String> args : List.of(List.<String>of(), List.of("frobnicate"), List.of("analyze"),
                List.of("intact", file), List.of("intact", file, "--faulty"), List.of("intact", file, "--faulty", ","),
                List.of("intact", file, "--faulty", "v1", "--dset", "v2"), List.of("analyze", file, "--bogus"),
                List.of("analyze", file, "--search-steps-max", "zero"), List.of("analyze", file, file),
                List.of("analyze", file, "--splitting-scope", "galaxy"), List.of("analyze", file, "--faulty", "v1"))) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.status()).as("%s", args).isEqualTo(2);
            assertThat(run.err()).as("%s", args).startsWith("fbas: usage: ").contains("usage: FbasCli analyze FILE");
            assertThat(run.out()).as("%s", args).isEmpty();
        }
        Run help = run("help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("usage: FbasCli analyze FILE");
    }

    @Test
    void an_exceeded_search_bound_exits_with_status_3_and_names_the_bound() {
        Run run = run("analyze", TestData.path(TestData.STELLAR_2019).toString(), "--search-steps-max", "100");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("exceeded searchStepsMax = 100").contains("--search-steps-max");
    }
}
