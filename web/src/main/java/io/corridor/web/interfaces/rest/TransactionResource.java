package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.Submission;
import io.corridor.ledger.application.TransactionDroppedException;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.tx.ResultCodes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;

/**
 * {@code POST /transactions} submits a transaction and answers once its ledger is closed, as Horizon does:
 * 200 with the transaction, 400 {@code transaction_failed} with Stellar's result codes, 400
 * {@code transaction_malformed} for undecodable XDR, 504 {@code timeout} when the outcome is not known in
 * time (the transaction may still be applied: resubmitting the same envelope is safe). {@code GET
 * /transactions/{hash}} reads a transaction back.
 */
@RequestScoped
@Path("/transactions")
public class TransactionResource {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** Seconds a client is told to wait before retrying when the node cannot take a transaction now. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    NodeAccess access;

    @Inject
    Streams streams;

    @Context
    UriInfo uri;

    @GET
    @Path("/{hash}")
    @Produces(MediaTypes.HAL)
    public String transaction(@PathParam("hash") String hash) {
        String normalized = hash.toLowerCase(java.util.Locale.ROOT);
        if (!HASH.matcher(normalized).matches()) {
            throw Problem.badRequest("tx_id", "Transaction hash must be a hex-encoded, lowercase SHA-256 hash");
        }
        TransactionRecord record = access.node().transaction(normalized).orElseThrow(Problem::notFound);
        return TransactionJson.toJson(record, access.node().profile().networkId(), new Links(uri)).build().toString();
    }

