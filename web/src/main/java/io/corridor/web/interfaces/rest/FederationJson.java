package io.corridor.web.interfaces.rest;

import io.corridor.federation.FederationAddress;
import io.corridor.federation.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON of federation answers: SEP-2 records, and problems ({@code application/problem+json}) shaped as
 * {@link Problem} shapes them, plus SEP-2's {@code error} member so that federation clients find the reason where
 * SEP-2 puts it. Pure: no JAX-RS runtime, so it can be tested on its own.
 */
public final class FederationJson {

    /** The problem types' base, Horizon's, as in {@link Problem}. */
    private static final String TYPE_BASE = "https://stellar.org/horizon-errors/";

    private FederationJson() {
    }

    /** SEP-2's record: {@code stellar_address}, {@code account_id}, and {@code memo_type}/{@code memo} if set. */
    public static JsonObjectBuilder record(FederationAddress address) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("stellar_address", address.address().toString())
                .add("account_id", address.accountId());
        address.memo().ifPresent(memo -> json.add("memo_type", memo.type().code()).add("memo", memo.value()));
        return json;
    }

    /** A problem body; {@code extras} may be null. */
    public static JsonObject problem(int status, String type, String title, String detail, JsonObject extras) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (extras != null) {
            body.add("extras", extras);
        }
        return body.build();
    }

    /** Horizon's 400 {@code bad_request} naming the invalid field, as {@link Problem#badRequest} writes it. */
    public static JsonObject badRequest(FieldError error) {
        return problem(400, "bad_request", "Bad Request", "The request you sent was invalid in some way.",
                Json.createObjectBuilder().add("invalid_field", error.field()).add("reason", error.reason()).build());
    }

    /** {@code body} with SEP-2's {@code error} member added. */
    static JsonObject withSep2Error(JsonObject body, String error) {
        return Json.createObjectBuilder(body).add("error", error).build();
    }
}
