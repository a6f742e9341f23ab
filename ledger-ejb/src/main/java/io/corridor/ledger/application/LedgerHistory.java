package io.corridor.ledger.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerHeader;

/**
 * Read access to closed ledgers, their transactions and operations, as the API serves them. Pages are by
 * TOID (ledger sequence for ledgers), see {@link PageRequest}. Effects are derived from these, see
 * {@link EffectHistory}. A node may keep only the latest part of its history ({@link HistoryRetention}):
 * ledger headers are always there, transactions and operations from {@link #historyElderLedger()} on.
 */
public interface LedgerHistory {

    /** The first ledger of every chain. */
    int GENESIS_LEDGER = 1;

    /**
     * The lowest ledger whose transactions, operations and participation are still kept (Horizon's
     * {@code history_elder_ledger}): everything of it and of every later ledger is there, nothing of an earlier
     * one. A history that was never pruned starts at genesis, which is what this default says; stores that prune
     * answer from what they recorded.
     */
    default int historyElderLedger() {
        return GENESIS_LEDGER;
    }

    Optional<TransactionRecord> transaction(String hashHex);

    /** The header of a given ledger. */
    Optional<LedgerHeader> header(int sequence);

    /** Ledgers by sequence; the cursor is a ledger sequence. */
    List<LedgerRecord> ledgers(PageRequest page);

    Optional<LedgerRecord> ledger(int sequence);

    /** Transactions by TOID; an account filter lists those where the account took part. */
    List<TransactionRecord> transactions(HistoryFilter filter, PageRequest page);

    /**
     * The transactions with the given hashes that exist, in no particular order: the metadata of a page of
     * operations in one read. At most {@link PageRequest#LIMIT_MAX} hashes.
     */
    List<TransactionRecord> transactionsByHash(Collection<String> hashes);

    /** Operations by TOID (their id). */
    List<OperationRecord> operations(HistoryFilter filter, PageRequest page);

    Optional<OperationRecord> operation(long id);
}
