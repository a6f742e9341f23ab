package io.corridor.ledger.application;

import org.stellar.sdk.xdr.TransactionResult;

/**
 * Completes a pending submission whose transaction became invalid before its ledger closed (another
 * transaction spent the balance or used the sequence number first). Nothing was charged.
 */
public final class TransactionDroppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient TransactionResult result;

    public TransactionDroppedException(String hash, TransactionResult result) {
        super("transaction " + hash + " was dropped from the queue: no longer valid");
        this.result = result;
    }

    public TransactionResult result() {
        return result;
    }
}
