package io.corridor.web.interfaces.rest;

import io.corridor.ledger.application.LedgerListener;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.core.close.ClosedLedger;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * Server-Sent Events for Horizon's collection endpoints. A stream first sends what exists after its cursor
 * (or the {@code Last-Event-ID} it resumes from), then, after each ledger closes, what the ledger added;
 * every event's id is the record's paging token. Records are read from history by cursor, so a stream
 * misses nothing however late it is polled. Each stream is bounded: at most {@value #PENDING_EVENTS_MAX}
 * events may wait for a slow client before the stream is closed (the client reconnects with
 * {@code Last-Event-ID}); idle streams get a heartbeat comment every {@value #HEARTBEAT_SECONDS} s. What is not a
 * history collection read by cursor (a collection final once its ledger closed, an account, an order book, a
 * collection with no records yet) is a {@link Feed} of its own, see {@link Feeds}.
 */
@ApplicationScoped
public class Streams implements LedgerListener {

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());
    static final int PENDING_EVENTS_MAX = 1_000;
    static final int HEARTBEAT_SECONDS = 10;
    /** Streams one node serves at once. */
    static final int STREAMS_MAX = 1_000;
    private static final int RECORDS_PER_POLL_MAX = 1_000;

    @Inject
    NodeAccess access;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<Stream<?>> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean registered = new AtomicBoolean();
    private volatile ScheduledFuture<?> heartbeat;

    /** What one kind of collection needs to be streamed. */
    record Source<T>(Function<PageRequest, List<T>> fetch, Function<T, JsonObjectBuilder> render,
            ToLongFunction<T> token) {
    }

    /**
     * A collection whose paging tokens are strings (effects: {@code <operation id>-<index>}): the records after
     * a token in ascending order, each record's token, and its JSON.
     */
    interface Feed<T> {
        List<T> after(String cursor, int limit);

        String token(T record);

        JsonObjectBuilder render(T record);
    }

    /** Opens a stream on {@code sink}, starting after {@code cursor} (ascending). */
    <T> void open(SseEventSink sink, Sse sse, long cursor, Source<T> source) {
        open(sink, sse, Long.toString(cursor), feed(source));
    }

    /** A TOID-paged collection as a {@link Feed}: its tokens are the TOIDs in decimal. */
    static <T> Feed<T> feed(Source<T> source) {
        return new Feed<T>() {
            @Override
            public List<T> after(String from, int limit) {
                return source.fetch().apply(new PageRequest(Long.parseLong(from), true, limit));
            }

            @Override
            public String token(T record) {
                return Long.toString(source.token().applyAsLong(record));
            }

            @Override
            public JsonObjectBuilder render(T record) {
                return source.render().apply(record);
            }
        };
    }

    /** Opens a stream of a string-paged collection on {@code sink}, starting after {@code cursor}. */
    <T> void open(SseEventSink sink, Sse sse, String cursor, Feed<T> source) {
        registerOnce();
        if (streams.size() >= STREAMS_MAX) {
            sink.send(sse.newEventBuilder().name("error").data("too many streams on this node, retry later").build());
            sink.close();
            return;
        }
        Stream<T> stream = new Stream<>(sink, sse, cursor, source);
        streams.add(stream);
        // Horizon greets with a named "open" event, which the SDKs skip; an unnamed one reaches onmessage.
        sink.send(sse.newEventBuilder().reconnectDelay(1_000).name("open").data("\"hello\"").build());
        executor.execute(stream::poll);
    }

    @Override
    public void ledgerClosed(ClosedLedger ledger) {
        for (Stream<?> stream : streams) {
            executor.execute(stream::poll);
        }
    }

    private void registerOnce() {
        if (registered.compareAndSet(false, true)) {
            access.node().addListener(this);
            heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    private void heartbeat() {
        for (Stream<?> stream : streams) {
            stream.send(stream.sse.newEventBuilder().comment("heartbeat").build());
        }
    }

    @PreDestroy
    void closeAll() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        for (Stream<?> stream : streams) {
            stream.close();
        }
    }

    int openStreams() {
        return streams.size();
    }

    /** One client's stream. */
    private final class Stream<T> {
        private final SseEventSink sink;
        private final Sse sse;
        private final Feed<T> source;
        private final AtomicInteger pending = new AtomicInteger();
        private String cursor;

        Stream(SseEventSink sink, Sse sse, String cursor, Feed<T> source) {
            this.sink = sink;
            this.sse = sse;
            this.cursor = cursor;
            this.source = source;
        }

        /** Sends every record after the cursor; serialized per stream. */
        synchronized void poll() {
            if (sink.isClosed()) {
                close();
                return;
            }
            int sent = 0;
            while (sent < RECORDS_PER_POLL_MAX) {
                List<T> records = source.after(cursor, PageRequest.LIMIT_MAX);
                for (T record : records) {
                    String token = source.token(record);
                    OutboundSseEvent event = sse.newEventBuilder()
                            .id(token)
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(source.render(record).build().toString())
                            .build();
                    if (!send(event)) {
                        return;
                    }
                    cursor = token;
                    sent++;
                }
                if (records.size() < PageRequest.LIMIT_MAX) {
                    return;
                }
            }
        }

        boolean send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                close();
                return false;
            }
            if (pending.incrementAndGet() > PENDING_EVENTS_MAX) {
                LOG.info("closing a stream whose client is more than " + PENDING_EVENTS_MAX + " events behind");
                close();
                return false;
            }
            sink.send(event).whenComplete((ignored, error) -> {
                pending.decrementAndGet();
                if (error != null) {
                    // The client went away: closing the sink again would only make the server log an error.
                    streams.remove(this);
                }
            });
            return true;
        }

        void close() {
            streams.remove(this);
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }
}
