package io.corridor.web.interfaces.rest;

import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The {@link Streams.Feed}s that are not a history collection read by cursor: a collection that is final once
 * its ledger has closed, a single record that is replaced as ledgers close (an account, an order book), and a
 * collection that never has records (the market collections, until the node keeps an order book).
 */
final class Feeds {

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private Feeds() {
    }

    /**
     * {@code feed}, read no more once it has answered a short page after ledger {@code ledger} closed: the
     * records of one ledger, or of a transaction or operation in it, are final then, so the stream's polls after
     * later ledger closes would read nothing new. The latest ledger is asked before the read, so a read that
     * began after the ledger closed has seen all of its records (a ledger's history is committed before it
     * counts as closed).
     */
    static <T> Streams.Feed<T> finalOnceClosed(int ledger, IntSupplier latestLedger, Streams.Feed<T> feed) {
        return new Streams.Feed<T>() {
            private volatile boolean complete;

            @Override
            public List<T> after(String cursor, int limit) {
                if (complete) {
                    return List.of();
                }
                boolean closed = latestLedger.getAsInt() >= ledger;
                List<T> records = feed.after(cursor, limit);
                if (closed && records.size() < limit) {
                    complete = true;
                }
                return records;
            }

            @Override
            public String token(T record) {
                return feed.token(record);
            }

            @Override
            public JsonObjectBuilder render(T record) {
                return feed.render(record);
            }
        };
    }

    /**
     * One record that ledger closes replace, as Horizon streams an account or an order book: the record as it
     * is now, and again each time its version (the last ledger that changed it) passes the cursor; its token is
     * that version. A cursor that is no version (none, or what the SDKs put there when they reconnect: the
     * record's {@code paging_token}, an account's id) stands before every version, so that a new connection
     * starts with the record as it is, as Horizon's do. {@code now} must have been resolved by
     * {@link #snapshotStart}: left in the cursor it would move with every ledger close and hide the changes.
     */
    static <T> Streams.Feed<T> snapshot(Supplier<Optional<T>> current, ToLongFunction<T> version,
            Function<T, JsonObjectBuilder> render) {
        return new Streams.Feed<T>() {
            @Override
            public List<T> after(String cursor, int limit) {
                long seen = seenVersion(cursor);
                return current.get().filter(record -> version.applyAsLong(record) > seen).map(List::of)
                        .orElse(List.of());
            }

            @Override
            public String token(T record) {
                return Long.toString(version.applyAsLong(record));
            }

            @Override
            public JsonObjectBuilder render(T record) {
                return render.apply(record);
            }
        };
    }

    /**
     * Where a {@link #snapshot} stream starts: after the {@code Last-Event-ID} it resumes from, else after
     * {@code cursor}; {@code now} is the latest ledger, so that only later changes are sent. Anything else is
     * kept as given (see {@link #snapshot} for how it is read); a snapshot takes no cursor in Horizon, so none is
     * refused.
     */
    static String snapshotStart(String cursor, String lastEventId, IntSupplier latestLedger) {
        String from = Params.present(lastEventId) ? lastEventId.trim() : cursor == null ? "" : cursor.trim();
        return from.equals("now") ? Integer.toString(latestLedger.getAsInt()) : from;
    }

    /** The version a snapshot cursor says the client has seen; -1 (none) for a cursor that is no version. */
    static long seenVersion(String cursor) {
        if (cursor.equals("now")) {
            throw new IllegalArgumentException("a snapshot cursor of now must be resolved when the stream opens");
        }
        return VERSION.matcher(cursor).matches() ? Long.parseLong(cursor) : -1;
    }

    /**
     * Where a stream of a market collection starts: after the {@code Last-Event-ID} it resumes from, else after
     * {@code cursor}, either checked as the collection's paging tokens are ({@link PageParams.CursorKind}); a bad
     * one is a 400 naming {@code cursor}, as {@link Paging#streamStart} answers.
     */
    static String marketStart(String cursor, String lastEventId, PageParams.CursorKind kind) {
        String from = Params.present(lastEventId) ? lastEventId.trim() : cursor;
        return PageParams.parse(from, null, null, kind).cursor();
    }

    /** A collection that has no records yet: its stream sends the greeting and heartbeats only. */
    static <T> Streams.Feed<T> none() {
        return new Streams.Feed<T>() {
            @Override
            public List<T> after(String cursor, int limit) {
                return List.of();
            }

            @Override
            public String token(T record) {
                throw new IllegalStateException("an empty feed has no records to name");
            }

            @Override
            public JsonObjectBuilder render(T record) {
                throw new IllegalStateException("an empty feed has no records to render");
            }
        };
    }
}
