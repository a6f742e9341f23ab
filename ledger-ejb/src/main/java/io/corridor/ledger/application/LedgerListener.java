package io.corridor.ledger.application;

import io.corridor.ledger.core.close.ClosedLedger;

/** Told of every ledger after it is committed, in order, on the closing thread; must return quickly. */
@FunctionalInterface
public interface LedgerListener {
    void ledgerClosed(ClosedLedger ledger);
}
