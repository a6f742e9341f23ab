package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Amounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.Xdr;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimPredicate;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.LedgerEntry;

/** Horizon's claimable-balance resource. */
final class ClaimableBalanceJson {

    private ClaimableBalanceJson() {
    }

    /** The balance id as Horizon and the SDKs write it: hex of the {@code ClaimableBalanceID} XDR. */
    static String id(ClaimableBalanceID id) {
        return Hashing.hex(Xdr.encode(id::toXdrByteArray));
    }

    /** @param lastModifiedTime close time (epoch seconds) of the entry's last-modified ledger, or null if unknown */
    static JsonObjectBuilder toJson(LedgerEntry entry, Long lastModifiedTime, Links links) {
        ClaimableBalanceEntry balance = entry.getData().getClaimableBalance();
        String id = id(balance.getBalanceID());
        JsonArrayBuilder claimants = Json.createArrayBuilder();
        for (Claimant claimant : balance.getClaimants()) {
            claimants.add(Json.createObjectBuilder()
                    .add("destination", Accounts.strKey(claimant.getV0().getDestination()))
                    .add("predicate", predicate(claimant.getV0().getPredicate())));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link("/claimable_balances/" + id))
                        .add("transactions", links.templated("/claimable_balances/" + id
                                + "/transactions{?cursor,limit,order}"))
                        .add("operations", links.templated("/claimable_balances/" + id
                                + "/operations{?cursor,limit,order}")))
                .add("id", id)
                .add("asset", AssetJson.canonical(balance.getAsset()))
                .add("amount", Amounts.format(balance.getAmount().getInt64()));
        AccountID sponsor = Sponsorship.sponsor(entry);
        if (sponsor != null) {
            json.add("sponsor", Accounts.strKey(sponsor));
        }
        json.add("last_modified_ledger", entry.getLastModifiedLedgerSeq().getUint32().getNumber());
        if (lastModifiedTime != null) {
            json.add("last_modified_time", Times.iso(lastModifiedTime));
        } else {
            json.addNull("last_modified_time");
        }
        return json.add("claimants", claimants)
                .add("flags", Json.createObjectBuilder()
                        .add("clawback_enabled", (ClaimableBalances.flags(balance)
                                & ClaimableBalances.CLAWBACK_ENABLED_FLAG) != 0))
                .add("paging_token", id);
    }

    /** Horizon's predicate JSON: {@code unconditional}, {@code and}, {@code or}, {@code not}, {@code abs_before}, {@code rel_before}. */
    static JsonObjectBuilder predicate(ClaimPredicate predicate) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        switch (predicate.getDiscriminant()) {
            case CLAIM_PREDICATE_UNCONDITIONAL -> json.add("unconditional", true);
            case CLAIM_PREDICATE_AND -> json.add("and", Json.createArrayBuilder()
                    .add(predicate(predicate.getAndPredicates()[0])).add(predicate(predicate.getAndPredicates()[1])));
            case CLAIM_PREDICATE_OR -> json.add("or", Json.createArrayBuilder()
                    .add(predicate(predicate.getOrPredicates()[0])).add(predicate(predicate.getOrPredicates()[1])));
            case CLAIM_PREDICATE_NOT -> json.add("not", predicate(predicate.getNotPredicate()));
            case CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME -> {
                long epoch = predicate.getAbsBefore().getInt64();
                json.add("abs_before", Times.iso(epoch)).add("abs_before_epoch", Long.toString(epoch));
            }
            case CLAIM_PREDICATE_BEFORE_RELATIVE_TIME -> json.add("rel_before",
                    Long.toString(predicate.getRelBefore().getInt64()));
            default -> throw new IllegalStateException("unknown claim predicate " + predicate.getDiscriminant());
        }
        return json;
    }
}
