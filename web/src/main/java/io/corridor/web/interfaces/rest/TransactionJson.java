package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.tx.TransactionFrame;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.Memo;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.PreconditionsV2;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.TimeBounds;
import org.stellar.sdk.xdr.TransactionEnvelope;

/** A stored transaction in Horizon's transaction resource shape. */
final class TransactionJson {

    private TransactionJson() {
    }

    /** Horizon's paging token of a transaction: its TOID (ledger, application order, operation 0). */
    static long pagingToken(int ledger, int applicationOrder) {
        return ((long) ledger << 32) | ((long) applicationOrder << 12);
    }

    static JsonObjectBuilder toJson(TransactionRecord record, byte[] networkId, Links links) {
        TransactionEnvelope envelope = Xdr.decodeTrusted(Base64.getDecoder().decode(record.envelopeXdr()),
                TransactionEnvelope::decode);
        TransactionFrame frame = TransactionFrame.of(envelope, networkId);
        TransactionFrame inner = frame.inner();
        String path = "/transactions/" + record.hash();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(path))
                        .add("account", links.link("/accounts/" + Accounts.strKey(frame.sourceAccount())))
                        .add("ledger", links.link("/ledgers/" + record.ledger()))
                        .add("operations", links.templated(path + "/operations{?cursor,limit,order}"))
                        .add("effects", links.templated(path + "/effects{?cursor,limit,order}"))
                        .add("precedes", links.link("/transactions?order=asc&cursor="
                                + pagingToken(record.ledger(), record.applicationOrder())))
                        .add("succeeds", links.link("/transactions?order=desc&cursor="
                                + pagingToken(record.ledger(), record.applicationOrder())))
                        .add("transaction", links.link(path)))
                .add("id", record.hash())
                .add("paging_token", Long.toString(pagingToken(record.ledger(), record.applicationOrder())))
                .add("successful", record.successful())
                .add("hash", record.hash())
                .add("ledger", record.ledger())
                .add("created_at", Times.iso(record.closeTime()))
                .add("source_account", Accounts.strKey(frame.sourceAccount()))
                .add("source_account_sequence", Long.toString(frame.seqNum()))
                .add("fee_account", Accounts.strKey(frame.feeSource()))
                .add("fee_charged", Long.toString(record.feeCharged()))
                .add("max_fee", Long.toString(frame.feeBid()))
                .add("operation_count", frame.operationCount())
                .add("envelope_xdr", record.envelopeXdr())
                .add("result_xdr", record.resultXdr())
                .add("result_meta_xdr", record.resultMetaXdr())
                .add("fee_meta_xdr", record.feeMetaXdr());
        addMemo(json, inner.transaction().getMemo());
        addSourceMux(json, inner.transaction().getSourceAccount(), "account_muxed", "account_muxed_id");
        json.add("signatures", signatures(frame.signatures()));
        addPreconditions(json, inner.transaction().getCond());
        if (frame.isFeeBump()) {
            json.add("fee_bump_transaction", Json.createObjectBuilder()
                    .add("hash", frame.hashHex())
                    .add("signatures", signatures(frame.signatures())));
            json.add("inner_transaction", Json.createObjectBuilder()
                    .add("hash", inner.hashHex())
                    .add("signatures", signatures(inner.signatures()))
                    .add("max_fee", Long.toString(inner.feeBid())));
            json.add("signatures", signatures(frame.signatures()));
        }
        return json;
    }

    private static JsonArrayBuilder signatures(List<DecoratedSignature> signatures) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DecoratedSignature s : signatures) {
            array.add(Base64.getEncoder().encodeToString(s.getSignature().getSignature()));
        }
        return array;
    }

    private static void addMemo(JsonObjectBuilder json, Memo memo) {
        if (memo == null) {
            json.add("memo_type", "none");
            return;
        }
        switch (memo.getDiscriminant()) {
            case MEMO_NONE -> json.add("memo_type", "none");
            case MEMO_TEXT -> {
                byte[] bytes = memo.getText().getBytes();
                json.add("memo_type", "text").add("memo", new String(bytes, StandardCharsets.UTF_8))
                        .add("memo_bytes", Base64.getEncoder().encodeToString(bytes));
            }
            case MEMO_ID -> json.add("memo_type", "id").add("memo", memo.getId().getUint64().getNumber().toString());
            case MEMO_HASH -> json.add("memo_type", "hash")
                    .add("memo", Base64.getEncoder().encodeToString(memo.getHash().getHash()));
            case MEMO_RETURN -> json.add("memo_type", "return")
                    .add("memo", Base64.getEncoder().encodeToString(memo.getRetHash().getHash()));
            default -> json.add("memo_type", "none");
        }
    }

    private static void addSourceMux(JsonObjectBuilder json, MuxedAccount source, String field, String idField) {
        if (source.getMed25519() != null) {
            json.add(field, StrKey.encodeEd25519PublicKey(source.getMed25519().getEd25519().getUint256()));
            json.add(idField, source.getMed25519().getId().getUint64().getNumber().toString());
        }
    }

    /**
     * Horizon's {@code preconditions} (and the deprecated {@code valid_after}/{@code valid_before}): time bounds,
     * and for {@code PRECOND_V2} the ledger bounds, minimum sequence number, its age and ledger gap and the extra
     * signers, each only when the transaction sets it, as Horizon writes them.
     */
    private static void addPreconditions(JsonObjectBuilder json, Preconditions cond) {
        TimeBounds bounds = null;
        PreconditionsV2 v2 = null;
        if (cond.getDiscriminant() == PreconditionType.PRECOND_TIME) {
            bounds = cond.getTimeBounds();
        } else if (cond.getDiscriminant() == PreconditionType.PRECOND_V2) {
            v2 = cond.getV2();
            bounds = v2.getTimeBounds();
        }
        JsonObjectBuilder preconditions = Json.createObjectBuilder();
        boolean any = false;
        if (bounds != null) {
            String min = bounds.getMinTime().getTimePoint().getUint64().getNumber().toString();
            String max = bounds.getMaxTime().getTimePoint().getUint64().getNumber().toString();
            json.add("valid_after", Times.iso(Long.parseLong(min)));
            if (!"0".equals(max)) {
                json.add("valid_before", Times.iso(Long.parseLong(max)));
            }
            preconditions.add("timebounds", Json.createObjectBuilder().add("min_time", min).add("max_time", max));
            any = true;
        }
        if (v2 != null) {
            if (v2.getLedgerBounds() != null) {
                JsonObjectBuilder ledgers = Json.createObjectBuilder()
                        .add("min_ledger", v2.getLedgerBounds().getMinLedger().getUint32().getNumber());
                long maxLedger = v2.getLedgerBounds().getMaxLedger().getUint32().getNumber();
                if (maxLedger != 0) {
                    ledgers.add("max_ledger", maxLedger);
                }
                preconditions.add("ledgerbounds", ledgers);
                any = true;
            }
            if (v2.getMinSeqNum() != null) {
                preconditions.add("min_account_sequence",
                        Long.toString(v2.getMinSeqNum().getSequenceNumber().getInt64()));
                any = true;
            }
            BigInteger age = v2.getMinSeqAge().getDuration().getUint64().getNumber();
            if (age.signum() != 0) {
                preconditions.add("min_account_sequence_age", age.toString());
                any = true;
            }
            long gap = v2.getMinSeqLedgerGap().getUint32().getNumber();
            if (gap != 0) {
                preconditions.add("min_account_sequence_ledger_gap", gap);
                any = true;
            }
            if (v2.getExtraSigners() != null && v2.getExtraSigners().length > 0) {
                JsonArrayBuilder signers = Json.createArrayBuilder();
                for (SignerKey signer : v2.getExtraSigners()) {
                    signers.add(AccountJson.signerKey(signer));
                }
                preconditions.add("extra_signers", signers);
                any = true;
            }
        }
        if (any) {
            json.add("preconditions", preconditions);
        }
    }
}
