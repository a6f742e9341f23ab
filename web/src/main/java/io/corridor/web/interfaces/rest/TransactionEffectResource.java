package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.TransactionRecord;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /transactions/{hash}/effects}: the effects of a transaction's operations (none if it failed), as a
 * page or as Server-Sent Events; 404 for an unknown transaction, as Horizon. A class of its own beside
 * {@link TransactionResource}.
 */
@RequestScoped
@Path("/transactions/{hash}/effects")
public class TransactionEffectResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        String normalized = normalized(hash);
        PageParams page = EffectPages.params(cursor, order, limit);
        access.node().transaction(normalized).orElseThrow(Problem::notFound);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/transactions/" + normalized + "/effects", page,
                from -> effects.page(HistoryFilter.forTransaction(normalized), null, from, page.ascending(),
                        page.limit()));
    }

    /**
     * The effects as Server-Sent Events, from {@code cursor} or {@code Last-Event-ID}: those of the transaction
     * after the cursor, then heartbeats only. A transaction that is found was applied in a closed ledger, so it has
     * all the effects it will ever have.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String normalized = normalized(hash);
        var node = access.node();
        String start = EffectPages.streamStart(cursor, lastEventId, node.sequence());
        TransactionRecord transaction = node.transaction(normalized).orElseThrow(Problem::notFound);
        streams.open(sink, sse, start, Feeds.finalOnceClosed(transaction.ledger(), node::sequence,
                EffectPages.feed(new EffectHistory(node.history()), HistoryFilter.forTransaction(normalized), null,
                        new Links(uri))));
    }

    private static String normalized(String hash) {
        String normalized = hash.toLowerCase(Locale.ROOT);
        if (!HASH.matcher(normalized).matches()) {
            throw new InvalidParameter("tx_id", "Transaction hash must be a hex-encoded, lowercase SHA-256 hash");
        }
        return normalized;
    }
}
