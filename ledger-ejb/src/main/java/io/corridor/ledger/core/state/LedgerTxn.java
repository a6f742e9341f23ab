package io.corridor.ledger.core.state;

import io.corridor.ledger.core.Xdr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * A nested, transactional view of the ledger, the model being stellar-core's {@code LedgerTxn}. Writes
 * stay in this scope until {@link #commit()} hands them to the parent scope; dropping the object rolls
 * them back. Changes are kept in key order so that everything derived from them is deterministic.
 *
 * <p>Not thread-safe: a ledger is applied by one thread. A parent must not be read or written while a
 * child is open, which {@link #child()} enforces.
 */
public final class LedgerTxn implements LedgerReader {

    private final LedgerReader parent;
    private final LedgerTxn parentTxn;
    /** Written entries in key order; a {@code null} value marks an erased entry. */
    private final TreeMap<EntryKey, LedgerEntry> writes = new TreeMap<>();
    /**
     * Sponsorships of future reserves begun in this scope (BEGIN_SPONSORING_FUTURE_RESERVES), by the sponsored
     * account's key; a {@code null} value marks one ended here. stellar-core keeps them as internal entries of
     * its {@code LedgerTxn} (SPONSORSHIP, SPONSORSHIP_COUNTER), so they commit and roll back with the
     * operation that changed them; they are never part of the ledger's entries, its changes or its hash.
     */
    private final TreeMap<EntryKey, AccountID> sponsorships = new TreeMap<>();
    private LedgerTxn openChild;
    private boolean sealed;

    public LedgerTxn(LedgerReader parent) {
        this.parent = parent;
        this.parentTxn = parent instanceof LedgerTxn txn ? txn : null;
    }

    /** Opens a nested scope; this scope may not be used until the child commits or is abandoned. */
    public LedgerTxn child() {
        checkUsable();
        LedgerTxn child = new LedgerTxn(this);
        openChild = child;
        return child;
    }

    @Override
    public Optional<LedgerEntry> load(EntryKey key) {
        checkUsable();
        return loadThrough(key);
    }

    /** Reads through this scope without the open-child check: how an open child sees its parent. */
    private Optional<LedgerEntry> loadThrough(EntryKey key) {
        if (writes.containsKey(key)) {
            LedgerEntry entry = writes.get(key);
            return entry == null ? Optional.empty() : Optional.of(Xdr.copy(entry::toXdrByteArray, LedgerEntry::decode));
        }
        return parentTxn != null ? parentTxn.loadThrough(key) : parent.load(key);
    }

    /** Creates or replaces an entry; the stored value is a copy. */
    public void put(LedgerEntry entry) {
        checkUsable();
        writes.put(EntryKey.forEntry(entry), Xdr.copy(entry::toXdrByteArray, LedgerEntry::decode));
    }

    public void erase(EntryKey key) {
        checkUsable();
        if (!exists(key)) {
            throw new IllegalStateException("erasing an entry that does not exist: " + key);
        }
        writes.put(key, null);
    }

    /** Hands this scope's writes to the parent scope and closes this one. */
    public void commit() {
        checkUsable();
        if (parentTxn == null) {
            throw new IllegalStateException("the outermost scope is committed by its owner through changes()");
        }
        parentTxn.writes.putAll(writes);
        parentTxn.sponsorships.putAll(sponsorships);
        parentTxn.openChild = null;
        sealed = true;
    }

    /** Abandons this scope's writes. */
    public void rollback() {
        checkUsable();
        writes.clear();
        sponsorships.clear();
        if (parentTxn != null) {
            parentTxn.openChild = null;
        }
        sealed = true;
    }

    /**
     * The net changes of this scope against its parent, in key order. Writes that end where they started
     * (an entry created and erased again) are left out.
     */
    public List<EntryChange> changes() {
        checkUsable();
        List<EntryChange> changes = new ArrayList<>(writes.size());
        for (Map.Entry<EntryKey, LedgerEntry> write : writes.entrySet()) {
            Optional<LedgerEntry> before = parentTxn != null ? parentTxn.loadThrough(write.getKey())
                    : parent.load(write.getKey());
            Optional<LedgerEntry> after = Optional.ofNullable(write.getValue())
                    .map(e -> Xdr.copy(e::toXdrByteArray, LedgerEntry::decode));
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            changes.add(new EntryChange(write.getKey(), before, after));
        }
        return changes;
    }

    // ---------------------------------------------------------------- sponsorship of future reserves

    /** The account paying the future reserves of {@code sponsored} in the current transaction, if any. */
    public Optional<AccountID> futureReservesSponsor(AccountID sponsored) {
        checkUsable();
        return Optional.ofNullable(sponsorshipView().get(EntryKey.account(sponsored)));
    }

    /** How many accounts {@code sponsor} is sponsoring the future reserves of (stellar-core's counter entry). */
    public int futureReservesSponsoredCount(AccountID sponsor) {
        checkUsable();
        EntryKey key = EntryKey.account(sponsor);
        return (int) sponsorshipView().values().stream().filter(s -> EntryKey.account(s).equals(key)).count();
    }

    /** Whether a sponsorship of future reserves is still open: a transaction must end every one it begins. */
    public boolean hasFutureReservesSponsorships() {
        checkUsable();
        return !sponsorshipView().isEmpty();
    }

    /** {@code sponsor} pays the reserves of what {@code sponsored} creates until {@link #endSponsoring}. */
    public void beginSponsoring(AccountID sponsor, AccountID sponsored) {
        checkUsable();
        if (futureReservesSponsor(sponsored).isPresent()) {
            throw new IllegalStateException("future reserves of an account sponsored twice");
        }
        sponsorships.put(EntryKey.account(sponsored), sponsor);
    }

    public void endSponsoring(AccountID sponsored) {
        checkUsable();
        if (futureReservesSponsor(sponsored).isEmpty()) {
            throw new IllegalStateException("ending a sponsorship of future reserves that was not begun");
        }
        sponsorships.put(EntryKey.account(sponsored), null);
    }

    /** Open sponsorships as this scope sees them: its parents' with its own changes on top. */
    private Map<EntryKey, AccountID> sponsorshipView() {
        Map<EntryKey, AccountID> view = parentTxn != null ? parentTxn.sponsorshipView() : new TreeMap<>();
        for (Map.Entry<EntryKey, AccountID> change : sponsorships.entrySet()) {
            if (change.getValue() == null) {
                view.remove(change.getKey());
            } else {
                view.put(change.getKey(), change.getValue());
            }
        }
        return view;
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    private void checkUsable() {
        if (sealed) {
            throw new IllegalStateException("ledger scope already committed or rolled back");
        }
        if (openChild != null) {
            throw new IllegalStateException("ledger scope used while a nested scope is open");
        }
    }
}
