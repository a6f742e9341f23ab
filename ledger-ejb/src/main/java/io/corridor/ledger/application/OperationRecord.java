package io.corridor.ledger.application;

/**
 * An operation as stored with its transaction: its TOID, the operation and its result as base64 XDR. The
 * operation's details are decoded from the XDR by whoever renders them.
 */
public record OperationRecord(
        long id,
        String transactionHash,
        int ledger,
        long closeTime,
        int index,
        boolean transactionSuccessful,
        String sourceAccount,
        String operationXdr,
        String resultXdr) {
}
