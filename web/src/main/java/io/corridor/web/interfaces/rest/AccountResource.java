package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.core.Accounts;
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

/**
 * {@code /accounts}: accounts by filter, and one account of the last closed ledger in Horizon's shape (also as
 * Server-Sent Events), with its transactions, operations and payments.
 */
@RequestScoped
@Path("/accounts")
public class AccountResource {

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    /**
     * Horizon's account listing: exactly one of {@code signer}, {@code asset} ({@code CODE:ISSUER}),
     * {@code sponsor} (of the account or of any of its sub-entries or signers) or {@code liquidity_pool} (no
     * pools on a classic network: always empty), paged by account id.
     */
    @GET
    @Produces(MediaTypes.HAL)
    public String accounts(@QueryParam("signer") String signer, @QueryParam("asset") String asset,
            @QueryParam("sponsor") String sponsor, @QueryParam("liquidity_pool") String liquidityPool,
            @QueryParam("cursor") String cursor, @QueryParam("order") String order, @QueryParam("limit") String limit) {
        int filters = (Params.present(signer) ? 1 : 0) + (Params.present(asset) ? 1 : 0)
                + (Params.present(sponsor) ? 1 : 0) + (Params.present(liquidityPool) ? 1 : 0);
        if (filters != 1) {
            throw new InvalidParameter("signer", "Exactly one filter is required: signer, asset, sponsor or liquidity_pool");
        }
        PageParams page = PageParams.parse(cursor, order, limit, PageParams.CursorKind.OPAQUE);
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        java.util.function.Predicate<LedgerNode.AccountView> filter;
        if (Params.present(signer)) {
            String key = Params.accountId("signer", signer);
            query.put("signer", key);
            filter = view -> AccountFilters.hasSigner(view, key);
        } else if (Params.present(asset)) {
            MarketAsset wanted = MarketAsset.parseCanonical("asset", asset);
            if (MarketAsset.NATIVE.equals(wanted.type())) {
                throw new InvalidParameter("asset", "Asset must be a credit asset: CODE:ISSUER");
            }
            String canonical = wanted.canonical();
            query.put("asset", canonical);
            filter = view -> AccountFilters.holds(view, canonical);
        } else if (Params.present(sponsor)) {
            String key = Params.accountId("sponsor", sponsor);
            query.put("sponsor", key);
            filter = view -> AccountFilters.sponsoredBy(view, key);
        } else {
            if (!liquidityPool.matches("[0-9a-fA-F]{64}")) {
                throw new InvalidParameter("liquidity_pool", Params.POOL_ID_REASON);
            }
            query.put("liquidity_pool", liquidityPool);
            filter = view -> false;
        }
        String after = page.cursor().isEmpty() || page.cursor().equals("now") ? null : page.cursor();
        LedgerNode node = access.node();
        java.util.List<LedgerNode.AccountView> records = page.cursor().equals("now") ? java.util.List.of()
                : node.accounts(filter, after, page.ascending(), page.limit());
        java.util.function.Function<LedgerEntry, Long> modified = Times.lastModifiedLookup(node);
        Links links = new Links(uri);
        return MarketPages.page(links, "/accounts", query, page, records,
                view -> AccountJson.toJson(view.account(), view.owned(), modified.apply(view.account()), links),
                view -> Accounts.strKey(view.account().getData().getAccount().getAccountID()));
    }

    @GET
    @Path("/{account_id}")
    @Produces(MediaTypes.HAL)
    public String account(@PathParam("account_id") String accountId) {
        AccountID id = parsedId(accountId);
        LedgerNode node = access.node();
        LedgerNode.AccountView view = node.account(id).orElseThrow(Problem::notFound);
        return AccountJson.toJson(view.account(), view.owned(), Times.lastModified(node, view.account()), new Links(uri))
                .build().toString();
    }

    /**
     * The account as Server-Sent Events, as Horizon streams it (the SDKs' {@code accounts().accountId(id).stream()}):
     * the account now, then again after each ledger that changes it, each event as the account is read with
     * {@code GET}; 404 for an account that does not exist when the stream opens. See {@link #version} for what
     * counts as a change.
     */
    @GET
    @Path("/{account_id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamAccount(@PathParam("account_id") String accountId, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        AccountID id = parsedId(accountId);
        LedgerNode node = access.node();
        node.account(id).orElseThrow(Problem::notFound);
        Links links = new Links(uri);
        streams.open(sink, sse, Feeds.snapshotStart(cursor, lastEventId, node::sequence),
                Feeds.snapshot(() -> node.account(id), AccountResource::version,
                        view -> AccountJson.toJson(view.account(), view.owned(), Times.lastModified(node, view.account()),
                                links)));
    }

    /**
     * The last ledger that changed what the account's JSON shows, its stream's event id: the latest
     * {@code last_modified_ledger} of the account entry and of the entries it owns. The account entry's alone
     * would miss a payment in a credit asset, which changes the trust line's balance but not the account entry.
     */
    static long version(LedgerNode.AccountView view) {
        long version = lastModified(view.account());
        for (LedgerEntry owned : view.owned()) {
            version = Math.max(version, lastModified(owned));
        }
        return version;
    }

    private static long lastModified(LedgerEntry entry) {
        return entry.getLastModifiedLedgerSeq().getUint32().getNumber();
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

    private static AccountID parsedId(String accountId) {
        try {
            return Accounts.parse(accountId);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("account_id", "Account ID must start with `G` and contain 56 alphanum characters");
        }
    }

    private static String validId(String accountId) {
        return Accounts.strKey(parsedId(accountId));
    }
}
