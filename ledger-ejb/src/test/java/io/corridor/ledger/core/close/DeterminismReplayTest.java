package io.corridor.ledger.core.close;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.invariant.Invariants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * Determinism: a generated history of thousands of mixed transactions (account creation, native and credit
 * payments, trust lines, data entries, options, sequence bumps, claimable balances; many of them failing)
 * applied twice, to two independently built ledgers, gives byte-identical headers, results and state at every
 * ledger. Generation is driven by one seed, printed on failure. The invariants run after every operation.
 */
public class DeterminismReplayTest {

    private static final long SEED = 20261121L;
    private static final int LEDGERS = 120;

    /** The second replay verifies signatures in parallel ahead of apply: a speed-up that must change nothing. */
    @Test
    void replayingTheSameHistoryGivesByteIdenticalLedgers() {
        NetworkProfile profile = NetworkProfile.IQONIQ;
        LedgerFixture first = new LedgerFixture(profile, Invariants.strict());
        java.util.concurrent.ExecutorService verifier = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            replay(first, new LedgerFixture(profile, Invariants.strict(), verifier));
        } finally {
            verifier.shutdownNow();
        }
    }

    private void replay(LedgerFixture first, LedgerFixture second) {
        HistoryGenerator history = new HistoryGenerator(SEED, first.root());
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            List<TransactionEnvelope> envelopes = history.nextLedger(first);
            long closeTime = first.nextCloseTime();
            ClosedLedger a = first.closeAt(closeTime, envelopes);
            ClosedLedger b = second.closeAt(closeTime, envelopes);
            assertSameLedger(a, b, SEED);
            assertThat(second.state().stateHash()).isEqualTo(first.state().stateHash());
            history.closed(first);
        }
        assertThat(history.transactions()).as("history size (seed %d)", SEED).isGreaterThan(1_000);
        assertThat(history.accounts()).isGreaterThan(20);
        System.out.printf("determinism replay: %d ledgers, %d transactions, final state hash %s%n", LEDGERS,
                history.transactions(), Hashing.hex(first.state().stateHash()));
    }

    /** Same header bytes, hash, and per transaction the same result and meta bytes. */
    public static void assertSameLedger(ClosedLedger a, ClosedLedger b, long seed) {
        assertThat(Xdr.encode(b.header()::toXdrByteArray))
                .as("ledger %d header (seed %d)", a.sequence(), seed)
                .isEqualTo(Xdr.encode(a.header()::toXdrByteArray));
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(b.transactions()).hasSameSizeAs(a.transactions());
        for (int i = 0; i < a.transactions().size(); i++) {
            assertThat(Xdr.encode(b.transactions().get(i).result()::toXdrByteArray))
                    .as("ledger %d transaction %d result (seed %d)", a.sequence(), i, seed)
                    .isEqualTo(Xdr.encode(a.transactions().get(i).result()::toXdrByteArray));
            assertThat(Xdr.encode(b.transactions().get(i).meta()::toXdrByteArray))
                    .as("ledger %d transaction %d meta (seed %d)", a.sequence(), i, seed)
                    .isEqualTo(Xdr.encode(a.transactions().get(i).meta()::toXdrByteArray));
        }
    }
}
