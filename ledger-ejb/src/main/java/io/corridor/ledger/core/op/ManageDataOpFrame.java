package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.DataEntry;
import org.stellar.sdk.xdr.DataValue;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.ManageDataOp;
import org.stellar.sdk.xdr.ManageDataResult;
import org.stellar.sdk.xdr.ManageDataResultCode;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;

/**
 * MANAGE_DATA: creates, replaces or (without a value) deletes one named data entry of the source account.
 * The name must be 1 to 64 printable ASCII bytes (INVALID_NAME). Deleting a name the account does not have
 * is NAME_NOT_FOUND. A new entry is a sub-entry: it needs room under the sub-entry limit
 * ({@code opTOO_MANY_SUBENTRIES}) and one more base reserve (LOW_RESERVE); replacing a value costs nothing,
 * and deleting returns the reserve. Medium threshold.
 */
public final class ManageDataOpFrame extends OperationFrame {

    /** Bytes a data name may have ({@code string64}). */
    public static final int NAME_BYTES_MAX = 64;

    /** Bytes a data value may have ({@code opaque DataValue<64>}). */
    public static final int VALUE_BYTES_MAX = 64;

    private final ManageDataOp op;

    ManageDataOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getManageDataOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(ManageDataResultCode.MANAGE_DATA_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        byte[] name = op.getDataName().getString64().getBytes();
        if (name.length < 1 || !StellarStrings.isValid(name, NAME_BYTES_MAX)) {
            return result(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
        }
        // A value over 64 bytes is not valid XDR, so stellar-core never sees one; the SDK's decoder does not
        // enforce that bound. MANAGE_DATA has no code for a bad value, and the name is the only other field,
        // so the malformed operation is refused with INVALID_NAME rather than stored.
        DataValue value = op.getDataValue();
        if (value != null && value.getDataValue().length > VALUE_BYTES_MAX) {
            return result(ManageDataResultCode.MANAGE_DATA_INVALID_NAME);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        EntryKey key = EntryKey.data(sourceAccount(), op.getDataName());
        Optional<LedgerEntry> existing = ltx.load(key);
        DataValue value = op.getDataValue();
        if (value == null) {
            if (existing.isEmpty()) {
                return result(ManageDataResultCode.MANAGE_DATA_NAME_NOT_FOUND);
            }
            LedgerEntry sourceEntry = loadSource(ltx);
            // Sponsorship (CAP-33): releases the sub-entry, and the sponsor's reserve if the entry has one.
            Sponsorship.removeEntry(ltx, ctx, existing.get(), sourceEntry);
            store(ltx, sourceEntry, ctx);
            ltx.erase(key);
            return result(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        }
        if (existing.isPresent()) {
            LedgerEntry entry = existing.get();
            entry.getData().getData().setDataValue(value);
            store(ltx, entry, ctx);
            return result(ManageDataResultCode.MANAGE_DATA_SUCCESS);
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        LedgerEntry data = newEntry(value);
        // Sponsorship (CAP-33): counts the sub-entry; its reserve is paid by the sponsor of the source's
        // future reserves if the transaction began one, otherwise by the source.
        switch (Sponsorship.createEntry(ltx, ctx, data, sourceEntry)) {
            case SUCCESS -> {
            }
            case TOO_MANY_SUBENTRIES -> {
                return outer(OperationResultCode.opTOO_MANY_SUBENTRIES);
            }
            case LOW_RESERVE -> {
                return result(ManageDataResultCode.MANAGE_DATA_LOW_RESERVE);
            }
            case TOO_MANY_SPONSORING -> {
                return outer(OperationResultCode.opTOO_MANY_SPONSORING);
            }
            default -> throw new IllegalStateException("sponsored reserves beyond the sub-entry limit");
        }
        store(ltx, sourceEntry, ctx);
        store(ltx, data, ctx);
        return result(ManageDataResultCode.MANAGE_DATA_SUCCESS);
    }

    private LedgerEntry newEntry(DataValue value) {
        DataEntry data = new DataEntry();
        data.setAccountID(sourceAccount());
        data.setDataName(op.getDataName());
        data.setDataValue(value);
        DataEntry.DataEntryExt dataExt = new DataEntry.DataEntryExt();
        dataExt.setDiscriminant(0);
        data.setExt(dataExt);
        LedgerEntry.LedgerEntryData entryData = new LedgerEntry.LedgerEntryData();
        entryData.setDiscriminant(LedgerEntryType.DATA);
        entryData.setData(data);
        LedgerEntry entry = new LedgerEntry();
        entry.setData(entryData);
        LedgerEntry.LedgerEntryExt ext = new LedgerEntry.LedgerEntryExt();
        ext.setDiscriminant(0);
        entry.setExt(ext);
        return entry;
    }

    static OperationResult result(ManageDataResultCode code) {
        return inner(OperationType.MANAGE_DATA, tr -> {
            ManageDataResult r = new ManageDataResult();
            r.setDiscriminant(code);
            tr.setManageDataResult(r);
        });
    }
}
