package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
import io.corridor.ledger.core.history.Toid;
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

/**
 * {@code GET /operations/{id}/effects}: one operation's effects, as a page or as Server-Sent Events; an unknown
 * operation has none, as in Horizon.
 * A class of its own beside {@link OperationResource}, whose {@code /} path matches fewer literal characters.
 */
@RequestScoped
@Path("/operations/{id}/effects")
public class OperationEffectResource {

    static final String ID_REASON = "Operation id must be an integer";

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        long operationId = operationId(id);
        PageParams page = EffectPages.params(cursor, order, limit);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/operations/" + operationId + "/effects", page,
                from -> effects.ofOperation(operationId, from, page.ascending(), page.limit()));
    }

    /**
     * The effects as Server-Sent Events, from {@code cursor} or {@code Last-Event-ID}: those of the operation
     * after the cursor once its ledger has closed, then heartbeats only.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        long operationId = operationId(id);
        var node = access.node();
        String start = EffectPages.streamStart(cursor, lastEventId, node.sequence());
        streams.open(sink, sse, start, Feeds.finalOnceClosed(Toid.ledger(operationId), node::sequence,
                EffectPages.operationFeed(new EffectHistory(node.history()), operationId, new Links(uri))));
    }

    private static long operationId(String id) {
        long operationId = Params.unsignedLong("id", id, ID_REASON);
        if (operationId < 0) {
            throw new InvalidParameter("id", ID_REASON);
        }
        return operationId;
    }
}
