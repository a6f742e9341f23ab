package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /operations}, {@code /operations/{id}} and {@code /payments}. */
@RequestScoped
@Path("/")
@Produces(MediaTypes.HAL)
public class OperationResource {

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Path("operations")
    public String operations(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        return HistoryPages.operations(access.node(), new Links(uri), "/operations", HistoryFilter.ALL.includingFailed(Paging.includeFailed(includeFailed)),
                Paging.request(cursor, order, limit));
    }

    @GET
    @Path("operations/{id}")
    public String operation(@PathParam("id") String id) {
        long toid;
        try {
            toid = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("id", "Operation id must be an integer");
        }
        return access.node().history().operation(toid).map(r -> OperationJson.toJson(r, new Links(uri)).build().toString())
                .orElseThrow(Problem::notFound);
    }

    @GET
    @Path("payments")
    public String payments(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        return HistoryPages.operations(access.node(), new Links(uri), "/payments", HistoryFilter.ALL.payments().includingFailed(Paging.includeFailed(includeFailed)),
                Paging.request(cursor, order, limit));
    }
}
