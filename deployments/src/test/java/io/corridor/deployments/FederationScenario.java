package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.federation.FederationResponse;
import org.stellar.sdk.responses.GsonSingleton;

/**
 * Federation (SEP-2) on a running node, as a bank's back office and a wallet use it: the bank registers a user
 * name, an account number with its branch (and its bank-account forward), a mobile number and a national id
 * through the admin API; wallets resolve them by name (in any case), by account id and by bank-account forward;
 * unknown names are 404 problems, malformed requests 400 problems naming the parameter; the admin API refuses
 * requests without the token (401 with a Bearer challenge); removed names no longer resolve; stellar.toml names
 * the federation server.
 *
 * <p>The requests are raw HTTP: the Java SDK 0.44.0's {@code FederationServer} accepts only an https server URI
 * (it throws {@code FederationServerInvalidException} otherwise, and the switch is not public), and the node under
 * test speaks plain http. The records are parsed with the SDK's {@link FederationResponse} through its own Gson,
 * so what is checked is what an SDK client reads.
 *
 * <p>The node must serve {@value #DOMAIN} ({@code -Dcorridor.federation.domains=bank.example}) and have the admin
 * token passed to {@link #run} ({@code -Dcorridor.admin.token=...} or {@code corridor.admin.token.file}). Names
 * carry random digits so that the scenario can run again on the same database.
 */
final class FederationScenario {

    static final String DOMAIN = "bank.example";
    private static final String BIC = "CORRINBB";

    private final CorridorClient client;
    private final String adminToken;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();

    private FederationScenario(CorridorClient client, String adminToken) {
        this.client = client;
        this.adminToken = adminToken;
    }

    static void run(CorridorClient client, String adminToken) throws Exception {
        new FederationScenario(client, adminToken).run();
    }

