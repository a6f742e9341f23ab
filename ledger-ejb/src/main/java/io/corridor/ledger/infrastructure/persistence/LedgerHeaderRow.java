package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One closed ledger's header. */
@Entity
@Table(name = "ledger_header")
public class LedgerHeaderRow {

    @Id
    @Column(name = "sequence")
    private int sequence;

    @Column(name = "hash", length = 64, nullable = false, unique = true)
    private String hash;

    @Column(name = "previous_hash", length = 64, nullable = false)
    private String previousHash;

    @Column(name = "close_time", nullable = false)
    private long closeTime;

    @Column(name = "transaction_count", nullable = false)
    private int transactionCount;

    @Column(name = "failed_transaction_count")
    private Integer failedTransactionCount;

    @Column(name = "operation_count", nullable = false)
    private int operationCount;

    @Column(name = "header_xdr", length = 4096, nullable = false)
    private byte[] headerXdr;

    /** The ledger's row written with a JDBC batch (see {@link RowBatches}); columns as mapped above. */
    static final String INSERT = "insert into ledger_header (sequence, hash, previous_hash, close_time, "
            + "transaction_count, failed_transaction_count, operation_count, header_xdr) values (?, ?, ?, ?, ?, ?, ?, ?)";

    void bindInsert(PreparedStatement s) throws SQLException {
        s.setInt(1, sequence);
        s.setString(2, hash);
        s.setString(3, previousHash);
        s.setLong(4, closeTime);
        s.setInt(5, transactionCount);
        s.setInt(6, failedTransactionCount);
        s.setInt(7, operationCount);
        s.setBytes(8, headerXdr);
    }

    protected LedgerHeaderRow() {
    }

    public LedgerHeaderRow(int sequence, String hash, String previousHash, long closeTime, int transactionCount,
            int failedTransactionCount, int operationCount, byte[] headerXdr) {
        this.failedTransactionCount = failedTransactionCount;
        this.sequence = sequence;
        this.hash = hash;
        this.previousHash = previousHash;
        this.closeTime = closeTime;
        this.transactionCount = transactionCount;
        this.operationCount = operationCount;
        this.headerXdr = headerXdr;
    }

    public int sequence() {
        return sequence;
    }

    public byte[] headerXdr() {
        return headerXdr;
    }

    public io.corridor.ledger.application.LedgerRecord toRecord() {
        int failed = failedTransactionCount == null ? 0 : failedTransactionCount;
        return new io.corridor.ledger.application.LedgerRecord(sequence, hash, previousHash, closeTime,
                transactionCount - failed, failed, operationCount,
                java.util.Base64.getEncoder().encodeToString(headerXdr));
    }
}
