package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.responses.SubmitTransactionResponse;

/**
 * Bounded history seen from outside, on a node started with {@code -Dcorridor.history.retention.ledgers=20}
 * ({@value #RETENTION_LEDGERS}): a transaction is made, the node closes ledgers until its history elder ledger
 * ({@code history_elder_ledger} of {@code GET /}) has moved past that transaction's ledger, and then the old
 * history is answered as Horizon answers it, 410 {@code before_history} with Horizon's own wording, while the
 * ledger's header, the account it created and recent history are all still there.
 *
 * <p>The node deletes history in passes of {@value #PASS_LEDGERS} ledgers once the oldest kept ledger lags the
 * retention bound by that many, so the wait is about {@code RETENTION_LEDGERS + PASS_LEDGERS} closes (84 s at the
 * IT's 1 s closes). Everything older than the wait is gone afterwards: run this scenario on a server of its own, or
 * after every scenario that reads back older history.
 */
final class RetentionScenario {

    /** What the server under test must be started with. */
    static final int RETENTION_LEDGERS = 20;
    /** The node's pass size ({@code HistoryRetention.PASS_LEDGERS}). */
    static final int PASS_LEDGERS = 64;
    /** Bounds the wait if ledgers stop closing; the ledger count below is what normally ends it. */
    private static final Duration WAIT_MAX = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String DETAIL = "This horizon instance is configured to only track a portion of the "
            + "stellar network's latest history. This request is asking for results prior to the recorded history "
            + "known to this horizon instance.";

    private RetentionScenario() {
    }

    static void run(CorridorClient client) throws IOException, InterruptedException {
        KeyPair old = KeyPair.random();
        SubmitTransactionResponse created = client.submit(
                client.transaction(client.root, CorridorClient.createAccount(old, "50")));
        assertThat(created.isSuccess()).as("create account").isTrue();
        long oldLedger = created.getLedger();
        String oldHash = created.getHash();
        HttpResponse<String> operations = client.get("/transactions/" + oldHash + "/operations");
        assertThat(operations.statusCode()).as(operations.body()).isEqualTo(200);
        long oldOperation = json(operations).getAsJsonObject("_embedded").getAsJsonArray("records").get(0)
                .getAsJsonObject().get("id").getAsLong();
        assertThat(client.get("/operations/" + oldOperation).statusCode()).isEqualTo(200);

        long elder = awaitElderPast(client, oldLedger);

        // The ledger's history is gone, its header is not.
        assertBeforeHistory(client.get("/ledgers/" + oldLedger + "/transactions"));
        assertBeforeHistory(client.get("/ledgers/" + oldLedger + "/operations"));
        assertBeforeHistory(client.get("/ledgers/" + oldLedger + "/payments"));
        assertBeforeHistory(client.get("/ledgers/" + oldLedger + "/effects"));
        assertBeforeHistory(client.get("/ledgers/" + (elder - 1) + "/transactions"));
        HttpResponse<String> header = client.get("/ledgers/" + oldLedger);
        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        assertThat(json(header).get("sequence").getAsLong()).isEqualTo(oldLedger);
        // An operation id says its ledger; a transaction hash does not, so that one is simply not found.
        assertBeforeHistory(client.get("/operations/" + oldOperation));
        assertThat(client.get("/transactions/" + oldHash).statusCode()).isEqualTo(404);
        // Descending from before the elder could only find deleted records; ascending starts at the elder.
        assertBeforeHistory(client.get("/transactions?order=desc&cursor=" + toid(elder, 0, 0)));
        assertBeforeHistory(client.get("/operations?order=desc&cursor=" + oldOperation));
        HttpResponse<String> oldest = client.get("/transactions?order=asc&cursor=" + oldOperation + "&limit=200");
        assertThat(oldest.statusCode()).as(oldest.body()).isEqualTo(200);
        JsonArray records = json(oldest).getAsJsonObject("_embedded").getAsJsonArray("records");
        records.forEach(r -> assertThat(r.getAsJsonObject().get("ledger").getAsLong()).isGreaterThanOrEqualTo(elder));
        // The state is never pruned.
        assertThat(client.balance(old)).isEqualTo(50 * PaymentScenario.UNIT);

        // Recent history answers as before.
        SubmitTransactionResponse paid = client.submit(client.transaction(client.root, CorridorClient.pay(old, "1")));
        assertThat(paid.isSuccess()).as("payment").isTrue();
        assertThat(client.get("/transactions/" + paid.getHash()).statusCode()).isEqualTo(200);
        HttpResponse<String> recent = client.get("/ledgers/" + paid.getLedger() + "/transactions");
        assertThat(recent.statusCode()).as(recent.body()).isEqualTo(200);
        assertThat(recent.body()).contains(paid.getHash());
        assertThat(client.get("/accounts/" + old.getAccountId() + "/payments?order=desc").statusCode()).isEqualTo(200);
        JsonObject root = json(client.get("/"));
        long latest = root.get("history_latest_ledger").getAsLong();
        long elderNow = root.get("history_elder_ledger").getAsLong();
        assertThat(latest - elderNow + 1).as("the retention is kept").isGreaterThanOrEqualTo(RETENTION_LEDGERS);
    }

    /**
     * Waits until {@code history_elder_ledger} is past {@code ledger}: at the latest one pass after the retention
     * bound passed it, plus a close for a pass that had to be retried.
     */
    private static long awaitElderPast(CorridorClient client, long ledger) throws IOException, InterruptedException {
        long dueBy = ledger + RETENTION_LEDGERS + PASS_LEDGERS + 1;
        Instant deadline = Instant.now().plus(WAIT_MAX);
        while (true) {
            JsonObject root = json(client.get("/"));
            long elder = root.get("history_elder_ledger").getAsLong();
            long latest = root.get("history_latest_ledger").getAsLong();
            if (elder > ledger) {
                assertThat(elder).isGreaterThan(1).isLessThanOrEqualTo(latest - RETENTION_LEDGERS + 1);
                return elder;
            }
            assertThat(latest).as("history elder ledger %d still at or before ledger %d at ledger %d: is the server "
                    + "running with -Dcorridor.history.retention.ledgers=%d?", elder, ledger, latest,
                    RETENTION_LEDGERS).isLessThanOrEqualTo(dueBy);
            assertThat(Instant.now()).as("ledgers closing (at %d, waiting for %d)", latest, dueBy).isBefore(deadline);
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void assertBeforeHistory(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertThat(problem.get("type").getAsString()).isEqualTo("https://stellar.org/horizon-errors/before_history");
        assertThat(problem.get("title").getAsString()).isEqualTo("Data Requested Is Before Recorded History");
        assertThat(problem.get("status").getAsInt()).isEqualTo(410);
        assertThat(problem.get("detail").getAsString()).isEqualTo(DETAIL);
    }

    /** Horizon's total order id: ledger, application order, operation index. */
    private static long toid(long ledger, int transaction, int operation) {
        return (ledger << 32) | ((long) transaction << 12) | operation;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
