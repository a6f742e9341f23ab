package io.corridor.web.interfaces.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET /liquidity_pools}: the reserves a pool must hold (assets in the one-string form,
 * comma-separated) and an account taking part. Horizon does not check {@code account}; neither does this.
 */
record LiquidityPoolsQuery(List<MarketAsset> reserves, String account) {

    static final String RESERVES_REASON =
            "Invalid reserves, should be comma-separated list of assets in canonical form";

    LiquidityPoolsQuery {
        reserves = List.copyOf(reserves);
    }

    /**
     * Empty items are skipped, as Horizon does. The list is bounded like the path-finding lists, where Horizon
     * has no bound: no pool has more than two reserves anyway.
     */
    static LiquidityPoolsQuery parse(String reserves, String account) {
        List<MarketAsset> assets = new ArrayList<>();
        if (Params.present(reserves)) {
            String[] items = reserves.split(",", -1);
            if (items.length > StrictReceivePathsQuery.ASSETS_PARAM_MAX) {
                throw new InvalidParameter("reserves",
                        "list of assets exceeds maximum length of " + StrictReceivePathsQuery.ASSETS_PARAM_MAX);
            }
            for (String item : items) {
                if (item.isEmpty()) {
                    continue;
                }
                try {
                    assets.add(MarketAsset.parseCanonical("reserves", item));
                } catch (InvalidParameter e) {
                    throw new InvalidParameter("reserves", RESERVES_REASON);
                }
            }
        }
        return new LiquidityPoolsQuery(assets, Params.present(account) ? account : null);
    }

    /** The filters as the page links repeat them. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (!reserves.isEmpty()) {
            filters.put("reserves", reserves.stream().map(MarketAsset::canonical).collect(Collectors.joining(",")));
        }
        if (account != null) {
            filters.put("account", account);
        }
        return filters;
    }
}
