package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.Amounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code GET /paths/strict-send}: what the sender spends (asset and amount, required) and
 * what the recipient may receive: either the destination account's assets or a list of destination assets,
 * exactly one of the two.
 */
record StrictSendPathsQuery(MarketAsset sourceAsset, long sourceAmount, String destinationAccount,
        List<MarketAsset> destinationAssets) {

    static final String DESTINATION_REASON = "The request requires either a list of destination assets or a "
            + "destination account. Both fields cannot be present.";

    StrictSendPathsQuery {
        destinationAssets = List.copyOf(destinationAssets);
        if (sourceAsset == null || sourceAmount <= 0
                || (destinationAccount == null) == destinationAssets.isEmpty()) {
            throw new IllegalArgumentException("invalid strict-send query");
        }
    }

    /** Checked in Horizon's order: the account, the source asset and amount, then the destination. */
    static StrictSendPathsQuery parse(String destinationAccount, String destinationAssets, AssetParam sourceAsset,
            String sourceAmount) {
        String destination = Params.accountId("destination_account", destinationAccount);
        MarketAsset asset = sourceAsset.required();
        long amount = Params.positiveAmount("source_amount", sourceAmount);
        if ((destination != null) == Params.present(destinationAssets)) {
            throw new InvalidParameter("destination_account,destination_assets", DESTINATION_REASON);
        }
        List<MarketAsset> assets = MarketAsset.parseList("destination_assets", destinationAssets,
                StrictReceivePathsQuery.ASSETS_PARAM_MAX);
        return new StrictSendPathsQuery(asset, amount, destination, assets);
    }

    /** The parameters as the {@code self} link repeats them. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>(sourceAsset.asParams("source_"));
        params.put("source_amount", Amounts.format(sourceAmount));
        if (destinationAccount != null) {
            params.put("destination_account", destinationAccount);
        } else {
            params.put("destination_assets", destinationAssets.stream().map(MarketAsset::canonical)
                    .collect(Collectors.joining(",")));
        }
        return params;
    }
}
