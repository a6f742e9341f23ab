package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape checker on small hand-written documents, without a server: it must find missing fields, wrong JSON
 * types, nulls where none are allowed and undocumented fields, all at once and each with its path; honour the
 * data file's named exceptions and nothing else; and refuse a data file with faults. Then the real data file:
 * it loads, covers every resource and operation type, and holds a Horizon-shaped account and operation.
 */
class HorizonShapesTest {

    /** A small data file: a thing with every kind of field, and a discriminated asset. */
    private static final String DATA = """
            {"shapes": {
              "thing": {
                "source": "hand-written",
                "fields": {
                  "name": "string",
                  "count": "integer",
                  "ratio": "number?",
                  "flag": "boolean",
                  "maybe": "string|null",
                  "tags": "[string]",
                  "labels": "{string}?",
                  "inner": "@inner",
                  "list": "[@inner]?",
                  "inline": {"fields": {"x": "integer"}, "optional": true},
                  "anything": "any?"
                },
                "corridor_extras": {"extra_ok": "a test extra"}
              },
              "inner": {"source": "hand-written", "fields": {"a": "string", "b": "integer?"}},
              "asset": {
                "source": "hand-written",
                "fields": {"asset_type": "string"},
                "discriminator": "asset_type",
                "variants": {"native": "none", "credit_alphanum4": "credit"}
              },
              "none": {"source": "hand-written", "fields": {}},
              "credit": {"source": "hand-written", "fields": {"asset_code": "string", "asset_issuer": "string"}},
              "payment": {"source": "hand-written", "extends": ["asset"], "fields": {"amount": "string"},
                "corridor_missing": {"amount": "a test gap"}}
            }}
            """;

    private static final String GOOD = """
            {"name": "n", "count": 3, "ratio": 0.5, "flag": true, "maybe": null, "tags": ["a", "b"],
             "labels": {"k": "v"}, "inner": {"a": "x"}, "list": [{"a": "y", "b": 2}], "inline": {"x": 1},
             "anything": [1, "two"]}
            """;

    private final HorizonShapes shapes = HorizonShapes.parse(DATA);

