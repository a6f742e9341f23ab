package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;

/**
 * {@code GET /accounts/{account_id}/trades}: an account's trades, with the other filters of
 * {@link TradeResource} (none yet), as a page or as Server-Sent Events (heartbeats only). A class of its own
 * beside {@link AccountResource}, for the reason given on {@link AccountOfferResource}.
 */
@RequestScoped
@Path("/accounts/{account_id}/trades")
public class AccountTradeResource {

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String trades(@PathParam("account_id") String accountId,
            @QueryParam("base_asset_type") String baseType, @QueryParam("base_asset_code") String baseCode,
            @QueryParam("base_asset_issuer") String baseIssuer,
            @QueryParam("counter_asset_type") String counterType,
            @QueryParam("counter_asset_code") String counterCode,
            @QueryParam("counter_asset_issuer") String counterIssuer,
            @QueryParam("offer_id") String offerId, @QueryParam("liquidity_pool_id") String liquidityPoolId,
            @QueryParam("trade_type") String tradeType, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.TRADE_ID);
        String id = Params.requiredAccountId("account_id", accountId);
        TradesQuery query = TradesQuery.parse(AssetParam.of("base", baseType, baseCode, baseIssuer),
                AssetParam.of("counter", counterType, counterCode, counterIssuer), id, offerId, liquidityPoolId,
                tradeType);
        Map<String, String> filters = query.filters();
        filters.remove("account_id");
        return MarketPages.emptyPage(new Links(uri), "/accounts/" + id + "/trades", filters, page);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("account_id") String accountId,
            @QueryParam("base_asset_type") String baseType, @QueryParam("base_asset_code") String baseCode,
            @QueryParam("base_asset_issuer") String baseIssuer,
            @QueryParam("counter_asset_type") String counterType,
            @QueryParam("counter_asset_code") String counterCode,
            @QueryParam("counter_asset_issuer") String counterIssuer,
            @QueryParam("offer_id") String offerId, @QueryParam("liquidity_pool_id") String liquidityPoolId,
            @QueryParam("trade_type") String tradeType, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String start = Feeds.marketStart(cursor, lastEventId, PageParams.CursorKind.TRADE_ID);
        String id = Params.requiredAccountId("account_id", accountId);
        TradesQuery.parse(AssetParam.of("base", baseType, baseCode, baseIssuer),
                AssetParam.of("counter", counterType, counterCode, counterIssuer), id, offerId, liquidityPoolId,
                tradeType);
        streams.open(sink, sse, start, Feeds.none());
    }
}
