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

/**
 * {@code GET /}: Horizon's root, with the network passphrase, the latest ledger and the oldest ledger whose history
 * (transactions, operations) the node still keeps ({@code history_elder_ledger}).
 */
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
                        .add("assets", links.templated("/assets{?asset_code,asset_issuer,cursor,limit,order}"))
                        .add("accounts", links.templated("/accounts{?signer,sponsor,asset,liquidity_pool,cursor,limit,order}"))
                        .add("account_transactions", links.templated(
                                "/accounts/{account_id}/transactions{?cursor,limit,order}"))
                        .add("claimable_balances", links.templated(
                                "/claimable_balances{?asset,sponsor,claimant,cursor,limit,order}"))
                        .add("effects", links.templated("/effects{?cursor,limit,order}"))
                        .add("fee_stats", links.link("/fee_stats"))
                        .add("ledger", links.templated("/ledgers/{sequence}"))
                        .add("ledgers", links.templated("/ledgers{?cursor,limit,order}"))
                        .add("liquidity_pools", links.templated("/liquidity_pools{?reserves,account,cursor,limit,order}"))
                        .add("offer", links.templated("/offers/{offer_id}"))
                        .add("offers", links.templated("/offers{?selling,buying,seller,sponsor,cursor,limit,order}"))
                        .add("openapi", links.link("/openapi.json"))
                        .add("operation", links.templated("/operations/{id}"))
                        .add("operations", links.templated("/operations{?cursor,limit,order,include_failed}"))
                        .add("order_book", links.templated("/order_book{?selling_asset_type,selling_asset_code,"
                                + "selling_asset_issuer,buying_asset_type,buying_asset_code,buying_asset_issuer,limit}"))
                        .add("payments", links.templated("/payments{?cursor,limit,order,include_failed}"))
                        .add("self", links.link("/"))
                        .add("strict_receive_paths", links.templated("/paths/strict-receive{?source_assets,"
                                + "source_account,destination_account,destination_asset_type,destination_asset_code,"
                                + "destination_asset_issuer,destination_amount}"))
                        .add("strict_send_paths", links.templated("/paths/strict-send{?destination_account,"
                                + "destination_assets,source_asset_type,source_asset_code,source_asset_issuer,"
                                + "source_amount}"))
                        .add("trade_aggregations", links.templated("/trade_aggregations?base_asset_type="
                                + "{base_asset_type}&base_asset_code={base_asset_code}&base_asset_issuer="
                                + "{base_asset_issuer}&counter_asset_type={counter_asset_type}&counter_asset_code="
                                + "{counter_asset_code}&counter_asset_issuer={counter_asset_issuer}"))
                        .add("trades", links.templated("/trades?base_asset_type={base_asset_type}&base_asset_code="
                                + "{base_asset_code}&base_asset_issuer={base_asset_issuer}&counter_asset_type="
                                + "{counter_asset_type}&counter_asset_code={counter_asset_code}"
                                + "&counter_asset_issuer={counter_asset_issuer}"))
                        .add("transaction", links.templated("/transactions/{hash}"))
                        .add("transactions", links.templated("/transactions{?cursor,limit,order,include_failed}")))
                .add("horizon_version", VERSION)
                .add("core_version", VERSION)
                .add("ingest_latest_ledger", latest)
                .add("history_latest_ledger", latest)
                .add("history_latest_ledger_closed_at", Times.iso(closedAt))
                .add("history_elder_ledger", node.historyElderLedger())
                .add("core_latest_ledger", latest)
                .add("network_passphrase", node.profile().passphrase())
                .add("current_protocol_version", protocol)
                .add("supported_protocol_version", protocol)
                .add("core_supported_protocol_version", protocol)
                .build().toString();
    }
}
