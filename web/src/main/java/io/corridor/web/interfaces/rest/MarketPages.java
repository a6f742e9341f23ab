package io.corridor.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HAL answers of the market endpoints. The node keeps no order book yet, so every collection is empty;
 * the links are Horizon's all the same. Unlike {@link Paging}'s history pages, the links keep the request's
 * filters (normalized), so that following {@code next} stays within the same selection.
 */
final class MarketPages {

    private MarketPages() {
    }

    /** An empty page of the collection at {@code path}: no records, so {@code next} repeats the cursor. */
    static String emptyPage(Links links, String path, Map<String, String> filters, PageParams page) {
        return page(links, path, filters, page, java.util.List.<Object>of(), r -> Json.createObjectBuilder(),
                r -> page.cursor());
    }

    /**
     * A HAL page of {@code records} of a collection paged by string tokens ({@code token}): {@code next} after
     * the last record, {@code prev} before the first, both repeating the cursor when the page is empty.
     */
    static <T> String page(Links links, String path, Map<String, String> filters, PageParams page, java.util.List<T> records,
            java.util.function.Function<T, JsonObjectBuilder> render, java.util.function.Function<T, String> token) {
        jakarta.json.JsonArrayBuilder embedded = Json.createArrayBuilder();
        records.forEach(r -> embedded.add(render.apply(r)));
        String first = records.isEmpty() ? page.cursor() : token.apply(records.get(0));
        String last = records.isEmpty() ? page.cursor() : token.apply(records.get(records.size() - 1));
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(href(path, filters, page.cursor(), page.limit(), page.order())))
                        .add("next", links.link(href(path, filters, last, page.limit(), page.order())))
                        .add("prev", links.link(href(path, filters, first, page.limit(), page.reverseOrder()))))
                .add("_embedded", Json.createObjectBuilder().add("records", embedded))
                .build().toString();
    }

    /**
     * Horizon's path-finding answer: the records, unpaged. Horizon sends only {@code _embedded}; the
     * {@code self} link is added for HAL clients and does not disturb the SDKs.
     */
    static String paths(Links links, String path, Map<String, String> params) {
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder().add("self", links.link(path + query(params, '?'))))
                .add("_embedded", Json.createObjectBuilder().add("records", Json.createArrayBuilder()))
                .build().toString();
    }

    /** {@code path?cursor=…&limit=…&order=…&<filters>}, every value URL-encoded. */
    static String href(String path, Map<String, String> filters, String cursor, int limit, String order) {
        return path + "?cursor=" + encode(cursor) + "&limit=" + limit + "&order=" + order + query(filters, '&');
    }

    /** The order book's answer: no price levels yet, but the market it is for. */
    static String orderBook(OrderBookQuery query) {
        return orderBookJson(query).build().toString();
    }

    /** {@link #orderBook}, as the JSON a stream renders. */
    static JsonObjectBuilder orderBookJson(OrderBookQuery query) {
        return Json.createObjectBuilder()
                .add("bids", Json.createArrayBuilder())
                .add("asks", Json.createArrayBuilder())
                .add("base", query.selling().toJson())
                .add("counter", query.buying().toJson());
    }

    private static String query(Map<String, String> params, char first) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> param : params.entrySet()) {
            query.append(query.length() == 0 ? first : '&')
                    .append(param.getKey()).append('=').append(encode(param.getValue()));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
