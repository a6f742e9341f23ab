package io.corridor.ledger.application;

import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;

/**
 * The {@link LedgerStore} port in memory, for application tests. It keeps what a database would: headers, the
 * live entries (with every committed change applied) and the transaction records, all as copies, and commits a
 * ledger all or nothing. {@link #failNextCommit} makes the next commit throw before anything is stored.
 */
final class InMemoryLedgerStore implements LedgerStore {

    private final TreeMap<Integer, byte[]> headers = new TreeMap<>();
    private final TreeMap<EntryKey, byte[]> entries = new TreeMap<>();
    private final Map<String, TransactionRecord> transactions = new HashMap<>();
    private RuntimeException nextCommitFailure;
    private int commits;

    /** The next {@link #commit} throws {@code failure} and stores nothing. */
    synchronized void failNextCommit(RuntimeException failure) {
        nextCommitFailure = failure;
    }

    /** Ledgers committed successfully. */
    synchronized int commits() {
        return commits;
    }

    synchronized int entryCount() {
        return entries.size();
    }

    @Override
    public synchronized Optional<LedgerHeader> latestHeader() {
        return headers.isEmpty() ? Optional.empty() : Optional.of(decodeHeader(headers.lastEntry().getValue()));
    }

    @Override
    public synchronized void loadEntries(Consumer<LedgerEntry> sink) {
        entries.values().forEach(bytes -> sink.accept(Xdr.decodeTrusted(bytes, LedgerEntry::decode)));
    }

    @Override
    public synchronized void commit(ClosedLedger ledger) {
        if (nextCommitFailure != null) {
            RuntimeException failure = nextCommitFailure;
            nextCommitFailure = null;
            throw failure;
        }
        int expected = headers.isEmpty() ? 1 : headers.lastKey() + 1;
        if (ledger.sequence() != expected) {
            throw new IllegalStateException("ledger " + ledger.sequence() + " committed, expected " + expected);
        }
        // Everything is computed before anything is stored, so a failure stores nothing.
        byte[] header = Xdr.encode(ledger.header()::toXdrByteArray);
        Map<EntryKey, byte[]> puts = new HashMap<>();
        Map<EntryKey, Boolean> removals = new HashMap<>();
        for (EntryChange change : ledger.changes()) {
            if (change.after().isPresent()) {
                puts.put(change.key(), Xdr.encode(change.after().get()::toXdrByteArray));
                removals.remove(change.key());
            } else {
                removals.put(change.key(), Boolean.TRUE);
                puts.remove(change.key());
            }
        }
        Map<String, TransactionRecord> records = new HashMap<>();
        for (AppliedTransaction tx : ledger.transactions()) {
            records.put(tx.frame().hashHex(), TransactionRecord.of(ledger, tx));
        }
        headers.put(ledger.sequence(), header);
        entries.putAll(puts);
        removals.keySet().forEach(entries::remove);
        transactions.putAll(records);
        commits++;
    }

    @Override
    public synchronized Optional<TransactionRecord> transaction(String hashHex) {
        return Optional.ofNullable(transactions.get(hashHex));
    }

    @Override
    public synchronized Optional<LedgerHeader> header(int sequence) {
        return Optional.ofNullable(headers.get(sequence)).map(InMemoryLedgerStore::decodeHeader);
    }

    private static LedgerHeader decodeHeader(byte[] bytes) {
        return Xdr.decodeTrusted(bytes, LedgerHeader::decode);
    }
}
