package io.corridor.ledger.application;

import java.util.OptionalInt;

/**
 * How much history a node keeps: the transactions, operations and account participation of every ledger, or of
 * at least the latest {@code ledgers} ledgers. Ledger headers (small, and the node needs them) and ledger entries
 * (the state) are never pruned.
 *
 * <p>History is retired in passes of exactly {@link #PASS_LEDGERS} ledgers, the next pass being due once the
 * oldest kept ledger lags the retention bound by that many. In steady state that is one pass every 64 closes,
 * each deleting what 64 commits wrote; after retention was switched on or shortened on a long history, one pass
 * per close until the backlog is gone. Every pass is bounded work, and between passes up to
 * {@code ledgers + PASS_LEDGERS - 1} ledgers of history are kept.
 *
 * @param ledgers how many of the latest ledgers' history to keep at least; 0 keeps everything
 */
public record HistoryRetention(int ledgers) {

    /** Ledgers of history one pass retires: the bound on the rows one pruning transaction deletes. */
    public static final int PASS_LEDGERS = 64;

    public static final HistoryRetention KEEP_ALL = new HistoryRetention(0);

    public HistoryRetention {
        if (ledgers < 0) {
            throw new IllegalArgumentException("history retention must not be negative: " + ledgers);
        }
    }

    public boolean keepsAll() {
        return ledgers == 0;
    }

    /**
     * The history elder ledger once the pass due after ledger {@code latest} was committed has run, when history
     * is kept from ledger {@code elder} on; empty when no pass is due.
     */
    public OptionalInt nextElder(int latest, int elder) {
        if (keepsAll()) {
            return OptionalInt.empty();
        }
        // The lowest ledger whose history must stay; long, so that a short chain cannot underflow.
        long keptFrom = (long) latest - ledgers + 1;
        if (keptFrom - elder < PASS_LEDGERS) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(elder + PASS_LEDGERS);
    }
}
