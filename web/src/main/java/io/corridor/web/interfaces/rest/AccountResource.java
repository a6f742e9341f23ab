package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.state.EntryKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKeyType;

/** {@code GET /accounts/{account_id}}: an account of the last closed ledger in Horizon's shape. */
@RequestScoped
@Path("/accounts")
public class AccountResource {

    private static final int AUTH_REQUIRED = 0x1;
    private static final int AUTH_REVOCABLE = 0x2;
    private static final int AUTH_IMMUTABLE = 0x4;
    private static final int AUTH_CLAWBACK_ENABLED = 0x8;

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
        LedgerEntry entry = access.node().load(EntryKey.account(id)).orElseThrow(Problem::notFound);
        return toJson(entry, new Links(uri)).build().toString();
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

    static JsonObjectBuilder toJson(LedgerEntry entry, Links links) {
        AccountEntry account = entry.getData().getAccount();
        String id = Accounts.strKey(account.getAccountID());
        int flags = (int) (long) account.getFlags().getUint32().getNumber();
        JsonArrayBuilder balances = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("balance", Amounts.format(Accounts.balance(account)))
                .add("buying_liabilities", Amounts.format(Accounts.buyingLiabilities(account)))
                .add("selling_liabilities", Amounts.format(Accounts.sellingLiabilities(account)))
                .add("asset_type", "native"));
        JsonArrayBuilder signers = Json.createArrayBuilder();
        for (Signer signer : account.getSigners() == null ? new Signer[0] : account.getSigners()) {
            signers.add(signerJson(signer));
        }
        int masterWeight = Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT);
        signers.add(Json.createObjectBuilder().add("weight", masterWeight).add("key", id)
                .add("type", "ed25519_public_key"));
        String path = "/accounts/" + id;
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(path))
                        .add("transactions", links.templated(path + "/transactions{?cursor,limit,order}"))
                        .add("operations", links.templated(path + "/operations{?cursor,limit,order}"))
                        .add("payments", links.templated(path + "/payments{?cursor,limit,order}"))
                        .add("effects", links.templated(path + "/effects{?cursor,limit,order}"))
                        .add("offers", links.templated(path + "/offers{?cursor,limit,order}"))
                        .add("trades", links.templated(path + "/trades{?cursor,limit,order}"))
                        .add("data", links.templated(path + "/data/{key}")))
                .add("id", id)
                .add("account_id", id)
                .add("sequence", Long.toString(Accounts.seqNum(account)))
                .add("subentry_count", Accounts.numSubEntries(account))
                .add("last_modified_ledger", entry.getLastModifiedLedgerSeq().getUint32().getNumber())
                .add("thresholds", Json.createObjectBuilder()
                        .add("low_threshold", Accounts.threshold(account, Accounts.THRESHOLD_LOW))
                        .add("med_threshold", Accounts.threshold(account, Accounts.THRESHOLD_MED))
                        .add("high_threshold", Accounts.threshold(account, Accounts.THRESHOLD_HIGH)))
                .add("flags", Json.createObjectBuilder()
                        .add("auth_required", (flags & AUTH_REQUIRED) != 0)
                        .add("auth_revocable", (flags & AUTH_REVOCABLE) != 0)
                        .add("auth_immutable", (flags & AUTH_IMMUTABLE) != 0)
                        .add("auth_clawback_enabled", (flags & AUTH_CLAWBACK_ENABLED) != 0))
                .add("balances", balances)
                .add("signers", signers)
                .add("data", Json.createObjectBuilder())
                .add("num_sponsoring", Accounts.numSponsoring(account))
                .add("num_sponsored", Accounts.numSponsored(account))
                .add("paging_token", id);
    }

    private static JsonObjectBuilder signerJson(Signer signer) {
        SignerKeyType type = signer.getKey().getDiscriminant();
        String key;
        String typeName;
        if (type == SignerKeyType.SIGNER_KEY_TYPE_ED25519) {
            key = StrKey.encodeEd25519PublicKey(signer.getKey().getEd25519().getUint256());
            typeName = "ed25519_public_key";
        } else if (type == SignerKeyType.SIGNER_KEY_TYPE_PRE_AUTH_TX) {
            key = StrKey.encodePreAuthTx(signer.getKey().getPreAuthTx().getUint256());
            typeName = "preauth_tx";
        } else if (type == SignerKeyType.SIGNER_KEY_TYPE_HASH_X) {
            key = StrKey.encodeSha256Hash(signer.getKey().getHashX().getUint256());
            typeName = "sha256_hash";
        } else {
            key = "";
            typeName = "ed25519_signed_payload";
        }
        return Json.createObjectBuilder().add("weight", signer.getWeight().getUint32().getNumber())
                .add("key", key).add("type", typeName);
    }
}
