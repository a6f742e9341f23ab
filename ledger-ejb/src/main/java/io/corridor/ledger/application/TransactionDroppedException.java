package io.corridor.ledger.application;

import org.stellar.sdk.xdr.TransactionResult;

/**
 * Completes a pending submission whose transaction became invalid before its ledger closed (another
 * transaction spent the balance or used the sequence number first), or that a better-paying transaction
 * evicted from the full queue ({@code txINSUFFICIENT_FEE}, with the bid that would have kept it). Nothing
 * was charged.
 */
public final class TransactionDroppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient TransactionResult result;

    public TransactionDroppedException(String hash, TransactionResult result) {
        this(hash, result, "no longer valid");
    }

    public TransactionDroppedException(String hash, TransactionResult result, String reason) {
        super("transaction " + hash + " was dropped from the queue: " + reason);
        this.result = result;
    }

    public TransactionResult result() {
        return result;
    }
}
