package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.Xdr;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.TrustLineAsset;

/**
 * An operation in Horizon's operation resource shape: the common fields, then the fields of its type
 * (e.g. {@code funder}/{@code account}/{@code starting_balance} of create_account, {@code from}/{@code to}/
 * {@code amount} and the asset of payment).
 */
final class OperationJson {

    private OperationJson() {
    }

    static JsonObjectBuilder toJson(OperationRecord record, Links links) {
        Operation op = Xdr.decodeTrusted(Base64.getDecoder().decode(record.operationXdr()), Operation::decode);
        var body = op.getBody();
        String id = Long.toString(record.id());
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link("/operations/" + id))
                        .add("transaction", links.link("/transactions/" + record.transactionHash()))
                        .add("effects", links.link("/operations/" + id + "/effects"))
                        .add("succeeds", links.link("/effects?order=desc&cursor=" + id))
                        .add("precedes", links.link("/effects?order=asc&cursor=" + id)))
                .add("id", id)
                .add("paging_token", id)
                .add("transaction_successful", record.transactionSuccessful())
                .add("source_account", record.sourceAccount())
                .add("type", body.getDiscriminant().name().toLowerCase(Locale.ROOT))
                .add("type_i", body.getDiscriminant().getValue())
                .add("created_at", Times.iso(record.closeTime()))
                .add("transaction_hash", record.transactionHash());
        switch (body.getDiscriminant()) {
            case CREATE_ACCOUNT -> json
                    .add("starting_balance", Amounts.format(body.getCreateAccountOp().getStartingBalance().getInt64()))
                    .add("funder", record.sourceAccount())
                    .add("account", Accounts.strKey(body.getCreateAccountOp().getDestination()));
            case PAYMENT -> {
                asset(json, "", body.getPaymentOp().getAsset());
                json.add("from", record.sourceAccount())
                        .add("to", Accounts.strKey(Accounts.fromMuxed(body.getPaymentOp().getDestination())))
                        .add("amount", Amounts.format(body.getPaymentOp().getAmount().getInt64()));
            }
            case ACCOUNT_MERGE -> json.add("account", record.sourceAccount())
                    .add("into", Accounts.strKey(Accounts.fromMuxed(body.getDestination())));
            case MANAGE_DATA -> {
                var data = body.getManageDataOp();
                json.add("name", new String(data.getDataName().getString64().getBytes(), StandardCharsets.UTF_8));
                json.add("value", data.getDataValue() == null ? ""
                        : Base64.getEncoder().encodeToString(data.getDataValue().getDataValue()));
            }
            case BUMP_SEQUENCE -> json.add("bump_to",
                    Long.toString(body.getBumpSequenceOp().getBumpTo().getSequenceNumber().getInt64()));
            case CHANGE_TRUST -> {
                TrustLineAsset line = null;
                var changeTrust = body.getChangeTrustOp();
                if (changeTrust.getLine().getAlphaNum4() != null || changeTrust.getLine().getAlphaNum12() != null) {
                    Asset asset = new Asset();
                    asset.setDiscriminant(changeTrust.getLine().getDiscriminant());
                    asset.setAlphaNum4(changeTrust.getLine().getAlphaNum4());
                    asset.setAlphaNum12(changeTrust.getLine().getAlphaNum12());
                    asset(json, "", asset);
                    json.add("trustee", Accounts.strKey(TrustLines.issuer(asset)));
                }
                json.add("trustor", record.sourceAccount())
                        .add("limit", Amounts.format(changeTrust.getLimit().getInt64()));
            }
            case ALLOW_TRUST -> json.add("trustee", record.sourceAccount())
                    .add("trustor", Accounts.strKey(body.getAllowTrustOp().getTrustor()))
                    .add("authorize", body.getAllowTrustOp().getAuthorize().getUint32().getNumber() == 1);
            case SET_TRUST_LINE_FLAGS -> {
                asset(json, "", body.getSetTrustLineFlagsOp().getAsset());
                json.add("trustor", Accounts.strKey(body.getSetTrustLineFlagsOp().getTrustor()));
            }
            case CLAWBACK -> {
                asset(json, "", body.getClawbackOp().getAsset());
                json.add("from", Accounts.strKey(Accounts.fromMuxed(body.getClawbackOp().getFrom())))
                        .add("amount", Amounts.format(body.getClawbackOp().getAmount().getInt64()));
            }
            case SET_OPTIONS -> {
                var options = body.getSetOptionsOp();
                if (options.getHomeDomain() != null) {
                    json.add("home_domain", new String(options.getHomeDomain().getString32().getBytes(),
                            StandardCharsets.UTF_8));
                }
                if (options.getMasterWeight() != null) {
                    json.add("master_key_weight", options.getMasterWeight().getUint32().getNumber());
                }
                if (options.getLowThreshold() != null) {
                    json.add("low_threshold", options.getLowThreshold().getUint32().getNumber());
                }
                if (options.getMedThreshold() != null) {
                    json.add("med_threshold", options.getMedThreshold().getUint32().getNumber());
                }
                if (options.getHighThreshold() != null) {
                    json.add("high_threshold", options.getHighThreshold().getUint32().getNumber());
                }
                if (options.getSetFlags() != null) {
                    json.add("set_flags_i", options.getSetFlags().getUint32().getNumber());
                }
                if (options.getClearFlags() != null) {
                    json.add("clear_flags_i", options.getClearFlags().getUint32().getNumber());
                }
            }
            default -> {
            }
        }
        return json;
    }

    private static void asset(JsonObjectBuilder json, String prefix, Asset asset) {
        AssetJson.add(json, prefix, asset);
    }
}
