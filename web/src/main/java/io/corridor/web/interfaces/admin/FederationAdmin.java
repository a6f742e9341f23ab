package io.corridor.web.interfaces.admin;

import io.corridor.federation.Checked;
import io.corridor.federation.FederationAddress;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.FieldError;
import io.corridor.federation.RegisterOutcome;
import io.corridor.federation.Registration;
import io.corridor.federation.RemoveOutcome;
import io.corridor.federation.ServedDomains;
import io.corridor.federation.StellarAddress;
import io.corridor.web.interfaces.rest.FederationJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the federation admin API does once a request is authenticated: register an address from its JSON body,
 * remove one, list an account's addresses. Answers are a status, a JSON body (none for 204) and, for a created
 * record, its path. Pure: the JAX-RS resource only sends what this returns.
 */
final class FederationAdmin {

    /** Characters of a registration body at most; a complete one needs a few hundred. */
    static final int BODY_CHARS_MAX = 4096;
    static final String PATH = "admin/federation/";

    private static final Set<String> MEMBERS = Set.of("account_id", "kind", "memo_type", "memo", "forward");
    private static final Set<String> FORWARD_MEMBERS = Set.of("swift", "acct");
    private static final Logger LOG = Logger.getLogger(FederationAdmin.class.getName());

    /** An answer; {@code body} is null for 204 and {@code location} is set for 201. */
    record Answer(int status, JsonObject body, String location) {
        static Answer of(int status, JsonObject body) {
            return new Answer(status, body, null);
        }
    }

    private final FederationDirectory directory;
    private final ServedDomains served;

    FederationAdmin(FederationDirectory directory, ServedDomains served) {
        this.directory = directory;
        this.served = served;
    }

    /** {@code PUT /admin/federation/{address}}: 201 created, 200 unchanged, 400 invalid, 409 conflict. */
    Answer register(String address, String body) {
        Checked<Registration> registration = registration(address, body);
        if (!registration.isValid()) {
            return invalid(registration.error());
        }
        Checked<FederationAddress> record = registration.value().validate(served);
        if (!record.isValid()) {
            return invalid(record.error());
        }
        FederationAddress candidate = record.value();
        RegisterOutcome outcome = directory.register(candidate);
        return switch (outcome) {
            case CREATED -> {
                LOG.info(() -> "federation address " + candidate.address() + " registered for "
                        + candidate.accountId() + " (" + candidate.kind().code() + ")");
                yield new Answer(201, json(candidate), PATH + encode(candidate.address().toString()));
            }
            case UNCHANGED -> Answer.of(200, json(candidate));
            case ADDRESS_TAKEN -> conflict(outcome, candidate.address() + " is registered with other data; remove it "
                    + "first to change it", directory.byAddress(candidate.address()));
            case FORWARD_TAKEN -> conflict(outcome, "bank account " + candidate.forward().orElseThrow().acct() + " at "
                    + candidate.forward().orElseThrow().swift() + " already forwards to another address",
                    directory.byForward(candidate.forward().orElseThrow()));
            case CONCURRENT_CHANGE -> conflict(outcome, candidate.address()
                    + " or its forward was registered by another request at the same time; repeat the request",
                    Optional.empty());
        };
    }

    /** {@code DELETE /admin/federation/{address}}: 204 removed, 404 unknown, 400 malformed. */
    Answer remove(String address) {
        // Removal does not ask whether the domain is still served: records of a dropped domain must be removable.
        Checked<StellarAddress> parsed = StellarAddress.parse(Registration.ADDRESS, address);
        if (!parsed.isValid()) {
            return invalid(parsed.error());
        }
        if (directory.remove(parsed.value()) == RemoveOutcome.NOT_FOUND) {
            return Answer.of(404, FederationJson.problem(404, "not_found", "Resource Missing",
                    "No federation record for " + parsed.value() + ".", null));
        }
        LOG.info(() -> "federation address " + parsed.value() + " removed");
        return Answer.of(204, null);
    }

