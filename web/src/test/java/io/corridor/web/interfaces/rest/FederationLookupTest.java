package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.badChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.federation.FederationAddress;
import io.corridor.federation.Registration;
import io.corridor.federation.ServedDomains;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link FederationLookup}: SEP-2's three request types against a directory, the JSON of a record (memo only when
 * there is one), and every refusal as a 400 problem naming the parameter or a 404 problem, each with SEP-2's
 * {@code error} member.
 */
class FederationLookupTest {

    private static final String BANK = ISSUER;
    private static final String ALICE = SELLER;

    private final InMemoryFederationDirectory directory = new InMemoryFederationDirectory();
    private final ServedDomains served = ServedDomains.parse("bank.in,bank.example").value();
    private FederationLookup lookup;

    private void register(String address, String kind, String account, String memoType, String memo, String swift,
            String acct) {
        FederationAddress record = new Registration(address, kind, account, memoType, memo, swift, acct)
                .validate(served).value();
        directory.register(record);
    }

    @BeforeEach
    void registerSome() {
        register("Alice*bank.in", "username", ALICE, null, null, null, null);
        register("9002812331-ICIC000040*bank.in", "account_number", BANK, "id", "9002812331", "ICICINBB",
                "9002812331");
        register("+919876543210*bank.in", "mobile", BANK, "text", "m 9876543210", null, null);
        register("ABCDE1234F*bank.example", "national_id", BANK, "hash", "ab".repeat(32), null, null);
        lookup = new FederationLookup(directory, served);
    }

    private JsonObject ok(String q, String type, String forwardType, String swift, String acct) {
        FederationLookup.Answer answer = lookup.answer(q, type, forwardType, swift, acct);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private JsonObject badRequest(String q, String type, String forwardType, String swift, String acct, String field) {
        FederationLookup.Answer answer = lookup.answer(q, type, forwardType, swift, acct);
        assertThat(answer.status()).isEqualTo(400);
        JsonObject body = answer.body();
        assertThat(body.getString("type")).isEqualTo("https://stellar.org/horizon-errors/bad_request");
        assertThat(body.getInt("status")).isEqualTo(400);
        assertThat(body.getJsonObject("extras").getString("invalid_field")).isEqualTo(field);
        assertThat(body.getString("error")).isEqualTo(field + ": " + body.getJsonObject("extras").getString("reason"));
        return body;
    }

    private JsonObject notFound(String q, String type, String forwardType, String swift, String acct) {
        FederationLookup.Answer answer = lookup.answer(q, type, forwardType, swift, acct);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().getString("type")).isEqualTo("https://stellar.org/horizon-errors/not_found");
        assertThat(answer.body().getInt("status")).isEqualTo(404);
        assertThat(answer.body().getString("error")).startsWith("no federation record for ");
        return answer.body();
    }

    @Test
    void aNameResolvesToTheAccountAndNoMemoFieldsWhenThereIsNoMemo() {
        JsonObject record = ok("alice*BANK.IN", "name", null, null, null);

        assertThat(record.keySet()).containsExactly("stellar_address", "account_id");
        assertThat(record.getString("stellar_address")).isEqualTo("Alice*bank.in");
        assertThat(record.getString("account_id")).isEqualTo(ALICE);
    }

    @Test
    void eachKindOfNameResolvesWithItsMemo() {
        JsonObject account = ok("9002812331-icic000040*bank.in", "name", null, null, null);
        assertThat(account.getString("stellar_address")).isEqualTo("9002812331-ICIC000040*bank.in");
        assertThat(account.getString("memo_type")).isEqualTo("id");
        assertThat(account.getString("memo")).as("a string, even for an id").isEqualTo("9002812331");

        JsonObject mobile = ok("+919876543210*bank.in", "name", null, null, null);
        assertThat(mobile.getString("account_id")).isEqualTo(BANK);
        assertThat(mobile.getString("memo_type")).isEqualTo("text");
        assertThat(mobile.getString("memo")).isEqualTo("m 9876543210");

        JsonObject nationalId = ok("abcde1234f*bank.example", "name", null, null, null);
        assertThat(nationalId.getString("memo_type")).isEqualTo("hash");
        assertThat(nationalId.getString("memo")).isEqualTo("q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=");
    }

    @Test
    void aPlusSentUnencodedArrivesAsASpaceAndIsTakenBack() {
        assertThat(ok(" 919876543210*bank.in", "name", null, null, null).getString("stellar_address"))
                .isEqualTo("+919876543210*bank.in");
        assertThat(badRequest(" alice*bank.in", "name", null, null, null, "q").getJsonObject("extras")
                .getString("reason")).isEqualTo("name: must not contain whitespace");
    }

