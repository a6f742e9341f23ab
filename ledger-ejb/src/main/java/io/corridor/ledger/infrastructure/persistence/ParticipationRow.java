package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.io.Serializable;
import java.util.Objects;

/**
 * An account's part in history: one row per transaction (TOID with operation index 0) and per operation
 * it took part in, so that "transactions / operations of account X" is an index range scan. The index on the
 * TOID alone lets a pruning pass find a range of ledgers' rows without scanning every account's.
 */
@Entity
@Table(name = "account_history", indexes = @Index(name = "account_history_toid", columnList = "toid"))
@IdClass(ParticipationRow.Key.class)
public class ParticipationRow {

    @Id
    @Column(name = "account_id", length = 56)
    private String accountId;

    @Id
    @Column(name = "toid")
    private long toid;

    static final String INSERT = "insert into account_history (account_id, toid) values (?, ?)";

    /** The rows with TOIDs in [?, ?): bound by the first TOIDs of two ledgers, those of the ledgers between. */
    static final String DELETE_TOIDS = "delete from account_history where toid >= ? and toid < ?";

    void bindInsert(PreparedStatement s) throws SQLException {
        s.setString(1, accountId);
        s.setLong(2, toid);
    }

    protected ParticipationRow() {
    }

    public ParticipationRow(String accountId, long toid) {
        this.accountId = accountId;
        this.toid = toid;
    }

    /** Composite key of {@link ParticipationRow}. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private long toid;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && toid == k.toid && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, toid);
        }
    }
}
