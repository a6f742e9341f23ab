package io.corridor.web.interfaces.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of the trade collections ({@code /trades}, {@code /accounts/{id}/trades},
 * {@code /offers/{id}/trades}): an asset pair (base and counter, both or neither), one of account, offer or
 * liquidity pool, and the trade type ({@code all}, {@code orderbook} or {@code liquidity_pool}). Null (0 for
 * the offer) does not filter.
 */
record TradesQuery(MarketAsset base, MarketAsset counter, String accountId, long offerId, String liquidityPoolId,
        String tradeType) {

    static final String ALL = "all";
    static final String ORDERBOOK = "orderbook";
    static final String LIQUIDITY_POOL = "liquidity_pool";
    static final String TRADE_TYPE_REASON = "Trade type must be all, orderbook, or liquidity_pool";

    TradesQuery {
        if ((base == null) != (counter == null) || offerId < 0 || tradeType == null) {
            throw new IllegalArgumentException("inconsistent trades filter");
        }
    }

    /**
     * Checked in Horizon's order: the single parameters, then their combinations. An {@code offer_id} of 0
     * does not filter, as in Horizon.
     */
    static TradesQuery parse(AssetParam base, AssetParam counter, String accountId, String offerId,
            String liquidityPoolId, String tradeType) {
        long offer = Math.max(0, Params.unsignedLong("offer_id", offerId, Params.OFFER_ID_REASON));
        String account = Params.accountId("account_id", accountId);
        String pool = Params.sha256Hex("liquidity_pool_id", liquidityPoolId, Params.POOL_ID_REASON);
        String type = Params.present(tradeType) ? tradeType : ALL;
        if (!type.equals(ALL) && !type.equals(ORDERBOOK) && !type.equals(LIQUIDITY_POOL)) {
            throw new InvalidParameter("trade_type", TRADE_TYPE_REASON);
        }
        MarketAsset baseAsset = base.parse();
        MarketAsset counterAsset = counter.parse();
        if ((baseAsset == null) != (counterAsset == null)) {
            throw new InvalidParameter("base_asset_type,counter_asset_type",
                    "this endpoint supports asset pairs but only one asset supplied");
        }
        if (baseAsset != null && offer != 0) {
            throw new InvalidParameter("base_asset_type,counter_asset_type,offer_id",
                    "this endpoint does not support filtering by both asset pair and offer id");
        }
        if (baseAsset != null && pool != null) {
            throw new InvalidParameter("base_asset_type,counter_asset_type,liquidity_pool_id",
                    "this endpoint does not support filtering by both asset pair and liquidity pool id");
        }
        int single = (account != null ? 1 : 0) + (offer != 0 ? 1 : 0) + (pool != null ? 1 : 0);
        if (single > 1) {
            throw new InvalidParameter("account_id,liquidity_pool_id,offer_id",
                    "Use a single filter for trades, you can only use one of account_id, liquidity_pool_id, offer_id");
        }
        if (offer != 0 && type.equals(LIQUIDITY_POOL)) {
            throw new InvalidParameter("trade_type",
                    "trade_type " + LIQUIDITY_POOL + " cannot be used with the offer_id filter");
        }
        if (pool != null && type.equals(ORDERBOOK)) {
            throw new InvalidParameter("trade_type",
                    "trade_type " + ORDERBOOK + " cannot be used with the liquidity_pool_id filter");
        }
        return new TradesQuery(baseAsset, counterAsset, account, offer, pool, type);
    }

    /**
     * The filters as the page links repeat them (a new map each time: the account- and offer-scoped
     * collections remove the filter their path already carries).
     */
    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (base != null) {
            filters.putAll(base.asParams("base_"));
            filters.putAll(counter.asParams("counter_"));
        }
        if (accountId != null) {
            filters.put("account_id", accountId);
        }
        if (offerId != 0) {
            filters.put("offer_id", Long.toString(offerId));
        }
        if (liquidityPoolId != null) {
            filters.put("liquidity_pool_id", liquidityPoolId);
        }
        if (!tradeType.equals(ALL)) {
            filters.put("trade_type", tradeType);
        }
        return filters;
    }
}
