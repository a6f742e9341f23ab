package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /trades}: trades of the order book, by asset pair, account, offer, liquidity pool or trade type
 * (see {@link TradesQuery}). The node has no order book yet, so the page is empty once the filters pass
 * Horizon's checks, and a stream of trades sends heartbeats only.
 */
@RequestScoped
@Path("/trades")
public class TradeResource {

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String trades(@QueryParam("base_asset_type") String baseType,
            @QueryParam("base_asset_code") String baseCode, @QueryParam("base_asset_issuer") String baseIssuer,
            @QueryParam("counter_asset_type") String counterType,
            @QueryParam("counter_asset_code") String counterCode,
            @QueryParam("counter_asset_issuer") String counterIssuer,
            @QueryParam("account_id") String accountId, @QueryParam("offer_id") String offerId,
            @QueryParam("liquidity_pool_id") String liquidityPoolId, @QueryParam("trade_type") String tradeType,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.TRADE_ID);
        TradesQuery query = TradesQuery.parse(AssetParam.of("base", baseType, baseCode, baseIssuer),
                AssetParam.of("counter", counterType, counterCode, counterIssuer), accountId, offerId,
                liquidityPoolId, tradeType);
        return MarketPages.emptyPage(new Links(uri), "/trades", query.filters(), page);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("base_asset_type") String baseType,
            @QueryParam("base_asset_code") String baseCode, @QueryParam("base_asset_issuer") String baseIssuer,
            @QueryParam("counter_asset_type") String counterType,
            @QueryParam("counter_asset_code") String counterCode,
            @QueryParam("counter_asset_issuer") String counterIssuer,
            @QueryParam("account_id") String accountId, @QueryParam("offer_id") String offerId,
            @QueryParam("liquidity_pool_id") String liquidityPoolId, @QueryParam("trade_type") String tradeType,
            @QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        String start = Feeds.marketStart(cursor, lastEventId, PageParams.CursorKind.TRADE_ID);
        TradesQuery.parse(AssetParam.of("base", baseType, baseCode, baseIssuer),
                AssetParam.of("counter", counterType, counterCode, counterIssuer), accountId, offerId,
                liquidityPoolId, tradeType);
        streams.open(sink, sse, start, Feeds.none());
    }
}
