package io.corridor.web.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.federation.RegisterOutcome;
import io.corridor.federation.ServedDomains;
import io.corridor.federation.StellarAddress;
import io.corridor.web.interfaces.rest.InMemoryFederationDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.StrKey;

/**
 * {@link FederationAdmin}: registration from a JSON body (201, 200 for the same data, 409 for other data or a
 * taken forward), removal (204, 404), listing, and every malformed request as a 400 naming the field.
 */
class FederationAdminTest {

    private static final String BANK = account(3);
    private static final String ALICE = account(4);

    private final InMemoryFederationDirectory directory = new InMemoryFederationDirectory();
    private final FederationAdmin admin = new FederationAdmin(directory, ServedDomains.parse("bank.in").value());

    private static String account(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return StrKey.encodeEd25519PublicKey(key);
    }

    private static String body(String... membersAndValues) {
        var json = Json.createObjectBuilder();
        for (int i = 0; i < membersAndValues.length; i += 2) {
            json.add(membersAndValues[i], membersAndValues[i + 1]);
        }
        return json.build().toString();
    }

    private String invalidField(FederationAdmin.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.body().getString("type")).isEqualTo("https://stellar.org/horizon-errors/bad_request");
        assertThat(answer.body().getJsonObject("extras").getString("reason")).isNotBlank();
        return answer.body().getJsonObject("extras").getString("invalid_field");
    }

    @Test
    void registeringCreatesThenRepeatsThenConflicts() {
        String mobile = body("account_id", BANK, "kind", "mobile", "memo_type", "id", "memo", "42");

        FederationAdmin.Answer created = admin.register("+919876543210*Bank.in", mobile);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("admin/federation/%2B919876543210*bank.in");
        assertThat(created.body()).isEqualTo(Json.createObjectBuilder().add("stellar_address", "+919876543210*bank.in")
                .add("account_id", BANK).add("memo_type", "id").add("memo", "42").add("kind", "mobile").build());

        FederationAdmin.Answer same = admin.register("+919876543210*bank.in", mobile);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).isEqualTo(created.body());
        assertThat(same.location()).isNull();

        FederationAdmin.Answer conflict = admin.register("+919876543210*bank.in",
                body("account_id", BANK, "kind", "mobile", "memo_type", "id", "memo", "43"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().getString("type")).isEqualTo("https://stellar.org/horizon-errors/conflict");
        assertThat(conflict.body().getString("detail"))
                .isEqualTo("+919876543210*bank.in is registered with other data; remove it first to change it");
        assertThat(conflict.body().getJsonObject("extras").getString("result_code")).isEqualTo("address_taken");
        assertThat(conflict.body().getJsonObject("extras").getJsonObject("registered")).isEqualTo(created.body());
    }

    @Test
    void aBankAccountForwardsToOneAddress() {
        JsonObject forward = Json.createObjectBuilder().add("swift", "icicinbb").add("acct", "9002812331").build();
        String first = Json.createObjectBuilder().add("account_id", BANK).add("kind", "account_number")
                .add("memo_type", "text").add("memo", "9002812331").add("forward", forward).build().toString();
        FederationAdmin.Answer created = admin.register("9002812331-ICIC000040*bank.in", first);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().getJsonObject("forward")).isEqualTo(Json.createObjectBuilder()
                .add("swift", "ICICINBB").add("acct", "9002812331").build());

        String second = Json.createObjectBuilder().add("account_id", ALICE).add("kind", "username")
                .add("forward", forward).build().toString();
        FederationAdmin.Answer taken = admin.register("alice*bank.in", second);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().getString("detail"))
                .isEqualTo("bank account 9002812331 at ICICINBB already forwards to another address");
        assertThat(taken.body().getJsonObject("extras").getString("result_code")).isEqualTo("forward_taken");
        assertThat(taken.body().getJsonObject("extras").getJsonObject("registered").getString("stellar_address"))
                .isEqualTo("9002812331-ICIC000040*bank.in");
    }

    @Test
    void aLostRaceIsAConflictToRepeat() {
        directory.forceNextOutcome(RegisterOutcome.CONCURRENT_CHANGE);
        FederationAdmin.Answer answer = admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username"));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().getJsonObject("extras").getString("result_code")).isEqualTo("concurrent_change");
        assertThat(answer.body().getJsonObject("extras").containsKey("registered")).isFalse();
    }

    @Test
    void malformedBodiesAreRefusedNamingTheField() {
        assertThat(invalidField(admin.register("alice*bank.in", null))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", " "))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", "{"))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", "[1]"))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", "\"x\""))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"note\":\"" + "x".repeat(FederationAdmin.BODY_CHARS_MAX) + "\"}"))).isEqualTo("body");
        assertThat(invalidField(admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username",
                "stellar_address", "alice*bank.in")))).isEqualTo("stellar_address");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"memo_type\":\"id\",\"memo\":42}"))).isEqualTo("memo");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"forward\":\"ICICINBB/1\"}"))).isEqualTo("forward");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"forward\":{\"swift\":\"ICICINBB\",\"acct\":\"1\",\"iban\":\"x\"}}"))).isEqualTo("forward.iban");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"forward\":{\"swift\":\"ICICINBB\",\"acct\":1}}"))).isEqualTo("forward.acct");
        assertThat(invalidField(admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE + "\",\"kind\":\"username\","
                + "\"forward\":{\"swift\":\"ICICINBB\"}}"))).isEqualTo("forward.acct");
    }

    @Test
    void nullMembersAreNotGiven() {
        FederationAdmin.Answer answer = admin.register("alice*bank.in", "{\"account_id\":\"" + ALICE
                + "\",\"kind\":\"username\",\"memo_type\":null,\"memo\":null,\"forward\":null}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().keySet()).containsExactly("stellar_address", "account_id", "kind");
    }

    @Test
    void theDomainRulesApplyWithTheAdminApisFieldNames() {
        assertThat(invalidField(admin.register("alice", body("account_id", ALICE, "kind", "username"))))
                .isEqualTo("address");
        assertThat(invalidField(admin.register("alice*other.in", body("account_id", ALICE, "kind", "username"))))
                .isEqualTo("address");
        assertThat(invalidField(admin.register("alice*bank.in", body("account_id", ALICE, "kind", "mobile"))))
                .isEqualTo("address");
        assertThat(invalidField(admin.register("alice*bank.in", body("account_id", ALICE)))).isEqualTo("kind");
        assertThat(invalidField(admin.register("alice*bank.in", body("kind", "username")))).isEqualTo("account_id");
        assertThat(invalidField(admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username",
                "memo_type", "id", "memo", "x")))).isEqualTo("memo");
        assertThat(invalidField(admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username",
                "memo", "x")))).isEqualTo("memo_type");
    }

    @Test
    void removingDeletesOnceWhateverTheCase() {
        admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username"));

        FederationAdmin.Answer removed = admin.remove("ALICE*BANK.IN");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isNull();
        FederationAdmin.Answer again = admin.remove("alice*bank.in");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().getString("type")).isEqualTo("https://stellar.org/horizon-errors/not_found");
        assertThat(invalidField(admin.remove("alice"))).isEqualTo("address");
        assertThat(directory.byAddress(StellarAddress.parse("q", "alice*bank.in").value())).isEmpty();
    }

    @Test
    void anAddressOfADomainNoLongerServedCanStillBeRemoved() {
        admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username"));
        FederationAdmin narrower = new FederationAdmin(directory, ServedDomains.none());

        assertThat(narrower.remove("alice*bank.in").status()).isEqualTo(204);
    }

    @Test
    void listingShowsAnAccountsAddressesOldestFirst() {
        admin.register("zed*bank.in", body("account_id", BANK, "kind", "username"));
        admin.register("+919876543210*bank.in", body("account_id", BANK, "kind", "mobile", "memo_type", "id",
                "memo", "7"));
        admin.register("alice*bank.in", body("account_id", ALICE, "kind", "username"));

        FederationAdmin.Answer list = admin.list(BANK);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().getString("account_id")).isEqualTo(BANK);
        assertThat(list.body().getInt("limit")).isEqualTo(200);
        assertThat(list.body().getJsonArray("records")).extracting(v -> v.asJsonObject().getString("stellar_address"))
                .containsExactly("zed*bank.in", "+919876543210*bank.in");
        assertThat(admin.list(account(9)).body().getJsonArray("records")).isEmpty();
        assertThat(invalidField(admin.list(null))).isEqualTo("account_id");
        assertThat(invalidField(admin.list("GABC"))).isEqualTo("account_id");
    }

    @Test
    void pathsArePercentEncodedSoAPlusStaysAPlus() {
        assertThat(FederationAdmin.encode("+919876543210*bank.in")).isEqualTo("%2B919876543210*bank.in");
        assertThat(FederationAdmin.encode("maria@gmail.com*bank.in")).isEqualTo("maria%40gmail.com*bank.in");
    }
}
