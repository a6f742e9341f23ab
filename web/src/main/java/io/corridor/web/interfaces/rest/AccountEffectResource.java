package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectHistory;
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

/**
 * {@code GET /accounts/{account_id}/effects}: the effects whose {@code account} is the account, as Horizon lists
 * them; they are found among the operations the account took part in. A class of its own beside
 * {@link AccountResource}, as {@link AccountOfferResource} is.
 */
@RequestScoped
@Path("/accounts/{account_id}/effects")
public class AccountEffectResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        String id = Params.requiredAccountId("account_id", accountId);
        PageParams page = EffectPages.params(cursor, order, limit);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/accounts/" + id + "/effects", page,
                from -> effects.page(HistoryFilter.forAccount(id), id, from, page.ascending(), page.limit()));
    }

    /** Effects as Server-Sent Events, from {@code cursor} or {@code Last-Event-ID}; {@code now} for new ones only. */
    @GET
    @Produces(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @jakarta.ws.rs.HeaderParam("Last-Event-ID") String lastEventId,
            @Context jakarta.ws.rs.sse.SseEventSink sink, @Context jakarta.ws.rs.sse.Sse sse) {
        String id = Params.requiredAccountId("account_id", accountId);
        String start = EffectPages.streamStart(cursor, lastEventId, access.node().sequence());
        streams.open(sink, sse, start, EffectPages.feed(new EffectHistory(access.node().history()), HistoryFilter.forAccount(id), id,
                new Links(uri)));
    }
}
