package io.corridor.consensus.herder;

import java.util.Optional;

import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSet;

/**
 * The herder's view of the ledger: the last closed ledger, the transaction queue, the close pipeline and the
 * stored history that catch-up serves. Implemented by the node over its {@code LedgerNode}; the herder calls
 * every method except {@link #receiveTransaction} from its own thread.
 */
public interface LedgerPort {

    /** Header of the last closed ledger. */
    LedgerHeader lastClosedHeader();

    /** A transaction set for the next ledger from the queue: still-valid transactions, built on the last closed ledger. */
    TransactionSet proposeTransactionSet();

    /**
     * The hash consensus agrees on for a set: the one the ledger writes into its header's {@code StellarValue}.
     * Fails with {@link IllegalArgumentException} when the set cannot be read (undecodable envelope, duplicate).
     */
    byte[] transactionSetHash(TransactionSet set);

    /** Empty when every transaction of the set is valid against the last closed ledger, else why not. */
    Optional<String> checkTransactionSet(TransactionSet set);

    /**
     * Closes the ledger after the last closed one with the agreed set and close time and commits it. Returns the
     * new header. Throws when the ledger cannot be committed (the herder retries) or the node halted.
     */
    LedgerHeader apply(TransactionSet set, long closeTime);

    /** The stored header of ledger {@code sequence}, if kept. */
    Optional<LedgerHeader> header(long sequence);

    /** The transaction set ledger {@code sequence} applied, rebuilt from stored history, if kept. */
    Optional<TransactionSet> transactionSet(long sequence);

    /**
     * Admits a transaction flooded by a peer into the local queue. Returns true when it was newly admitted
     * (so it is relayed on), false when it was known, already applied, or refused. Called from overlay threads.
     */
    boolean receiveTransaction(TransactionEnvelope envelope);
}
