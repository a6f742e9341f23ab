package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /liquidity_pools}: automated market makers. The node runs the classic protocol, which has none, so
 * the collection is always empty and every pool is missing (404) once the parameters pass Horizon's checks.
 */
@RequestScoped
@Path("/liquidity_pools")
public class LiquidityPoolResource {

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String liquidityPools(@QueryParam("reserves") String reserves, @QueryParam("account") String account,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        LiquidityPoolsQuery query = LiquidityPoolsQuery.parse(reserves, account);
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.OPAQUE);
        return MarketPages.emptyPage(new Links(uri), "/liquidity_pools", query.filters(), page);
    }

    @GET
    @Path("/{liquidity_pool_id}")
    @Produces(MediaTypes.HAL)
    public String liquidityPool(@PathParam("liquidity_pool_id") String liquidityPoolId) {
        if (Params.sha256Hex("liquidity_pool_id", liquidityPoolId, Params.POOL_ID_REASON) == null) {
            throw new InvalidParameter("liquidity_pool_id", Params.POOL_ID_REASON);
        }
        throw Problem.notFound();
    }
}
