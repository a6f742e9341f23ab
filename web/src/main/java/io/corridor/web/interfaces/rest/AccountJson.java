package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.List;
import org.stellar.sdk.StrKey;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.DataEntry;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * Horizon's account resource: the account entry with its trust-line balances (native last, as Horizon
 * orders them), signers (master key last), data entries and sponsorship counts.
 */
final class AccountJson {

    private AccountJson() {
    }

    /**
     * @param owned the account's trust lines, data entries and offers in the same ledger
     * @param lastModifiedTime close time (epoch seconds) of the entry's last-modified ledger, or null if unknown
     */
    static JsonObjectBuilder toJson(LedgerEntry entry, List<LedgerEntry> owned, Long lastModifiedTime, Links links) {
        AccountEntry account = entry.getData().getAccount();
        String id = Accounts.strKey(account.getAccountID());
        int flags = Accounts.flags(account);
        JsonArrayBuilder balances = Json.createArrayBuilder();
        JsonObjectBuilder data = Json.createObjectBuilder();
        for (LedgerEntry item : owned) {
            switch (item.getData().getDiscriminant()) {
                case TRUSTLINE -> balances.add(trustLineBalance(item));
                case DATA -> {
                    DataEntry d = item.getData().getData();
                    data.add(new String(d.getDataName().getString64().getBytes(), java.nio.charset.StandardCharsets.UTF_8),
                            Base64.getEncoder().encodeToString(d.getDataValue().getDataValue()));
                }
                default -> {
                }
            }
        }
        balances.add(Json.createObjectBuilder()
                .add("balance", Amounts.format(Accounts.balance(account)))
                .add("buying_liabilities", Amounts.format(Accounts.buyingLiabilities(account)))
                .add("selling_liabilities", Amounts.format(Accounts.sellingLiabilities(account)))
                .add("asset_type", "native"));
        JsonArrayBuilder signers = Json.createArrayBuilder();
        Signer[] list = Signers.of(account);
        for (int i = 0; i < list.length; i++) {
            JsonObjectBuilder signer = signerJson(list[i]);
            AccountID sponsor = Sponsorship.signerSponsor(account, i);
            if (sponsor != null) {
                signer.add("sponsor", Accounts.strKey(sponsor));
            }
            signers.add(signer);
        }
        signers.add(Json.createObjectBuilder()
                .add("weight", Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT))
                .add("key", id).add("type", "ed25519_public_key"));

        String path = "/accounts/" + id;
        JsonObjectBuilder json = Json.createObjectBuilder()
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
                .add("sequence", Long.toString(Accounts.seqNum(account)));
        long seqLedger = AccountExtensions.seqLedger(account);
        if (seqLedger != 0) {
            json.add("sequence_ledger", seqLedger)
                    .add("sequence_time", AccountExtensions.seqTime(account).toString());
        }
        json.add("subentry_count", Accounts.numSubEntries(account));
        if (account.getInflationDest() != null) {
            json.add("inflation_destination", Accounts.strKey(account.getInflationDest()));
        }
        String homeDomain = account.getHomeDomain() == null ? ""
                : new String(account.getHomeDomain().getString32().getBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        if (!homeDomain.isEmpty()) {
            json.add("home_domain", homeDomain);
        }
        json.add("last_modified_ledger", entry.getLastModifiedLedgerSeq().getUint32().getNumber());
        if (lastModifiedTime != null) {
            json.add("last_modified_time", Times.iso(lastModifiedTime));
        } else {
            json.addNull("last_modified_time");
        }
        json.add("thresholds", Json.createObjectBuilder()
                        .add("low_threshold", Accounts.threshold(account, Accounts.THRESHOLD_LOW))
                        .add("med_threshold", Accounts.threshold(account, Accounts.THRESHOLD_MED))
                        .add("high_threshold", Accounts.threshold(account, Accounts.THRESHOLD_HIGH)))
                .add("flags", Json.createObjectBuilder()
                        .add("auth_required", (flags & Accounts.AUTH_REQUIRED_FLAG) != 0)
                        .add("auth_revocable", (flags & Accounts.AUTH_REVOCABLE_FLAG) != 0)
                        .add("auth_immutable", (flags & Accounts.AUTH_IMMUTABLE_FLAG) != 0)
                        .add("auth_clawback_enabled", (flags & Accounts.AUTH_CLAWBACK_ENABLED_FLAG) != 0))
                .add("balances", balances)
                .add("signers", signers)
                .add("data", data)
                .add("num_sponsoring", Accounts.numSponsoring(account))
                .add("num_sponsored", Accounts.numSponsored(account));
        AccountID sponsor = Sponsorship.sponsor(entry);
        if (sponsor != null) {
            json.add("sponsor", Accounts.strKey(sponsor));
        }
        return json.add("paging_token", id);
    }

    private static JsonObjectBuilder trustLineBalance(LedgerEntry item) {
        TrustLineEntry line = item.getData().getTrustLine();
        JsonObjectBuilder balance = Json.createObjectBuilder()
                .add("balance", Amounts.format(TrustLines.balance(line)))
                .add("limit", Amounts.format(TrustLines.limit(line)))
                .add("buying_liabilities", Amounts.format(TrustLines.buyingLiabilities(line)))
                .add("selling_liabilities", Amounts.format(TrustLines.sellingLiabilities(line)));
        AccountID sponsor = Sponsorship.sponsor(item);
        if (sponsor != null) {
            balance.add("sponsor", Accounts.strKey(sponsor));
        }
        balance.add("last_modified_ledger", item.getLastModifiedLedgerSeq().getUint32().getNumber())
                .add("is_authorized", TrustLines.isAuthorized(line))
                .add("is_authorized_to_maintain_liabilities", TrustLines.isAuthorizedToMaintainLiabilities(line))
                .add("is_clawback_enabled", TrustLines.isClawbackEnabled(line));
        AssetJson.add(balance, "", line.getAsset());
        return balance;
    }

    private static JsonObjectBuilder signerJson(Signer signer) {
        return Json.createObjectBuilder().add("weight", signer.getWeight().getUint32().getNumber())
                .add("key", signerKey(signer.getKey())).add("type", signerType(signer.getKey()));
    }

    /** A signer key as its strkey: {@code G…}, {@code T…} (pre-authorized transaction), {@code X…} (hash), {@code P…}. */
    static String signerKey(SignerKey key) {
        SignerKeyType type = key.getDiscriminant();
        if (type == SignerKeyType.SIGNER_KEY_TYPE_ED25519) {
            return StrKey.encodeEd25519PublicKey(key.getEd25519().getUint256());
        } else if (type == SignerKeyType.SIGNER_KEY_TYPE_PRE_AUTH_TX) {
            return StrKey.encodePreAuthTx(key.getPreAuthTx().getUint256());
        } else if (type == SignerKeyType.SIGNER_KEY_TYPE_HASH_X) {
            return StrKey.encodeSha256Hash(key.getHashX().getUint256());
        }
        var payload = key.getEd25519SignedPayload();
        return StrKey.encodeSignedPayload(new org.stellar.sdk.SignedPayloadSigner(
                payload.getEd25519().getUint256(), payload.getPayload()));
    }

    /** Horizon's name of a signer key's type. */
    private static String signerType(SignerKey key) {
        return switch (key.getDiscriminant()) {
            case SIGNER_KEY_TYPE_ED25519 -> "ed25519_public_key";
            case SIGNER_KEY_TYPE_PRE_AUTH_TX -> "preauth_tx";
            case SIGNER_KEY_TYPE_HASH_X -> "sha256_hash";
            default -> "ed25519_signed_payload";
        };
    }
}