    @Test
    void anUnknownNameIsA404Problem() {
        JsonObject problem = notFound("bob*bank.in", "name", null, null, null);
        assertThat(problem.getString("error")).isEqualTo("no federation record for bob*bank.in");
        assertThat(problem.getString("detail")).isEqualTo("No federation record was found for bob*bank.in.");
    }

    @Test
    void aNameIsCheckedAndMustBeOfAServedDomain() {
        assertThat(badRequest(null, "name", null, null, null, "q").getJsonObject("extras").getString("reason"))
                .startsWith("missing");
        badRequest("alice", "name", null, null, null, "q");
        badRequest("a*b*bank.in", "name", null, null, null, "q");
        badRequest("alice*bank", "name", null, null, null, "q");
        assertThat(badRequest("alice*other.in", "name", null, null, null, "q").getJsonObject("extras")
                .getString("reason"))
                .isEqualTo("this node does not serve federation for other.in; it serves bank.example, bank.in");
    }

    @Test
    void anAccountIdResolvesToItsFirstRegisteredAddress() {
        JsonObject record = ok(BANK, "id", null, null, null);
        assertThat(record.getString("stellar_address")).isEqualTo("9002812331-ICIC000040*bank.in");
        assertThat(record.getString("account_id")).isEqualTo(BANK);
        assertThat(ok(ALICE, "id", null, null, null).getString("stellar_address")).isEqualTo("Alice*bank.in");
    }

    @Test
    void anAccountIdIsCheckedAndMayBeUnknown() {
        badRequest(null, "id", null, null, null, "q");
        badRequest(badChecksum(BANK), "id", null, null, null, "q");
        badRequest("alice*bank.in", "id", null, null, null, "q");
        notFound(TestValues.account(9), "id", null, null, null);
    }

    @Test
    void addressesOfADomainNoLongerServedAreNotAnswered() {
        FederationLookup narrower = new FederationLookup(directory, ServedDomains.parse("bank.example").value());
        assertThat(narrower.answer(BANK, "id", null, null, null).body().getString("stellar_address"))
                .as("the first address of a served domain").isEqualTo("ABCDE1234F*bank.example");
        assertThat(narrower.answer(ALICE, "id", null, null, null).status()).isEqualTo(404);
        assertThat(narrower.answer(null, "forward", "bank_account", "ICICINBB", "9002812331").status()).isEqualTo(404);
    }

    @Test
    void aBankAccountForwardResolvesToItsAddress() {
        JsonObject record = ok(null, "forward", "bank_account", "icicinbbxxx", "9002812331");
        assertThat(record.getString("stellar_address")).isEqualTo("9002812331-ICIC000040*bank.in");
        assertThat(record.getString("account_id")).isEqualTo(BANK);
        assertThat(record.getString("memo_type")).isEqualTo("id");
        assertThat(record.getString("memo")).isEqualTo("9002812331");
        assertThat(notFound(null, "forward", "bank_account", "ICICINBB", "1").getString("error"))
                .isEqualTo("no federation record for bank account 1 at ICICINBB");
    }

    @Test
    void aForwardNeedsABankAccountForwardTypeABicAndAnAccount() {
        badRequest(null, "forward", null, "ICICINBB", "1", "forward_type");
        assertThat(badRequest(null, "forward", "remittance_center", "ICICINBB", "1", "forward_type")
                .getJsonObject("extras").getString("reason"))
                .isEqualTo("unsupported forward type 'remittance_center'; this server forwards to bank_account");
        badRequest(null, "forward", "bank_account", null, "1", "swift");
        badRequest(null, "forward", "bank_account", "ICIC", "1", "swift");
        badRequest(null, "forward", "bank_account", "ICICINBB", null, "acct");
        badRequest(null, "forward", "bank_account", "ICICINBB", "1 2", "acct");
    }

    @Test
    void theTypeIsRequiredAndOneOfNameIdForward() {
        assertThat(badRequest("alice*bank.in", null, null, null, null, "type").getJsonObject("extras")
                .getString("reason")).isEqualTo("missing; one of name, id, forward");
        badRequest("alice*bank.in", "", null, null, null, "type");
        assertThat(badRequest("abc", "txid", null, null, null, "type").getJsonObject("extras").getString("reason"))
                .isEqualTo("txid lookups are not supported; one of name, id, forward");
        assertThat(badRequest("alice*bank.in", "NAME", null, null, null, "type").getJsonObject("extras")
                .getString("reason")).isEqualTo("unknown type 'NAME'; one of name, id, forward");
    }

    @Test
    void aNodeServingNoDomainAnswersNoName() {
        FederationLookup none = new FederationLookup(directory, ServedDomains.none());
        assertThat(none.answer("alice*bank.in", "name", null, null, null).body().getJsonObject("extras")
                .getString("reason")).isEqualTo("this node serves federation for no domain");
        assertThat(none.answer(ALICE, "id", null, null, null).status()).isEqualTo(404);
    }
}
