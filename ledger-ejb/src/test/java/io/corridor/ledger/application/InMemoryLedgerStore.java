package io.corridor.ledger.application;

import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.history.Participants;
import io.corridor.ledger.core.history.Toid;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.stellar.sdk.xdr.Operation;
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
public final class InMemoryLedgerStore implements LedgerStore {

    private final TreeMap<Integer, byte[]> headers = new TreeMap<>();
    private final TreeMap<EntryKey, byte[]> entries = new TreeMap<>();
    private final Map<String, TransactionRecord> transactions = new HashMap<>();
    private final TreeMap<Long, TransactionRecord> transactionsByToid = new TreeMap<>();
    private final TreeMap<Long, OperationRecord> operationsById = new TreeMap<>();
    private final Map<Long, Set<String>> participants = new HashMap<>();
    private final Map<Integer, LedgerRecord> ledgerRecords = new HashMap<>();
    private RuntimeException nextCommitFailure;
    private RuntimeException nextPruneFailure;
    private int commits;
    private int historyElder = GENESIS_LEDGER;
    private int prunes;

    /** The next {@link #commit} throws {@code failure} and stores nothing. */
    synchronized void failNextCommit(RuntimeException failure) {
        nextCommitFailure = failure;
    }

    /** The next {@link #pruneHistory} throws {@code failure} and deletes nothing. */
    synchronized void failNextPrune(RuntimeException failure) {
        nextPruneFailure = failure;
    }

    /** Pruning passes that deleted history. */
    synchronized int prunes() {
        return prunes;
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
        Map<Long, TransactionRecord> byToid = new HashMap<>();
        Map<Long, OperationRecord> operations = new HashMap<>();
        Map<Long, Set<String>> parts = new HashMap<>();
        for (AppliedTransaction tx : ledger.transactions()) {
            TransactionRecord record = TransactionRecord.of(ledger, tx);
            records.put(tx.frame().hashHex(), record);
            long txToid = Toid.of(ledger.sequence(), tx.applicationOrder(), 0);
            byToid.put(txToid, record);
            Set<String> txParts = new TreeSet<>();
            txParts.add(Accounts.strKey(tx.frame().sourceAccount()));
            txParts.add(Accounts.strKey(tx.frame().feeSource()));
            List<Operation> ops = tx.frame().operations();
            org.stellar.sdk.xdr.OperationResult[] results = operationResults(tx);
            for (int i = 0; i < ops.size(); i++) {
                long id = Toid.of(ledger.sequence(), tx.applicationOrder(), i + 1);
                Set<String> opParts = Participants.of(ops.get(i), tx.frame().sourceAccount());
                Operation op = ops.get(i);
                operations.put(id, new OperationRecord(id, record.hash(), ledger.sequence(), ledger.closeTime(), i,
                        tx.successful(), opParts.iterator().next(), Xdr.encodeBase64(op::toXdrByteArray),
                        results != null && i < results.length ? Xdr.encodeBase64(results[i]::toXdrByteArray) : null));
                parts.put(id, opParts);
                txParts.addAll(opParts);
            }
            parts.put(txToid, txParts);
        }
        int failed = (int) ledger.transactions().stream().filter(t -> !t.successful()).count();
        LedgerRecord ledgerRecord = new LedgerRecord(ledger.sequence(), ledger.hashHex(),
                io.corridor.ledger.core.Hashing.hex(ledger.header().getPreviousLedgerHash().getHash()),
                ledger.closeTime(), ledger.transactions().size() - failed, failed, ledger.operationCount(),
                java.util.Base64.getEncoder().encodeToString(header));
        headers.put(ledger.sequence(), header);
        entries.putAll(puts);
        removals.keySet().forEach(entries::remove);
        transactions.putAll(records);
        transactionsByToid.putAll(byToid);
        operationsById.putAll(operations);
        participants.putAll(parts);
        ledgerRecords.put(ledger.sequence(), ledgerRecord);
        commits++;
    }

