package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.LedgerRecord;
import io.corridor.ledger.application.PageRequest;
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
 * {@code /ledgers}: closed ledgers, one ledger, and a ledger's transactions, operations and payments, each
 * collection also as Server-Sent Events.
 */
@RequestScoped
@Path("/ledgers")
public class LedgerResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String ledgers(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit) {
        PageRequest page = Paging.request(cursor, order, limit);
        // Ledger paging tokens are TOIDs; the store pages by sequence.
        long sequenceCursor = page.cursor() == Long.MAX_VALUE ? Integer.MAX_VALUE : Toid.ledger(page.cursor());
        PageRequest bySequence = new PageRequest(sequenceCursor, page.ascending(), page.limit());
        Links links = new Links(uri);
        return Paging.page(links, "/ledgers", page, access.node().history().ledgers(bySequence),
                r -> LedgerJson.toJson(r, links), LedgerJson::pagingToken);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamLedgers(@QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Links links = new Links(uri);
        var history = access.node().history();
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                new Streams.Source<LedgerRecord>(
                        page -> history.ledgers(new PageRequest(Toid.ledger(page.cursor()), true, page.limit())),
                        r -> LedgerJson.toJson(r, links), LedgerJson::pagingToken));
    }

    @GET
    @Produces(MediaTypes.HAL)
    @Path("/{sequence}")
    public String ledger(@PathParam("sequence") String sequence) {
        LedgerRecord ledger = access.node().history().ledger(sequence(sequence)).orElseThrow(Problem::notFound);
        return LedgerJson.toJson(ledger, new Links(uri)).build().toString();
    }

    @GET
    @Produces(MediaTypes.HAL)
    @Path("/{sequence}/transactions")
    public String transactions(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        int seq = sequence(sequence);
        return HistoryPages.transactions(access.node(), new Links(uri), "/ledgers/" + seq + "/transactions",
                HistoryFilter.forLedger(seq).includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Produces(MediaTypes.HAL)
    @Path("/{sequence}/operations")
    public String operations(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        int seq = sequence(sequence);
        return HistoryPages.operations(access.node(), new Links(uri), "/ledgers/" + seq + "/operations",
                HistoryFilter.forLedger(seq).includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Produces(MediaTypes.HAL)
    @Path("/{sequence}/payments")
    public String payments(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        int seq = sequence(sequence);
        return HistoryPages.operations(access.node(), new Links(uri), "/ledgers/" + seq + "/payments",
                HistoryFilter.forLedger(seq).payments().includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Path("/{sequence}/transactions")
    public void streamTransactions(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        int seq = sequence(sequence);
        HistoryFilter filter = HistoryFilter.forLedger(seq).includingFailed(Paging.includeFailed(includeFailed));
        streamLedger(sink, sse, seq, cursor, lastEventId,
                Streams.feed(HistoryPages.transactionSource(access.node(), new Links(uri), filter)));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Path("/{sequence}/operations")
    public void streamOperations(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        int seq = sequence(sequence);
        HistoryFilter filter = HistoryFilter.forLedger(seq).includingFailed(Paging.includeFailed(includeFailed));
        streamLedger(sink, sse, seq, cursor, lastEventId,
                Streams.feed(HistoryPages.operationSource(access.node(), new Links(uri), filter)));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Path("/{sequence}/payments")
    public void streamPayments(@PathParam("sequence") String sequence, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        int seq = sequence(sequence);
        HistoryFilter filter = HistoryFilter.forLedger(seq).payments()
                .includingFailed(Paging.includeFailed(includeFailed));
        streamLedger(sink, sse, seq, cursor, lastEventId,
                Streams.feed(HistoryPages.operationSource(access.node(), new Links(uri), filter)));
    }

    /**
     * A stream of one ledger's records, answered as its page is: 410 when the ledger's history is no longer kept.
     * A ledger not closed yet is no error (its page is empty): the stream sends its records when it closes. The
     * records are final then, so the stream reads them no more and sends heartbeats only.
     */
    private <T> void streamLedger(SseEventSink sink, Sse sse, int seq, String cursor, String lastEventId,
            Streams.Feed<T> feed) {
        LedgerNode node = access.node();
        long start = Paging.streamStart(cursor, lastEventId, node.sequence());
        HistoryBounds.checkLedger(node, seq);
        streams.open(sink, sse, Long.toString(start), Feeds.finalOnceClosed(seq, node::sequence, feed));
    }

    private static int sequence(String value) {
        try {
            int seq = Integer.parseInt(value);
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badRequest("sequence", "Ledger sequence must be a positive integer");
    }
}
