package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.requests.ErrorResponse;
import org.stellar.sdk.responses.OfferResponse;
import org.stellar.sdk.responses.OrderBookResponse;
import org.stellar.sdk.responses.Page;

/**
 * The market endpoints of a node that keeps no order book yet, the way wallets and exchanges call them with
 * the official SDK: order book, offers, trades, trade aggregations, path finding and liquidity pools all
 * parse as empty results, single offers and pools are missing, and malformed requests are refused as Horizon
 * refuses them (400, {@code application/problem+json}, naming the parameter). Also checks that the OpenAPI
 * document is served and linked from the root.
 */
final class MarketScenario {

    /** A fixed end of the aggregation range (2027-01-15), so that runs do not depend on the clock. */
    private static final long AGGREGATION_END_MS = 1_800_000_000_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final String POOL_ID = "ab".repeat(32);

    static void run(CorridorClient client) throws Exception {
        String root = client.root.getAccountId();
        Asset xlm = new AssetTypeNative();
        Asset usd = new AssetTypeCreditAlphaNum4("USD", root);

        OrderBookResponse book = client.server.orderBook().sellingAsset(xlm).buyingAsset(usd).execute();
        assertThat(book.getBids()).isEmpty();
        assertThat(book.getAsks()).isEmpty();
        assertThat(book.getBase()).isEqualTo(xlm);
        assertThat(book.getCounter()).isEqualTo(usd);

        Page<OfferResponse> offers = client.server.offers().forSellingAsset(usd).forBuyingAsset(xlm).execute();
        assertThat(offers.getRecords()).isEmpty();
        // The paging links keep the filters, so that following them stays within the selection.
        assertThat(offers.getLinks().getNext().getHref()).contains("selling=USD").contains("buying=native");
        assertThat(client.server.offers().execute().getRecords()).isEmpty();
        assertThat(client.server.offers().forSeller(root).limit(200).execute().getRecords()).isEmpty();
        assertThat(client.server.offers().forSponsor(root).execute().getRecords()).isEmpty();
        HttpResponse<String> accountOffers = client.get("/accounts/" + root + "/offers");
        assertThat(accountOffers.statusCode()).isEqualTo(200);
        assertThat(accountOffers.body()).contains("\"records\":[]");
        assertThatThrownBy(() -> client.server.offers().offer(1)).isInstanceOfSatisfying(ErrorResponse.class,
                e -> assertThat(e.getCode()).isEqualTo(404));

        assertThat(client.server.trades().execute().getRecords()).isEmpty();
        assertThat(client.server.trades().baseAsset(xlm).counterAsset(usd).execute().getRecords()).isEmpty();
        assertThat(client.server.trades().forAccount(root).execute().getRecords()).isEmpty();
        assertThat(client.server.trades().offerId(1L).forTradeType("orderbook").execute().getRecords()).isEmpty();
        assertThat(client.server.tradeAggregations(xlm, usd, 0, AGGREGATION_END_MS, HOUR_MS, 0).execute()
                .getRecords()).isEmpty();

        assertThat(client.server.strictSendPaths().sourceAsset(xlm).sourceAmount("10").destinationAccount(root)
                .execute().getRecords()).isEmpty();
        assertThat(client.server.strictSendPaths().sourceAsset(xlm).sourceAmount("10")
                .destinationAssets(List.of(usd)).execute().getRecords()).isEmpty();
        assertThat(client.server.strictReceivePaths().destinationAsset(usd).destinationAmount("5")
                .sourceAccount(root).execute().getRecords()).isEmpty();
        assertThat(client.server.strictReceivePaths().destinationAsset(usd).destinationAmount("5")
                .sourceAssets(List.of(xlm)).execute().getRecords()).isEmpty();

        assertThat(client.server.liquidityPools().execute().getRecords()).isEmpty();
        assertThat(client.server.liquidityPools().forReserves("native", "USD:" + root).execute().getRecords())
                .isEmpty();
        assertThatThrownBy(() -> client.server.liquidityPools().liquidityPool(POOL_ID))
                .isInstanceOfSatisfying(ErrorResponse.class, e -> assertThat(e.getCode()).isEqualTo(404));

        assertOrderBookRefused(client, "/order_book", "selling_asset_type");
        assertOrderBookRefused(client, "/order_book?selling_asset_type=native", "buying_asset_type");
        assertOrderBookRefused(client, "/order_book?selling_asset_type=credit_alphanum4&selling_asset_code=USD"
                + "&buying_asset_type=native", "selling_asset_issuer");
        assertOrderBookRefused(client, "/order_book?selling_asset_type=native&buying_asset_type=credit_alphanum4"
                + "&buying_asset_code=TOOLONG&buying_asset_issuer=" + root, "buying_asset_code");
        assertBadRequest(client, "/trade_aggregations?base_asset_type=native&counter_asset_type=native"
                + "&resolution=1000", "resolution");
        assertBadRequest(client, "/paths/strict-send?source_asset_type=native&source_amount=1",
                "destination_account,destination_assets");
        assertBadRequest(client, "/offers?seller=nobody", "seller");
        assertBadRequest(client, "/offers/0", "offer_id");

        HttpResponse<String> openApi = client.get("/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(CorridorClient.field(openApi.body(), "openapi")).startsWith("3.0");
        assertThat(openApi.body()).contains("\"/order_book\"").contains("\"/paths/strict-send\"");
        assertThat(client.get("/").body()).contains(client.url + "/openapi.json");
    }

    private static void assertOrderBookRefused(CorridorClient client, String path, String field) throws Exception {
        HttpResponse<String> response = assertProblem(client, path, field);
        assertThat(CorridorClient.field(response.body(), "type"))
                .isEqualTo("https://stellar.org/horizon-errors/invalid_order_book");
    }

    private static void assertBadRequest(CorridorClient client, String path, String field) throws Exception {
        HttpResponse<String> response = assertProblem(client, path, field);
        assertThat(CorridorClient.field(response.body(), "type"))
                .isEqualTo("https://stellar.org/horizon-errors/bad_request");
    }

    private static HttpResponse<String> assertProblem(CorridorClient client, String path, String field)
            throws Exception {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(CorridorClient.field(response.body(), "invalid_field")).as("field refused by %s", path)
                .isEqualTo(field);
        return response;
    }

    private MarketScenario() {
    }
}
