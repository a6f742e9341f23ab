package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/**
 * {@code GET /order_book}: the bids and asks between two assets. The node keeps no order book yet, so both
 * sides are empty. Bad parameters are answered with Horizon's own problem type for this endpoint,
 * {@code invalid_order_book}, which Horizon sends without saying which parameter is wrong; this node adds
 * {@code extras.invalid_field} and {@code extras.reason} as its other 400s do. The book is also streamed.
 */
@RequestScoped
@Path("/order_book")
public class OrderBookResource {

    /** The version of a book that no ledger has changed: every book, while the node keeps none. */
    static final long EMPTY_BOOK_VERSION = 0;

    static final String INVALID_DETAIL = "The parameters that specify what order book to view are invalid in "
            + "some way. Please ensure that your type parameters (selling_asset_type and buying_asset_type) are "
            + "one the following valid values: native, credit_alphanum4, credit_alphanum12.  Also ensure that "
            + "you have specified selling_asset_code and selling_asset_issuer if selling_asset_type is not "
            + "'native', as well as buying_asset_code and buying_asset_issuer if buying_asset_type is not "
            + "'native'";

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @GET
    @Produces(MediaTypes.HAL)
    public String orderBook(@QueryParam("selling_asset_type") String sellingType,
            @QueryParam("selling_asset_code") String sellingCode,
            @QueryParam("selling_asset_issuer") String sellingIssuer,
            @QueryParam("buying_asset_type") String buyingType,
            @QueryParam("buying_asset_code") String buyingCode,
            @QueryParam("buying_asset_issuer") String buyingIssuer,
            @QueryParam("limit") String limit) {
        return MarketPages.orderBook(query(sellingType, sellingCode, sellingIssuer, buyingType, buyingCode,
                buyingIssuer, limit));
    }

    /**
     * The order book as Server-Sent Events, as Horizon streams it: the book now, then again whenever a ledger
     * changes it. The event id is the book's version, the last ledger that changed it; the book has no price
     * levels yet and never changes, so it is sent once, with id {@value #EMPTY_BOOK_VERSION}, and a client that
     * resumes from that id is sent nothing more.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamOrderBook(@QueryParam("selling_asset_type") String sellingType,
            @QueryParam("selling_asset_code") String sellingCode,
            @QueryParam("selling_asset_issuer") String sellingIssuer,
            @QueryParam("buying_asset_type") String buyingType,
            @QueryParam("buying_asset_code") String buyingCode,
            @QueryParam("buying_asset_issuer") String buyingIssuer,
            @QueryParam("limit") String limit, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        OrderBookQuery query = query(sellingType, sellingCode, sellingIssuer, buyingType, buyingCode, buyingIssuer,
                limit);
        streams.open(sink, sse, Feeds.snapshotStart(null, lastEventId, () -> access.node().sequence()),
                Feeds.snapshot(() -> Optional.of(query), book -> EMPTY_BOOK_VERSION, MarketPages::orderBookJson));
    }

    /** The parameters, or Horizon's {@code invalid_order_book} (400). */
    private static OrderBookQuery query(String sellingType, String sellingCode, String sellingIssuer,
            String buyingType, String buyingCode, String buyingIssuer, String limit) {
        try {
            return OrderBookQuery.parse(AssetParam.of("selling", sellingType, sellingCode, sellingIssuer),
                    AssetParam.of("buying", buyingType, buyingCode, buyingIssuer), limit);
        } catch (InvalidParameter e) {
            throw new WebApplicationException(Problem.response(400, "invalid_order_book",
                    "Invalid Order Book Parameters", INVALID_DETAIL,
                    Json.createObjectBuilder().add("invalid_field", e.field()).add("reason", e.reason()).build()));
        }
    }
}
