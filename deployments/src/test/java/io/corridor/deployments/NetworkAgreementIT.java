package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;

/**
 * A four-validator network started by {@code corridor up --nodes 4} agrees on every ledger through SCP, at 1-s
 * closes, under a steady payment load sent to all four nodes: the ledger hashes of all nodes are compared every few
 * seconds. Then one node is killed with {@code kill -9}: the other three keep closing ledgers and settling payments;
 * {@code corridor start --node 4} brings it back, it catches up from its peers and agrees again.
 *
 * <p>The load phase lasts {@code corridor.it.network.seconds} (60 s in the build; the 10-minute run recorded in
 * docs/SCP.md sets 600).
 */
class NetworkAgreementIT {

    private static final Path DATA = Path.of(System.getProperty("corridor.it.network4.dir", "target/it-network4"))
            .toAbsolutePath();
    private static final String DB = System.getProperty("corridor.it.db", "h2");
    private static final long LOAD_SECONDS = Long.getLong("corridor.it.network.seconds", 60);
    private static final int NODES = 4;
    private static final int PAYERS = 12;

    private final List<CorridorClient> clients = new ArrayList<>();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Answers other than 200, by status and Horizon result code, e.g. "400 tx_bad_seq". */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> settledHashes = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void cleanNetwork() throws Exception {
        corridor("down");
        Launcher.deleteRecursively(DATA);
    }

    @AfterAll
    static void stopNetwork() throws Exception {
        corridor("down");
    }