    @GET
    @Produces(MediaTypes.HAL)
    public String transactions(@QueryParam("cursor") String cursor, @QueryParam("order") String order,
            @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        return HistoryPages.transactions(access.node(), new Links(uri), "/transactions", HistoryFilter.ALL.includingFailed(Paging.includeFailed(includeFailed)),
                Paging.request(cursor, order, limit));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamTransactions(@QueryParam("cursor") String cursor, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("include_failed") String includeFailed, @Context SseEventSink sink, @Context Sse sse) {
        streams.open(sink, sse, Paging.streamStart(cursor, lastEventId, access.node().sequence()),
                HistoryPages.transactionSource(access.node(), new Links(uri),
                        HistoryFilter.ALL.includingFailed(Paging.includeFailed(includeFailed))));
    }

    @GET
    @Path("/{hash}/operations")
    @Produces(MediaTypes.HAL)
    public String operations(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        String normalized = existingHash(hash);
        return HistoryPages.operations(access.node(), new Links(uri), "/transactions/" + normalized + "/operations",
                HistoryFilter.forTransaction(normalized).includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Path("/{hash}/payments")
    @Produces(MediaTypes.HAL)
    public String payments(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("include_failed") String includeFailed) {
        String normalized = existingHash(hash);
        return HistoryPages.operations(access.node(), new Links(uri), "/transactions/" + normalized + "/payments",
                HistoryFilter.forTransaction(normalized).payments().includingFailed(Paging.includeFailed(includeFailed)), Paging.request(cursor, order, limit));
    }

    @GET
    @Path("/{hash}/operations")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamOperations(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        TransactionRecord transaction = existing(hash);
        streamTransaction(sink, sse, transaction, cursor, lastEventId, HistoryFilter.forTransaction(transaction.hash())
                .includingFailed(Paging.includeFailed(includeFailed)));
    }

    @GET
    @Path("/{hash}/payments")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void streamPayments(@PathParam("hash") String hash, @QueryParam("cursor") String cursor,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("include_failed") String includeFailed,
            @Context SseEventSink sink, @Context Sse sse) {
        TransactionRecord transaction = existing(hash);
        streamTransaction(sink, sse, transaction, cursor, lastEventId, HistoryFilter.forTransaction(transaction.hash())
                .payments().includingFailed(Paging.includeFailed(includeFailed)));
    }

    /**
     * A stream of a transaction's operations: those after the cursor, then heartbeats only. A transaction that is
     * found was applied in a closed ledger, so it has all the operations it will ever have.
     */
    private void streamTransaction(SseEventSink sink, Sse sse, TransactionRecord transaction, String cursor,
            String lastEventId, HistoryFilter filter) {
        LedgerNode node = access.node();
        long start = Paging.streamStart(cursor, lastEventId, node.sequence());
        streams.open(sink, sse, Long.toString(start), Feeds.finalOnceClosed(transaction.ledger(), node::sequence,
                Streams.feed(HistoryPages.operationSource(node, new Links(uri), filter))));
    }

    private String existingHash(String hash) {
        return existing(hash).hash();
    }

    /** The transaction of {@code hash}: 400 for a malformed hash, 404 for an unknown one. */
    private TransactionRecord existing(String hash) {
        String normalized = hash.toLowerCase(java.util.Locale.ROOT);
        if (!HASH.matcher(normalized).matches()) {
            throw Problem.badRequest("tx_id", "Transaction hash must be a hex-encoded, lowercase SHA-256 hash");
        }
        return access.node().transaction(normalized).orElseThrow(Problem::notFound);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaTypes.HAL)
    public void submit(@FormParam("tx") String tx, @Suspended AsyncResponse async) {
        // As Horizon: a missing or empty `tx` is an envelope that does not decode.
        String given = tx == null ? "" : tx;
        TransactionEnvelope envelope;
        try {
            if (given.isBlank()) {
                throw new Xdr.XdrDecodeException("no envelope: the form parameter `tx` is missing or empty");
            }
            envelope = Xdr.decodeBase64(given, TransactionEnvelope::decode);
        } catch (Xdr.XdrDecodeException e) {
            async.resume(Problem.response(400, "transaction_malformed", "Transaction Malformed",
                    "Horizon could not decode the transaction envelope in this request. A transaction should be "
                            + "an XDR TransactionEnvelope struct encoded using base64.  The envelope read from this "
                            + "request is echoed in the `extras.envelope_xdr` field of this response for your "
                            + "convenience.",
                    Json.createObjectBuilder().add("envelope_xdr", given).add("reason", e.getMessage()).build()));
            return;
        }
        LedgerNode node = access.node();
        // Resolved now: the answer may be built on the ledger-closing thread, outside this request.
        Links links = new Links(uri);
        byte[] networkId = node.profile().networkId();
        Submission submission = node.submit(envelope);
        if (submission instanceof Submission.AlreadyApplied applied) {
            async.resume(outcome(applied.record(), links, networkId));
        } else if (submission instanceof Submission.Rejected rejected) {
            async.resume(failed(tx, rejected.result()));
        } else if (submission instanceof Submission.TryAgainLater later) {
            async.resume(Response.fromResponse(Problem.response(503, "try_again_later", "Retry Later",
                            later.reason() + ". Resubmit the same transaction later.",
                            Json.createObjectBuilder().add("hash", later.hash()).build()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build());
        } else if (submission instanceof Submission.Pending pending) {
            long timeoutMs = access.bean().config().submissionTimeoutMs();
            pending.outcome().copy().orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((record, error) -> {
                if (error == null) {
                    async.resume(outcome(record, links, networkId));
                    return;
                }
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof TransactionDroppedException dropped) {
                    async.resume(failed(tx, dropped.result()));
                } else if (cause instanceof TimeoutException) {
                    async.resume(timeout(pending.hash()));
                } else {
                    async.resume(cause);
                }
            });
        }
    }

    private static Response outcome(TransactionRecord record, Links links, byte[] networkId) {
        if (!record.successful()) {
            TransactionResult result = Xdr.decodeTrusted(java.util.Base64.getDecoder().decode(record.resultXdr()),
                    TransactionResult::decode);
            return failed(record.envelopeXdr(), result);
        }
        return Response.ok(TransactionJson.toJson(record, networkId, links).build().toString(), MediaTypes.HAL)
                .build();
    }

    private static Response failed(String envelopeXdr, TransactionResult result) {
        JsonObjectBuilder codes = Json.createObjectBuilder().add("transaction", ResultCodes.transaction(result));
        var operations = ResultCodes.operations(result);
        if (!operations.isEmpty()) {
            JsonArrayBuilder ops = Json.createArrayBuilder();
            operations.forEach(ops::add);
            codes.add("operations", ops);
        }
        return Problem.response(400, "transaction_failed", "Transaction Failed",
                "The transaction failed when submitted to the stellar network. The `extras.result_codes` field on "
                        + "this response contains further details.  Descriptions of each code can be found at: "
                        + "https://developers.stellar.org/docs/data/apis/horizon/api-reference/errors/result-codes/transactions",
                Json.createObjectBuilder()
                        .add("envelope_xdr", envelopeXdr)
                        .add("result_codes", codes)
                        .add("result_xdr", Xdr.encodeBase64(result::toXdrByteArray))
                        .build());
    }

    private static Response timeout(String hash) {
        return Problem.response(504, "timeout", "Timeout",
                "Your request timed out before completing.  Please try your request again. If you are submitting a "
                        + "transaction make sure you are sending exactly the same transaction (with the same "
                        + "sequence number).",
                Json.createObjectBuilder().add("hash", hash).build());
    }
}
