package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /trade_aggregations}: trades of an asset pair bucketed by time (see
 * {@link TradeAggregationsQuery}). There are no trades yet, so the page is empty once the parameters pass
 * Horizon's checks.
 */
@RequestScoped
@Path("/trade_aggregations")
public class TradeAggregationResource {

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String tradeAggregations(@QueryParam("base_asset_type") String baseType,
            @QueryParam("base_asset_code") String baseCode, @QueryParam("base_asset_issuer") String baseIssuer,
            @QueryParam("counter_asset_type") String counterType,
            @QueryParam("counter_asset_code") String counterCode,
            @QueryParam("counter_asset_issuer") String counterIssuer,
            @QueryParam("resolution") String resolution, @QueryParam("offset") String offset,
            @QueryParam("start_time") String startTime, @QueryParam("end_time") String endTime,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.TRADE_ID);
        TradeAggregationsQuery query = TradeAggregationsQuery.parse(
                AssetParam.of("base", baseType, baseCode, baseIssuer),
                AssetParam.of("counter", counterType, counterCode, counterIssuer),
                resolution, offset, startTime, endTime);
        return MarketPages.emptyPage(new Links(uri), "/trade_aggregations", query.filters(), page);
    }
}
