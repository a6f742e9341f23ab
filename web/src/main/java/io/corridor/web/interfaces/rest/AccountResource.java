package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.state.EntryKey;
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
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;

/** {@code GET /accounts/{account_id}}: an account of the last closed ledger in Horizon's shape. */
@RequestScoped
@Path("/accounts")
public class AccountResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Path("/{account_id}")
    @Produces(MediaTypes.HAL)
    public String account(@PathParam("account_id") String accountId) {
        AccountID id;
        try {
            id = Accounts.parse(accountId);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("account_id", "Account ID must start with `G` and contain 56 alphanum characters");
        }
        LedgerNode node = access.node();
        LedgerNode.AccountView view = node.account(id).orElseThrow(Problem::notFound);
        LedgerEntry entry = view.account();
        int modified = (int) (long) entry.getLastModifiedLedgerSeq().getUint32().getNumber();
        Long modifiedTime = node.header(modified)
                .map(h -> h.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber().longValue())
                .orElse(null);
        return AccountJson.toJson(entry, view.owned(), modifiedTime, new Links(uri)).build().toString();
    }

    @GET
    @Path("/{account_id}/transactions")
    @Produces(MediaTypes.HAL)
    public String transactions(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        String id = validId(accountId);
        return HistoryPages.transactions(access.node(), new Links(uri), "/accounts/" + id + "/transactions",
                HistoryFilter.forAccount(id).includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Path("/{account_id}/operations")
    @Produces(MediaTypes.HAL)
    public String operations(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        String id = validId(accountId);
        return HistoryPages.operations(access.node(), new Links(uri), "/accounts/" + id + "/operations",
                HistoryFilter.forAccount(id).includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Path("/{account_id}/payments")
    @Produces(MediaTypes.HAL)
    public String payments(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        String id = validId(accountId);
        return HistoryPages.operations(access.node(), new Links(uri), "/accounts/" + id + "/payments",
                HistoryFilter.forAccount(id).payments().includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Path("/{account_id}/transactions")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamTransactions(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        String id = validId(accountId);
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.transactionSource(access.node(), new Links(uri),
                        HistoryFilter.forAccount(id).includingFailed(Paging.includeFailed(includeFailed))));
    }

    @GET
    @Path("/{account_id}/operations")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamOperations(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        String id = validId(accountId);
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.operationSource(access.node(), new Links(uri),
                        HistoryFilter.forAccount(id).includingFailed(Paging.includeFailed(includeFailed))));
    }

    @GET
    @Path("/{account_id}/payments")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamPayments(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        String id = validId(accountId);
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.operationSource(access.node(), new Links(uri),
                        HistoryFilter.forAccount(id).payments().includingFailed(Paging.includeFailed(includeFailed))));
    }

    private static String validId(String accountId) {
        try {
            return Accounts.strKey(Accounts.parse(accountId));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("account_id", "Account ID must start with `G` and contain 56 alphanum characters");
        }
    }
}
