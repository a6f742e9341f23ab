package io.corridor.web.interfaces.rest;

import io.corridor.federation.Checked;
import io.corridor.federation.FederationAddress;
import io.corridor.federation.ServedDomains;
import io.corridor.ledger.application.NodeConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /.well-known/stellar.toml} (SEP-1), generated from the node's configuration: the network passphrase,
 * this node's Horizon URL, its federation server (when it serves a federation domain), the bank's accounts and
 * currencies, the node as a validator and the organisation. Values come from {@code corridor.*} properties; text
 * is escaped as TOML basic strings.
 */
@RequestScoped
@Path("/.well-known/stellar.toml")
public class StellarTomlResource {

    static final String CURRENCIES_PROPERTY = "corridor.toml.currencies";
    /** Currencies listed at most. */
    static final int CURRENCIES_MAX = 100;
    private static final Pattern ASSET_CODE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Logger LOG = Logger.getLogger(StellarTomlResource.class.getName());
    private static final AtomicReference<String> REPORTED_CURRENCIES = new AtomicReference<>();

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Produces("text/plain; charset=utf-8")
    public String stellarToml() {
        NodeConfig config = access.bean().config();
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String configuredOrg = System.getProperty("corridor.org.name", "").trim();
        String org = configuredOrg.isEmpty() ? config.nodeName() : configuredOrg;
        String peerPort = System.getProperty("corridor.peer.port", "11625");
        String host = System.getProperty("corridor.node.host", uri.getBaseUri().getHost());
        StringBuilder toml = new StringBuilder()
                .append("# stellar.toml of Corridor node ").append(config.nodeName())
                .append(", generated from its configuration (SEP-1).\n")
                .append("VERSION=\"2.0.0\"\n")
                .append("NETWORK_PASSPHRASE=").append(quote(config.profile().passphrase())).append('\n')
                .append("HORIZON_URL=").append(quote(base)).append('\n');
        federationServer(base, FederationSettings.servedDomains())
                .ifPresent(url -> toml.append("FEDERATION_SERVER=").append(quote(url)).append('\n'));
        toml.append("ACCOUNTS=[")
                .append(String.join(", ", accounts().stream().map(StellarTomlResource::quote).toList()))
                .append("]\n\n")
                .append("[DOCUMENTATION]\n")
                .append("ORG_NAME=").append(quote(org)).append('\n')
                .append("ORG_DESCRIPTION=").append(quote("Corridor payment network node (" + config.profile().name()
                        + " profile, native asset " + config.profile().nativeAssetCode() + ")")).append('\n');
        for (Currency currency : currencies(System.getProperty(CURRENCIES_PROPERTY))) {
            toml.append("\n[[CURRENCIES]]\n")
                    .append("code=").append(quote(currency.code())).append('\n')
                    .append("issuer=").append(quote(currency.issuer())).append('\n');
        }
        String publicKey = access.bean().nodePublicKey();
        // A node without an identity key (no corridor.node.seed.file) cannot be named as a validator.
        if (publicKey.startsWith("G")) {
            toml.append("\n[[VALIDATORS]]\n")
                    .append("ALIAS=").append(quote(config.nodeName())).append('\n')
                    .append("DISPLAY_NAME=").append(quote(configuredOrg.isEmpty() ? config.nodeName()
                            : configuredOrg + " " + config.nodeName())).append('\n')
                    .append("PUBLIC_KEY=").append(quote(publicKey)).append('\n')
                    .append("HOST=").append(quote(host + ":" + peerPort)).append('\n');
        }
        return toml.toString();
    }

    /**
     * SEP-2's endpoint of this node, {@code <Horizon URL>/federation}, when it serves at least one federation
     * domain; a server that can resolve nothing is not advertised.
     */
    static Optional<String> federationServer(String base, Checked<ServedDomains> served) {
        if (!served.isValid() || served.value().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(base + "/federation");
    }

    /** A credit asset the bank issues, for {@code [[CURRENCIES]]}. */
    record Currency(String code, String issuer) {
    }

    /**
     * {@value #CURRENCIES_PROPERTY}: comma-separated {@code CODE:ISSUER} entries, the code 1 to 12 letters or
     * digits, the issuer a {@code G...} account id. Malformed entries are left out of the file and logged once.
     */
    static List<Currency> currencies(String configured) {
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        List<Currency> currencies = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String code = colon < 0 ? "" : trimmed.substring(0, colon);
            String issuer = colon < 0 ? "" : trimmed.substring(colon + 1);
            if (ASSET_CODE.matcher(code).matches() && FederationAddress.isAccountId(issuer)
                    && currencies.size() < CURRENCIES_MAX) {
                currencies.add(new Currency(code, issuer));
            } else {
                refused.add(trimmed);
            }
        }
        if (!refused.isEmpty() && !Objects.equals(REPORTED_CURRENCIES.getAndSet(configured), configured)) {
            LOG.warning(() -> CURRENCIES_PROPERTY + ": left out of stellar.toml (expected at most " + CURRENCIES_MAX
                    + " CODE:ISSUER entries, code 1-12 letters or digits, issuer G...): " + refused);
        }
        return currencies;
    }

    /** Accounts the bank declares as its own: {@code corridor.toml.accounts}, comma-separated strkeys. */
    private static java.util.List<String> accounts() {
        String configured = System.getProperty("corridor.toml.accounts", "").trim();
        if (configured.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A TOML basic string: quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
