package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The history elder ledger: the lowest ledger whose transactions, operations and account participation are still
 * stored, written in the same transaction as the pruning pass that moved it. One row, absent until the first pass
 * (history then starts at genesis). Ledgers without transactions leave no rows behind, so this cannot be read
 * off the history tables themselves.
 */
@Entity
@Table(name = "history_elder")
public class HistoryElderRow {

    /** The one row's key. */
    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "ledger_sequence", nullable = false)
    private int ledgerSequence;

    static final String UPDATE = "update history_elder set ledger_sequence = ? where id = " + ID;
    static final String INSERT = "insert into history_elder (id, ledger_sequence) values (" + ID + ", ?)";

    protected HistoryElderRow() {
    }

    int ledgerSequence() {
        return ledgerSequence;
    }
}
