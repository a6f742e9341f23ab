package io.corridor.web.interfaces.rest;

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
import java.util.Map;

/**
 * {@code GET /accounts/{account_id}/offers}: an account's offers (none yet, see {@link OfferResource}), as a page
 * or as Server-Sent Events (heartbeats only). A class of its own beside {@link AccountResource}: JAX-RS picks
 * the root resource whose path matches with the most literal characters, so this full path wins for its URL and
 * leaves every other {@code /accounts/...} URL to {@link AccountResource}.
 */
@RequestScoped
@Path("/accounts/{account_id}/offers")
public class AccountOfferResource {

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String offers(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.ID);
        String id = Params.requiredAccountId("account_id", accountId);
        return MarketPages.emptyPage(new Links(uri), "/accounts/" + id + "/offers", Map.of(), page);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        String start = Feeds.marketStart(cursor, lastEventId, PageParams.CursorKind.ID);
        Params.requiredAccountId("account_id", accountId);
        streams.open(sink, sse, start, Feeds.none());
    }
}
