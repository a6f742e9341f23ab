package io.corridor.bench;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Load generator for {@code POST /transactions} against a running node: funds {@code --accounts} accounts
 * from the root account, then keeps one payment per account in flight for {@code --seconds} seconds (each
 * account submits its next payment when the node answered the previous one, as a wallet does), and reports
 * answers per second by status, and latency percentiles. A submission answers when its ledger has closed, so
 * throughput is bounded by accounts ÷ close interval; raise {@code --accounts} to load the node harder.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.corridor.bench.SubmitLoad --url http://127.0.0.1:8080 --accounts 1000 --seconds 30</pre>
 */
public final class SubmitLoad {

    private static final long UNIT = 10_000_000L;
    private static final long BASE_FEE = 1_000L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final byte[] networkId;

    private SubmitLoad(String url) throws Exception {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String root = get("/");
        Matcher passphrase = Pattern.compile("\"network_passphrase\"\\s*:\\s*\"([^\"]+)\"").matcher(root);
        if (!passphrase.find()) {
            throw new IllegalStateException("GET / of " + url + " has no network_passphrase: is it a Corridor node?");
        }
        networkId = Hashing.sha256(passphrase.group(1).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--url", "http://127.0.0.1:8080",
                "--accounts", "1000", "--seconds", "30"));
        for (int i = 0; i < args.length; i++) {
            if (!options.containsKey(args[i]) || i + 1 == args.length) {
                System.err.println("usage: SubmitLoad [--url URL] [--accounts N] [--seconds S]; unknown or incomplete: "
                        + args[i]);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        SubmitLoad load = new SubmitLoad(options.get("--url"));
        int accounts = Integer.parseInt(options.get("--accounts"));
        int seconds = Integer.parseInt(options.get("--seconds"));
        long run = System.nanoTime();
        byte[][] seeds = load.fund(accounts, run);
        load.run(seeds, seconds);
        // For a read benchmark afterwards (bench/http/run-load.sh hands it to wrk).
        System.out.println("read-target: /accounts/" + Accounts.strKey(Accounts.accountId(Ed25519.publicKeyFromSeed(seeds[0]))));
    }

    /** Creates the accounts, 100 per transaction, from the root account (whose seed is the network id). */
    private byte[][] fund(int count, long salt) throws Exception {
        byte[] rootSeed = networkId;
        AccountID root = Accounts.accountId(Ed25519.publicKeyFromSeed(rootSeed));
        long seq = sequence(root);
        byte[][] seeds = new byte[count][];
        for (int i = 0; i < count; i++) {
            seeds[i] = Hashing.sha256(ByteBuffer.allocate(16).putLong(salt).putLong(i).array());
        }
        System.out.printf("funding %d accounts from the root account %s...%n", count, Accounts.strKey(root));
        for (int first = 0; first < count; first += 100) {
            List<Operation> ops = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + 100); i++) {
                ops.add(Envelopes.createAccount(Accounts.accountId(Ed25519.publicKeyFromSeed(seeds[i])), 100 * UNIT));
            }
            HttpResponse<String> answer = post(Envelopes.signed(rootSeed, root, ++seq, BASE_FEE,
                    ops.toArray(Operation[]::new), networkId));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("funding failed with HTTP " + answer.statusCode() + ": " + answer.body());
            }
            System.out.printf("  %d/%d funded%n", Math.min(count, first + 100), count);
        }
        return seeds;
    }

    private void run(byte[][] seeds, int seconds) throws Exception {
        int count = seeds.length;
        AccountID[] ids = new AccountID[count];
        long[] seqs = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Accounts.accountId(Ed25519.publicKeyFromSeed(seeds[i]));
            seqs[i] = sequence(ids[i]);
        }
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        System.out.printf("submitting for %d s with %d accounts, one payment in flight per account...%n", seconds, count);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(worker(i, seeds, ids, seqs, deadline, byStatus, latenciesMicros));
        }
        long started = System.nanoTime();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long total = Arrays.stream(sorted).count();
        System.out.printf("answers: %d in %.1f s = %.0f/s%n", total, elapsed, total / elapsed);
        byStatus.forEach((status, n) -> System.out.printf("  HTTP %d: %d (%.0f/s)%n", status, n.get(), n.get() / elapsed));
        if (total > 0) {
            System.out.printf("latency ms: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n", sorted[(int) (total * 0.5)] / 1e3,
                    sorted[(int) (total * 0.9)] / 1e3, sorted[(int) Math.min(total - 1, total * 0.99)] / 1e3,
                    sorted[(int) total - 1] / 1e3);
        }
    }

    /** One account's loop: submit, wait for the answer, submit the next, until the deadline. */
    private CompletableFuture<Void> worker(int i, byte[][] seeds, AccountID[] ids, long[] seqs, long deadline,
            Map<Integer, AtomicLong> byStatus, List<Long> latencies) {
        if (System.nanoTime() > deadline) {
            return CompletableFuture.completedFuture(null);
        }
        int to = (i + 1) % seeds.length;
        TransactionEnvelope envelope = Envelopes.signed(seeds[i], ids[i], seqs[i] + 1, BASE_FEE,
                new Operation[] {Envelopes.payment(ids[to], 1_000L)}, networkId);
        long sent = System.nanoTime();
        return http.sendAsync(request(envelope), HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
            latencies.add((System.nanoTime() - sent) / 1_000);
            byStatus.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
            if (answer.statusCode() == 200 || answer.body().contains("tx_failed")) {
                seqs[i]++;
            }
            return worker(i, seeds, ids, seqs, deadline, byStatus, latencies);
        });
    }

    private long sequence(AccountID id) throws Exception {
        String body = get("/accounts/" + Accounts.strKey(id));
        Matcher m = Pattern.compile("\"sequence\"\\s*:\\s*\"(\\d+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no sequence in GET /accounts/" + Accounts.strKey(id) + ": " + body);
        }
        return Long.parseLong(m.group(1));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private HttpResponse<String> post(TransactionEnvelope envelope) throws Exception {
        return http.send(request(envelope), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(TransactionEnvelope envelope) {
        String tx = Xdr.encodeBase64(envelope::toXdrByteArray);
        return HttpRequest.newBuilder(URI.create(url + "/transactions")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("tx=" + URLEncoder.encode(tx, StandardCharsets.UTF_8)))
                .build();
    }
}
