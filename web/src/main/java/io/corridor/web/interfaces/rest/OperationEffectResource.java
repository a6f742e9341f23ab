package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /operations/{id}/effects}: one operation's effects; an unknown operation has none, as in Horizon.
 * A class of its own beside {@link OperationResource}, whose {@code /} path matches fewer literal characters.
 */
@RequestScoped
@Path("/operations/{id}/effects")
public class OperationEffectResource {

    static final String ID_REASON = "Operation id must be an integer";

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        long operationId = Params.unsignedLong("id", id, ID_REASON);
        if (operationId < 0) {
            throw new InvalidParameter("id", ID_REASON);
        }
        PageParams page = EffectPages.params(cursor, order, limit);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/operations/" + operationId + "/effects", page,
                from -> effects.ofOperation(operationId, from, page.ascending(), page.limit()));
    }
}
