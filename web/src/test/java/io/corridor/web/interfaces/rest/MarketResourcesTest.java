package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.BASE_URL;
import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static io.corridor.web.interfaces.rest.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The market resources called as JAX-RS would call them, without a server: the answers' shapes and links, and
 * the parameter errors (which {@link InvalidParameterMapper} turns into 400 problems).
 */
class MarketResourcesTest {

    private static <T> T withUri(T resource) {
        try {
            resource.getClass().getDeclaredField("uri").set(resource, TestValues.uriInfo());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return resource;
    }

    private static String href(JsonObject page, String link) {
        return page.getJsonObject("_links").getJsonObject(link).getString("href");
    }

    private static void assertEmptyPage(JsonObject page) {
        assertThat(page.keySet()).containsExactly("_links", "_embedded");
        assertThat(page.getJsonObject("_links").keySet()).containsExactly("self", "next", "prev");
        assertThat(page.getJsonObject("_embedded").getJsonArray("records")).isEmpty();
    }

    @Test
    void offersAnswerAnEmptyPageWhoseLinksKeepTheFilters() {
        JsonObject page = json(withUri(new OfferResource()).offers(SELLER, null, null, "credit_alphanum4", "USD",
                ISSUER, "native", null, null, null, "42", "desc", "5"));
        assertEmptyPage(page);
        String filters = "&seller=" + SELLER + "&selling=USD%3A" + ISSUER + "&buying=native";
        assertThat(href(page, "self")).isEqualTo(BASE_URL + "offers?cursor=42&limit=5&order=desc" + filters);
        assertThat(href(page, "next")).isEqualTo(BASE_URL + "offers?cursor=42&limit=5&order=desc" + filters);
        assertThat(href(page, "prev")).isEqualTo(BASE_URL + "offers?cursor=42&limit=5&order=asc" + filters);
    }

    @Test
    void offersCheckEveryParameter() {
        OfferResource offers = withUri(new OfferResource());
        assertInvalid(() -> offers.offers("nobody", null, null, null, null, null, null, null, null, null, null,
                null, null), "seller");
        assertInvalid(() -> offers.offers(null, null, "native", "native", null, null, null, null, null, null, null,
                null, null), "selling_asset_type");
        assertInvalid(() -> offers.offers(null, null, null, null, null, null, null, null, null, null, "x", null,
                null), "cursor");
        assertInvalid(() -> offers.offer("0"), "offer_id");
        assertInvalid(() -> offers.offer("abc"), "offer_id");
        assertInvalid(() -> offers.trades("-3", null, null, null, null), "offer_id");
        assertInvalid(() -> offers.trades("3", "liquidity_pool", null, null, null), "trade_type");
    }

    @Test
    void anOffersTradesAreAnEmptyPageUnderTheOffer() {
        JsonObject page = json(withUri(new OfferResource()).trades("3", "orderbook", null, null, null));
        assertEmptyPage(page);
        assertThat(href(page, "self")).isEqualTo(BASE_URL + "offers/3/trades?cursor=&limit=10&order=asc"
                + "&trade_type=orderbook");
    }

    @Test
    void accountOffersAndTradesAreEmptyPagesUnderTheAccount() {
        JsonObject offers = json(withUri(new AccountOfferResource()).offers(SELLER, null, null, null));
        assertEmptyPage(offers);
        assertThat(href(offers, "self")).isEqualTo(BASE_URL + "accounts/" + SELLER + "/offers?cursor=&limit=10&order=asc");
        assertInvalid(() -> withUri(new AccountOfferResource()).offers("GABC", null, null, null), "account_id");

        JsonObject trades = json(withUri(new AccountTradeResource()).trades(SELLER, null, null, null, null, null,
                null, null, null, null, "1-2", null, null));
        assertEmptyPage(trades);
        assertThat(href(trades, "self")).isEqualTo(BASE_URL + "accounts/" + SELLER + "/trades?cursor=1-2&limit=10&order=asc");
        assertInvalid(() -> withUri(new AccountTradeResource()).trades(SELLER, null, null, null, null, null, null,
                "5", null, null, null, null, null), "account_id,liquidity_pool_id,offer_id");
    }

    @Test
    void tradesAndAggregationsAreEmptyPages() {
        JsonObject trades = json(withUri(new TradeResource()).trades("native", null, null, "credit_alphanum4",
                "USD", ISSUER, null, null, null, null, null, null, null));
        assertEmptyPage(trades);
        assertThat(href(trades, "self")).isEqualTo(BASE_URL + "trades?cursor=&limit=10&order=asc"
                + "&base_asset_type=native&counter_asset_type=credit_alphanum4&counter_asset_code=USD"
                + "&counter_asset_issuer=" + ISSUER);

        JsonObject aggregations = json(withUri(new TradeAggregationResource()).tradeAggregations("native", null,
                null, "credit_alphanum4", "USD", ISSUER, "3600000", "0", "0", "1700000000000", null, "desc", null));
        assertEmptyPage(aggregations);
        assertThat(href(aggregations, "self")).endsWith("&resolution=3600000&end_time=1700000000000");
        assertThat(href(aggregations, "prev")).contains("order=asc");
        assertInvalid(() -> withUri(new TradeAggregationResource()).tradeAggregations("native", null, null, null,
                null, null, "3600000", null, null, null, null, null, null), "counter_asset_type");
    }

    @Test
    void orderBookShowsTheMarketWithoutPriceLevels() {
        JsonObject book = json(new OrderBookResource().orderBook("native", null, null, "credit_alphanum12",
                "EURO2026", ISSUER, null));
        assertThat(book.getJsonArray("bids")).isEmpty();
        assertThat(book.getJsonArray("asks")).isEmpty();
        assertThat(book.getJsonObject("base").getString("asset_type")).isEqualTo("native");
        assertThat(book.getJsonObject("counter").getString("asset_code")).isEqualTo("EURO2026");
    }

    @Test
    void pathsAreAnEmptyUnpagedListWithASelfLink() {
        PathResource resource = withUri(new PathResource());
        JsonObject send = json(resource.strictSendPaths(null, "native,USD:" + ISSUER, "native", null, null, "10"));
        assertThat(send.getJsonObject("_embedded").getJsonArray("records")).isEmpty();
        assertThat(send.getJsonObject("_links").keySet()).containsExactly("self");
        assertThat(href(send, "self")).isEqualTo(BASE_URL + "paths/strict-send?source_asset_type=native"
                + "&source_amount=10.0000000&destination_assets=native%2CUSD%3A" + ISSUER);
        JsonObject receive = json(resource.strictReceivePaths(null, SELLER, null, "native", null, null, "1"));
        assertThat(href(receive, "self")).startsWith(BASE_URL + "paths/strict-receive?destination_asset_type=native");
        JsonObject legacy = json(resource.paths(null, SELLER, null, "native", null, null, "1"));
        assertThat(href(legacy, "self")).startsWith(BASE_URL + "paths?destination_asset_type=native");
        assertInvalid(() -> resource.strictReceivePaths("native", SELLER, null, "native", null, null, "1"),
                "source_account,source_assets");
        assertInvalid(() -> resource.strictSendPaths(SELLER, null, "native", null, null, null), "source_amount");
    }

    @Test
    void liquidityPoolsAreAnEmptyPage() {
        LiquidityPoolResource pools = withUri(new LiquidityPoolResource());
        JsonObject page = json(pools.liquidityPools("native,USD:" + ISSUER, null, "any-cursor", null, null));
        assertEmptyPage(page);
        assertThat(href(page, "self")).isEqualTo(BASE_URL + "liquidity_pools?cursor=any-cursor&limit=10&order=asc"
                + "&reserves=native%2CUSD%3A" + ISSUER);
        assertInvalid(() -> pools.liquidityPool("not-a-hash"), "liquidity_pool_id");
        assertInvalid(() -> pools.liquidityPools("USD", null, null, null, null), "reserves");
    }
}
