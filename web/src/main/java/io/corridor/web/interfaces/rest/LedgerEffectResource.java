package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
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

/**
 * {@code GET /ledgers/{sequence}/effects}: the effects of a ledger's successful operations, as a page or as
 * Server-Sent Events; 404 for a ledger not closed yet, as Horizon. A class of its own beside
 * {@link LedgerResource}.
 */
@RequestScoped
@Path("/ledgers/{sequence}/effects")
public class LedgerEffectResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        int seq = sequence(sequence);
        PageParams page = EffectPages.params(cursor, order, limit);
        access.node().history().ledger(seq).orElseThrow(Problem::notFound);
        HistoryBounds.checkLedger(access.node(), seq);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/ledgers/" + seq + "/effects", page,
                from -> effects.page(HistoryFilter.forLedger(seq), null, from, page.ascending(), page.limit()));
    }

    /**
     * The effects as Server-Sent Events, from {@code cursor} or {@code Last-Event-ID}: those of the closed ledger
     * after the cursor, then heartbeats only, for a closed ledger has all the effects it will ever have.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        int seq = sequence(sequence);
        var node = access.node();
        String start = EffectPages.streamStart(cursor, lastEventId, node.sequence());
        node.history().ledger(seq).orElseThrow(Problem::notFound);
        HistoryBounds.checkLedger(node, seq);
        streams.open(sink, sse, start, Feeds.finalOnceClosed(seq, node::sequence,
                EffectPages.feed(new EffectHistory(node.history()), HistoryFilter.forLedger(seq), null,
                        new Links(uri))));
    }

    static int sequence(String value) {
        try {
            int seq = Integer.parseInt(value);
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("sequence", "Ledger sequence must be a positive integer");
    }
}
