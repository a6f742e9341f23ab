package io.corridor.ledger.core.close;

import io.corridor.ledger.core.tx.TransactionFrame;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.TransactionMeta;
import org.stellar.sdk.xdr.TransactionResult;

/**
 * A transaction as it went into a closed ledger.
 *
 * @param applicationOrder 1-based position in the ledger's apply order
 * @param feeChanges       the entry changes of charging the fee (Horizon's {@code fee_meta_xdr})
 */
public record AppliedTransaction(
        TransactionFrame frame,
        int applicationOrder,
        TransactionResult result,
        TransactionMeta meta,
        LedgerEntryChanges feeChanges,
        long feeCharged,
        boolean successful) {
}
