package io.corridor.ledger.core.state;

import java.util.Optional;
import org.stellar.sdk.xdr.LedgerEntry;

/** Read access to ledger entries. Every load returns a private copy the caller may change freely. */
public interface LedgerReader {

    Optional<LedgerEntry> load(EntryKey key);

    default boolean exists(EntryKey key) {
        return load(key).isPresent();
    }
}
