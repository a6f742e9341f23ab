package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
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

/** {@code /operations}, {@code /operations/{id}} and {@code /payments}. */
@RequestScoped
@Path("/")
public class OperationResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Path("operations")
    @Produces(MediaTypes.HAL)
    public String operations(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        return HistoryPages.operations(access.node(), new Links(uri), "/operations", HistoryFilter.ALL.includingFailed(Paging.includeFailed(includeFailed)),
                Paging.request(cursor, order, limit));
    }

    @GET
    @Path("operations")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamOperations(@QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("include_failed") String includeFailed, @Context SseEventSink sink, @Context Sse sse) {
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.operationSource(access.node(), new Links(uri),
                        HistoryFilter.ALL.includingFailed(Paging.includeFailed(includeFailed))));
    }

    @GET
    @Path("payments")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamPayments(@QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("include_failed") String includeFailed, @Context SseEventSink sink, @Context Sse sse) {
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.operationSource(access.node(), new Links(uri),
                        HistoryFilter.ALL.payments().includingFailed(Paging.includeFailed(includeFailed))));
    }

    @GET
    @Path("operations/{id}")
    @Produces(MediaTypes.HAL)
    public String operation(@PathParam("id") String id) {
        long toid;
        try {
            toid = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("id", "Operation id must be an integer");
        }
        HistoryBounds.checkOperation(access.node(), toid);
        return access.node().history().operation(toid).map(r -> OperationJson.toJson(r, new Links(uri)).build().toString())
                .orElseThrow(Problem::notFound);
    }

    @GET
    @Path("payments")
    @Produces(MediaTypes.HAL)
    public String payments(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        return HistoryPages.operations(access.node(), new Links(uri), "/payments", HistoryFilter.ALL.payments().includingFailed(Paging.includeFailed(includeFailed)),
                Paging.request(cursor, order, limit));
    }
}
