package io.corridor.ledger.application;

import io.corridor.ledger.core.close.ClosedLedger;
import java.util.Optional;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;

/**
 * Durable storage of closed ledgers. {@link #commit} stores a ledger's header, entry changes and
 * transactions atomically: after a crash a node finds either all of a ledger or none of it.
 */
public interface LedgerStore extends LedgerHistory {

    /** The last committed ledger header, if any ledger was ever committed. */
    Optional<LedgerHeader> latestHeader();

    /** Streams every live entry, for rebuilding the in-memory state at start-up. */
    void loadEntries(Consumer<LedgerEntry> sink);

    /** Commits a closed ledger atomically. Throws if it could not; then nothing of it is stored. */
    void commit(ClosedLedger ledger);

    /** What the last {@link #pruneHistory} recorded; {@link #GENESIS_LEDGER} if history was never pruned. */
    @Override
    int historyElderLedger();

    /**
     * Deletes the transactions, operations and account participation of every ledger below {@code elder} and
     * records {@code elder} as the {@linkplain #historyElderLedger() history elder ledger}, atomically, in a
     * database transaction of its own: a failure or a crash leaves history as it was, and never touches a
     * committed ledger. Headers and entries are kept. Does nothing when history already starts at or after
     * {@code elder}, so a pass that is repeated is harmless. The caller bounds the work: {@link LedgerNode}
     * retires {@link HistoryRetention#PASS_LEDGERS} ledgers per call.
     *
     * @throws IllegalArgumentException if {@code elder} is after the last committed ledger
     */
    void pruneHistory(int elder);

}