    private void run() throws Exception {
        String bank = KeyPair.random().getAccountId();
        String alice = KeyPair.random().getAccountId();
        String digits = digits(10);
        String user = "alice." + digits(6) + "@mail.example";
        String accountNumber = digits + "-ICIC000040";
        String mobile = "+91" + digits(10);
        String nationalId = "ABCDE" + digits(4) + "F";

        adminRequiresTheToken(bank);

        // Registration: 201 for new records, 200 when repeated unchanged, 409 for other data.
        assertThat(put(user + "*" + DOMAIN, "{\"account_id\":\"" + alice + "\",\"kind\":\"username\"}").statusCode())
                .isEqualTo(201);
        String accountBody = "{\"account_id\":\"" + bank + "\",\"kind\":\"account_number\",\"memo_type\":\"id\","
                + "\"memo\":\"" + digits + "\",\"forward\":{\"swift\":\"" + BIC + "\",\"acct\":\"" + digits + "\"}}";
        HttpResponse<String> created = put(accountNumber + "*" + DOMAIN, accountBody);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/admin/federation/" + encode(accountNumber + "*" + DOMAIN)));
        assertThat(put(mobile + "*" + DOMAIN, "{\"account_id\":\"" + bank + "\",\"kind\":\"mobile\","
                + "\"memo_type\":\"text\",\"memo\":\"m" + digits + "\"}").statusCode()).isEqualTo(201);
        assertThat(put(nationalId + "*" + DOMAIN, "{\"account_id\":\"" + bank + "\",\"kind\":\"national_id\","
                + "\"memo_type\":\"hash\",\"memo\":\"" + "ab".repeat(32) + "\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> repeated = put(accountNumber + "*" + DOMAIN, accountBody);
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(created.body());
        HttpResponse<String> conflict = put(accountNumber + "*" + DOMAIN, accountBody.replace("\"memo\":\"" + digits,
                "\"memo\":\"1" + digits));
        assertProblem(conflict, 409, "conflict");
        assertThat(json(conflict).getAsJsonObject("extras").get("result_code").getAsString()).isEqualTo("address_taken");
        assertProblem(put("bob*other.example", "{\"account_id\":\"" + bank + "\",\"kind\":\"username\"}"), 400,
                "bad_request");
        assertProblem(put("alice*" + DOMAIN, "{\"account_id\":\"" + bank + "\",\"kind\":\"mobile\"}"), 400,
                "bad_request");

        // Resolution by name, in the SDK's terms; the name's case does not matter, the domain's neither.
        FederationResponse byName = resolve("q=" + encode(user.toUpperCase() + "*" + DOMAIN.toUpperCase())
                + "&type=name");
        assertThat(byName.getStellarAddress()).isEqualTo(user + "*" + DOMAIN);
        assertThat(byName.getAccountId()).isEqualTo(alice);
        assertThat(byName.getMemoType()).isNull();
        assertThat(byName.getMemo()).isNull();
        FederationResponse byAccountNumber = resolve("q=" + encode(accountNumber + "*" + DOMAIN) + "&type=name");
        assertThat(byAccountNumber.getAccountId()).isEqualTo(bank);
        assertThat(byAccountNumber.getMemoType()).isEqualTo("id");
        assertThat(byAccountNumber.getMemo()).isEqualTo(digits);
        FederationResponse byMobile = resolve("q=" + encode(mobile + "*" + DOMAIN) + "&type=name");
        assertThat(byMobile.getMemoType()).isEqualTo("text");
        assertThat(byMobile.getMemo()).isEqualTo("m" + digits);
        FederationResponse byNationalId = resolve("q=" + encode(nationalId.toLowerCase() + "*" + DOMAIN) + "&type=name");
        assertThat(byNationalId.getMemoType()).isEqualTo("hash");
        assertThat(byNationalId.getMemo()).isEqualTo("q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=");

        // Reverse: the account's first registered address; forward: the bank account's address.
        assertThat(resolve("q=" + bank + "&type=id").getStellarAddress()).isEqualTo(accountNumber + "*" + DOMAIN);
        FederationResponse forward = resolve("type=forward&forward_type=bank_account&swift=" + BIC + "&acct=" + digits);
        assertThat(forward.getAccountId()).isEqualTo(bank);
        assertThat(forward.getMemo()).isEqualTo(digits);

        // Failures are problems with SEP-2's error member.
        HttpResponse<String> unknown = federation("q=" + encode("nobody." + digits + "*" + DOMAIN) + "&type=name");
        assertProblem(unknown, 404, "not_found");
        assertThat(json(unknown).get("error").getAsString()).startsWith("no federation record for nobody.");
        assertProblem(federation("q=" + KeyPair.random().getAccountId() + "&type=id"), 404, "not_found");
        assertInvalid(federation("q=" + encode(user + "*" + DOMAIN)), "type");
        assertInvalid(federation("q=" + encode(user + "*" + DOMAIN) + "&type=txid"), "type");
        assertInvalid(federation("type=name"), "q");
        assertInvalid(federation("q=" + encode("a b*" + DOMAIN) + "&type=name"), "q");
        assertInvalid(federation("q=" + encode(user + "*other.example") + "&type=name"), "q");
        assertInvalid(federation("q=GABC&type=id"), "q");
        assertInvalid(federation("type=forward&forward_type=bank_account&swift=CORR&acct=1"), "swift");
        assertInvalid(federation("type=forward&forward_type=cash&swift=" + BIC + "&acct=1"), "forward_type");

        // The admin listing, oldest first.
        HttpResponse<String> list = admin("GET", "/admin/federation?account_id=" + bank, adminToken, null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonArray records = json(list).getAsJsonArray("records");
        List<String> listed = new ArrayList<>();
        records.forEach(r -> listed.add(r.getAsJsonObject().get("stellar_address").getAsString()));
        assertThat(listed).containsExactly(accountNumber + "*" + DOMAIN, mobile + "*" + DOMAIN, nationalId + "*" + DOMAIN);

        // Removal: 204, then 404; the name no longer resolves and the account's next address takes its place.
        assertThat(admin("DELETE", path(accountNumber + "*" + DOMAIN), adminToken, null).statusCode()).isEqualTo(204);
        assertProblem(admin("DELETE", path(accountNumber + "*" + DOMAIN), adminToken, null), 404, "not_found");
        assertProblem(federation("q=" + encode(accountNumber + "*" + DOMAIN) + "&type=name"), 404, "not_found");
        assertProblem(federation("type=forward&forward_type=bank_account&swift=" + BIC + "&acct=" + digits), 404,
                "not_found");
        assertThat(resolve("q=" + bank + "&type=id").getStellarAddress()).isEqualTo(mobile + "*" + DOMAIN);
        for (String address : List.of(user, mobile, nationalId)) {
            assertThat(admin("DELETE", path(address + "*" + DOMAIN), adminToken, null).statusCode()).isEqualTo(204);
        }

        HttpResponse<String> toml = client.get("/.well-known/stellar.toml");
        assertThat(toml.statusCode()).isEqualTo(200);
        assertThat(toml.body()).contains("FEDERATION_SERVER=\"" + client.url + "/federation\"");
    }

    /** Without a token, with a wrong one, or with another scheme: 401 and a Bearer challenge; nothing changes. */
    private void adminRequiresTheToken(String bank) throws IOException, InterruptedException {
        String body = "{\"account_id\":\"" + bank + "\",\"kind\":\"username\"}";
        HttpResponse<String> none = admin("PUT", path("intruder*" + DOMAIN), null, body);
        assertProblem(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        HttpResponse<String> wrong = admin("PUT", path("intruder*" + DOMAIN), adminToken + "x", body);
        assertProblem(wrong, 401, "unauthorized");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
        assertThat(wrong.body()).doesNotContain(adminToken);
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(client.url + "/admin/federation"
                        + "?account_id=" + bank))
                .header("Authorization", "Basic " + adminToken).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(basic, 401, "unauthorized");
        assertProblem(admin("DELETE", path("intruder*" + DOMAIN), null, null), 401, "unauthorized");
        assertProblem(federation("q=" + encode("intruder*" + DOMAIN) + "&type=name"), 404, "not_found");
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        digits.append(1 + random.nextInt(9));
        while (digits.length() < count) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String path(String address) {
        return "/admin/federation/" + encode(address);
    }

    private HttpResponse<String> put(String address, String body) throws IOException, InterruptedException {
        return admin("PUT", path(address), adminToken, body);
    }

    private HttpResponse<String> admin(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.url + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> federation(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = client.get("/federation?" + query);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as("CORS, as SEP-2 requires")
                .contains("*");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        return response;
    }

    /** A 200 federation answer, read as the SDK reads it. */
    private FederationResponse resolve(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = federation(query);
        assertThat(response.statusCode()).as("%s: %s", query, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return GsonSingleton.getInstance().fromJson(response.body(), FederationResponse.class);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertThat(problem.get("type").getAsString()).isEqualTo("https://stellar.org/horizon-errors/" + type);
        assertThat(problem.get("status").getAsInt()).isEqualTo(status);
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertProblem(response, 400, "bad_request");
        JsonObject problem = json(response);
        assertThat(problem.getAsJsonObject("extras").get("invalid_field").getAsString()).isEqualTo(field);
        assertThat(problem.get("error").getAsString()).startsWith(field + ": ");
    }
}
