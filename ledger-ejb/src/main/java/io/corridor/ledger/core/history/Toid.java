package io.corridor.ledger.core.history;

/**
 * Horizon's total order id: ledger sequence in the high 32 bits, the transaction's application order in the
 * next 20, the operation's 1-based index in the low 12 (0 for the transaction itself). Paging tokens and
 * operation ids are TOIDs, so history sorts by them.
 */
public final class Toid {

    public static final int TRANSACTION_ORDER_MAX = (1 << 20) - 1;
    public static final int OPERATION_INDEX_MAX = (1 << 12) - 1;

    private Toid() {
    }

    public static long of(int ledger, int transactionOrder, int operationIndex) {
        if (ledger < 0 || transactionOrder < 0 || transactionOrder > TRANSACTION_ORDER_MAX
                || operationIndex < 0 || operationIndex > OPERATION_INDEX_MAX) {
            throw new IllegalArgumentException("TOID out of range: " + ledger + "/" + transactionOrder + "/" + operationIndex);
        }
        return ((long) ledger << 32) | ((long) transactionOrder << 12) | operationIndex;
    }

    public static int ledger(long toid) {
        return (int) (toid >>> 32);
    }

    /** The first TOID of a ledger; every transaction of the ledger sorts at or after it. */
    public static long ledgerStart(int ledger) {
        return (long) ledger << 32;
    }
}
