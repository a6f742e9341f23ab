package io.corridor.deployments;

import static io.corridor.deployments.PaymentScenario.codes;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.stellar.sdk.AccountMergeOperation;
import org.stellar.sdk.AllowTrustOperation;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.BeginSponsoringFutureReservesOperation;
import org.stellar.sdk.BumpSequenceOperation;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.ClaimClaimableBalanceOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.ClawbackClaimableBalanceOperation;
import org.stellar.sdk.ClawbackOperation;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.EndSponsoringFutureReservesOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.Memo;
import org.stellar.sdk.Operation;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.RevokeDataSponsorshipOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.SetTrustlineFlagsOperation;
import org.stellar.sdk.Signer;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.responses.SubmitTransactionResponse;
import org.stellar.sdk.xdr.TrustLineFlags;

/**
 * Every resource the node serves, read raw and held field by field to the shape Horizon documents for it
 * ({@link HorizonShapes}, {@code horizon-shapes.json}). The scenario first makes, with the Java SDK, something of
 * each kind: an issuer with flags and a home domain, holders with trust lines (authorized by allow_trust and by
 * set_trust_line_flags), a data entry, an extra signer and thresholds, credit and native payments with text and id
 * memos, a clawback, a bumped sequence, claimable balances claimed and clawed back, a sponsored data entry whose
 * sponsorship is then revoked, a merged account and a failed transaction, so that every operation type Corridor
 * applies is in history with its effects. Then it reads the root, accounts, ledgers, transactions, operations,
 * effects, claimable balances, fee statistics, the (empty) market endpoints and problem responses, and fails once,
 * at the end, with every response that does not conform, so that one run shows all there is to fix.
 */
final class ShapeScenario {

    private static final int AUTH_REQUIRED = 0x1;
    private static final int AUTH_REVOCABLE = 0x2;
    private static final int AUTH_CLAWBACK_ENABLED = 0x8;
    /** Records per page when a collection is read whole. */
    private static final int PAGE_LIMIT = 200;

    private final CorridorClient client;
    private final HorizonShapes shapes = HorizonShapes.standard();
    private final KeyPair bank = KeyPair.random();
    private final KeyPair alice = KeyPair.random();
    private final KeyPair bob = KeyPair.random();
    private final KeyPair carol = KeyPair.random();
    private final KeyPair dave = KeyPair.random();
    private final KeyPair officer = KeyPair.random();
    private final Asset usd;

    /** The transactions whose operations and effects are read. */
    private final List<String> transactions = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> operationTypes = new TreeSet<>();
    private final Set<String> effectTypes = new TreeSet<>();
    private long paymentLedger;
    private int responses;

    private ShapeScenario(CorridorClient client) {
        this.client = client;
        this.usd = new AssetTypeCreditAlphaNum4("USD", bank.getAccountId());
    }

    static void run(CorridorClient client) throws Exception {
        new ShapeScenario(client).run();
    }

    private void run() throws Exception {
        makeHistory();

        check("/", 200, "root");
        accounts();
        history();
        claimableBalances();
        market();
        check("/fee_stats", 200, "fee_stats");
        problems();

        Set<String> unseen = new TreeSet<>(shapes.variantValues("operation"));
        unseen.removeAll(operationTypes);
        if (!unseen.isEmpty()) {
            failures.add("the scenario's history lacks operation types " + unseen + " (seen " + operationTypes + ")");
        }
        assertThat(failures).as("%d of %d responses differ from Horizon's documented shapes (effect types seen: %s):%n%s",
                failures.size(), responses, effectTypes, String.join("\n\n", failures)).isEmpty();
    }

    // ---- what the node is made to hold ----

