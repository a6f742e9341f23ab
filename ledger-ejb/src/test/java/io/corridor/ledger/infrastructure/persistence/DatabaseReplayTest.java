package io.corridor.ledger.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.DeterminismReplayTest;
import io.corridor.ledger.core.close.HistoryGenerator;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.state.EntryKey;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Determinism through the database: the generated history of {@link DeterminismReplayTest} is applied by a
 * {@link LedgerNode} that commits every ledger to a real database (H2 always; PostgreSQL when
 * {@code corridor.test.pg.url} names one, as {@code deployments/run-tests} does in its PostgreSQL pass), and
 * the node is restarted from the database several times along the way. Every ledger must be byte-identical to
 * the in-memory reference replay: headers, hashes, results and meta; after the last ledger, every stored entry
 * and every stored transaction must equal the reference byte for byte.
 */
class DatabaseReplayTest {

    private static final long SEED = 20261121L;
    private static final int LEDGERS = 120;
    private static final int RESTART_EVERY = 40;

    @Test
    void replayOnH2() {
        replay("jdbc:h2:mem:corridor-replay;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void replayOnPostgreSql() {
        String url = System.getProperty("corridor.test.pg.url");
        assumeTrue(url != null && !url.isBlank(),
                "no PostgreSQL configured (-Dcorridor.test.pg.url=jdbc:postgresql://...); run-tests sets it");
        replay(url, System.getProperty("corridor.test.pg.user", "corridor"),
                System.getProperty("corridor.test.pg.password", "corridor"));
    }

    private void replay(String url, String user, String password) {
        NetworkProfile profile = NetworkProfile.IQONIQ;
        LedgerFixture reference = new LedgerFixture(profile, Invariants.strict());
        HistoryGenerator history = new HistoryGenerator(SEED, reference.root());
        List<ClosedLedger> referenceLedgers = new ArrayList<>();

        EntityManagerFactory factory = StandaloneJpa.open(url, user, password, true);
        StandaloneLedgerStore store = new StandaloneLedgerStore(factory);
        LedgerNode node = start(profile, store);
        try {
            assertThat(node.lastHash()).as("genesis").isEqualTo(reference.lastHash());
            for (int ledger = 1; ledger <= LEDGERS; ledger++) {
                List<TransactionEnvelope> envelopes = history.nextLedger(reference);
                long closeTime = reference.nextCloseTime();
                ClosedLedger expected = reference.closeAt(closeTime, envelopes);
                ClosedLedger actual = node.applyExternalized(envelopes, closeTime);
                DeterminismReplayTest.assertSameLedger(expected, actual, SEED);
                referenceLedgers.add(expected);
                history.closed(reference);
                if (ledger % RESTART_EVERY == 0) {
                    // A restart rebuilds the state from the database and checks it against the header's hash.
                    store.close();
                    factory.close();
                    factory = StandaloneJpa.open(url, user, password, false);
                    store = new StandaloneLedgerStore(factory);
                    node = start(profile, store);
                    assertThat(node.lastHash()).as("after restart at ledger %d (seed %d)", ledger, SEED)
                            .isEqualTo(reference.lastHash());
                }
            }
            assertThat(history.transactions()).isGreaterThan(1_000);
            assertThat(storedEntries(store)).as("stored entries (seed %d)", SEED)
                    .isEqualTo(referenceEntries(reference));
            for (ClosedLedger ledger : referenceLedgers) {
                for (AppliedTransaction tx : ledger.transactions()) {
                    TransactionRecord stored = store.transaction(tx.frame().hashHex()).orElseThrow();
                    assertThat(stored.resultXdr()).isEqualTo(Xdr.encodeBase64(tx.result()::toXdrByteArray));
                    assertThat(stored.resultMetaXdr()).isEqualTo(Xdr.encodeBase64(tx.meta()::toXdrByteArray));
                    assertThat(stored.ledger()).isEqualTo(ledger.sequence());
                }
            }
            System.out.printf("database replay on %s: %d ledgers, %d transactions, final ledger %s%n",
                    url.replaceAll("[;?].*", ""), LEDGERS, history.transactions(), Hashing.hex(node.lastHash()));
        } finally {
            store.close();
            factory.close();
        }
    }

    private static LedgerNode start(NetworkProfile profile, StandaloneLedgerStore store) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(LedgerFixture.FIRST_CLOSE_TIME), ZoneOffset.UTC);
        LedgerNode node = new LedgerNode(profile, store, clock, 1_000, Invariants.strict());
        node.start();
        return node;
    }

    private static Map<String, String> storedEntries(StandaloneLedgerStore store) {
        Map<String, String> entries = new TreeMap<>();
        store.loadEntries(entry -> entries.put(EntryKey.forEntry(entry).base64(), encode(entry)));
        return entries;
    }

    private static Map<String, String> referenceEntries(LedgerFixture reference) {
        Map<String, String> entries = new TreeMap<>();
        reference.state().forEach((key, bytes) -> entries.put(key.base64(), Base64.getEncoder().encodeToString(bytes)));
        return entries;
    }

    private static String encode(LedgerEntry entry) {
        return Base64.getEncoder().encodeToString(Xdr.encode(entry::toXdrByteArray));
    }
}
