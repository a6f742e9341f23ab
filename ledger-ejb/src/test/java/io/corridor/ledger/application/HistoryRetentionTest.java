package io.corridor.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.invariant.Invariants;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * When pruning passes are due and how far each goes ({@link HistoryRetention}), and how {@link LedgerNode} runs
 * them after its closes: the retention is always kept, a pass retires exactly {@link HistoryRetention#PASS_LEDGERS}
 * ledgers, and a failed pass costs the ledger nothing.
 */
class HistoryRetentionTest {

    private static final int PASS = HistoryRetention.PASS_LEDGERS;

    /** {retention, latest ledger, elder, next elder or 0 for none}. */
    private static final int[][] CASES = {
            {0, 1_000_000, 1, 0},                 // keep everything: never a pass
            {5, 1, 1, 0},                         // genesis alone
            {5, 5 + PASS - 1, 1, 0},              // the bound is one ledger short of a full pass
            {5, 5 + PASS, 1, 1 + PASS},           // due: one full pass
            {5, 5 + PASS, 1 + PASS, 0},           // just done
            {5, 5 + 2 * PASS, 1 + PASS, 1 + 2 * PASS},
            {5, 100_000, 1, 1 + PASS},            // a backlog: still one pass at a time
            {1, PASS + 1, 1, 1 + PASS},           // keep one ledger: elder = latest after the pass
            {200, 100, 1, 0},                     // a chain shorter than the retention
            {Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 0},
    };

    @Test
    void aPassIsDueOnceTheBoundIsAFullPassAheadAndRetiresExactlyOnePass() {
        for (int[] c : CASES) {
            OptionalInt next = new HistoryRetention(c[0]).nextElder(c[1], c[2]);
            assertThat(next).as("retention %d, latest %d, elder %d", c[0], c[1], c[2])
                    .isEqualTo(c[3] == 0 ? OptionalInt.empty() : OptionalInt.of(c[3]));
            next.ifPresent(elder -> assertThat(c[1] - elder + 1).as("ledgers kept").isGreaterThanOrEqualTo(c[0]));
        }
    }

    @Test
    void aNegativeRetentionIsRefused() {
        assertThatThrownBy(() -> new HistoryRetention(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HistoryRetention.KEEP_ALL.keepsAll()).isTrue();
    }

    @Test
    void theNodePrunesAfterItsClosesAndRetriesAFailedPassOnTheNextClose() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        LedgerNode node = new LedgerNode(NetworkProfile.IQONIQ, store,
                Clock.fixed(Instant.ofEpochSecond(LedgerFixture.FIRST_CLOSE_TIME), ZoneOffset.UTC), 10,
                Invariants.strict(), null, new HistoryRetention(3));
        node.start();
        while (node.sequence() < 3 + PASS - 1) {
            node.closeLedger();
        }
        assertThat(node.historyElderLedger()).isEqualTo(LedgerHistory.GENESIS_LEDGER);

        store.failNextPrune(new IllegalStateException("database unavailable"));
        node.closeLedger();
        assertThat(node.sequence()).as("the ledger stands").isEqualTo(3 + PASS);
        assertThat(store.commits()).isEqualTo(3 + PASS);
        assertThat(node.historyElderLedger()).isEqualTo(LedgerHistory.GENESIS_LEDGER);

        node.closeLedger();
        assertThat(node.historyElderLedger()).isEqualTo(1 + PASS).isEqualTo(store.historyElderLedger());
        assertThat(store.prunes()).isEqualTo(1);

        LedgerNode restarted = new LedgerNode(NetworkProfile.IQONIQ, store, Clock.systemUTC(), 10,
                Invariants.strict(), null, new HistoryRetention(3));
        restarted.start();
        assertThat(restarted.historyElderLedger()).isEqualTo(1 + PASS);
    }

    @Test
    void theConfigurationKeyIsOptionalAndChecked() {
        assertThat(config(null).historyRetention()).isEqualTo(HistoryRetention.KEEP_ALL);
        assertThat(config(" ").historyRetention()).isEqualTo(HistoryRetention.KEEP_ALL);
        assertThat(config("0").historyRetention()).isEqualTo(HistoryRetention.KEEP_ALL);
        assertThat(config(" 17280 ").historyRetention()).isEqualTo(new HistoryRetention(17_280));
        for (String bad : new String[] {"-1", "ten", "2147483648"}) {
            assertThatThrownBy(() -> config(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("corridor.history.retention.ledgers");
        }
    }

    private static NodeConfig config(String retention) {
        java.util.Properties properties = new java.util.Properties();
        if (retention != null) {
            properties.setProperty("corridor.history.retention.ledgers", retention);
        }
        return NodeConfig.fromProperties(properties);
    }
}
