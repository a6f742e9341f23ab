package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static io.corridor.web.interfaces.rest.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.application.LedgerNode.AccountView;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.TrustLines;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * The streams that are not a history collection read by cursor, without a server: what their feeds send and when
 * they stop reading, and the parameter checks that come before a stream is opened (the resources are called as
 * JAX-RS would call them, with {@link OpenedStreams} in place of {@link Streams}).
 */
class StreamFeedsTest {

    private static final int LIMIT = PageRequest.LIMIT_MAX;
    private static final IntSupplier NO_NODE = () -> {
        throw new AssertionError("the latest ledger was asked for");
    };

    /** Keeps what a resource opens instead of sending it. */
    private static final class OpenedStreams extends Streams {
        private int opened;
        private String cursor;
        private Streams.Feed<?> feed;

        @Override
        <T> void open(SseEventSink sink, Sse sse, String start, Streams.Feed<T> source) {
            opened++;
            cursor = start;
            feed = source;
        }
    }

    /** {@code resource} with {@code streams}, and a base URI if it takes one. */
    private static <T> T with(T resource, Streams streams) {
        try {
            resource.getClass().getDeclaredField("streams").set(resource, streams);
            for (var field : resource.getClass().getDeclaredFields()) {
                if (field.getName().equals("uri")) {
                    field.set(resource, TestValues.uriInfo());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return resource;
    }

    private static <T> List<String> tokens(Streams.Feed<T> feed, String cursor) {
        return feed.after(cursor, LIMIT).stream().map(feed::token).toList();
    }

    private static <T> List<JsonObject> rendered(Streams.Feed<T> feed, String cursor) {
        return feed.after(cursor, LIMIT).stream().map(r -> json(feed.render(r).build().toString())).toList();
    }

    /** Records {@code 1, 2, ...} by their number, read after a decimal cursor; counts the reads. */
    private static final class CountedFeed implements Streams.Feed<Long> {
        final TreeSet<Long> records = new TreeSet<>();
        int reads;
        Runnable duringRead = () -> { };

        @Override
        public List<Long> after(String cursor, int limit) {
            reads++;
            duringRead.run();
            return records.tailSet(Long.parseLong(cursor), false).stream().limit(limit).toList();
        }

        @Override
        public String token(Long record) {
            return Long.toString(record);
        }

        @Override
        public JsonObjectBuilder render(Long record) {
            return jakarta.json.Json.createObjectBuilder().add("n", record);
        }
    }

    @Test
    void aLedgersRecordsAreReadUntilAShortPageAfterItClosedThenNoMore() {
        AtomicInteger latest = new AtomicInteger(4);
        CountedFeed records = new CountedFeed();
        Streams.Feed<Long> feed = Feeds.finalOnceClosed(5, latest::get, records);

        assertThat(feed.after("0", 2)).isEmpty();
        assertThat(feed.after("0", 2)).as("ledger 5 is not closed yet: read again").isEmpty();
        latest.set(5);
        records.records.addAll(List.of(10L, 11L, 12L));
        assertThat(feed.after("0", 2)).as("a full page: more may follow").containsExactly(10L, 11L);
        assertThat(feed.after("11", 2)).containsExactly(12L);
        int reads = records.reads;
        assertThat(feed.after("12", 2)).isEmpty();
        latest.set(9);
        assertThat(feed.after("12", 2)).isEmpty();
        assertThat(records.reads).as("reads once the closed ledger's records were all sent").isEqualTo(reads);
        assertThat(feed.token(12L)).isEqualTo("12");
    }

    @Test
    void aReadThatBeganBeforeTheLedgerClosedDoesNotEndTheStream() {
        AtomicInteger latest = new AtomicInteger(4);
        CountedFeed records = new CountedFeed();
        // The ledger closes while the read that finds nothing is under way: its records may be missing from it.
        records.duringRead = () -> latest.set(5);
        Streams.Feed<Long> feed = Feeds.finalOnceClosed(5, latest::get, records);

        assertThat(feed.after("0", 2)).isEmpty();
        records.duringRead = () -> { };
        records.records.add(10L);
        assertThat(feed.after("0", 2)).as("read again, after the close").containsExactly(10L);
        assertThat(feed.after("10", 2)).isEmpty();
        assertThat(records.reads).as("the short page after the close was the last read").isEqualTo(2);
    }

    private static AccountView account(int accountLedger, int... trustLineLedgers) {
        AccountID id = Accounts.parse(SELLER);
        List<LedgerEntry> owned = new ArrayList<>();
        for (int ledger : trustLineLedgers) {
            owned.add(TrustLines.newTrustLine(id, new AssetTypeCreditAlphaNum4("USD", ISSUER).toXdr(), 1_000_0000000L,
                    1, ledger));
        }
        return new AccountView(Accounts.newAccount(id, 100_0000000L, 7L << 32, accountLedger), owned);
    }

    private static Streams.Feed<AccountView> accountFeed(AtomicReference<AccountView> current) {
        return Feeds.snapshot(() -> Optional.ofNullable(current.get()), AccountResource::version,
                view -> AccountJson.toJson(view.account(), view.owned(), null, TestValues.links()));
    }

    @Test
    void anAccountIsSentAsItIsThenAgainOnlyAfterALedgerChangesItOrAnEntryItOwns() {
        AtomicReference<AccountView> current = new AtomicReference<>(account(12));
        Streams.Feed<AccountView> feed = accountFeed(current);

        List<JsonObject> first = rendered(feed, Feeds.snapshotStart(null, null, NO_NODE));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getString("id")).isEqualTo(SELLER);
        assertThat(first.get(0).getString("paging_token")).isEqualTo(SELLER);
        assertThat(first.get(0).getInt("last_modified_ledger")).isEqualTo(12);
        assertThat(tokens(feed, "")).containsExactly("12");
        assertThat(tokens(feed, "12")).as("nothing changed since").isEmpty();

        // A credit payment changes the trust line in ledger 15, not the account entry.
        current.set(account(12, 15));
        assertThat(tokens(feed, "12")).containsExactly("15");
        JsonObject changed = rendered(feed, "12").get(0);
        assertThat(changed.getInt("last_modified_ledger")).as("the account entry's, as GET shows it").isEqualTo(12);
        assertThat(changed.getJsonArray("balances")).hasSize(2);
        assertThat(tokens(feed, "15")).isEmpty();

        current.set(account(16, 15));
        assertThat(tokens(feed, "15")).containsExactly("16");
        current.set(null);
        assertThat(tokens(feed, "15")).as("a merged account is sent no more").isEmpty();
    }

    @Test
    void anAccountStreamResumesFromLastEventIdThenCursorAndNowIsTheLatestLedger() {
        AtomicReference<AccountView> current = new AtomicReference<>(account(12));
        Streams.Feed<AccountView> feed = accountFeed(current);

        assertThat(Feeds.snapshotStart(null, null, NO_NODE)).isEmpty();
        assertThat(Feeds.snapshotStart("7", " 9 ", NO_NODE)).isEqualTo("9");
        assertThat(Feeds.snapshotStart("now", "9", NO_NODE)).isEqualTo("9");
        String now = Feeds.snapshotStart("now", null, () -> 12);
        assertThat(now).isEqualTo("12");
        assertThat(tokens(feed, now)).as("changed in the latest ledger: not news").isEmpty();
        current.set(account(13));
        assertThat(tokens(feed, now)).containsExactly("13");
        // The SDKs reconnect with the last record's paging token, an account's id, as the cursor.
        assertThat(tokens(feed, Feeds.snapshotStart(SELLER, null, NO_NODE))).containsExactly("13");
        assertThat(tokens(feed, "garbage")).containsExactly("13");

        assertThat(Feeds.seenVersion("")).isEqualTo(-1);
        assertThat(Feeds.seenVersion("0")).isZero();
        assertThat(Feeds.seenVersion("12")).isEqualTo(12);
        assertThatThrownBy(() -> Feeds.seenVersion("now")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrderBookIsSentOnceAsGetAnswersItAndNotAgainToAClientThatHasIt() {
        OpenedStreams streams = new OpenedStreams();
        OrderBookResource resource = with(new OrderBookResource(), streams);

        resource.streamOrderBook("native", null, null, "credit_alphanum4", "USD", ISSUER, "5", null, null, null);
        assertThat(streams.cursor).isEmpty();
        assertThat(tokens(streams.feed, streams.cursor)).containsExactly("0");
        assertThat(rendered(streams.feed, streams.cursor)).containsExactly(
                json(resource.orderBook("native", null, null, "credit_alphanum4", "USD", ISSUER, "5")));
        assertThat(tokens(streams.feed, "0")).as("sent once").isEmpty();

        resource.streamOrderBook("native", null, null, "credit_alphanum4", "USD", ISSUER, null, "0", null, null);
        assertThat(streams.cursor).isEqualTo("0");
        assertThat(tokens(streams.feed, streams.cursor)).isEmpty();
        assertThat(streams.opened).isEqualTo(2);
    }

    @Test
    void marketStreamsCheckTheirParametersAsTheirPagesDoAndHaveNoRecords() {
        OpenedStreams streams = new OpenedStreams();
        OfferResource offers = with(new OfferResource(), streams);
        AccountOfferResource accountOffers = with(new AccountOfferResource(), streams);
        TradeResource trades = with(new TradeResource(), streams);
        AccountTradeResource accountTrades = with(new AccountTradeResource(), streams);

        assertInvalid(() -> offers.streamOffers("nobody", null, null, null, null, null, null, null, null, null, null,
                null, null, null), "seller");
        assertInvalid(() -> offers.streamOffers(null, null, null, null, null, null, null, null, null, null, "x", null,
                null, null), "cursor");
        assertInvalid(() -> offers.streamOffers(null, null, null, null, null, null, null, null, null, null, "1",
                "1-2", null, null), "cursor");
        assertInvalid(() -> accountOffers.stream("GABC", null, null, null, null), "account_id");
        assertInvalid(() -> trades.stream(null, null, null, null, null, null, null, null, null, "x", null, null, null,
                null), "trade_type");
        assertInvalid(() -> trades.stream(null, null, null, null, null, null, null, null, null, null, "1-x", null,
                null, null), "cursor");
        assertInvalid(() -> accountTrades.stream(TestValues.badChecksum(SELLER), null, null, null, null, null, null,
                null, null, null, null, null, null, null), "account_id");
        assertThat(streams.opened).as("no stream for a bad request").isZero();

        offers.streamOffers(SELLER, null, null, "credit_alphanum4", "USD", ISSUER, "native", null, null, null, "42",
                null, null, null);
        assertThat(streams.cursor).isEqualTo("42");
        assertThat(streams.feed.after(streams.cursor, LIMIT)).isEmpty();
        offers.streamOffers(null, null, null, null, null, null, null, null, null, null, "42", " 43", null, null);
        assertThat(streams.cursor).as("Last-Event-ID before cursor").isEqualTo("43");
        accountOffers.stream(SELLER, "now", null, null, null);
        assertThat(streams.cursor).isEqualTo("now");
        trades.stream(null, null, null, null, null, null, SELLER, null, null, "orderbook", "12-3", null, null, null);
        assertThat(streams.cursor).isEqualTo("12-3");
        accountTrades.stream(SELLER, null, null, null, null, null, null, null, null, null, null, "12-4", null, null);
        assertThat(streams.cursor).isEqualTo("12-4");
        assertThat(streams.feed.after(streams.cursor, LIMIT)).isEmpty();
        assertThat(streams.opened).isEqualTo(5);
    }

    @Test
    void effectStreamsOfALedgerTransactionOrOperationCheckTheirParametersFirst() {
        // No node is given: a parameter error must be found before the node is asked.
        OpenedStreams streams = new OpenedStreams();
        assertInvalid(() -> with(new LedgerEffectResource(), streams).stream("0", null, null, null, null), "sequence");
        assertInvalid(() -> with(new TransactionEffectResource(), streams).stream("xyz", null, null, null, null),
                "tx_id");
        assertInvalid(() -> with(new OperationEffectResource(), streams).stream("-4", null, null, null, null), "id");
        assertInvalid(() -> with(new OperationEffectResource(), streams).stream("abc", null, null, null, null), "id");
        assertThat(streams.opened).isZero();
    }

    @Test
    void anEmptyFeedHasNothingToNameOrRender() {
        Streams.Feed<Object> none = Feeds.none();
        assertThat(none.after("", LIMIT)).isEmpty();
        assertThatThrownBy(() -> none.token(new Object())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> none.render(new Object())).isInstanceOf(IllegalStateException.class);
    }
}
