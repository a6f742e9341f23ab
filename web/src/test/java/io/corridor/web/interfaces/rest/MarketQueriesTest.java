package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The parameter rules of each market endpoint, one nested class per query. */
class MarketQueriesTest {

    private static final String POOL = "ab".repeat(32);
    private static final AssetParam NO_BASE = AssetParam.of("base", null, null, null);
    private static final AssetParam NO_COUNTER = AssetParam.of("counter", null, null, null);
    private static final AssetParam NATIVE_BASE = AssetParam.of("base", "native", null, null);
    private static final AssetParam USD_COUNTER = AssetParam.of("counter", "credit_alphanum4", "USD", ISSUER);

    @Nested
    class Offers {

        private final AssetParam noSelling = new AssetParam("selling", null, null, null, null);
        private final AssetParam noBuying = new AssetParam("buying", null, null, null, null);

        @Test
        void everyFilterIsOptional() {
            OffersQuery query = OffersQuery.parse(null, null, noSelling, noBuying);
            assertThat(query).isEqualTo(new OffersQuery(null, null, null, null));
            assertThat(query.filters()).isEmpty();
        }

        @Test
        void keepsFiltersWithAssetsInTheOneStringForm() {
            OffersQuery query = OffersQuery.parse(SELLER, ISSUER,
                    new AssetParam("selling", null, "credit_alphanum4", "USD", ISSUER),
                    new AssetParam("buying", "native", null, null, null));
            assertThat(query.filters()).containsExactly(entry("seller", SELLER), entry("sponsor", ISSUER),
                    entry("selling", "USD:" + ISSUER), entry("buying", "native"));
        }

        @Test
        void namesTheBadFilter() {
            assertInvalid(() -> OffersQuery.parse("GABC", null, noSelling, noBuying), "seller");
            assertInvalid(() -> OffersQuery.parse(null, "GABC", noSelling, noBuying), "sponsor");
            assertInvalid(() -> OffersQuery.parse(null, null, new AssetParam("selling", "USD", null, null, null),
                    noBuying), "selling");
            assertInvalid(() -> OffersQuery.parse(null, null, noSelling,
                    new AssetParam("buying", null, "credit_alphanum4", null, ISSUER)), "buying_asset_code");
            assertInvalid(() -> OffersQuery.parse(null, null, noSelling,
                    new AssetParam("buying", "native", "native", null, null)), "buying_asset_type");
        }
    }

    @Nested
    class OrderBook {

        @Test
        void needsBothAssets() {
            OrderBookQuery query = OrderBookQuery.parse(AssetParam.of("selling", "native", null, null),
                    AssetParam.of("buying", "credit_alphanum4", "USD", ISSUER), null);
            assertThat(query.selling()).isEqualTo(MarketAsset.nativeAsset());
            assertThat(query.buying()).isEqualTo(MarketAsset.credit("USD", ISSUER));
            assertThat(query.limit()).isEqualTo(20);
            assertInvalid(() -> OrderBookQuery.parse(AssetParam.of("selling", null, null, null),
                    AssetParam.of("buying", "native", null, null), null), "selling_asset_type");
            assertInvalid(() -> OrderBookQuery.parse(AssetParam.of("selling", "native", null, null),
                    AssetParam.of("buying", null, null, null), null), "buying_asset_type");
            assertInvalid(() -> OrderBookQuery.parse(AssetParam.of("selling", "native", null, null),
                    AssetParam.of("buying", "credit_alphanum4", "USD", null), null), "buying_asset_issuer");
            assertInvalid(() -> OrderBookQuery.parse(AssetParam.of("selling", "native", null, null),
                    AssetParam.of("buying", "native", null, null), "0"), "limit");
        }

