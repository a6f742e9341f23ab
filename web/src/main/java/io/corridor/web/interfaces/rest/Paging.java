package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.PageRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Horizon's collection paging: {@code cursor} (a paging token), {@code order} ({@code asc}/{@code desc}) and
 * {@code limit} (1–200, default 10), answered as a HAL page with {@code self}, {@code next} and {@code prev}
 * links and the records under {@code _embedded.records}.
 */
final class Paging {

    private Paging() {
    }

    /** Parses the query parameters; a bad value is a 400 naming the parameter. */
    static PageRequest request(String cursor, String order, String limit) {
        boolean ascending;
        if (order == null || order.isBlank() || order.equals("asc")) {
            ascending = true;
        } else if (order.equals("desc")) {
            ascending = false;
        } else {
            throw Problem.badRequest("order", "order must be asc or desc");
        }
        int size = PageRequest.LIMIT_DEFAULT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > PageRequest.LIMIT_MAX) {
                throw Problem.badRequest("limit", "limit must be between 1 and " + PageRequest.LIMIT_MAX);
            }
        }
        long position = ascending ? 0 : Long.MAX_VALUE;
        if (cursor != null && !cursor.isBlank()) {
            if (cursor.equals("now")) {
                position = Long.MAX_VALUE;
            } else {
                try {
                    position = Long.parseLong(cursor.trim());
                } catch (NumberFormatException e) {
                    position = -1;
                }
                if (position < 0) {
                    throw Problem.badRequest("cursor", "cursor must be a paging token (a non-negative integer) or now");
                }
            }
        }
        return new PageRequest(position, ascending, size);
    }

    /**
     * Where a stream starts: after the {@code Last-Event-ID} it resumes from, else after {@code cursor};
     * {@code now} (and no cursor at all is treated as the beginning, as Horizon) means after the last closed
     * ledger.
     */
    static long streamStart(String cursor, String lastEventId, int latestLedger) {
        String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId : cursor;
        if (from != null && from.trim().equals("now")) {
            return ((long) (latestLedger + 1) << 32) - 1;
        }
        return request(from, "asc", null).cursor();
    }

    /** Horizon's {@code include_failed}: {@code true} or {@code false} (default). */
    static boolean includeFailed(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problem.badRequest("include_failed", "include_failed must be true or false");
    }

    /** A HAL page of {@code records}; {@code path} is the collection's path without query. */
    static <T> String page(Links links, String path, PageRequest page, List<T> records,
            Function<T, JsonObjectBuilder> render, ToLongFunction<T> token) {
        JsonArrayBuilder embedded = Json.createArrayBuilder();
        records.forEach(r -> embedded.add(render.apply(r)));
        String order = page.ascending() ? "asc" : "desc";
        String reverse = page.ascending() ? "desc" : "asc";
        String selfCursor = page.cursor() == 0 || page.cursor() == Long.MAX_VALUE ? "" : Long.toString(page.cursor());
        String last = records.isEmpty() ? selfCursor : Long.toString(token.applyAsLong(records.get(records.size() - 1)));
        String first = records.isEmpty() ? selfCursor : Long.toString(token.applyAsLong(records.get(0)));
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(query(path, selfCursor, page.limit(), order)))
                        .add("next", links.link(query(path, last, page.limit(), order)))
                        .add("prev", links.link(query(path, first, page.limit(), reverse))))
                .add("_embedded", Json.createObjectBuilder().add("records", embedded))
                .build().toString();
    }

    private static String query(String path, String cursor, int limit, String order) {
        return path + "?cursor=" + cursor + "&limit=" + limit + "&order=" + order;
    }
}