    /** {@code GET /admin/federation?account_id=...}: the account's addresses, oldest first. */
    Answer list(String accountId) {
        Checked<String> account = FederationAddress.parseAccountId("account_id", accountId);
        if (!account.isValid()) {
            return invalid(account.error());
        }
        JsonArrayBuilder records = Json.createArrayBuilder();
        directory.byAccountId(account.value(), FederationDirectory.ADDRESSES_PER_ACCOUNT_MAX)
                .forEach(a -> records.add(json(a)));
        return Answer.of(200, Json.createObjectBuilder()
                .add("account_id", account.value())
                .add("limit", FederationDirectory.ADDRESSES_PER_ACCOUNT_MAX)
                .add("records", records)
                .build());
    }

    /** A record as the admin API shows it: SEP-2's fields, the kind and the forward. */
    static JsonObject json(FederationAddress address) {
        JsonObjectBuilder json = FederationJson.record(address).add("kind", address.kind().code());
        address.forward().ifPresent(f -> json.add("forward",
                Json.createObjectBuilder().add("swift", f.swift()).add("acct", f.acct())));
        return json.build();
    }

    /** The body's members, strictly: a JSON object of known members whose values are strings (or null). */
    private static Checked<Registration> registration(String address, String body) {
        if (body == null || body.isBlank()) {
            return Checked.invalid("body", "missing: a JSON object with account_id, kind and optionally "
                    + "memo_type, memo, forward");
        }
        if (body.length() > BODY_CHARS_MAX) {
            return Checked.invalid("body", "longer than " + BODY_CHARS_MAX + " characters");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return Checked.invalid("body", "not a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException e) {
            return Checked.invalid("body", "not valid JSON");
        }
        Optional<FieldError> unknown = unknownMember(json, MEMBERS, "");
        if (unknown.isPresent()) {
            return Checked.invalid(unknown.get());
        }
        String swift = null;
        String acct = null;
        JsonValue forward = json.get("forward");
        if (forward != null && forward.getValueType() != JsonValue.ValueType.NULL) {
            if (forward.getValueType() != JsonValue.ValueType.OBJECT) {
                return Checked.invalid("forward", "must be a JSON object with swift and acct");
            }
            JsonObject forwardJson = forward.asJsonObject();
            unknown = unknownMember(forwardJson, FORWARD_MEMBERS, "forward.");
            if (unknown.isPresent()) {
                return Checked.invalid(unknown.get());
            }
            Checked<Optional<String>> s = string(forwardJson, "swift", "forward.swift");
            Checked<Optional<String>> a = string(forwardJson, "acct", "forward.acct");
            if (!s.isValid() || !a.isValid()) {
                return Checked.invalid(s.isValid() ? a.error() : s.error());
            }
            swift = s.value().orElse(null);
            acct = a.value().orElse(null);
        }
        String[] values = new String[4];
        String[] names = {"account_id", "kind", "memo_type", "memo"};
        for (int i = 0; i < names.length; i++) {
            Checked<Optional<String>> value = string(json, names[i], names[i]);
            if (!value.isValid()) {
                return Checked.invalid(value.error());
            }
            values[i] = value.value().orElse(null);
        }
        return Checked.valid(new Registration(address, values[1], values[0], values[2], values[3], swift, acct));
    }

    private static Optional<FieldError> unknownMember(JsonObject json, Set<String> known, String prefix) {
        return json.keySet().stream().filter(k -> !known.contains(k)).sorted().findFirst()
                .map(k -> new FieldError(prefix + k, "unknown member; expected "
                        + String.join(", ", known.stream().sorted().toList())));
    }

    /** A member that must be a JSON string if present; absent and null are both "not given". */
    private static Checked<Optional<String>> string(JsonObject json, String member, String field) {
        JsonValue value = json.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Checked.valid(Optional.empty());
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            return Checked.invalid(field, "must be a JSON string");
        }
        return Checked.valid(Optional.of(((JsonString) value).getString()));
    }

    private static Answer conflict(RegisterOutcome outcome, String detail, Optional<FederationAddress> registered) {
        JsonObjectBuilder extras = Json.createObjectBuilder().add("result_code", outcome.name().toLowerCase(Locale.ROOT));
        registered.ifPresent(r -> extras.add("registered", json(r)));
        return Answer.of(409, FederationJson.problem(409, "conflict", "Conflict", detail, extras.build()));
    }

    private static Answer invalid(FieldError error) {
        return Answer.of(400, FederationJson.badRequest(error));
    }

    /** A path segment: percent-encoded, so that {@code +} stays a plus and never reads as a space. */
    static String encode(String address) {
        return URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
