package io.corridor.ledger.core.state;

import io.corridor.ledger.core.Xdr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.NavigableSet;
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
    /** Trust lines, data entries and offers by owning account (the 32 key bytes), for account views. */
    private final Map<OwnerId, NavigableSet<EntryKey>> owned = new HashMap<>();
    /** Every claimable balance, for listings. */
    private final NavigableSet<EntryKey> claimableBalances = new TreeSet<>();

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
        if (entries.put(key, bytes) == null) {
            index(key, true);
        }
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
            index(key, false);
        }
    }

    private void index(EntryKey key, boolean added) {
        switch (key.type()) {
            case TRUSTLINE, DATA, OFFER -> {
                OwnerId owner = OwnerId.of(key);
                if (added) {
                    owned.computeIfAbsent(owner, o -> new TreeSet<>()).add(key);
                } else {
                    NavigableSet<EntryKey> keys = owned.get(owner);
                    if (keys != null && keys.remove(key) && keys.isEmpty()) {
                        owned.remove(owner);
                    }
                }
            }
            case CLAIMABLE_BALANCE -> {
                if (added) {
                    claimableBalances.add(key);
                } else {
                    claimableBalances.remove(key);
                }
            }
            default -> {
            }
        }
    }

    /**
     * The trust lines, data entries and offers of an account (not the account entry itself), in key order:
     * by type, then as Stellar orders the keys' XDR bytes.
     */
    public List<LedgerEntry> ownedBy(org.stellar.sdk.xdr.AccountID account) {
        NavigableSet<EntryKey> keys = owned.get(OwnerId.of(account));
        if (keys == null) {
            return List.of();
        }
        List<LedgerEntry> result = new ArrayList<>(keys.size());
        for (EntryKey key : keys) {
            result.add(Xdr.decodeTrusted(entries.get(key), LedgerEntry::decode));
        }
        return result;
    }

    /**
     * Claimable balances matching {@code filter}, in key order (balance-id order) after {@code after}
     * (exclusive; null for the first), at most {@code limit}.
     */
    public List<LedgerEntry> claimableBalances(EntryKey after, boolean ascending, int limit,
            java.util.function.Predicate<LedgerEntry> filter) {
        NavigableSet<EntryKey> view = ascending ? claimableBalances : claimableBalances.descendingSet();
        if (after != null) {
            view = view.tailSet(after, false);
        }
        List<LedgerEntry> result = new ArrayList<>(Math.min(limit, view.size()));
        for (EntryKey key : view) {
            if (result.size() == limit) {
                break;
            }
            LedgerEntry entry = Xdr.decodeTrusted(entries.get(key), LedgerEntry::decode);
            if (filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    public List<LedgerEntry> claimableBalances(EntryKey after, boolean ascending, int limit) {
        return claimableBalances(after, ascending, limit, e -> true);
    }

    /**
     * Every entry of one type that {@code filter} accepts, decoded, in no particular order. A full scan:
     * for listings that have no index yet.
     */
    public List<LedgerEntry> scan(org.stellar.sdk.xdr.LedgerEntryType type, java.util.function.Predicate<LedgerEntry> filter) {
        List<LedgerEntry> result = new ArrayList<>();
        int wanted = type.getValue();
        entries.forEach((key, bytes) -> {
            // The key's first XDR word is the entry type: only entries of that type are decoded.
            if (key.typeValue() == wanted) {
                LedgerEntry entry = Xdr.decodeTrusted(bytes, LedgerEntry::decode);
                if (filter.test(entry)) {
                    result.add(entry);
                }
            }
        });
        return result;
    }

    /** The 32-byte Ed25519 key of the account owning an entry: key bytes 8..40 for trust lines, data, offers. */
    private record OwnerId(java.nio.ByteBuffer key) {

        static OwnerId of(EntryKey entryKey) {
            // LedgerKey XDR: 4-byte entry type, then AccountID = 4-byte key type + 32 key bytes.
            return new OwnerId(java.nio.ByteBuffer.wrap(entryKey.bytes(), 8, 32).slice());
        }

        static OwnerId of(org.stellar.sdk.xdr.AccountID account) {
            return new OwnerId(java.nio.ByteBuffer.wrap(account.getAccountID().getEd25519().getUint256().clone()));
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
