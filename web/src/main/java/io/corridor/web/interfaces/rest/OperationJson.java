package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.LedgerKey;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.RevokeSponsorshipOp;
import org.stellar.sdk.xdr.RevokeSponsorshipType;
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
                    Asset asset = TrustLines.asset(changeTrust.getLine());
                    asset(json, "", asset);
                    json.add("trustee", Accounts.strKey(TrustLines.issuer(asset)));
                }
                json.add("trustor", record.sourceAccount())
                        .add("limit", Amounts.format(changeTrust.getLimit().getInt64()));
            }
            case ALLOW_TRUST -> {
                var allow = body.getAllowTrustOp();
                // ALLOW_TRUST names the asset by its code; the issuer is the operation's source.
                asset(json, "", TrustLines.asset(Accounts.parse(record.sourceAccount()), allow.getAsset()));
                long authorize = allow.getAuthorize().getUint32().getNumber();
                json.add("trustee", record.sourceAccount())
                        .add("trustor", Accounts.strKey(allow.getTrustor()))
                        .add("authorize", (authorize & TrustLines.AUTHORIZED_FLAG) != 0)
                        .add("authorize_to_maintain_liabilities",
                                (authorize & TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG) != 0);
            }
            case SET_TRUST_LINE_FLAGS -> {
                var flags = body.getSetTrustLineFlagsOp();
                asset(json, "", flags.getAsset());
                json.add("trustor", Accounts.strKey(flags.getTrustor()));
                trustLineFlags(json, "set", flags.getSetFlags().getUint32().getNumber());
                trustLineFlags(json, "clear", flags.getClearFlags().getUint32().getNumber());
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
                    accountFlags(json, "set", options.getSetFlags().getUint32().getNumber());
                }
                if (options.getClearFlags() != null) {
                    accountFlags(json, "clear", options.getClearFlags().getUint32().getNumber());
                }
                if (options.getInflationDest() != null) {
                    json.add("inflation_dest", Accounts.strKey(options.getInflationDest()));
                }
                if (options.getSigner() != null) {
                    json.add("signer_key", AccountJson.signerKey(options.getSigner().getKey()))
                            .add("signer_weight", options.getSigner().getWeight().getUint32().getNumber());
                }
            }
            case CREATE_CLAIMABLE_BALANCE -> {
                var create = body.getCreateClaimableBalanceOp();
                JsonArrayBuilder claimants = Json.createArrayBuilder();
                for (Claimant claimant : create.getClaimants()) {
                    claimants.add(Json.createObjectBuilder()
                            .add("destination", Accounts.strKey(claimant.getV0().getDestination()))
                            .add("predicate", ClaimableBalanceJson.predicate(claimant.getV0().getPredicate())));
                }
                json.add("asset", AssetJson.canonical(create.getAsset()))
                        .add("amount", Amounts.format(create.getAmount().getInt64()))
                        .add("claimants", claimants);
            }
            case CLAIM_CLAIMABLE_BALANCE -> json
                    .add("balance_id", ClaimableBalanceJson.id(body.getClaimClaimableBalanceOp().getBalanceID()))
                    .add("claimant", record.sourceAccount());
            case CLAWBACK_CLAIMABLE_BALANCE -> json.add("balance_id",
                    ClaimableBalanceJson.id(body.getClawbackClaimableBalanceOp().getBalanceID()));
            case BEGIN_SPONSORING_FUTURE_RESERVES -> json.add("sponsored_id",
                    Accounts.strKey(body.getBeginSponsoringFutureReservesOp().getSponsoredID()));
            case REVOKE_SPONSORSHIP -> revokeSponsorship(json, body.getRevokeSponsorshipOp());
            default -> {
                // END_SPONSORING_FUTURE_RESERVES: Horizon's begin_sponsor is the source of the matching BEGIN in
                // the same transaction, which this record does not carry; the field is optional in Horizon.
            }
        }
        return json;
    }

    /** Horizon's {@code <prefix>_flags} (the bits) and {@code <prefix>_flags_s} (their names) of account flags. */
    private static void accountFlags(JsonObjectBuilder json, String prefix, long flags) {
        flags(json, prefix, flags, new int[] {Accounts.AUTH_REQUIRED_FLAG, Accounts.AUTH_REVOCABLE_FLAG,
                Accounts.AUTH_IMMUTABLE_FLAG, Accounts.AUTH_CLAWBACK_ENABLED_FLAG},
                new String[] {"auth_required", "auth_revocable", "auth_immutable", "auth_clawback_enabled"});
    }

    /** The same for trust-line flags, with Horizon's names ({@code liabilites} sic, as Horizon writes it). */
    private static void trustLineFlags(JsonObjectBuilder json, String prefix, long flags) {
        flags(json, prefix, flags, new int[] {TrustLines.AUTHORIZED_FLAG,
                TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG, TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG},
                new String[] {"authorized", "authorized_to_maintain_liabilites", "clawback_enabled"});
    }

    /** Horizon writes the two arrays only when some flag is given (a value of 0 leaves them out). */
    private static void flags(JsonObjectBuilder json, String prefix, long flags, int[] bits, String[] names) {
        if (flags == 0) {
            return;
        }
        JsonArrayBuilder numbers = Json.createArrayBuilder();
        JsonArrayBuilder strings = Json.createArrayBuilder();
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                numbers.add(bits[i]);
                strings.add(names[i]);
            }
        }
        json.add(prefix + "_flags", numbers).add(prefix + "_flags_s", strings);
    }

    /** The revoked entry's key (account, trust line, offer, data entry or claimable balance) or signer. */
    private static void revokeSponsorship(JsonObjectBuilder json, RevokeSponsorshipOp revoke) {
        if (revoke.getDiscriminant() == RevokeSponsorshipType.REVOKE_SPONSORSHIP_SIGNER) {
            json.add("signer_account_id", Accounts.strKey(revoke.getSigner().getAccountID()))
                    .add("signer_key", AccountJson.signerKey(revoke.getSigner().getSignerKey()));
            return;
        }
        LedgerKey key = revoke.getLedgerKey();
        switch (key.getDiscriminant()) {
            case ACCOUNT -> json.add("account_id", Accounts.strKey(key.getAccount().getAccountID()));
            case TRUSTLINE -> {
                TrustLineAsset line = key.getTrustLine().getAsset();
                json.add("trustline_account_id", Accounts.strKey(key.getTrustLine().getAccountID()));
                if (line.getDiscriminant() == AssetType.ASSET_TYPE_POOL_SHARE) {
                    json.add("trustline_liquidity_pool_id",
                            Hashing.hex(line.getLiquidityPoolID().getPoolID().getHash()));
                } else {
                    json.add("trustline_asset", AssetJson.canonical(TrustLines.asset(line)));
                }
            }
            case OFFER -> json.add("offer_id", Long.toString(key.getOffer().getOfferID().getInt64()));
            case DATA -> json.add("data_account_id", Accounts.strKey(key.getData().getAccountID()))
                    .add("data_name", new String(key.getData().getDataName().getString64().getBytes(),
                            StandardCharsets.UTF_8));
            case CLAIMABLE_BALANCE -> json.add("claimable_balance_id",
                    ClaimableBalanceJson.id(key.getClaimableBalance().getBalanceID()));
            default -> {
                // Other entries have no sponsorship to revoke; the operation would not have been applied.
            }
        }
    }

    private static void asset(JsonObjectBuilder json, String prefix, Asset asset) {
        AssetJson.add(json, prefix, asset);
    }
}
