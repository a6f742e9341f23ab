package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.NodeConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /.well-known/stellar.toml} (SEP-1), generated from the node's configuration: the network passphrase,
 * this node's Horizon URL, the node as a validator and the organisation. Values come from
 * {@code corridor.*} properties; text is escaped as TOML basic strings. The federation server is added to the
 * file once the node serves federation.
 */
@RequestScoped
@Path("/.well-known/stellar.toml")
public class StellarTomlResource {

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
                .append("HORIZON_URL=").append(quote(base)).append('\n')
                .append("ACCOUNTS=[")
                .append(String.join(", ", accounts().stream().map(StellarTomlResource::quote).toList()))
                .append("]\n\n")
                .append("[DOCUMENTATION]\n")
                .append("ORG_NAME=").append(quote(org)).append('\n')
                .append("ORG_DESCRIPTION=").append(quote("Corridor payment network node (" + config.profile().name()
                        + " profile, native asset " + config.profile().nativeAssetCode() + ")")).append('\n');
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
