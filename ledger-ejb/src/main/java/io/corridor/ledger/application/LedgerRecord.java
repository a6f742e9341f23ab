package io.corridor.ledger.application;

/** A closed ledger's header as stored, with its counts; {@code headerXdr} is base64. */
public record LedgerRecord(
        int sequence,
        String hash,
        String previousHash,
        long closeTime,
        int successfulTransactionCount,
        int failedTransactionCount,
        int operationCount,
        String headerXdr) {
}