        @Test
        void answersEmptySidesForTheMarketAsked() {
            OrderBookQuery query = OrderBookQuery.parse(AssetParam.of("selling", "credit_alphanum4", "USD", ISSUER),
                    AssetParam.of("buying", "native", null, null), "5");
            var json = TestValues.json(MarketPages.orderBook(query));
            assertThat(json.keySet()).containsExactly("bids", "asks", "base", "counter");
            assertThat(json.getJsonArray("bids")).isEmpty();
            assertThat(json.getJsonArray("asks")).isEmpty();
            assertThat(json.getJsonObject("base").getString("asset_code")).isEqualTo("USD");
            assertThat(json.getJsonObject("counter").getString("asset_type")).isEqualTo("native");
        }
    }

    @Nested
    class Trades {

        @Test
        void withoutFiltersListsAllTrades() {
            TradesQuery query = TradesQuery.parse(NO_BASE, NO_COUNTER, null, null, null, null);
            assertThat(query.tradeType()).isEqualTo("all");
            assertThat(query.filters()).isEmpty();
        }

        @Test
        void takesAnAssetPairOrOneOfAccountOfferAndPool() {
            assertThat(TradesQuery.parse(NATIVE_BASE, USD_COUNTER, SELLER, null, null, "orderbook").filters())
                    .containsExactly(entry("base_asset_type", "native"), entry("counter_asset_type", "credit_alphanum4"),
                            entry("counter_asset_code", "USD"), entry("counter_asset_issuer", ISSUER),
                            entry("account_id", SELLER), entry("trade_type", "orderbook"));
            assertThat(TradesQuery.parse(NO_BASE, NO_COUNTER, null, "7", null, null).offerId()).isEqualTo(7L);
            assertThat(TradesQuery.parse(NO_BASE, NO_COUNTER, null, "0", null, null).offerId()).isZero();
            assertThat(TradesQuery.parse(NO_BASE, NO_COUNTER, null, null, POOL, "liquidity_pool").liquidityPoolId())
                    .isEqualTo(POOL);
        }