    private void makeHistory() throws Exception {
        succeeds("fund the accounts", client.transaction(client.root, CorridorClient.createAccount(bank, "1000"),
                CorridorClient.createAccount(alice, "100"), CorridorClient.createAccount(bob, "100"),
                CorridorClient.createAccount(carol, "100"), CorridorClient.createAccount(dave, "100")));
        succeeds("issuer flags", client.transaction(bank, new SetOptionsOperation.Builder()
                .setSetFlags(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED).setHomeDomain("shapes.example")
                .build()));
        for (KeyPair holder : List.of(alice, bob)) {
            succeeds("trust USD", client.transaction(holder,
                    new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "10000").build()));
        }
        succeeds("allow_trust", client.transaction(bank,
                new AllowTrustOperation.Builder(alice.getAccountId(), "USD", true).build()));
        succeeds("set_trust_line_flags", client.transaction(bank, new SetTrustlineFlagsOperation.Builder(
                bob.getAccountId(), usd, EnumSet.noneOf(TrustLineFlags.class), EnumSet.of(TrustLineFlags.AUTHORIZED_FLAG))
                .build()));
        SubmitTransactionResponse paid = succeeds("credit payment, text memo", withMemo(bank, Memo.text("shapes"),
                new PaymentOperation.Builder(alice.getAccountId(), usd, "100").build()));
        paymentLedger = paid.getLedger();
        succeeds("native payment, id memo", withMemo(bank, Memo.id(42L), CorridorClient.pay(carol, "1")));
        succeeds("clawback", client.transaction(bank,
                new ClawbackOperation.Builder(alice.getAccountId(), usd, "1").build()));
        succeeds("data, signer and thresholds", client.transaction(alice,
                new ManageDataOperation.Builder("kyc", "done".getBytes(StandardCharsets.US_ASCII)).build(),
                new SetOptionsOperation.Builder().setSigner(Signer.ed25519PublicKey(officer), 1).setLowThreshold(1)
                        .setMediumThreshold(1).setHighThreshold(1).build()));
        long sequence = client.account(alice).getSequenceNumber();
        succeeds("bump_sequence", client.transaction(alice, new BumpSequenceOperation.Builder(sequence + 100).build()));

        Transaction create = client.transaction(alice, new CreateClaimableBalanceOperation.Builder("5", usd,
                List.of(new Claimant(bob.getAccountId(), new Predicate.Unconditional()))).build());
        succeeds("create a claimable balance", create);
        String claimable = create.getClaimableBalanceId(0);
        // The balance is read while it exists; claimed, it is gone.
        check("/claimable_balances/" + claimable, 200, "claimable_balance");
        check("/claimable_balances?claimant=" + bob.getAccountId(), 200, "claimable_balances_page");
        succeeds("claim it", client.transaction(bob, new ClaimClaimableBalanceOperation.Builder(claimable).build()));
        Transaction createClawable = client.transaction(alice, new CreateClaimableBalanceOperation.Builder("5", usd,
                List.of(new Claimant(bob.getAccountId(), new Predicate.Unconditional()))).build());
        succeeds("create another", createClawable);
        succeeds("clawback_claimable_balance", client.transaction(bank,
                new ClawbackClaimableBalanceOperation.Builder(createClawable.getClaimableBalanceId(0)).build()));

        // The bank sponsors a data entry of carol's, then revokes the sponsorship (carol then pays its reserve).
        Transaction sponsored = new TransactionBuilder(client.account(bank), client.network)
                .setBaseFee(CorridorClient.BASE_FEE).setTimeout(60)
                .addOperation(new BeginSponsoringFutureReservesOperation.Builder(carol.getAccountId()).build())
                .addOperation(new ManageDataOperation.Builder("sponsored", "yes".getBytes(StandardCharsets.US_ASCII))
                        .setSourceAccount(carol.getAccountId()).build())
                .addOperation(new EndSponsoringFutureReservesOperation(carol.getAccountId()))
                .build();
        sponsored.sign(bank);
        sponsored.sign(carol);
        succeeds("sponsored data entry", sponsored);
        succeeds("revoke_sponsorship", client.transaction(bank,
                new RevokeDataSponsorshipOperation.Builder(carol.getAccountId(), "sponsored").build()));
        succeeds("account_merge", client.transaction(dave,
                new AccountMergeOperation.Builder(bank.getAccountId()).build()));

