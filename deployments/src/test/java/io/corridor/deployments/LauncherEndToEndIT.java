package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's promise, black-box: {@code deployments/corridor up} starts a node that the official SDK can
 * pay through; {@code kill -9} loses nothing that was confirmed, and {@code up} again resumes from the last
 * closed ledger; {@code status} and {@code down} work.
 */
class LauncherEndToEndIT {

    private static final Path REPO = Path.of(System.getProperty("corridor.repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path DATA = Path.of(System.getProperty("corridor.it.network.dir", "target/it-network"))
            .toAbsolutePath();
    private static final String DB = System.getProperty("corridor.it.db", "h2");
    private static final String URL = "http://127.0.0.1:8080";
    /** Generous: two WildFly starts on a busy two-core machine. */
    private static final long COMMAND_TIMEOUT_S = 300;

    @BeforeAll
    static void cleanNetwork() throws Exception {
        corridor("down");
        deleteRecursively(DATA);
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        corridor("down");
    }

    @Test
    void upPayKillNineUpAgain() throws Exception {
        Result up = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(up.exitCode).as(up.output).isZero();

        CorridorClient client = new CorridorClient(URL);
        PaymentScenario.Outcome outcome = PaymentScenario.run(client);

        Result status = corridor("status");
        assertThat(status.exitCode).as(status.output).isZero();
        assertThat(status.output).contains("node1").contains(URL).contains("serving");

        long pid = Long.parseLong(Files.readString(DATA.resolve("node1/node.pid")).trim());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node1 not running: " + pid));
        long confirmedLedger = client.latestLedger();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        node.onExit().get(30, TimeUnit.SECONDS);

        Result again = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(again.exitCode).as(again.output).isZero();
        CorridorClient resumed = new CorridorClient(URL);
        assertThat(resumed.latestLedger()).isGreaterThanOrEqualTo(confirmedLedger);
        PaymentScenario.verifyIntact(resumed, outcome);

        submissionThatOutlivesItsTimeoutAnswers504ThenSettles(outcome);
        boundedHistoryAnswersBeforeHistory();

        Result down = corridor("down");
        assertThat(down.exitCode).as(down.output).isZero();
        Result stopped = corridor("status");
        assertThat(stopped.output).contains("stopped");
    }

    /**
     * Horizon's contract when the outcome is not known in time: 504 {@code timeout} naming the hash, the
     * transaction still goes into the next ledger, and resubmitting the same envelope then answers with its
     * result. Here the node waits 300 ms for ledgers that close every 5 s.
     */
    private void submissionThatOutlivesItsTimeoutAnswers504ThenSettles(PaymentScenario.Outcome outcome)
            throws Exception {
        assertThat(corridor("down").exitCode).isZero();
        Path properties = DATA.resolve("node1/corridor.properties");
        String text = Files.readString(properties);
        assertThat(text).contains("corridor.submission.timeout.ms=");
        Files.writeString(properties, text.replaceAll("(?m)^corridor\\.submission\\.timeout\\.ms=.*$",
                "corridor.submission.timeout.ms=300"));
        Result slow = corridor("up", "--close-ms", "5000", "--db", DB);
        assertThat(slow.exitCode).as(slow.output).isZero();

        CorridorClient client = new CorridorClient(URL);
        org.stellar.sdk.Transaction payment = client.transaction(outcome.alice(), CorridorClient.pay(client.root, "2"));
        // Submit just after a close, so that the next one is ~5 s away, far beyond the 300 ms timeout.
        long ledger = client.latestLedger();
        while (client.latestLedger() == ledger) {
            Thread.sleep(50);
        }
        var answer = client.postTransaction(payment.toEnvelopeXdrBase64());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://stellar.org/horizon-errors/timeout\"")
                .contains(payment.hashHex());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.get("/transactions/" + payment.hashHex()).statusCode() == 404) {
            assertThat(System.nanoTime()).as("the timed-out payment reaches a ledger").isLessThan(deadline);
            Thread.sleep(250);
        }
        var again = client.postTransaction(payment.toEnvelopeXdrBase64());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains(payment.hashHex());
        assertThat(client.balance(outcome.alice()))
                .isEqualTo(outcome.aliceBalance() - PaymentScenario.UNIT - CorridorClient.BASE_FEE // verifyIntact's payment
                        - 2 * PaymentScenario.UNIT - CorridorClient.BASE_FEE);
    }

    /**
     * Bounded history: the node restarted with a retention of {@value RetentionScenario#RETENTION_LEDGERS} ledgers
     * prunes its older history and answers for it with Horizon's 410 {@code before_history}.
     */
    private void boundedHistoryAnswersBeforeHistory() throws Exception {
        assertThat(corridor("down").exitCode).isZero();
        Path properties = DATA.resolve("node1/corridor.properties");
        String text = Files.readString(properties);
        assertThat(text).contains("corridor.history.retention.ledgers=");
        text = text.replaceAll("(?m)^corridor\\.submission\\.timeout\\.ms=.*$", "corridor.submission.timeout.ms=")
                .replaceAll("(?m)^corridor\\.history\\.retention\\.ledgers=.*$",
                        "corridor.history.retention.ledgers=" + RetentionScenario.RETENTION_LEDGERS);
        Files.writeString(properties, text);
        // 1-s closes: close times advance by at least a second per ledger, so faster closes would run the ledger's
        // clock ahead of the wall clock and expire the scenario's time-bounded transactions (tx_too_late).
        Result pruning = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(pruning.exitCode).as(pruning.output).isZero();
        RetentionScenario.run(new CorridorClient(URL));
    }

    @Test
    void badFlagsAreRefusedWithTheFlagNamed() throws Exception {
        Result nodes = corridor("up", "--nodes", "0");
        assertThat(nodes.exitCode).isEqualTo(2);
        assertThat(nodes.output).contains("--nodes");
        Result profile = corridor("up", "--profile", "bitcoin");
        assertThat(profile.exitCode).isEqualTo(2);
        assertThat(profile.output).contains("--profile");
        Result close = corridor("up", "--close-ms", "50");
        assertThat(close.exitCode).isEqualTo(2);
        assertThat(close.output).contains("--close-ms");
    }

    record Result(int exitCode, String output) {
    }

    static Result corridor(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("deployments/corridor").toString());
        command.addAll(List.of(args));
        command.add("--data");
        command.add(DATA.toString());
        Process process = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        byte[] out;
        try (var in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("corridor " + String.join(" ", args) + " did not finish in " + COMMAND_TIMEOUT_S + " s");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println("$ corridor " + String.join(" ", args) + "\n" + output);
        return new Result(process.exitValue(), output);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