    @Test
    void fourValidatorsAgreeUnderLoadSurviveAKillAndTheKilledOneCatchesUp() throws Exception {
        // The PostgreSQL pass runs the single-node launcher test; four servers twice would double the time.
        assumeThat(DB).as("run on H2 only").isEqualTo("h2");
        Launcher.Result up = corridor("up", "--nodes", "4", "--close-ms", "1000", "--db", DB);
        assertThat(up.exitCode()).as(up.output()).isZero();
        for (int k = 1; k <= NODES; k++) {
            clients.add(new CorridorClient("http://127.0.0.1:" + (8080 + 100 * (k - 1))));
        }
        List<KeyPair> payers = fund(clients.get(0));

        // Steady load on every node; hashes compared throughout.
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = startLoad(payers, stop, NODES);
        long start = clients.get(0).latestLedger();
        Instant end = Instant.now().plusSeconds(LOAD_SECONDS);
        int comparisons = 0;
        while (Instant.now().isBefore(end)) {
            Thread.sleep(5_000);
            comparisons += compareHashes(NODES);
            long spread = spread(NODES);
            assertThat(spread).as("ledgers apart between the fastest and the slowest node").isLessThanOrEqualTo(3);
        }
        long closed = clients.get(0).latestLedger() - start;
        System.out.printf("network: %d ledgers in %d s (%.2f s per ledger), %d payments settled, %d refused, "
                + "%d ledger hashes compared across 4 nodes%n", closed, LOAD_SECONDS, LOAD_SECONDS / (double) closed,
                settled.get(), refused.get(), comparisons);
        System.out.println("network: answers other than 200 (retried by the payer): " + refusals);
        assertThat(closed).as("ledgers closed at 1-s intervals in " + LOAD_SECONDS + " s")
                .isGreaterThanOrEqualTo(LOAD_SECONDS * 2 / 3);
        assertThat(settled.get()).as("payments settled").isGreaterThan(LOAD_SECONDS);
        assertThat(corridor("status").output()).contains("4/4 ok");

        // kill -9 node 4: the other three keep closing and settling.
        stop.set(true);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long pid = Long.parseLong(Files.readString(DATA.resolve("node4/node.pid")).trim());
        ProcessHandle node4 = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        node4.onExit().get(30, TimeUnit.SECONDS);
        long atKill = clients.get(0).latestLedger();
        long settledAtKill = settled.get();
        AtomicBoolean stop3 = new AtomicBoolean();
        ExecutorService load3 = startLoad(payers, stop3, 3);
        Thread.sleep(20_000);
        assertThat(clients.get(0).latestLedger() - atKill).as("ledgers closed by three of four in 20 s")
                .isGreaterThanOrEqualTo(12);
        compareHashes(3);
        String status = corridor("status").output();
        assertThat(status).contains("3/4 ok").contains("stopped");

        // Restart node 4: it catches up and agrees again, still under load.
        Launcher.Result again = corridor("start", "--node", "4");
        assertThat(again.exitCode()).as(again.output()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (clients.get(3).latestLedger() < clients.get(0).latestLedger() - 1) {
            assertThat(System.nanoTime()).as("node4 catches up within 120 s").isLessThan(deadline);
            Thread.sleep(1_000);
        }
        stop3.set(true);
        load3.shutdown();
        assertThat(load3.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(settled.get()).as("payments settled while node4 was down").isGreaterThan(settledAtKill);
        Thread.sleep(3_000);
        assertThat(compareHashes(NODES)).isPositive();
        String consensus = clients.get(3).get("/consensus").body();
        assertThat(consensus).contains("\"mode\":\"tracking\"");
        assertThat(Long.parseLong(CorridorClient.field(consensus, "ledgers_caught_up"))).isPositive();
        // Every payment settled anywhere is in node4's history too.
        int checked = 0;
        for (String hash : settledHashes) {
            if (checked++ % 7 == 0) {
                assertThat(clients.get(3).get("/transactions/" + hash).statusCode()).as("tx " + hash + " on node4")
                        .isEqualTo(200);
            }
        }
    }

    /** Creates the payers from the root account, funded enough for the whole run. */
    private List<KeyPair> fund(CorridorClient client) throws Exception {
        List<KeyPair> payers = new ArrayList<>();
        List<org.stellar.sdk.Operation> ops = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            KeyPair payer = KeyPair.random();
            payers.add(payer);
            ops.add(CorridorClient.createAccount(payer, "100000"));
        }
        Transaction tx = client.transaction(client.root, ops.toArray(org.stellar.sdk.Operation[]::new));
        var answer = client.postTransaction(tx.toEnvelopeXdrBase64());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return payers;
    }

    /** One thread per payer: pays the next payer through node (i mod nodes) + 1, one payment per ledger at most. */
    private ExecutorService startLoad(List<KeyPair> payers, AtomicBoolean stop, int nodes) {
        ExecutorService pool = Executors.newFixedThreadPool(payers.size());
        for (int i = 0; i < payers.size(); i++) {
            KeyPair payer = payers.get(i);
            KeyPair payee = payers.get((i + 1) % payers.size());
            int index = i;
            pool.execute(() -> {
                int round = 0;
                while (!stop.get()) {
                    CorridorClient via = clients.get((index + round++) % nodes);
                    try {
                        Transaction tx = via.transaction(payer, CorridorClient.pay(payee, "0.0010000"));
                        var answer = via.postTransaction(tx.toEnvelopeXdrBase64());
                        if (answer.statusCode() == 200) {
                            settled.incrementAndGet();
                            settledHashes.add(tx.hashHex());
                        } else {
                            refused.incrementAndGet();
                            String code = answer.body().replaceAll("(?s).*\"transaction\"\\s*:\\s*\"([a-z_]+)\".*", "$1");
                            String key = answer.statusCode() + " " + (code.length() < 40 ? code : "");
                            refusals.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                            Thread.sleep(500);
                        }
                    } catch (IOException | RuntimeException e) {
                        refused.incrementAndGet();
                        sleepQuietly();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        return pool;
    }

    /** Compares the hashes of the latest ledger every node has; returns how many ledgers were compared. */
    private int compareHashes(int nodes) throws Exception {
        long common = Long.MAX_VALUE;
        for (int k = 0; k < nodes; k++) {
            common = Math.min(common, clients.get(k).latestLedger());
        }
        int compared = 0;
        for (long seq = Math.max(2, common - 2); seq <= common; seq++) {
            String reference = null;
            for (int k = 0; k < nodes; k++) {
                var ledger = clients.get(k).get("/ledgers/" + seq);
                assertThat(ledger.statusCode()).as("ledger " + seq + " on node" + (k + 1)).isEqualTo(200);
                String hash = CorridorClient.field(ledger.body(), "hash");
                if (reference == null) {
                    reference = hash;
                }
                assertThat(hash).as("hash of ledger " + seq + " on node" + (k + 1) + " equals node1's").isEqualTo(reference);
            }
            compared++;
        }
        return compared;
    }

    private long spread(int nodes) throws IOException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int k = 0; k < nodes; k++) {
            long latest = clients.get(k).latestLedger();
            min = Math.min(min, latest);
            max = Math.max(max, latest);
        }
        return max - min;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Launcher.Result corridor(String... args) throws IOException, InterruptedException {
        return Launcher.run(DATA, args);
    }
}
