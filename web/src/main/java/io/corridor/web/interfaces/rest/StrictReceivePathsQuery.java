package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.Amounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code GET /paths/strict-receive}: what the destination must receive (asset and amount,
 * required) and what the sender may spend: either the source account's assets or a list of source assets,
 * exactly one of the two. {@code destination_account} is accepted and checked as Horizon does, but does not
 * change the search.
 */
record StrictReceivePathsQuery(MarketAsset destinationAsset, long destinationAmount, String sourceAccount,
        List<MarketAsset> sourceAssets, String destinationAccount) {

    /** Horizon's default {@code --max-assets-per-path-request}. */
    static final int ASSETS_PARAM_MAX = 15;
    static final String SOURCE_REASON = "The request requires either a list of source assets or a source "
            + "account. Both fields cannot be present.";

    StrictReceivePathsQuery {
        sourceAssets = List.copyOf(sourceAssets);
        if (destinationAsset == null || destinationAmount <= 0 || (sourceAccount == null) == sourceAssets.isEmpty()) {
            throw new IllegalArgumentException("invalid strict-receive query");
        }
    }

    /** Checked in Horizon's order: the accounts, the destination asset and amount, then the source. */
    static StrictReceivePathsQuery parse(String sourceAssets, String sourceAccount, String destinationAccount,
            AssetParam destinationAsset, String destinationAmount) {
        String source = Params.accountId("source_account", sourceAccount);
        String destination = Params.accountId("destination_account", destinationAccount);
        MarketAsset asset = destinationAsset.required();
        long amount = Params.positiveAmount("destination_amount", destinationAmount);
        if ((source != null) == Params.present(sourceAssets)) {
            throw new InvalidParameter("source_account,source_assets", SOURCE_REASON);
        }
        List<MarketAsset> assets = MarketAsset.parseList("source_assets", sourceAssets, ASSETS_PARAM_MAX);
        return new StrictReceivePathsQuery(asset, amount, source, assets, destination);
    }

    /** The parameters as the {@code self} link repeats them. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>(destinationAsset.asParams("destination_"));
        params.put("destination_amount", Amounts.format(destinationAmount));
        if (destinationAccount != null) {
            params.put("destination_account", destinationAccount);
        }
        if (sourceAccount != null) {
            params.put("source_account", sourceAccount);
        } else {
            params.put("source_assets", sourceAssets.stream().map(MarketAsset::canonical)
                    .collect(Collectors.joining(",")));
        }
        return params;
    }
}
