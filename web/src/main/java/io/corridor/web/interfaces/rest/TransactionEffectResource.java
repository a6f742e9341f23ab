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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /transactions/{hash}/effects}: the effects of a transaction's operations (none if it failed); 404 for
 * an unknown transaction, as Horizon. A class of its own beside {@link TransactionResource}.
 */
@RequestScoped
@Path("/transactions/{hash}/effects")
public class TransactionEffectResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Inject
    NodeAccess access;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaTypes.HAL)
    public String effects(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit) {
        String normalized = hash.toLowerCase(Locale.ROOT);
        if (!HASH.matcher(normalized).matches()) {
            throw new InvalidParameter("tx_id", "Transaction hash must be a hex-encoded, lowercase SHA-256 hash");
        }
        PageParams page = EffectPages.params(cursor, order, limit);
        access.node().transaction(normalized).orElseThrow(Problem::notFound);
        HistoryBounds.checkEffectCursor(access.node(), page);
        EffectHistory effects = new EffectHistory(access.node().history());
        return EffectPages.page(new Links(uri), "/transactions/" + normalized + "/effects", page,
                from -> effects.page(HistoryFilter.forTransaction(normalized), null, from, page.ascending(),
                        page.limit()));
    }
}
