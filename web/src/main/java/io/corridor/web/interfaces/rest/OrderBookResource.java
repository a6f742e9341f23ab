package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;

/**
 * {@code GET /order_book}: the bids and asks between two assets. The node keeps no order book yet, so both
 * sides are empty. Bad parameters are answered with Horizon's own problem type for this endpoint,
 * {@code invalid_order_book}, which Horizon sends without saying which parameter is wrong; this node adds
 * {@code extras.invalid_field} and {@code extras.reason} as its other 400s do.
 */
@RequestScoped
@Path("/order_book")
public class OrderBookResource {

    static final String INVALID_DETAIL = "The parameters that specify what order book to view are invalid in "
            + "some way. Please ensure that your type parameters (selling_asset_type and buying_asset_type) are "
            + "one the following valid values: native, credit_alphanum4, credit_alphanum12.  Also ensure that "
            + "you have specified selling_asset_code and selling_asset_issuer if selling_asset_type is not "
            + "'native', as well as buying_asset_code and buying_asset_issuer if buying_asset_type is not "
            + "'native'";

    @GET
    @Produces(MediaTypes.HAL)
    public String orderBook(@QueryParam("selling_asset_type") String sellingType,
            @QueryParam("selling_asset_code") String sellingCode,
            @QueryParam("selling_asset_issuer") String sellingIssuer,
            @QueryParam("buying_asset_type") String buyingType,
            @QueryParam("buying_asset_code") String buyingCode,
            @QueryParam("buying_asset_issuer") String buyingIssuer,
            @QueryParam("limit") String limit) {
        OrderBookQuery query;
        try {
            query = OrderBookQuery.parse(AssetParam.of("selling", sellingType, sellingCode, sellingIssuer),
                    AssetParam.of("buying", buyingType, buyingCode, buyingIssuer), limit);
        } catch (InvalidParameter e) {
            throw new WebApplicationException(Problem.response(400, "invalid_order_book",
                    "Invalid Order Book Parameters", INVALID_DETAIL,
                    Json.createObjectBuilder().add("invalid_field", e.field()).add("reason", e.reason()).build()));
        }
        return MarketPages.orderBook(query);
    }
}
