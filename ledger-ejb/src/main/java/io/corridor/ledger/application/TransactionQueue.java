package io.corridor.ledger.application;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.close.SurgePricing;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Transactions admitted for the next ledger, in arrival order. As in stellar-core, a source account has at
 * most one transaction pending at a time, and a transaction is held once however often it is submitted.
 * Bounded by {@code transactionsMax}; when full, {@link #lowestFeeRate} is the one a better-paying newcomer
 * evicts. Not thread-safe: {@link LedgerNode} guards it.
 */
final class TransactionQueue {

    record Entry(TransactionFrame frame, CompletableFuture<TransactionRecord> outcome) {
    }

    private final int transactionsMax;
    private final LinkedHashMap<String, Entry> byHash = new LinkedHashMap<>();
    private final Map<String, String> hashBySource = new HashMap<>();

    TransactionQueue(int transactionsMax) {
        this.transactionsMax = transactionsMax;
    }

    Entry find(String hash) {
        return byHash.get(hash);
    }

    boolean sourceHasPending(TransactionFrame frame) {
        return hashBySource.containsKey(sourceKey(frame));
    }

    boolean isFull() {
        return byHash.size() >= transactionsMax;
    }

    Entry add(TransactionFrame frame) {
        if (isFull() || sourceHasPending(frame) || byHash.containsKey(frame.hashHex())) {
            throw new IllegalStateException("queue admission rules were not checked for " + frame.hashHex());
        }
        Entry entry = new Entry(frame, new CompletableFuture<>());
        byHash.put(frame.hashHex(), entry);
        hashBySource.put(sourceKey(frame), frame.hashHex());
        return entry;
    }

    /**
     * The entry a full queue gives up first: the lowest fee rate, ties broken by the lower full hash (the
     * reverse of the order sets are built in). The queue must not be empty.
     */
    Entry lowestFeeRate() {
        return byHash.values().stream()
                .max((a, b) -> SurgePricing.HIGHEST_FEE_RATE_FIRST.compare(a.frame(), b.frame()))
                .orElseThrow(() -> new IllegalStateException("the queue is empty"));
    }

    /** Everything pending, oldest first. */
    List<Entry> pending() {
        return new ArrayList<>(byHash.values());
    }

    Entry remove(String hash) {
        Entry entry = byHash.remove(hash);
        if (entry != null) {
            hashBySource.remove(sourceKey(entry.frame()));
        }
        return entry;
    }

    int size() {
        return byHash.size();
    }

    /** The fee bump's fee source pays, but the sequence number is the inner source's: that is the key. */
    private static String sourceKey(TransactionFrame frame) {
        return Accounts.strKey(frame.sourceAccount());
    }
}