        @Test
        void namesTheBadFilterOrCombination() {
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, "x", null, null), "offer_id");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, "G", null, null, null), "account_id");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, null, "abc", null), "liquidity_pool_id");
            assertThat(assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, null, null, "liquidity_pools"),
                    "trade_type")).isEqualTo("Trade type must be all, orderbook, or liquidity_pool");
            assertInvalid(() -> TradesQuery.parse(NATIVE_BASE, NO_COUNTER, null, null, null, null),
                    "base_asset_type,counter_asset_type");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, USD_COUNTER, null, null, null, null),
                    "base_asset_type,counter_asset_type");
            assertInvalid(() -> TradesQuery.parse(NATIVE_BASE, USD_COUNTER, null, "7", null, null),
                    "base_asset_type,counter_asset_type,offer_id");
            assertInvalid(() -> TradesQuery.parse(NATIVE_BASE, USD_COUNTER, null, null, POOL, null),
                    "base_asset_type,counter_asset_type,liquidity_pool_id");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, SELLER, "7", null, null),
                    "account_id,liquidity_pool_id,offer_id");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, "7", POOL, null),
                    "account_id,liquidity_pool_id,offer_id");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, "7", null, "liquidity_pool"),
                    "trade_type");
            assertInvalid(() -> TradesQuery.parse(NO_BASE, NO_COUNTER, null, null, POOL, "orderbook"), "trade_type");
            assertInvalid(() -> TradesQuery.parse(AssetParam.of("base", "credit_alphanum4", "USD", null), USD_COUNTER,
                    null, null, null, null), "base_asset_issuer");
        }
    }

    @Nested
    class TradeAggregations {

        private TradeAggregationsQuery parse(String resolution, String offset, String start, String end) {
            return TradeAggregationsQuery.parse(NATIVE_BASE, USD_COUNTER, resolution, offset, start, end);
        }

        @Test
        void takesTheSixResolutions() {
            for (long resolution : TradeAggregationsQuery.RESOLUTIONS_MS) {
                assertThat(parse(Long.toString(resolution), null, null, null).resolutionMs()).isEqualTo(resolution);
            }
            for (String bad : new String[] {null, "", "1000", "3600001", "-60000", "hour"}) {
                assertThat(assertInvalid(() -> parse(bad, null, null, null), "resolution"))
                        .startsWith("illegal or missing resolution");
            }
        }

        @Test
        void needsBothAssets() {
            assertInvalid(() -> TradeAggregationsQuery.parse(NO_BASE, USD_COUNTER, "60000", null, null, null),
                    "base_asset_type");
            assertInvalid(() -> TradeAggregationsQuery.parse(NATIVE_BASE, NO_COUNTER, "60000", null, null, null),
                    "counter_asset_type");
        }

        @Test
        void offsetIsWholeHoursBelowADayAndNotAboveTheResolution() {
            assertThat(parse("86400000", "3600000", null, null).offsetMs()).isEqualTo(3_600_000L);
            assertThat(parse("604800000", "82800000", null, null).offsetMs()).isEqualTo(82_800_000L);
            assertThat(parse("3600000", "3600000", null, null).offsetMs()).isEqualTo(3_600_000L);
            assertInvalid(() -> parse("86400000", "1800000", null, null), "offset");
            assertInvalid(() -> parse("604800000", "86400000", null, null), "offset");
            assertInvalid(() -> parse("900000", "3600000", null, null), "offset");
            assertInvalid(() -> parse("3600000", "-3600000", null, null), "offset");
            assertInvalid(() -> parse("3600000", "x", null, null), "offset");
        }

        @Test
        void endMustFollowTheRoundedStartAndTheOffset() {
            // Start 10:30 rounds up to 11:00 with hourly buckets; an end at 11:59 rounds down to 11:00: allowed.
            long start = 10 * 3_600_000L + 1_800_000L;
            assertThat(parse("3600000", null, Long.toString(start), Long.toString(start + 5_340_000L)).endTimeMs())
                    .isEqualTo(start + 5_340_000L);
            // An end at 10:59 rounds down to 10:00, before the rounded start.
            assertThat(assertInvalid(() -> parse("3600000", null, Long.toString(start),
                    Long.toString(start + 1_740_000L)), "end_time")).startsWith("illegal end time");
            assertInvalid(() -> parse("86400000", "7200000", null, "3600000"), "end_time");
            // A start alone, even a negative one, is never refused; 0 means open.
            assertThat(parse("60000", null, "-5", null).startTimeMs()).isEqualTo(-5L);
            assertThat(parse("60000", null, "0", "0").filters()).doesNotContainKeys("start_time", "end_time");
            assertInvalid(() -> parse("60000", null, "yesterday", null), "start_time");
            assertInvalid(() -> parse("60000", null, null, "1.5"), "end_time");
            assertInvalid(() -> parse("604800000", null, Long.toString(Long.MAX_VALUE), null), "start_time");
        }

        @Test
        void linksRepeatTheParameters() {
            assertThat(parse("3600000", "3600000", "1000", "86400000").filters()).containsExactly(
                    entry("base_asset_type", "native"), entry("counter_asset_type", "credit_alphanum4"),
                    entry("counter_asset_code", "USD"), entry("counter_asset_issuer", ISSUER),
                    entry("resolution", "3600000"), entry("offset", "3600000"), entry("start_time", "1000"),
                    entry("end_time", "86400000"));
        }
    }

    @Nested
    class Paths {

        private final AssetParam usdDestination = AssetParam.of("destination", "credit_alphanum4", "USD", ISSUER);
        private final AssetParam nativeSource = AssetParam.of("source", "native", null, null);

        @Test
        void strictReceiveTakesExactlyOneSource() {
            StrictReceivePathsQuery byAccount = StrictReceivePathsQuery.parse(null, SELLER, null, usdDestination, "10");
            assertThat(byAccount.sourceAccount()).isEqualTo(SELLER);
            assertThat(byAccount.destinationAmount()).isEqualTo(100_000_000L);
            StrictReceivePathsQuery byAssets = StrictReceivePathsQuery.parse("native,EUR:" + ISSUER, null, SELLER,
                    usdDestination, "0.5");
            assertThat(byAssets.sourceAssets()).hasSize(2);
            assertThat(byAssets.params()).containsEntry("source_assets", "native,EUR:" + ISSUER)
                    .containsEntry("destination_amount", "0.5000000").containsEntry("destination_account", SELLER);
            String reason = assertInvalid(() -> StrictReceivePathsQuery.parse(null, null, null, usdDestination, "10"),
                    "source_account,source_assets");
            assertThat(reason).isEqualTo(StrictReceivePathsQuery.SOURCE_REASON);
            assertInvalid(() -> StrictReceivePathsQuery.parse("native", SELLER, null, usdDestination, "10"),
                    "source_account,source_assets");
        }

        @Test
        void strictReceiveNamesTheBadParameter() {
            assertInvalid(() -> StrictReceivePathsQuery.parse(null, SELLER, null,
                    AssetParam.of("destination", null, null, null), "10"), "destination_asset_type");
            assertInvalid(() -> StrictReceivePathsQuery.parse(null, SELLER, null, usdDestination, null),
                    "destination_amount");
            assertInvalid(() -> StrictReceivePathsQuery.parse(null, SELLER, null, usdDestination, "-1"),
                    "destination_amount");
            assertInvalid(() -> StrictReceivePathsQuery.parse(null, "GABC", null, usdDestination, "1"),
                    "source_account");
            assertInvalid(() -> StrictReceivePathsQuery.parse(null, SELLER, "GABC", usdDestination, "1"),
                    "destination_account");
            assertInvalid(() -> StrictReceivePathsQuery.parse("native,XYZ", null, null, usdDestination, "1"),
                    "source_assets");
            String sixteen = "native" + (",USD:" + ISSUER).repeat(15);
            assertInvalid(() -> StrictReceivePathsQuery.parse(sixteen, null, null, usdDestination, "1"),
                    "source_assets");
        }

        @Test
        void strictSendTakesExactlyOneDestination() {
            StrictSendPathsQuery byAccount = StrictSendPathsQuery.parse(SELLER, null, nativeSource, "1");
            assertThat(byAccount.params()).containsExactly(entry("source_asset_type", "native"),
                    entry("source_amount", "1.0000000"), entry("destination_account", SELLER));
            assertThat(StrictSendPathsQuery.parse(null, "USD:" + ISSUER, nativeSource, "1").destinationAssets())
                    .containsExactly(MarketAsset.credit("USD", ISSUER));
            assertInvalid(() -> StrictSendPathsQuery.parse(null, null, nativeSource, "1"),
                    "destination_account,destination_assets");
            assertInvalid(() -> StrictSendPathsQuery.parse(SELLER, "native", nativeSource, "1"),
                    "destination_account,destination_assets");
            assertInvalid(() -> StrictSendPathsQuery.parse(SELLER, null, AssetParam.of("source", null, null, null),
                    "1"), "source_asset_type");
            assertInvalid(() -> StrictSendPathsQuery.parse(SELLER, null, nativeSource, "0"), "source_amount");
            assertInvalid(() -> StrictSendPathsQuery.parse(null, "usd", nativeSource, "1"), "destination_assets");
        }
    }

    @Nested
    class LiquidityPools {

        @Test
        void takesReservesInTheOneStringFormAndAnyAccount() {
            LiquidityPoolsQuery query = LiquidityPoolsQuery.parse("native,,USD:" + ISSUER, "anything");
            assertThat(query.reserves()).containsExactly(MarketAsset.nativeAsset(), MarketAsset.credit("USD", ISSUER));
            assertThat(query.filters()).containsExactly(entry("reserves", "native,USD:" + ISSUER),
                    entry("account", "anything"));
            assertThat(LiquidityPoolsQuery.parse(null, null).filters()).isEmpty();
            assertThat(assertInvalid(() -> LiquidityPoolsQuery.parse("native,USD", null), "reserves"))
                    .isEqualTo(LiquidityPoolsQuery.RESERVES_REASON);
            assertInvalid(() -> LiquidityPoolsQuery.parse("NATIVE", null), "reserves");
        }
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
