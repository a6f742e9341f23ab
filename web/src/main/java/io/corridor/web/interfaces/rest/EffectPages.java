package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.EffectCursor;
import io.corridor.ledger.application.EffectHistory;
import io.corridor.ledger.application.EffectRecord;
import io.corridor.ledger.application.HistoryFilter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The HAL pages of Horizon's effect collections. Their paging tokens are {@code <operation id>-<index>}, or an
 * operation id alone (which stands after all of that operation's effects), so the cursor is checked as a trade
 * id is, and the links carry the tokens of the first and last record as {@link Paging} does for history.
 */
final class EffectPages {

    private EffectPages() {
    }

    /** Parses {@code cursor}, {@code order} and {@code limit}; a bad value is a 400 naming the parameter. */
    static PageParams params(String cursor, String order, String limit) {
        return PageParams.parse(cursor, order, limit, PageParams.CursorKind.TRADE_ID);
    }

    /** The page of the collection at {@code path} that {@code fetch} reads from the page's cursor. */
    static String page(Links links, String path, PageParams page, Function<EffectCursor, List<EffectRecord>> fetch) {
        List<EffectRecord> records = fetch.apply(EffectCursor.parse(page.cursor(), page.ascending()));
        JsonArrayBuilder embedded = Json.createArrayBuilder();
        records.forEach(r -> embedded.add(EffectJson.toJson(r, links)));
        String first = records.isEmpty() ? page.cursor() : records.get(0).pagingToken();
        String last = records.isEmpty() ? page.cursor() : records.get(records.size() - 1).pagingToken();
        return Json.createObjectBuilder()
                .add("_links", Json.createObjectBuilder()
                        .add("self", links.link(MarketPages.href(path, Map.of(), page.cursor(), page.limit(),
                                page.order())))
                        .add("next", links.link(MarketPages.href(path, Map.of(), last, page.limit(), page.order())))
                        .add("prev", links.link(MarketPages.href(path, Map.of(), first, page.limit(),
                                page.reverseOrder()))))
                .add("_embedded", Json.createObjectBuilder().add("records", embedded))
                .build().toString();
    }

    /**
     * Where an effects stream starts: after the {@code Last-Event-ID} it resumes from, else after {@code cursor};
     * {@code now} means after the last closed ledger, no cursor the beginning (as for the other streams).
     */
    static String streamStart(String cursor, String lastEventId, int latestLedger) {
        String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId.trim() : cursor;
        if (from == null || from.isBlank()) {
            return "";
        }
        if (from.trim().equals("now")) {
            return Long.toString(((long) (latestLedger + 1) << 32) - 1);
        }
        try {
            EffectCursor.parse(from.trim(), true);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", "Cursor must be an effect paging token: <operation id>-<index>");
        }
        return from.trim();
    }

    /** The effects of {@code filter} (and of {@code account}, if not null) for {@link Streams}. */
    static Streams.Feed<EffectRecord> feed(EffectHistory effects, HistoryFilter filter, String account, Links links) {
        return feed((cursor, limit) -> effects.page(filter, account, cursor, true, limit), links);
    }

    /** The effects of operation {@code operationId} for {@link Streams}; none if there is no such operation. */
    static Streams.Feed<EffectRecord> operationFeed(EffectHistory effects, long operationId, Links links) {
        return feed((cursor, limit) -> effects.ofOperation(operationId, cursor, true, limit), links);
    }

    private static Streams.Feed<EffectRecord> feed(BiFunction<EffectCursor, Integer, List<EffectRecord>> read,
            Links links) {
        return new Streams.Feed<>() {
            @Override
            public List<EffectRecord> after(String cursor, int limit) {
                return read.apply(EffectCursor.parse(cursor, true), limit);
            }

            @Override
            public String token(EffectRecord record) {
                return record.pagingToken();
            }

            @Override
            public JsonObjectBuilder render(EffectRecord record) {
                return EffectJson.toJson(record, links);
            }
        };
    }
}
