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
 * {@code /offers}: the offers of the order book, one offer, and an offer's trades. The node keeps no order
 * book yet, so the collections are empty and every offer is missing (404); the parameters are checked as
 * Horizon checks them all the same, so that clients meet the same errors now as later. Streams of offers are
 * opened the same way and send heartbeats only.
 */
@RequestScoped
@Path("/offers")
public class OfferResource {

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String offers(@QueryParam("seller") String seller, @QueryParam("sponsor") String sponsor,
            @QueryParam("selling") String selling, @QueryParam("selling_asset_type") String sellingType,
            @QueryParam("selling_asset_code") String sellingCode,
            @QueryParam("selling_asset_issuer") String sellingIssuer,
            @QueryParam("buying") String buying, @QueryParam("buying_asset_type") String buyingType,
            @QueryParam("buying_asset_code") String buyingCode,
            @QueryParam("buying_asset_issuer") String buyingIssuer,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        OffersQuery query = OffersQuery.parse(seller, sponsor,
                new AssetParam("selling", selling, sellingType, sellingCode, sellingIssuer),
                new AssetParam("buying", buying, buyingType, buyingCode, buyingIssuer));
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.ID);
        return MarketPages.emptyPage(new Links(uri), "/offers", query.filters(), page);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamOffers(@QueryParam("seller") String seller, @QueryParam("sponsor") String sponsor,
            @QueryParam("selling") String selling, @QueryParam("selling_asset_type") String sellingType,
            @QueryParam("selling_asset_code") String sellingCode,
            @QueryParam("selling_asset_issuer") String sellingIssuer,
            @QueryParam("buying") String buying, @QueryParam("buying_asset_type") String buyingType,
            @QueryParam("buying_asset_code") String buyingCode,
            @QueryParam("buying_asset_issuer") String buyingIssuer,
            @QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        OffersQuery.parse(seller, sponsor,
                new AssetParam("selling", selling, sellingType, sellingCode, sellingIssuer),
                new AssetParam("buying", buying, buyingType, buyingCode, buyingIssuer));
        String start = Feeds.marketStart(cursor, lastEventId, PageParams.CursorKind.ID);
        streams.open(sink, sse, start, Feeds.none());
    }

    @GET
    @Path("/{offer_id}")
    @Produces(MediaTypes.HAL)
    public String offer(@PathParam("offer_id") String offerId) {
        Params.positiveLong("offer_id", offerId, Params.OFFER_ID_REASON);
        throw Problem.notFound();
    }

    @GET
    @Path("/{offer_id}/trades")
    @Produces(MediaTypes.HAL)
    public String trades(@PathParam("offer_id") String offerId, @QueryParam("trade_type") String tradeType,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.TRADE_ID);
        long id = Params.positiveLong("offer_id", offerId, Params.OFFER_ID_REASON);
        TradesQuery query = TradesQuery.parse(AssetParam.of("base", null, null, null),
                AssetParam.of("counter", null, null, null), null, Long.toString(id), null, tradeType);
        Map<String, String> filters = query.filters();
        filters.remove("offer_id");
        return MarketPages.emptyPage(new Links(uri), "/offers/" + id + "/trades", filters, page);
    }
}
