package io.corridor.ledger.application;

/**
 * Which history to list: everything, or what concerns one account, one ledger or one transaction;
 * {@code paymentsOnly} keeps the operations Horizon calls payments; failed transactions (and their
 * operations) are left out unless {@code includeFailed}, as Horizon's {@code include_failed} defaults.
 */
public record HistoryFilter(String account, Integer ledger, String transactionHash, boolean paymentsOnly,
        boolean includeFailed) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, false, false);

    public static HistoryFilter forAccount(String account) {
        return new HistoryFilter(account, null, null, false, false);
    }

    public static HistoryFilter forLedger(int ledger) {
        return new HistoryFilter(null, ledger, null, false, false);
    }

    /** A transaction's own operations are listed whatever its outcome. */
    public static HistoryFilter forTransaction(String hash) {
        return new HistoryFilter(null, null, hash, false, true);
    }

    public HistoryFilter payments() {
        return new HistoryFilter(account, ledger, transactionHash, true, includeFailed);
    }

    public HistoryFilter includingFailed(boolean include) {
        return new HistoryFilter(account, ledger, transactionHash, paymentsOnly, include || includeFailed);
    }
}
