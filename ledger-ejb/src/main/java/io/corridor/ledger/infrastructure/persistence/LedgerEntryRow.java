package io.corridor.ledger.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A live ledger entry; the key is the base64 XDR of its {@code LedgerKey}. */
@Entity
@Table(name = "ledger_entry", indexes = @Index(name = "ledger_entry_account", columnList = "account_id"))
public class LedgerEntryRow {

    @Id
    @Column(name = "entry_key", length = 400)
    private String entryKey;

    @Column(name = "entry_type", nullable = false)
    private int entryType;

    /** The owning account (strkey), for lookups by account. */
    @Column(name = "account_id", length = 56)
    private String accountId;

    @Column(name = "last_modified", nullable = false)
    private int lastModified;

    @Column(name = "entry_xdr", length = 65536, nullable = false)
    private byte[] entryXdr;

    static final String INSERT = "insert into ledger_entry (entry_type, account_id, last_modified, entry_xdr, "
            + "entry_key) values (?, ?, ?, ?, ?)";
    static final String UPDATE = "update ledger_entry set entry_type = ?, account_id = ?, last_modified = ?, "
            + "entry_xdr = ? where entry_key = ?";
    static final String DELETE = "delete from ledger_entry where entry_key = ?";

    /** Binds {@link #INSERT} or {@link #UPDATE}: the same parameters in the same order. */
    void bindUpsert(PreparedStatement s) throws SQLException {
        s.setInt(1, entryType);
        s.setString(2, accountId);
        s.setInt(3, lastModified);
        s.setBytes(4, entryXdr);
        s.setString(5, entryKey);
    }

    String entryKey() {
        return entryKey;
    }

    protected LedgerEntryRow() {
    }

    public LedgerEntryRow(String entryKey, int entryType, String accountId, int lastModified, byte[] entryXdr) {
        this.entryKey = entryKey;
        update(entryType, accountId, lastModified, entryXdr);
    }

    final void update(int type, String account, int modified, byte[] xdr) {
        this.entryType = type;
        this.accountId = account;
        this.lastModified = modified;
        this.entryXdr = xdr;
    }

    public byte[] entryXdr() {
        return entryXdr;
    }
}
