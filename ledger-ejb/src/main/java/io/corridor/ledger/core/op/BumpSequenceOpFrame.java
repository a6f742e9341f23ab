package io.corridor.ledger.core.op;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.BumpSequenceResult;
import org.stellar.sdk.xdr.BumpSequenceResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.SequenceNumber;

/**
 * BUMP_SEQUENCE: raises the source account's sequence number to {@code bumpTo}, invalidating every
 * transaction of the account below it. A negative target is BAD_SEQ; a target at or below the current
 * number succeeds and changes nothing, since sequence numbers never go back. Low threshold, as in
 * stellar-core: the operation can only make transactions invalid, never spend anything.
 *
 * <p>As stellar-core from protocol 19, the operation stamps the source account's extension v3 with the
 * ledger and close time ({@link AccountExtensions#stampSequenceUpdate}) whether or not the number moves,
 * exactly as consuming a transaction's sequence number does: the min-sequence-age and -gap preconditions
 * read that stamp, and a bump must restart their clocks like any other sequence change.
 */
public final class BumpSequenceOpFrame extends OperationFrame {

    private final long bumpTo;

    BumpSequenceOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.bumpTo = operation.getBody().getBumpSequenceOp().getBumpTo().getSequenceNumber().getInt64();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_LOW;
    }

    @Override
    public OperationResult successResult() {
        return result(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (bumpTo < 0) {
            return result(BumpSequenceResultCode.BUMP_SEQUENCE_BAD_SEQ);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        boolean changed = AccountExtensions.stampSequenceUpdate(source, ctx);
        if (bumpTo > Accounts.seqNum(source)) {
            source.setSeqNum(new SequenceNumber(new Int64(bumpTo)));
            changed = true;
        }
        if (changed) {
            store(ltx, sourceEntry, ctx);
        }
        return result(BumpSequenceResultCode.BUMP_SEQUENCE_SUCCESS);
    }

    static OperationResult result(BumpSequenceResultCode code) {
        return inner(OperationType.BUMP_SEQUENCE, tr -> {
            BumpSequenceResult r = new BumpSequenceResult();
            r.setDiscriminant(code);
            tr.setBumpSeqResult(r);
        });
    }
}
