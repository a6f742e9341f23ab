package io.corridor.ledger.infrastructure.persistence;

import io.corridor.ledger.application.OperationRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** An operation of an applied transaction; the id is its TOID. */
@Entity
@Table(name = "ledger_operation", indexes = @Index(name = "ledger_operation_transaction", columnList = "transaction_hash"))
public class OperationRow {

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "transaction_hash", length = 64, nullable = false)
    private String transactionHash;

    @Column(name = "ledger_sequence", nullable = false)
    private int ledgerSequence;

    @Column(name = "close_time", nullable = false)
    private long closeTime;

    @Column(name = "operation_index", nullable = false)
    private int operationIndex;

    @Column(name = "operation_type", nullable = false)
    private int operationType;

    @Column(name = "is_payment", nullable = false)
    private boolean payment;

    @Column(name = "transaction_successful", nullable = false)
    private boolean transactionSuccessful;

    @Column(name = "source_account", length = 56, nullable = false)
    private String sourceAccount;

    @Column(name = "operation_xdr", length = 100_000, nullable = false)
    private String operationXdr;

    @Column(name = "result_xdr", length = 100_000)
    private String resultXdr;

    static final String INSERT = "insert into ledger_operation (id, transaction_hash, ledger_sequence, close_time, "
            + "operation_index, operation_type, is_payment, transaction_successful, source_account, operation_xdr, "
            + "result_xdr) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The operations with ids in [?, ?): bound by the first TOIDs of two ledgers, the operations of the ledgers
     * between them, found through the primary key.
     */
    static final String DELETE_IDS = "delete from ledger_operation where id >= ? and id < ?";

    void bindInsert(PreparedStatement s) throws SQLException {
        s.setLong(1, id);
        s.setString(2, transactionHash);
        s.setInt(3, ledgerSequence);
        s.setLong(4, closeTime);
        s.setInt(5, operationIndex);
        s.setInt(6, operationType);
        s.setBoolean(7, payment);
        s.setBoolean(8, transactionSuccessful);
        s.setString(9, sourceAccount);
        s.setString(10, operationXdr);
        if (resultXdr == null) {
            s.setNull(11, java.sql.Types.VARCHAR);
        } else {
            s.setString(11, resultXdr);
        }
    }

    protected OperationRow() {
    }

    public OperationRow(long id, String transactionHash, int ledgerSequence, long closeTime, int operationIndex,
            int operationType, boolean payment, boolean transactionSuccessful, String sourceAccount,
            String operationXdr, String resultXdr) {
        this.id = id;
        this.transactionHash = transactionHash;
        this.ledgerSequence = ledgerSequence;
        this.closeTime = closeTime;
        this.operationIndex = operationIndex;
        this.operationType = operationType;
        this.payment = payment;
        this.transactionSuccessful = transactionSuccessful;
        this.sourceAccount = sourceAccount;
        this.operationXdr = operationXdr;
        this.resultXdr = resultXdr;
    }

    public OperationRecord toRecord() {
        return new OperationRecord(id, transactionHash, ledgerSequence, closeTime, operationIndex,
                transactionSuccessful, sourceAccount, operationXdr, resultXdr);
    }
}
