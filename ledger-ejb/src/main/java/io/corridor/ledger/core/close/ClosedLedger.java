package io.corridor.ledger.core.close;

import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import org.stellar.sdk.xdr.LedgerHeader;

/**
 * Everything a ledger close produced, ready to be committed atomically: the header and its hash, the net
 * entry changes against the previous ledger, and the applied transactions in apply order.
 */
public record ClosedLedger(
        LedgerHeader header,
        byte[] hash,
        List<EntryChange> changes,
        List<AppliedTransaction> transactions,
        TxSetFrame txSet) {

    public ClosedLedger {
        changes = List.copyOf(changes);
        transactions = List.copyOf(transactions);
        hash = hash.clone();
    }

    public int sequence() {
        return (int) (long) header.getLedgerSeq().getUint32().getNumber();
    }

    public long closeTime() {
        return header.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber().longValueExact();
    }

    public String hashHex() {
        return Hashing.hex(hash);
    }

    public int operationCount() {
        return transactions.stream().mapToInt(t -> t.frame().operationCount()).sum();
    }
}
