package io.corridor.ledger.core.op;

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
 * <p>stellar-core (protocol 19+) also stamps the account's extension v3 with the ledger and close time of
 * every sequence-number change, for the min-sequence-age preconditions. This ledger's transaction processor
 * does not keep that extension for ordinary sequence numbers either, so the bump leaves it alone too; the
 * two must change together.
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
        if (bumpTo > Accounts.seqNum(source)) {
            source.setSeqNum(new SequenceNumber(new Int64(bumpTo)));
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
