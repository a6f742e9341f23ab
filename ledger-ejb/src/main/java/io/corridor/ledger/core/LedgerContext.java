package io.corridor.ledger.core;

/**
 * What validation and apply need to know about the ledger being closed.
 *
 * @param profile   the network's profile (network id, reserve)
 * @param ledgerSeq sequence number of the ledger being built
 * @param closeTime its close time, Unix seconds; time bounds are checked against it
 * @param baseFee   fee per operation in force
 * @param baseReserve reserve per entry in force
 */
public record LedgerContext(NetworkProfile profile, int ledgerSeq, long closeTime, long baseFee, long baseReserve) {

    public LedgerContext {
        if (ledgerSeq < 1) {
            throw new IllegalArgumentException("ledger sequence starts at 1: " + ledgerSeq);
        }
        if (closeTime < 0 || baseFee <= 0 || baseReserve <= 0) {
            throw new IllegalArgumentException("closeTime, baseFee and baseReserve must be positive");
        }
    }

    /** Sequence number a new account starts with: the ledger number in the high 32 bits. */
    public long startingSequenceNumber() {
        return ((long) ledgerSeq) << 32;
    }
}
