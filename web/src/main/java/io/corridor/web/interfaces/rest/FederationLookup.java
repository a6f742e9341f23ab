package io.corridor.web.interfaces.rest;

import io.corridor.federation.Checked;
import io.corridor.federation.FederationAddress;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.FieldError;
import io.corridor.federation.ForwardKey;
import io.corridor.federation.ServedDomains;
import io.corridor.federation.StellarAddress;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers a SEP-2 federation request: {@code type=name} resolves {@code q=name*domain}, {@code type=id} finds the
 * first address registered for the account {@code q}, {@code type=forward} with {@code forward_type=bank_account}
 * finds the address of the bank account {@code swift}/{@code acct}. Only addresses of the domains the node serves
 * are answered. The answer is a status and a body; {@link FederationResource} sends it.
 */
final class FederationLookup {

    static final String TYPES = "one of name, id, forward";
    /**
     * A query string's {@code +} arrives as a space when the client did not percent-encode it; a name never holds
     * whitespace, so a leading space before the digits of a phone number can only have been its {@code +}.
     */
    private static final Pattern UNENCODED_PLUS = Pattern.compile(" [0-9]+\\*.*", Pattern.DOTALL);

    /** The status and JSON body of an answer. */
    record Answer(int status, JsonObject body) {
    }

    private final FederationDirectory directory;
    private final ServedDomains served;

    FederationLookup(FederationDirectory directory, ServedDomains served) {
        this.directory = directory;
        this.served = served;
    }

    Answer answer(String q, String type, String forwardType, String swift, String acct) {
        if (type == null || type.isEmpty()) {
            return invalid(new FieldError("type", "missing; " + TYPES));
        }
        return switch (type) {
            case "name" -> byName(q);
            case "id" -> byAccountId(q);
            case "forward" -> byForward(forwardType, swift, acct);
            case "txid" -> invalid(new FieldError("type", "txid lookups are not supported; " + TYPES));
            default -> invalid(new FieldError("type", "unknown type '" + type + "'; " + TYPES));
        };
    }

    private Answer byName(String q) {
        String text = q != null && UNENCODED_PLUS.matcher(q).matches() ? "+" + q.substring(1) : q;
        Checked<StellarAddress> address = StellarAddress.parse("q", text);
        if (!address.isValid()) {
            return invalid(address.error());
        }
        Optional<FieldError> unserved = served.check("q", address.value());
        if (unserved.isPresent()) {
            return invalid(unserved.get());
        }
        return found(directory.byAddress(address.value()), address.value().toString());
    }

    private Answer byAccountId(String q) {
        Checked<String> accountId = FederationAddress.parseAccountId("q", q);
        if (!accountId.isValid()) {
            return invalid(accountId.error());
        }
        Optional<FederationAddress> first = directory
                .byAccountId(accountId.value(), FederationDirectory.ADDRESSES_PER_ACCOUNT_MAX).stream()
                .filter(a -> served.serves(a.domain()))
                .findFirst();
        return found(first, accountId.value());
    }

    private Answer byForward(String forwardType, String swift, String acct) {
        if (forwardType == null || forwardType.isEmpty()) {
            return invalid(new FieldError("forward_type", "missing; this server forwards to bank_account"));
        }
        if (!forwardType.equals("bank_account")) {
            return invalid(new FieldError("forward_type",
                    "unsupported forward type '" + forwardType + "'; this server forwards to bank_account"));
        }
        Checked<ForwardKey> key = ForwardKey.parse("swift", swift, "acct", acct);
        if (!key.isValid()) {
            return invalid(key.error());
        }
        Optional<FederationAddress> address = directory.byForward(key.value()).filter(a -> served.serves(a.domain()));
        return found(address, "bank account " + key.value().acct() + " at " + key.value().swift());
    }

    private static Answer found(Optional<FederationAddress> address, String looked) {
        if (address.isPresent()) {
            return new Answer(200, FederationJson.record(address.get()).build());
        }
        String error = "no federation record for " + looked;
        return new Answer(404, FederationJson.withSep2Error(FederationJson.problem(404, "not_found",
                "Resource Missing", "No federation record was found for " + looked + ".", null), error));
    }

    private static Answer invalid(FieldError error) {
        return new Answer(400, FederationJson.withSep2Error(FederationJson.badRequest(error), error.toString()));
    }
}
