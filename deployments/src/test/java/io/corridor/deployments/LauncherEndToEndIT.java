package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Path DATA = Path.of(System.getProperty("corridor.it.network.dir", "target/it-network"))
            .toAbsolutePath();
    private static final String DB = System.getProperty("corridor.it.db", "h2");
    private static final String URL = "http://127.0.0.1:8080";

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
        Launcher.Result up = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(up.exitCode()).as(up.output()).isZero();

        CorridorClient client = new CorridorClient(URL);
        PaymentScenario.Outcome outcome = PaymentScenario.run(client);

        Launcher.Result status = corridor("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("node1").contains(URL).contains("serving");

        long pid = Long.parseLong(Files.readString(DATA.resolve("node1/node.pid")).trim());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node1 not running: " + pid));
        long confirmedLedger = client.latestLedger();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        node.onExit().get(30, TimeUnit.SECONDS);

        Launcher.Result again = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(again.exitCode()).as(again.output()).isZero();
        CorridorClient resumed = new CorridorClient(URL);
        assertThat(resumed.latestLedger()).isGreaterThanOrEqualTo(confirmedLedger);
        PaymentScenario.verifyIntact(resumed, outcome);

        submissionThatOutlivesItsTimeoutAnswers504ThenSettles(outcome);
        boundedHistoryAnswersBeforeHistory();

        Launcher.Result down = corridor("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        Launcher.Result stopped = corridor("status");
        assertThat(stopped.output()).contains("stopped");
    }

    /**
     * Horizon's contract when the outcome is not known in time: 504 {@code timeout} naming the hash, the
     * transaction still goes into the next ledger, and resubmitting the same envelope then answers with its
     * result. Here the node waits 300 ms for ledgers that close every 5 s.
     */
    private void submissionThatOutlivesItsTimeoutAnswers504ThenSettles(PaymentScenario.Outcome outcome)
            throws Exception {
        assertThat(corridor("down").exitCode()).isZero();
        Path properties = DATA.resolve("node1/corridor.properties");
        String text = Files.readString(properties);
        assertThat(text).contains("corridor.submission.timeout.ms=");
        Files.writeString(properties, text.replaceAll("(?m)^corridor\\.submission\\.timeout\\.ms=.*$",
                "corridor.submission.timeout.ms=300"));
        Launcher.Result slow = corridor("up", "--close-ms", "5000", "--db", DB);
        assertThat(slow.exitCode()).as(slow.output()).isZero();

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
        assertThat(corridor("down").exitCode()).isZero();
        Path properties = DATA.resolve("node1/corridor.properties");
        String text = Files.readString(properties);
        assertThat(text).contains("corridor.history.retention.ledgers=");
        text = text.replaceAll("(?m)^corridor\\.submission\\.timeout\\.ms=.*$", "corridor.submission.timeout.ms=")
                .replaceAll("(?m)^corridor\\.history\\.retention\\.ledgers=.*$",
                        "corridor.history.retention.ledgers=" + RetentionScenario.RETENTION_LEDGERS);
        Files.writeString(properties, text);
        // 1-s closes: close times advance by at least a second per ledger, so faster closes would run the ledger's
        // clock ahead of the wall clock and expire the scenario's time-bounded transactions (tx_too_late).
        Launcher.Result pruning = corridor("up", "--close-ms", "1000", "--db", DB);
        assertThat(pruning.exitCode()).as(pruning.output()).isZero();
        RetentionScenario.run(new CorridorClient(URL));
    }

    @Test
    void badFlagsAreRefusedWithTheFlagNamed() throws Exception {
        Launcher.Result nodes = corridor("up", "--nodes", "0");
        assertThat(nodes.exitCode()).isEqualTo(2);
        assertThat(nodes.output()).contains("--nodes");
        Launcher.Result profile = corridor("up", "--profile", "bitcoin");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.output()).contains("--profile");
        Launcher.Result close = corridor("up", "--close-ms", "50");
        assertThat(close.exitCode()).isEqualTo(2);
        assertThat(close.output()).contains("--close-ms");
    }

    private static Launcher.Result corridor(String... args) throws IOException, InterruptedException {
        return Launcher.run(DATA, args);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        Launcher.deleteRecursively(dir);
    }
}
