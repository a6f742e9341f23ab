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

}
