package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
import io.corridor.ledger.application.HistoryFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /effects}: every effect of every successful operation, derived from history when read (see
 * {@link EffectHistory}). The effects of one account, ledger, transaction or operation have resources of their
 * own ({@link AccountEffectResource} and its siblings), each on its full path so that JAX-RS picks it over the
 * resource of the path's parent.
 */
@RequestScoped
@Path("/effects")
public class EffectResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        PageParams page = EffectPages.params(cursor, order, limit);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/effects", page,
                from -> effects.page(HistoryFilter.ALL, null, from, page.ascending(), page.limit()));
    }

    /** Effects as Server-Sent Events, from {@code cursor} or {@code Last-Event-ID}; {@code now} for new ones only. */
    @GET
    @Produces(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("cursor") String cursor,
            @jakarta.ws.rs.HeaderParam("Last-Event-ID") String lastEventId,
            @Context jakarta.ws.rs.sse.SseEventSink sink, @Context jakarta.ws.rs.sse.Sse sse) {
        String start = EffectPages.streamStart(cursor, lastEventId, access.node().sequence());
        streams.open(sink, sse, start, EffectPages.feed(new EffectHistory(access.node().history()), HistoryFilter.ALL, null,
                new Links(uri)));
    }
}
