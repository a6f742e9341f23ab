package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.BASE_URL;
import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static io.corridor.web.interfaces.rest.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.reflect.TypeToken;
import io.corridor.ledger.application.EffectHistory;
import io.corridor.ledger.application.EffectRecord;
import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerHistory;
import io.corridor.ledger.application.LedgerRecord;
import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.history.Effect;
import io.corridor.ledger.core.history.EffectType;
import io.corridor.ledger.core.history.Toid;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.responses.GsonSingleton;
import org.stellar.sdk.responses.Page;
import org.stellar.sdk.responses.effects.AccountCreditedEffectResponse;
import org.stellar.sdk.responses.effects.AccountDebitedEffectResponse;
import org.stellar.sdk.responses.effects.ClaimableBalanceClaimantCreatedEffectResponse;
import org.stellar.sdk.responses.effects.EffectResponse;
import org.stellar.sdk.responses.effects.SequenceBumpedEffectResponse;
import org.stellar.sdk.responses.effects.SignerCreatedEffectResponse;
import org.stellar.sdk.responses.effects.TrustlineFlagsUpdatedEffectResponse;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.OperationMeta;
import org.stellar.sdk.xdr.TransactionMeta;
import org.stellar.sdk.xdr.TransactionMetaV2;

/**
 * The effect resources without a server: Horizon's effect JSON (read back with the Stellar SDK's own parser),
 * the HAL page and its links over a small history of payments, and the parameter errors.
 */
class EffectResourcesTest {

    private static final long CLOSE_TIME = 1_795_000_000L;

    /** A history of {@code count} native payments of 5 from {@link #SELLER} to {@link #ISSUER}, one per ledger. */
    private static final class PaymentHistory implements LedgerHistory {
        private final TreeMap<Long, OperationRecord> operations = new TreeMap<>();
        private final Map<String, TransactionRecord> transactions = new LinkedHashMap<>();

        PaymentHistory(int count) {
            for (int i = 0; i < count; i++) {
                int ledger = 2 + i;
                String hash = String.format("%064x", ledger);
                var payment = new PaymentOperation.Builder(ISSUER, new AssetTypeNative(), "5").build().toXdr();
                long id = Toid.of(ledger, 1, 1);
                operations.put(id, new OperationRecord(id, hash, ledger, CLOSE_TIME + i, 0, true, SELLER,
                        Xdr.encodeBase64(payment::toXdrByteArray), null));
                transactions.put(hash, new TransactionRecord(hash, ledger, CLOSE_TIME + i, 1, true, 100, "", "",
                        meta(), ""));
            }
        }

        private static String meta() {
            OperationMeta operation = new OperationMeta();
            operation.setChanges(new LedgerEntryChanges(new LedgerEntryChange[0]));
            TransactionMetaV2 v2 = new TransactionMetaV2();
            v2.setTxChangesBefore(new LedgerEntryChanges(new LedgerEntryChange[0]));
            v2.setOperations(new OperationMeta[] {operation});
            v2.setTxChangesAfter(new LedgerEntryChanges(new LedgerEntryChange[0]));
            TransactionMeta meta = new TransactionMeta();
            meta.setDiscriminant(2);
            meta.setV2(v2);
            return Xdr.encodeBase64(meta::toXdrByteArray);
        }

        @Override
        public List<OperationRecord> operations(HistoryFilter filter, PageRequest page) {
            var view = page.ascending() ? operations.tailMap(page.cursor(), false)
                    : operations.headMap(page.cursor(), false).descendingMap();
            return view.values().stream().limit(page.limit()).toList();
        }

        @Override
        public Optional<OperationRecord> operation(long id) {
            return Optional.ofNullable(operations.get(id));
        }

        @Override
        public List<TransactionRecord> transactionsByHash(Collection<String> hashes) {
            return hashes.stream().map(transactions::get).toList();
        }

