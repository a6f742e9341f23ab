package io.corridor.ledger.core.state;

import java.util.Objects;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * One entry's change within a scope: absent {@code before} means created, absent {@code after} means
 * erased, both present means updated.
 */
public record EntryChange(EntryKey key, Optional<LedgerEntry> before, Optional<LedgerEntry> after) {

    public EntryChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a change must have a before or an after state: " + key);
        }
    }

    public boolean isCreated() {
        return before.isEmpty();
    }

    public boolean isErased() {
        return after.isEmpty();
    }
}
