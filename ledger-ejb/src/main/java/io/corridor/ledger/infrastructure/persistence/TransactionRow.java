package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A transaction applied in a ledger, with its envelope, result and metadata XDR. */
@Entity
@Table(name = "ledger_transaction", indexes = {
        @Index(name = "ledger_transaction_ledger", columnList = "ledger_sequence, application_order"),
        @Index(name = "ledger_transaction_source", columnList = "source_account")})
public class TransactionRow {

    @Id
    @Column(name = "hash", length = 64)
    private String hash;

    @Column(name = "ledger_sequence", nullable = false)
    private int ledgerSequence;

    /** Total order id (ledger, application order): the paging token. */
    @Column(name = "toid", unique = true)
    private Long toid;

    @Column(name = "application_order", nullable = false)
    private int applicationOrder;

    @Column(name = "close_time", nullable = false)
    private long closeTime;

    @Column(name = "source_account", length = 56, nullable = false)
    private String sourceAccount;

    @Column(name = "successful", nullable = false)
    private boolean successful;

    @Column(name = "fee_charged", nullable = false)
    private long feeCharged;

    @Column(name = "envelope_xdr", length = 1_000_000, nullable = false)
    private String envelopeXdr;

    @Column(name = "result_xdr", length = 1_000_000, nullable = false)
    private String resultXdr;

    @Column(name = "result_meta_xdr", length = 1_000_000, nullable = false)
    private String resultMetaXdr;

    @Column(name = "fee_meta_xdr", length = 100_000, nullable = false)
    private String feeMetaXdr;

    static final String INSERT = "insert into ledger_transaction (hash, ledger_sequence, toid, application_order, "
            + "close_time, source_account, successful, fee_charged, envelope_xdr, result_xdr, result_meta_xdr, "
            + "fee_meta_xdr) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The transactions of the ledgers in [?, ?), the range a pruning pass retires. */
    static final String DELETE_LEDGERS = "delete from ledger_transaction where ledger_sequence >= ? "
            + "and ledger_sequence < ?";

    void bindInsert(PreparedStatement s) throws SQLException {
        s.setString(1, hash);
        s.setInt(2, ledgerSequence);
        s.setLong(3, toid);
        s.setInt(4, applicationOrder);
        s.setLong(5, closeTime);
        s.setString(6, sourceAccount);
        s.setBoolean(7, successful);
        s.setLong(8, feeCharged);
        s.setString(9, envelopeXdr);
        s.setString(10, resultXdr);
        s.setString(11, resultMetaXdr);
        s.setString(12, feeMetaXdr);
    }

    protected TransactionRow() {
    }

    public TransactionRow(String hash, int ledgerSequence, int applicationOrder, long closeTime, String sourceAccount,
            boolean successful, long feeCharged, String envelopeXdr, String resultXdr, String resultMetaXdr,
            String feeMetaXdr) {
        this.hash = hash;
        this.ledgerSequence = ledgerSequence;
        this.toid = io.corridor.ledger.core.history.Toid.of(ledgerSequence, applicationOrder, 0);
        this.applicationOrder = applicationOrder;
        this.closeTime = closeTime;
        this.sourceAccount = sourceAccount;
        this.successful = successful;
        this.feeCharged = feeCharged;
        this.envelopeXdr = envelopeXdr;
        this.resultXdr = resultXdr;
        this.resultMetaXdr = resultMetaXdr;
        this.feeMetaXdr = feeMetaXdr;
    }

    public io.corridor.ledger.application.TransactionRecord toRecord() {
        return new io.corridor.ledger.application.TransactionRecord(hash, ledgerSequence, closeTime, applicationOrder,
                successful, feeCharged, envelopeXdr, resultXdr, resultMetaXdr, feeMetaXdr);
    }
}