    @Test
    void aConformingDocumentPasses() {
        HorizonShapes.Report report = shapes.check("thing", GOOD);
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.undocumented()).isEmpty();
        assertThat(report.conforms()).isTrue();
        report.orFail();
    }

    @Test
    void missingRequiredFieldsAreReportedWithTheirPathsAndOptionalOnesAreNot() {
        HorizonShapes.Report report = shapes.check("thing", """
                {"count": 3, "flag": false, "maybe": "m", "tags": [], "inner": {}, "list": [{"a": "y"}, {"b": 1}]}
                """);
        assertThat(report.mismatches()).containsExactly("thing.name: missing", "thing.inner.a: missing",
                "thing.list[1].a: missing");
        assertThat(report.undocumented()).isEmpty();
    }

    @Test
    void wrongJsonTypesAreReportedWithWhatWasFound() {
        HorizonShapes.Report report = shapes.check("thing", """
                {"name": 7, "count": "3", "ratio": "0.5", "flag": "true", "maybe": false, "tags": ["a", 1],
                 "labels": {"k": 2}, "inner": [], "list": {}, "inline": {"x": 1.5}, "anything": null}
                """);
        assertThat(report.mismatches()).containsExactly(
                "thing.name: expected string, got number 7",
                "thing.count: expected integer, got string \"3\"",
                "thing.ratio: expected number, got string \"0.5\"",
                "thing.flag: expected boolean, got string \"true\"",
                "thing.maybe: expected string or null, got boolean false",
                "thing.tags[1]: expected string, got number 1",
                "thing.labels.k: expected string, got number 2",
                "thing.inner: expected object (inner), got array",
                "thing.list: expected array of object (inner), got object",
                "thing.inline.x: expected integer, got number 1.5",
                "thing.anything: null, expected any");
    }

    @Test
    void anIntegerIsANumberWithoutFractionOrExponent() {
        assertThat(shapes.check("thing", GOOD.replace("\"count\": 3", "\"count\": 3.0")).mismatches())
                .containsExactly("thing.count: expected integer, got number 3.0");
        assertThat(shapes.check("thing", GOOD.replace("\"count\": 3", "\"count\": 1e3")).mismatches())
                .containsExactly("thing.count: expected integer, got number 1e3");
        assertThat(shapes.check("thing", GOOD.replace("\"count\": 3", "\"count\": -12")).conforms()).isTrue();
    }

    @Test
    void nullIsAMismatchUnlessTheFieldAllowsIt() {
        HorizonShapes.Report report = shapes.check("thing", GOOD.replace("\"name\": \"n\"", "\"name\": null")
                .replace("\"ratio\": 0.5", "\"ratio\": null"));
        assertThat(report.mismatches()).containsExactly("thing.name: null, expected string",
                "thing.ratio: null, expected number");
    }

    @Test
    void undocumentedFieldsAreListedApartAtEveryLevel() {
        HorizonShapes.Report report = shapes.check("thing", GOOD.replace("\"name\": \"n\"",
                "\"name\": \"n\", \"surprise\": 1, \"odd key\": 2").replace("{\"a\": \"x\"}", "{\"a\": \"x\", \"c\": 3}"));
        assertThat(report.mismatches()).isEmpty();
        assertThat(report.undocumented()).containsExactlyInAnyOrder("thing.surprise: not documented by Horizon",
                "thing[\"odd key\"]: not documented by Horizon", "thing.inner.c: not documented by Horizon");
        assertThat(report.conforms()).isFalse();
    }

    @Test
    void everyProblemOfADocumentIsReportedInOneFailure() {
        String bad = """
                {"count": "3", "flag": true, "maybe": null, "tags": [], "inner": {"a": 1}, "unknown": true}
                """;
        assertThatThrownBy(() -> shapes.check("thing", bad).orFail())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"thing\" (hand-written)")
                .hasMessageContaining("mismatches (3)")
                .hasMessageContaining("thing.name: missing")
                .hasMessageContaining("thing.count: expected integer, got string \"3\"")
                .hasMessageContaining("thing.inner.a: expected string, got number 1")
                .hasMessageContaining("fields Horizon does not document (1)")
                .hasMessageContaining("thing.unknown: not documented by Horizon")
                .hasMessageContaining("response: {\"count\"");
    }

    @Test
    void corridorExtrasAndMissingFieldsAreToleratedOnlyWhenNamed() {
        HorizonShapes.Report extra = shapes.check("thing", GOOD.replace("\"name\": \"n\"",
                "\"name\": \"n\", \"extra_ok\": {\"any\": 1}"));
        assertThat(extra.conforms()).isTrue();
        assertThat(extra.tolerated()).containsExactly(
                "thing.extra_ok: not documented by Horizon (allowed: a test extra)");
        // The allowance is for the shape that names it, not for the shapes inside it.
        assertThat(shapes.check("thing", GOOD.replace("{\"a\": \"x\"}", "{\"a\": \"x\", \"extra_ok\": 1}"))
                .undocumented()).containsExactly("thing.inner.extra_ok: not documented by Horizon");

        HorizonShapes.Report missing = shapes.check("payment", "{\"asset_type\": \"native\"}");
        assertThat(missing.conforms()).isTrue();
        assertThat(missing.tolerated()).containsExactly("payment.amount: missing (allowed: a test gap)");
        // A tolerated field that is present is still checked.
        assertThat(shapes.check("payment", "{\"asset_type\": \"native\", \"amount\": 5}").mismatches())
                .containsExactly("payment.amount: expected string, got number 5");
    }

    @Test
    void theDiscriminatorChoosesTheVariantWhoseFieldsAreAdded() {
        assertThat(shapes.check("payment", "{\"asset_type\": \"native\", \"amount\": \"1\"}").conforms()).isTrue();
        HorizonShapes.Report credit = shapes.check("payment",
                "{\"asset_type\": \"credit_alphanum4\", \"asset_code\": \"USD\", \"amount\": \"1\"}");
        assertThat(credit.mismatches()).containsExactly("payment.asset_issuer: missing");
        HorizonShapes.Report native_ = shapes.check("payment",
                "{\"asset_type\": \"native\", \"asset_code\": \"XLM\", \"amount\": \"1\"}");
        assertThat(native_.undocumented()).containsExactly("payment.asset_code: not documented by Horizon");
        HorizonShapes.Report unknown = shapes.check("payment", "{\"asset_type\": \"gold\", \"amount\": \"1\"}");
        assertThat(unknown.mismatches()).containsExactly(
                "payment.asset_type: \"gold\" has no Horizon shape among the variants of asset [credit_alphanum4, native]");
        assertThat(shapes.check("payment", "{\"amount\": \"1\"}").mismatches())
                .containsExactly("payment.asset_type: missing");
    }

    @Test
    void aBodyThatIsNotStrictJsonIsAMismatch() {
        assertThat(shapes.check("inner", "{\"a\": \"x\"} trailing").mismatches()).singleElement()
                .satisfies(m -> assertThat(m).startsWith("inner: not a JSON document"));
        assertThat(shapes.check("inner", "{a: \"x\"}").mismatches()).singleElement()
                .satisfies(m -> assertThat(m).startsWith("inner: not a JSON document"));
        assertThat(shapes.check("inner", "").conforms()).isFalse();
        assertThat(shapes.check("inner", "[]").mismatches()).containsExactly(
                "inner: expected object (inner), got array");
    }

    @Test
    void anInvalidDataFileIsRefusedWithEveryFault() {
        String data = """
                {"shapes": {
                  "a": {"fields": {"x": "@missing", "y": "strin", "z": "[string?]"}, "colour": "red"},
                  "b": {"source": "s", "extends": ["nowhere"], "fields": {"k": "string"},
                        "discriminator": "kind", "variants": {"one": "a"}},
                  "c": {"source": "s", "fields": {"k": "string?"}, "corridor_missing": {"k": "optional anyway"},
                        "corridor_extras": {"k": "documented"}},
                  "d": {"source": "s", "extends": ["e"], "fields": {}},
                  "e": {"source": "s", "extends": ["d"], "fields": {}}
                }}
                """;
        assertThatThrownBy(() -> HorizonShapes.parse(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape a: has no \"source\"")
                .hasMessageContaining("shape a: unknown key \"colour\"")
                .hasMessageContaining("a.x: refers to unknown shape missing")
                .hasMessageContaining("a.y: \"strin\" is not a type")
                .hasMessageContaining("items of arrays and maps cannot be optional")
                .hasMessageContaining("shape b: extends unknown shape nowhere")
                .hasMessageContaining("extends itself");
        String semantic = """
                {"shapes": {
                  "b": {"source": "s", "fields": {"k": "string"}, "discriminator": "kind", "variants": {"one": "c"}},
                  "c": {"source": "s", "fields": {"k": "string?"}, "corridor_missing": {"k": "optional anyway"},
                        "corridor_extras": {"k": "documented"}}
                }}
                """;
        assertThatThrownBy(() -> HorizonShapes.parse(semantic))
                .hasMessageContaining("shape b: discriminator kind must be a required string field")
                .hasMessageContaining("shape c.corridor_missing: k is not a required field of the shape")
                .hasMessageContaining("shape c.corridor_extras: k is a documented field of the shape");
        assertThatThrownBy(() -> shapes.check("nothing", "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the real data file ----

    @Test
    void theDataFileLoadsAndDescribesEveryResourceCorridorServes() {
        HorizonShapes real = HorizonShapes.standard();
        assertThat(real.shapeNames()).contains("root", "account", "ledger", "transaction", "operation", "effect",
                "claimable_balance", "fee_stats", "order_book", "paths_page", "offers_page", "trades_page",
                "trade_aggregations_page", "liquidity_pools_page", "problem", "problem_bad_request",
                "accounts_page", "ledgers_page", "transactions_page", "operations_page", "effects_page",
                "claimable_balances_page");
        for (String name : real.shapeNames()) {
            assertThat(real.source(name)).as("source of %s", name).isNotBlank();
        }
    }

    @Test
    void everyOperationTypeCorridorAppliesHasItsShape() {
        assertThat(HorizonShapes.standard().variantValues("operation")).containsExactlyInAnyOrder(
                "create_account", "payment", "change_trust", "allow_trust", "set_trust_line_flags", "set_options",
                "account_merge", "manage_data", "bump_sequence", "clawback", "create_claimable_balance",
                "claim_claimable_balance", "clawback_claimable_balance", "begin_sponsoring_future_reserves",
                "end_sponsoring_future_reserves", "revoke_sponsorship");
    }

    @Test
    void everyEffectTypeCorridorDerivesHasItsShape() {
        // The names of ledger-ejb's EffectType, which this module does not depend on.
        assertThat(HorizonShapes.standard().variantValues("effect")).containsExactlyInAnyOrderElementsOf(List.of(
                "account_created", "account_removed", "account_credited", "account_debited",
                "account_thresholds_updated", "account_home_domain_updated", "account_flags_updated",
                "account_inflation_destination_updated", "signer_created", "signer_removed", "signer_updated",
                "trustline_created", "trustline_removed", "trustline_updated", "trustline_authorized",
                "trustline_deauthorized", "trustline_authorized_to_maintain_liabilities", "trustline_flags_updated",
                "data_created", "data_removed", "data_updated", "sequence_bumped", "claimable_balance_created",
                "claimable_balance_claimant_created", "claimable_balance_claimed", "account_sponsorship_created",
                "account_sponsorship_updated", "account_sponsorship_removed", "trustline_sponsorship_created",
                "trustline_sponsorship_updated", "trustline_sponsorship_removed", "data_sponsorship_created",
                "data_sponsorship_updated", "data_sponsorship_removed", "claimable_balance_sponsorship_created",
                "claimable_balance_sponsorship_updated", "claimable_balance_sponsorship_removed",
                "signer_sponsorship_created", "signer_sponsorship_updated", "signer_sponsorship_removed",
                "claimable_balance_clawed_back"));
    }

    /** An account as Horizon renders one (two trust lines, then the native balance), written by hand. */
    private static final String HORIZON_ACCOUNT = """
            {"_links": {"self": {"href": "h/accounts/G"}, "transactions": {"href": "h/t{?cursor}", "templated": true},
               "operations": {"href": "h"}, "payments": {"href": "h"}, "effects": {"href": "h"},
               "offers": {"href": "h"}, "trades": {"href": "h"}, "data": {"href": "h/{key}", "templated": true}},
             "id": "G", "account_id": "G", "sequence": "120259084288", "sequence_ledger": 28, "sequence_time": "1700",
             "subentry_count": 3, "home_domain": "bank.example", "last_modified_ledger": 30,
             "last_modified_time": "2026-11-21T20:44:00Z",
             "thresholds": {"low_threshold": 0, "med_threshold": 0, "high_threshold": 0},
             "flags": {"auth_required": false, "auth_revocable": false, "auth_immutable": false,
               "auth_clawback_enabled": false},
             "balances": [
               {"balance": "1.0000000", "limit": "10.0000000", "buying_liabilities": "0.0000000",
                "selling_liabilities": "0.0000000", "last_modified_ledger": 29, "is_authorized": true,
                "is_authorized_to_maintain_liabilities": true, "is_clawback_enabled": false,
                "asset_type": "credit_alphanum4", "asset_code": "USD", "asset_issuer": "GI"},
               {"balance": "2.0000000", "limit": "10.0000000", "buying_liabilities": "0.0000000",
                "selling_liabilities": "0.0000000", "sponsor": "GS", "last_modified_ledger": 29,
                "is_authorized": true, "is_authorized_to_maintain_liabilities": true, "is_clawback_enabled": true,
                "asset_type": "credit_alphanum12", "asset_code": "EURODOLLAR", "asset_issuer": "GI"},
               {"balance": "99.0000000", "buying_liabilities": "0.0000000", "selling_liabilities": "0.0000000",
                "asset_type": "native"}],
             "signers": [{"weight": 1, "key": "GO", "type": "ed25519_public_key", "sponsor": "GS"},
               {"weight": 1, "key": "G", "type": "ed25519_public_key"}],
             "data": {"kyc": "ZG9uZQ=="}, "num_sponsoring": 0, "num_sponsored": 2, "paging_token": "G"}
            """;

    @Test
    void aHorizonAccountConformsAndAMissingTrustLineFlagIsFound() {
        HorizonShapes real = HorizonShapes.standard();
        assertThat(real.check("account", HORIZON_ACCOUNT).conforms()).isTrue();

        JsonObject withoutFlag = JsonParser.parseString(HORIZON_ACCOUNT).getAsJsonObject();
        withoutFlag.getAsJsonArray("balances").get(1).getAsJsonObject().remove("is_authorized");
        assertThat(real.check("account", withoutFlag.toString()).mismatches())
                .containsExactly("account.balances[1].is_authorized: missing");

        // The native balance has no limit; a trust line must have one.
        JsonObject nativeWithLimit = JsonParser.parseString(HORIZON_ACCOUNT).getAsJsonObject();
        nativeWithLimit.getAsJsonArray("balances").get(2).getAsJsonObject().addProperty("limit", "1.0000000");
        nativeWithLimit.getAsJsonArray("balances").get(0).getAsJsonObject().remove("limit");
        HorizonShapes.Report limits = real.check("account", nativeWithLimit.toString());
        assertThat(limits.mismatches()).containsExactly("account.balances[0].limit: missing");
        assertThat(limits.undocumented()).containsExactly("account.balances[2].limit: not documented by Horizon");

        JsonObject numericSequence = JsonParser.parseString(HORIZON_ACCOUNT).getAsJsonObject();
        numericSequence.addProperty("sequence", 120259084288L);
        numericSequence.add("last_modified_time", JsonNull.INSTANCE);
        numericSequence.remove("home_domain");
        assertThat(real.check("account", numericSequence.toString()).mismatches())
                .containsExactly("account.sequence: expected string, got number 120259084288");
    }

    @Test
    void operationsAreCheckedByTheirType() {
        String common = """
                "_links": {"self": {"href": "h"}, "transaction": {"href": "h"}, "effects": {"href": "h"},
                  "succeeds": {"href": "h"}, "precedes": {"href": "h"}},
                "id": "12884905985", "paging_token": "12884905985", "transaction_successful": true,
                "source_account": "GA", "created_at": "2026-11-21T20:44:00Z", "transaction_hash": "ab",
                """;
        HorizonShapes real = HorizonShapes.standard();
        String payment = "{" + common + """
                "type": "payment", "type_i": 1, "asset_type": "native", "from": "GA", "to": "GB", "amount": "1.0"}
                """;
        assertThat(real.check("operation", payment).conforms()).isTrue();
        // The pre-fix Corridor rendering of set_options flags: an undocumented field, the documented ones absent.
        String setOptions = "{" + common + """
                "type": "set_options", "type_i": 5, "set_flags_i": 3}
                """;
        assertThat(real.check("operation", setOptions).undocumented())
                .containsExactly("operation.set_flags_i: not documented by Horizon");
        String allowTrust = "{" + common + """
                "type": "allow_trust", "type_i": 7, "trustee": "GA", "trustor": "GB", "authorize": true}
                """;
        assertThat(real.check("operation", allowTrust).mismatches()).containsExactly(
                "operation.asset_type: missing", "operation.authorize_to_maintain_liabilities: missing");
        String claim = "{" + common + "\"type\": \"claim_claimable_balance\", \"type_i\": 15}";
        assertThat(real.check("operation", claim).mismatches()).containsExactly("operation.balance_id: missing",
                "operation.claimant: missing");
    }
}
