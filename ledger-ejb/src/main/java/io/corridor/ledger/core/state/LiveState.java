package io.corridor.ledger.core.state;

import io.corridor.ledger.core.Xdr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * The entries of the last closed ledger, held in memory as XDR bytes (compact, and every load decodes a
 * private copy), with the incremental state hash. The durable copy is the database; this is rebuilt from
 * it at start-up.
 */
public final class LiveState implements LedgerReader {

    private final Map<EntryKey, byte[]> entries = new HashMap<>();
    private final StateHasher hasher = new StateHasher();

    @Override
    public Optional<LedgerEntry> load(EntryKey key) {
        byte[] bytes = entries.get(key);
        return bytes == null ? Optional.empty() : Optional.of(Xdr.decodeTrusted(bytes, LedgerEntry::decode));
    }

    @Override
    public boolean exists(EntryKey key) {
        return entries.containsKey(key);
    }

    /** Loads an entry during start-up or genesis. */
    public void put(LedgerEntry entry) {
        EntryKey key = EntryKey.forEntry(entry);
        byte[] bytes = Xdr.encode(entry::toXdrByteArray);
        entries.put(key, bytes);
        hasher.put(key, bytes);
    }

    /** Applies a ledger's changes; {@link #revert} undoes exactly this. */
    public void apply(List<EntryChange> changes) {
        for (EntryChange change : changes) {
            if (change.after().isPresent()) {
                put(change.after().get());
            } else {
                remove(change.key());
            }
        }
    }

    /** Undoes {@link #apply} when the ledger could not be committed durably. */
    public void revert(List<EntryChange> changes) {
        List<EntryChange> reversed = new ArrayList<>(changes);
        java.util.Collections.reverse(reversed);
        for (EntryChange change : reversed) {
            if (change.before().isPresent()) {
                put(change.before().get());
            } else {
                remove(change.key());
            }
        }
    }

    private void remove(EntryKey key) {
        if (entries.remove(key) != null) {
            hasher.remove(key);
        }
    }

    public byte[] stateHash() {
        return hasher.root();
    }

    public int size() {
        return entries.size();
    }

    /** Visits every entry as stored bytes, in no particular order. */
    public void forEach(BiConsumer<EntryKey, byte[]> visitor) {
        entries.forEach((k, v) -> visitor.accept(k, v.clone()));
    }
}