        @Override
        public Optional<TransactionRecord> transaction(String hashHex) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LedgerHeader> header(int sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LedgerRecord> ledgers(PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LedgerRecord> ledger(int sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TransactionRecord> transactions(HistoryFilter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }

    private static String page(PaymentHistory history, String cursor, String order, String limit) {
        PageParams page = EffectPages.params(cursor, order, limit);
        EffectHistory effects = new EffectHistory(history);
        return EffectPages.page(TestValues.links(), "/effects", page,
                from -> effects.page(HistoryFilter.ALL, null, from, page.ascending(), page.limit()));
    }

    private static String href(JsonObject json, String link) {
        return json.getJsonObject("_links").getJsonObject(link).getString("href");
    }

    private static EffectResponse parsed(Effect effect) {
        EffectRecord record = new EffectRecord(Toid.of(7, 1, 1), 1, "ab", 7, CLOSE_TIME, effect);
        return GsonSingleton.getInstance().fromJson(EffectJson.toJson(record, TestValues.links()).build().toString(),
                EffectResponse.class);
    }

    @Test
    void anEffectHasHorizonsFieldsInHorizonsOrder() {
        long operation = Toid.of(2, 1, 1);
        JsonObject page = json(page(new PaymentHistory(1), null, null, null));
        JsonObject credited = page.getJsonObject("_embedded").getJsonArray("records").getJsonObject(0);

        assertThat(credited.keySet()).containsExactly("_links", "id", "paging_token", "account", "type", "type_i",
                "created_at", "asset_type", "amount");
        assertThat(credited.getJsonObject("_links").keySet()).containsExactly("operation", "succeeds", "precedes");
        assertThat(href(credited, "operation")).isEqualTo(BASE_URL + "operations/" + operation);
        assertThat(href(credited, "succeeds")).isEqualTo(BASE_URL + "effects?order=desc&cursor=" + operation + "-1");
        assertThat(href(credited, "precedes")).isEqualTo(BASE_URL + "effects?order=asc&cursor=" + operation + "-1");
        assertThat(credited.getString("id")).isEqualTo(String.format("%019d-%010d", operation, 1));
        assertThat(credited.getString("paging_token")).isEqualTo(operation + "-1");
        assertThat(credited.getString("account")).isEqualTo(ISSUER);
        assertThat(credited.getString("type")).isEqualTo("account_credited");
        assertThat(credited.getInt("type_i")).isEqualTo(2);
        assertThat(credited.getString("created_at")).isEqualTo(Times.iso(CLOSE_TIME));
        assertThat(credited.getString("asset_type")).isEqualTo("native");
        assertThat(credited.getString("amount")).isEqualTo("5.0000000");
    }

    @Test
    void theSdkReadsThePageAndEachEffectAsItsType() {
        String text = page(new PaymentHistory(2), null, "desc", "3");

        Page<EffectResponse> page = GsonSingleton.getInstance().fromJson(text,
                new TypeToken<Page<EffectResponse>>() { }.getType());

        assertThat(page.getRecords()).hasSize(3);
        assertThat(page.getRecords().get(0)).isInstanceOfSatisfying(AccountDebitedEffectResponse.class, debited -> {
            assertThat(debited.getAccount()).isEqualTo(SELLER);
            assertThat(debited.getAmount()).isEqualTo("5.0000000");
            assertThat(debited.getAsset()).isEqualTo(new AssetTypeNative());
        });
        assertThat(page.getRecords().get(1)).isInstanceOf(AccountCreditedEffectResponse.class);
        assertThat(page.getRecords().get(2).getPagingToken()).isEqualTo(Toid.of(2, 1, 1) + "-2");
        assertThat(page.getLinks().getNext().getHref())
                .isEqualTo(BASE_URL + "effects?cursor=" + Toid.of(2, 1, 1) + "-2&limit=3&order=desc");
    }

    @Test
    void theSdkReadsFlagsSequencesSignersAndPredicates() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("asset_type", "credit_alphanum4");
        flags.put("asset_code", "USD");
        flags.put("asset_issuer", ISSUER);
        flags.put("trustor", SELLER);
        flags.put("authorized_flag", false);
        flags.put("authorized_to_maintain_liabilites_flag", true);
        assertThat(parsed(new Effect(EffectType.TRUSTLINE_FLAGS_UPDATED, ISSUER, flags)))
                .isInstanceOfSatisfying(TrustlineFlagsUpdatedEffectResponse.class, e -> {
                    assertThat(e.getTrustor()).isEqualTo(SELLER);
                    assertThat(e.getAssetCode()).isEqualTo("USD");
                    assertThat(e.getAuthorized()).isFalse();
                    assertThat(e.getAuthorizedToMaintainLiabilities()).isTrue();
                });
        assertThat(parsed(new Effect(EffectType.SEQUENCE_BUMPED, SELLER, Map.of("new_seq", "12884901990"))))
                .isInstanceOfSatisfying(SequenceBumpedEffectResponse.class,
                        e -> assertThat(e.getNewSequence()).isEqualTo(12_884_901_990L));
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("weight", 2);
        signer.put("public_key", ISSUER);
        signer.put("key", ISSUER);
        assertThat(parsed(new Effect(EffectType.SIGNER_CREATED, SELLER, signer)))
                .isInstanceOfSatisfying(SignerCreatedEffectResponse.class, e -> {
                    assertThat(e.getWeight()).isEqualTo(2);
                    assertThat(e.getPublicKey()).isEqualTo(ISSUER);
                });
        Map<String, Object> claimant = new LinkedHashMap<>();
        claimant.put("asset", "native");
        claimant.put("balance_id", "00".repeat(36));
        claimant.put("amount", "1.0000000");
        claimant.put("predicate", new Predicate.Not(new Predicate.RelBefore(60)).toXdr());
        assertThat(parsed(new Effect(EffectType.CLAIMABLE_BALANCE_CLAIMANT_CREATED, SELLER, claimant)))
                .isInstanceOfSatisfying(ClaimableBalanceClaimantCreatedEffectResponse.class, e -> {
                    assertThat(e.getAmount()).isEqualTo("1.0000000");
                    assertThat(e.getPredicate()).isEqualTo(new Predicate.Not(new Predicate.RelBefore(60)));
                });
    }

    @Test
    void pagesLinkToTheTokensOfTheirFirstAndLastRecords() {
        long second = Toid.of(3, 1, 1);
        PaymentHistory history = new PaymentHistory(3);

        JsonObject page = json(page(history, Toid.of(2, 1, 1) + "-2", "asc", "2"));
        JsonObject empty = json(page(history, "now", null, null));
        JsonObject afterOperation = json(page(history, Long.toString(second), "desc", "5"));

        assertThat(page.getJsonObject("_embedded").getJsonArray("records")).extracting(r -> r.asJsonObject()
                .getString("paging_token")).containsExactly(second + "-1", second + "-2");
        assertThat(href(page, "self"))
                .isEqualTo(BASE_URL + "effects?cursor=" + Toid.of(2, 1, 1) + "-2&limit=2&order=asc");
        assertThat(href(page, "next")).isEqualTo(BASE_URL + "effects?cursor=" + second + "-2&limit=2&order=asc");
        assertThat(href(page, "prev")).isEqualTo(BASE_URL + "effects?cursor=" + second + "-1&limit=2&order=desc");
        assertThat(empty.getJsonObject("_embedded").getJsonArray("records")).isEmpty();
        assertThat(href(empty, "next")).isEqualTo(BASE_URL + "effects?cursor=now&limit=10&order=asc");
        assertThat(afterOperation.getJsonObject("_embedded").getJsonArray("records")).extracting(r -> r.asJsonObject()
                .getString("paging_token")).containsExactly(second + "-2", second + "-1", Toid.of(2, 1, 1) + "-2",
                        Toid.of(2, 1, 1) + "-1");
    }

    @Test
    void anOperationsEffectsAreStreamedAfterTheCursorThenNoMoreOnceItsLedgerClosed() {
        long operation = Toid.of(3, 1, 1);
        EffectHistory effects = new EffectHistory(new PaymentHistory(3));
        Streams.Feed<EffectRecord> feed = Feeds.finalOnceClosed(3, () -> 5,
                EffectPages.operationFeed(effects, operation, TestValues.links()));

        List<EffectRecord> all = EffectPages.operationFeed(effects, operation, TestValues.links()).after("", 200);
        assertThat(all).extracting(EffectRecord::pagingToken).containsExactly(operation + "-1", operation + "-2");
        List<EffectRecord> afterFirst = feed.after(operation + "-1", 200);
        assertThat(afterFirst).extracting(feed::token).containsExactly(operation + "-2");
        assertThat(json(feed.render(afterFirst.get(0)).build().toString()).getString("type"))
                .isEqualTo("account_debited");
        assertThat(feed.after("", 200)).as("final once read to its end").isEmpty();
        assertThat(EffectPages.operationFeed(effects, Toid.of(9, 1, 1), TestValues.links()).after("", 200))
                .as("an unknown operation has none").isEmpty();
    }

    @Test
    void parametersAreCheckedBeforeTheNodeIsAsked() {
        assertInvalid(() -> EffectPages.params("x", null, null), "cursor");
        assertInvalid(() -> EffectPages.params("1-2-3", null, null), "cursor");
        assertInvalid(() -> EffectPages.params(null, "up", null), "order");
        assertInvalid(() -> EffectPages.params(null, null, "201"), "limit");
        assertThat(EffectPages.params("12-3", "desc", "5").cursor()).isEqualTo("12-3");

        assertInvalid(() -> new AccountEffectResource().effects("GABC", null, null, null), "account_id");
        assertInvalid(() -> new AccountEffectResource().effects(TestValues.badChecksum(SELLER), null, null, null),
                "account_id");
        assertInvalid(() -> new OperationEffectResource().effects("abc", null, null, null), "id");
        assertInvalid(() -> new OperationEffectResource().effects("-4", null, null, null), "id");
        assertInvalid(() -> new TransactionEffectResource().effects("xyz", null, null, null), "tx_id");
        assertInvalid(() -> new LedgerEffectResource().effects("0", null, null, null), "sequence");
        assertInvalid(() -> new LedgerEffectResource().effects("x", null, null, null), "sequence");
    }
}
