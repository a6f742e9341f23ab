package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.stellar.sdk.xdr.LedgerHeader;

/** {@code GET /}: Horizon's root, with the network passphrase and the latest ledger. */
@RequestScoped
@Path("/")
public class RootResource {

    static final String VERSION = "corridor-0.1.0";

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String root() {
        LedgerNode node = access.node();
        LedgerHeader header = node.lastHeader();
        int latest = (int) (long) header.getLedgerSeq().getUint32().getNumber();
        long closedAt = header.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber().longValueExact();
        int protocol = (int) (long) header.getLedgerVersion().getUint32().getNumber();
        Links links = new Links(uri);
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("account", links.templated("/accounts/{account_id}"))
                        .add("effects", links.templated("/effects{?cursor,limit,order}"))
                        .add("fee_stats", links.link("/fee_stats"))
                        .add("ledger", links.templated("/ledgers/{sequence}"))
                        .add("ledgers", links.templated("/ledgers{?cursor,limit,order}"))
                        .add("openapi", links.link("/openapi.json"))
                        .add("operations", links.templated("/operations{?cursor,limit,order,include_failed}"))
                        .add("payments", links.templated("/payments{?cursor,limit,order,include_failed}"))
                        .add("transactions", links.templated("/transactions{?cursor,limit,order,include_failed}"))
                        .add("self", links.link("/"))
                        .add("transaction", links.templated("/transactions/{hash}")))
                .add("horizon_version", VERSION)
                .add("core_version", VERSION)
                .add("ingest_latest_ledger", latest)
                .add("history_latest_ledger", latest)
                .add("history_latest_ledger_closed_at", Times.iso(closedAt))
                .add("history_elder_ledger", 1)
                .add("core_latest_ledger", latest)
                .add("network_passphrase", node.profile().passphrase())
                .add("current_protocol_version", protocol)
                .add("supported_protocol_version", protocol)
                .add("core_supported_protocol_version", protocol)
                .build().toString();
    }
}
