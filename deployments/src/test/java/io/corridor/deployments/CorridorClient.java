package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.CreateAccountOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Server;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.responses.AccountResponse;
import org.stellar.sdk.responses.SubmitTransactionResponse;

/**
 * A Corridor node seen the way a wallet sees it: the official Stellar Java SDK against the node's
 * Horizon-compatible API, with the network's passphrase taken from the node's root resource.
 */
final class CorridorClient {

    /** Fee per operation on the iqoniq and diamante networks: 0.0001 of the native asset. */
    static final long BASE_FEE = 1_000;

    final String url;
    final Server server;
    final Network network;
    final KeyPair root;
    private final HttpClient http = HttpClient.newHttpClient();

    CorridorClient(String url) throws IOException {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.server = new Server(this.url);
        this.network = new Network(server.root().getNetworkPassphrase());
        // Stellar derives the root account's key from the passphrase: its seed is the network id.
        this.root = KeyPair.fromSecretSeed(network.getNetworkId());
    }

    AccountResponse account(KeyPair key) throws IOException {
        return server.accounts().account(key.getAccountId());
    }

    /** The native balance in smallest units (the API shows 7 decimals). */
    long balance(KeyPair key) throws IOException {
        for (AccountResponse.Balance b : account(key).getBalances()) {
            if ("native".equals(b.getAssetType())) {
                return new BigDecimal(b.getBalance()).movePointRight(7).longValueExact();
            }
        }
        throw new AssertionError("no native balance for " + key.getAccountId());
    }

    long latestLedger() throws IOException {
        return server.root().getCoreLatestLedger();
    }

    Transaction transaction(KeyPair source, Operation... operations) throws IOException {
        TransactionBuilder builder = new TransactionBuilder(account(source), network)
                .setBaseFee(BASE_FEE)
                .setTimeout(60);
        for (Operation op : operations) {
            builder.addOperation(op);
        }
        Transaction tx = builder.build();
        tx.sign(source);
        return tx;
    }

    /** Submits as wallets do, with the SDK's SEP-29 memo-required check (it reads each destination account). */
    SubmitTransactionResponse submit(Transaction tx) throws IOException {
        try {
            return server.submitTransaction(tx);
        } catch (org.stellar.sdk.AccountRequiresMemoException e) {
            throw new AssertionError("no Corridor account requires a memo yet", e);
        }
    }

    static Operation createAccount(KeyPair destination, String startingBalance) {
        return new CreateAccountOperation.Builder(destination.getAccountId(), startingBalance).build();
    }

    static Operation pay(KeyPair destination, String amount) {
        return new PaymentOperation.Builder(destination.getAccountId(), new AssetTypeNative(), amount).build();
    }

    /** Raw GET, for checking shapes and errors the SDK hides. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Raw form POST of a transaction envelope, as Horizon's {@code POST /transactions} takes it. */
    HttpResponse<String> postTransaction(String envelopeBase64) throws IOException, InterruptedException {
        String form = "tx=" + java.net.URLEncoder.encode(envelopeBase64, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url + "/transactions")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A string field of a flat JSON document, enough for checking single values in tests. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|([-0-9.a-z]+))")
                .matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