    @Override
    public synchronized int historyElderLedger() {
        return historyElder;
    }

    @Override
    public synchronized void pruneHistory(int elder) {
        if (nextPruneFailure != null) {
            RuntimeException failure = nextPruneFailure;
            nextPruneFailure = null;
            throw failure;
        }
        if (elder <= historyElder) {
            return;
        }
        if (headers.isEmpty() || elder > headers.lastKey()) {
            throw new IllegalArgumentException("cannot prune history before ledger " + elder);
        }
        long bound = Toid.ledgerStart(elder);
        transactions.values().removeIf(r -> r.ledger() < elder);
        transactionsByToid.headMap(bound).clear();
        operationsById.headMap(bound).clear();
        participants.keySet().removeIf(toid -> toid < bound);
        historyElder = elder;
        prunes++;
    }

    @Override
    public synchronized Optional<TransactionRecord> transaction(String hashHex) {
        return Optional.ofNullable(transactions.get(hashHex));
    }

    @Override
    public synchronized Optional<LedgerHeader> header(int sequence) {
        return Optional.ofNullable(headers.get(sequence)).map(InMemoryLedgerStore::decodeHeader);
    }

    @Override
    public synchronized List<LedgerRecord> ledgers(PageRequest page) {
        return page(new TreeMap<>(ledgerRecords.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> (long) e.getKey(), Map.Entry::getValue))), page, r -> true);
    }

    @Override
    public synchronized Optional<LedgerRecord> ledger(int sequence) {
        return Optional.ofNullable(ledgerRecords.get(sequence));
    }

    @Override
    public synchronized List<TransactionRecord> transactions(HistoryFilter filter, PageRequest page) {
        return page(transactionsByToid, page, r -> {
            long toid = Toid.of(r.ledger(), r.applicationOrder(), 0);
            return (filter.ledger() == null || filter.ledger() == r.ledger())
                    && (filter.includeFailed() || r.successful())
                    && (filter.account() == null || participants.get(toid).contains(filter.account()));
        });
    }

    @Override
    public synchronized List<TransactionRecord> transactionsByHash(java.util.Collection<String> hashes) {
        return hashes.stream().map(transactions::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized List<OperationRecord> operations(HistoryFilter filter, PageRequest page) {
        return page(operationsById, page, r -> (filter.ledger() == null || filter.ledger() == r.ledger())
                && (filter.includeFailed() || r.transactionSuccessful())
                && (filter.transactionHash() == null || filter.transactionHash().equals(r.transactionHash()))
                && (filter.account() == null || participants.get(r.id()).contains(filter.account()))
                && (!filter.paymentsOnly() || Participants.isPayment(
                        Xdr.decodeTrusted(java.util.Base64.getDecoder().decode(r.operationXdr()), Operation::decode))));
    }

    @Override
    public synchronized Optional<OperationRecord> operation(long id) {
        return Optional.ofNullable(operationsById.get(id));
    }

    /** The operation results of a plain transaction or of a fee bump's inner one; none if it failed before them. */
    private static org.stellar.sdk.xdr.OperationResult[] operationResults(AppliedTransaction tx) {
        var body = tx.result().getResult();
        return switch (body.getDiscriminant()) {
            case txSUCCESS, txFAILED -> body.getResults();
            case txFEE_BUMP_INNER_SUCCESS, txFEE_BUMP_INNER_FAILED ->
                    body.getInnerResultPair().getResult().getResult().getResults();
            default -> null;
        };
    }

    private static <T> List<T> page(TreeMap<Long, T> all, PageRequest page, java.util.function.Predicate<T> keep) {
        var view = page.ascending() ? all.tailMap(page.cursor(), false) : all.headMap(page.cursor(), false).descendingMap();
        return view.values().stream().filter(keep).limit(page.limit()).toList();
    }

    private static LedgerHeader decodeHeader(byte[] bytes) {
        return Xdr.decodeTrusted(bytes, LedgerHeader::decode);
    }
}
