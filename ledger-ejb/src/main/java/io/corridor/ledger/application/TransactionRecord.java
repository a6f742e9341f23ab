package io.corridor.ledger.application;

import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;

/**
 * A transaction as stored with its ledger, with the XDR Horizon serves (base64). This is what reads and
 * submissions return; the envelope is decoded again by whoever needs its details.
 */
public record TransactionRecord(
        String hash,
        int ledger,
        long closeTime,
        int applicationOrder,
        boolean successful,
        long feeCharged,
        String envelopeXdr,
        String resultXdr,
        String resultMetaXdr,
        String feeMetaXdr) {

    public static TransactionRecord of(ClosedLedger ledger, AppliedTransaction tx) {
        return new TransactionRecord(
                tx.frame().hashHex(),
                ledger.sequence(),
                ledger.closeTime(),
                tx.applicationOrder(),
                tx.successful(),
                tx.feeCharged(),
                Xdr.encodeBase64(tx.frame().envelope()::toXdrByteArray),
                Xdr.encodeBase64(tx.result()::toXdrByteArray),
                Xdr.encodeBase64(tx.meta()::toXdrByteArray),
                Xdr.encodeBase64(tx.feeChanges()::toXdrByteArray));
    }
}