        Transaction failing = client.transaction(alice,
                new PaymentOperation.Builder(bob.getAccountId(), usd, "1000000").build());
        SubmitTransactionResponse failed = client.submit(failing);
        assertThat(failed.isSuccess()).as("an underfunded payment fails in its ledger").isFalse();
        transactions.add(failing.hashHex());
    }

    private SubmitTransactionResponse succeeds(String what, Transaction tx) throws IOException {
        SubmitTransactionResponse response = client.submit(tx);
        assertThat(response.isSuccess()).as("%s: %s", what, codes(response)).isTrue();
        transactions.add(tx.hashHex());
        return response;
    }

    private Transaction withMemo(KeyPair source, Memo memo, Operation operation) throws IOException {
        Transaction tx = new TransactionBuilder(client.account(source), client.network)
                .setBaseFee(CorridorClient.BASE_FEE).setTimeout(60).addMemo(memo).addOperation(operation).build();
        tx.sign(source);
        return tx;
    }

    // ---- what is read back ----

    private void accounts() throws Exception {
        check("/accounts/" + alice.getAccountId(), 200, "account");
        check("/accounts/" + bank.getAccountId(), 200, "account");
        check("/accounts/" + carol.getAccountId(), 200, "account");
        check("/accounts/" + client.root.getAccountId(), 200, "account");
        check("/accounts?signer=" + officer.getAccountId(), 200, "accounts_page");
        check("/accounts?asset=" + encode("USD:" + bank.getAccountId()), 200, "accounts_page");
    }

    private void history() throws Exception {
        for (String hash : transactions) {
            check("/transactions/" + hash, 200, "transaction");
            JsonObject operations = check("/transactions/" + hash + "/operations?include_failed=true&limit="
                    + PAGE_LIMIT, 200, "operations_page");
            for (JsonObject operation : records(operations)) {
                operationTypes.add(text(operation, "type"));
                check("/operations/" + text(operation, "id"), 200, "operation");
            }
            for (JsonObject effect : records(check("/transactions/" + hash + "/effects?limit=" + PAGE_LIMIT, 200,
                    "effects_page"))) {
                effectTypes.add(text(effect, "type"));
            }
        }
        String ledger = "/ledgers/" + paymentLedger;
        check(ledger, 200, "ledger");
        check(ledger + "/transactions", 200, "transactions_page");
        check(ledger + "/operations", 200, "operations_page");
        check(ledger + "/payments", 200, "operations_page");
        check(ledger + "/effects", 200, "effects_page");
        check("/ledgers?order=desc&limit=3", 200, "ledgers_page");
        String account = "/accounts/" + alice.getAccountId();
        check(account + "/transactions?include_failed=true&limit=" + PAGE_LIMIT, 200, "transactions_page");
        check(account + "/operations?include_failed=true&limit=" + PAGE_LIMIT, 200, "operations_page");
        check(account + "/payments?limit=" + PAGE_LIMIT, 200, "operations_page");
        check(account + "/effects?limit=" + PAGE_LIMIT, 200, "effects_page");
        check("/transactions?order=desc&limit=" + PAGE_LIMIT, 200, "transactions_page");
        check("/operations?order=desc&limit=" + PAGE_LIMIT, 200, "operations_page");
        check("/payments?order=desc&limit=" + PAGE_LIMIT, 200, "operations_page");
        check("/effects?order=desc&limit=" + PAGE_LIMIT, 200, "effects_page");
    }

    private void claimableBalances() throws Exception {
        // The balances of the history are claimed or clawed back; this one stays for the read.
        Transaction create = client.transaction(alice, new CreateClaimableBalanceOperation.Builder("1", usd,
                List.of(new Claimant(carol.getAccountId(), new Predicate.Not(new Predicate.AbsBefore(1_000_000L))),
                        new Claimant(bob.getAccountId(), new Predicate.And(List.of(new Predicate.Unconditional(),
                                new Predicate.RelBefore(3_600L)))))).build());
        succeeds("a claimable balance with compound predicates", create);
        check("/claimable_balances/" + create.getClaimableBalanceId(0), 200, "claimable_balance");
        check("/claimable_balances?sponsor=" + alice.getAccountId(), 200, "claimable_balances_page");
        check("/claimable_balances?asset=" + encode("USD:" + bank.getAccountId()), 200, "claimable_balances_page");
        check("/assets?asset_code=USD&asset_issuer=" + bank.getAccountId(), 200, "assets_page");
    }

    private void market() throws Exception {
        String issuer = bank.getAccountId();
        check("/order_book?selling_asset_type=native&buying_asset_type=credit_alphanum4&buying_asset_code=USD"
                + "&buying_asset_issuer=" + issuer, 200, "order_book");
        check("/paths/strict-send?source_asset_type=native&source_amount=1&destination_assets="
                + encode("USD:" + issuer), 200, "paths_page");
        check("/paths/strict-receive?source_assets=native&destination_asset_type=credit_alphanum4"
                + "&destination_asset_code=USD&destination_asset_issuer=" + issuer + "&destination_amount=1", 200,
                "paths_page");
        check("/offers", 200, "offers_page");
        check("/accounts/" + alice.getAccountId() + "/offers", 200, "offers_page");
        check("/trades", 200, "trades_page");
        check("/accounts/" + alice.getAccountId() + "/trades", 200, "trades_page");
        check("/offers/1/trades", 200, "trades_page");
        check("/trade_aggregations?base_asset_type=native&counter_asset_type=credit_alphanum4&counter_asset_code=USD"
                + "&counter_asset_issuer=" + issuer + "&start_time=0&end_time=1800000000000&resolution=3600000"
                + "&offset=0", 200, "trade_aggregations_page");
        check("/liquidity_pools", 200, "liquidity_pools_page");
    }

    private void problems() throws Exception {
        problem("/ledgers/999999999", 404, "problem");
        problem("/transactions/" + "0".repeat(64), 404, "problem");
        problem("/no/such/resource", 404, "problem");
        problem("/transactions?limit=500", 400, "problem_bad_request");
        problem("/accounts/nobody", 400, "problem_bad_request");
        problem("/order_book?selling_asset_type=native", 400, "problem");
    }

    private void problem(String path, int status, String shape) throws Exception {
        HttpResponse<String> response = get(path);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add("GET " + path + ": Content-Type " + type + ", expected application/problem+json");
        }
        conforms(path, response, status, shape);
    }

    // ---- reading and checking ----

    /** Reads {@code path}, checks its status and its shape, and returns the body as an object (empty if not one). */
    private JsonObject check(String path, int status, String shape) throws Exception {
        return conforms(path, get(path), status, shape);
    }

    private JsonObject conforms(String path, HttpResponse<String> response, int status, String shape) {
        if (response.statusCode() != status) {
            failures.add("GET " + path + ": status " + response.statusCode() + ", expected " + status + ": "
                    + response.body());
        } else {
            HorizonShapes.Report report = shapes.check(shape, response.body());
            if (!report.conforms()) {
                failures.add("GET " + path + ": " + report.describe());
            }
        }
        try {
            JsonElement body = JsonParser.parseString(response.body());
            return body.isJsonObject() ? body.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        responses++;
        return client.get(path);
    }

    /** The records of a page; none if the page is not one. */
    private static List<JsonObject> records(JsonObject page) {
        List<JsonObject> records = new ArrayList<>();
        JsonElement embedded = page.get("_embedded");
        if (embedded != null && embedded.isJsonObject() && embedded.getAsJsonObject().get("records") != null
                && embedded.getAsJsonObject().get("records").isJsonArray()) {
            for (JsonElement record : embedded.getAsJsonObject().getAsJsonArray("records")) {
                if (record.isJsonObject()) {
                    records.add(record.getAsJsonObject());
                }
            }
        }
        return records;
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "?";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
