package io.corridor.web.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of {@code GET /offers}: the seller, the sponsor, and the selling and buying assets (each in
 * either form, see {@link AssetParam}). A null component does not filter.
 */
record OffersQuery(String seller, String sponsor, MarketAsset selling, MarketAsset buying) {

    /** Checked in Horizon's order: seller, sponsor, then the assets. */
    static OffersQuery parse(String seller, String sponsor, AssetParam selling, AssetParam buying) {
        String sellerId = Params.accountId("seller", seller);
        String sponsorId = Params.accountId("sponsor", sponsor);
        return new OffersQuery(sellerId, sponsorId, selling.parse(), buying.parse());
    }

    /** The filters as the page links repeat them; assets in the one-string form. */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (seller != null) {
            filters.put("seller", seller);
        }
        if (sponsor != null) {
            filters.put("sponsor", sponsor);
        }
        if (selling != null) {
            filters.put("selling", selling.canonical());
        }
        if (buying != null) {
            filters.put("buying", buying.canonical());
        }
        return filters;
    }
}
