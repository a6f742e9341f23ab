package io.corridor.web.interfaces.rest;

/**
 * The parameters of {@code GET /order_book}: the selling asset (the book's base) and the buying asset (its
 * counter), both required in the {@code <side>_asset_*} form, and how many price levels of each side to show
 * ({@code limit}, 1–200, default {@value #LIMIT_DEFAULT}).
 */
record OrderBookQuery(MarketAsset selling, MarketAsset buying, int limit) {

    static final int LIMIT_DEFAULT = 20;
    static final int LIMIT_MAX = 200;

    OrderBookQuery {
        if (selling == null || buying == null) {
            throw new IllegalArgumentException("an order book needs both assets");
        }
    }

    static OrderBookQuery parse(AssetParam selling, AssetParam buying, String limit) {
        MarketAsset sellingAsset = selling.required();
        MarketAsset buyingAsset = buying.required();
        return new OrderBookQuery(sellingAsset, buyingAsset, PageParams.limit(limit, LIMIT_DEFAULT, LIMIT_MAX));
    }
}
