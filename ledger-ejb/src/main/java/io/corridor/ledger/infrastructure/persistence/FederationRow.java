package io.corridor.ledger.infrastructure.persistence;

import io.corridor.federation.AddressKind;
import io.corridor.federation.FederationAddress;
import io.corridor.federation.ForwardKey;
import io.corridor.federation.Memo;
import io.corridor.federation.MemoType;
import io.corridor.federation.StellarAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Optional;

/**
 * One federation record. {@code lookup_key} (name in lower case, {@code *}, domain) is unique, so an address
 * resolves to one account whatever the case of its name; a bank account forwards to at most one address (the
 * databases allow many rows without a forward). The id orders an account's addresses by registration.
 */
@Entity
@Table(name = "federation_address",
        uniqueConstraints = {
            @UniqueConstraint(name = "federation_address_lookup", columnNames = "lookup_key"),
            @UniqueConstraint(name = "federation_address_forward", columnNames = {"forward_swift", "forward_acct"})
        },
        indexes = @Index(name = "federation_address_account", columnList = "account_id, id"))
public class FederationRow {

    /** Column widths: a name of 128 UTF-16 units may lengthen when lower-cased, so the key has room. */
    static final int LOOKUP_KEY_LENGTH = 512;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "lookup_key", length = LOOKUP_KEY_LENGTH, nullable = false)
    private String lookupKey;

    @Column(name = "name", length = StellarAddress.NAME_LENGTH_MAX, nullable = false)
    private String name;

    @Column(name = "domain", length = StellarAddress.DOMAIN_LENGTH_MAX, nullable = false)
    private String domain;

    @Column(name = "account_id", length = 56, nullable = false)
    private String accountId;

    @Column(name = "memo_type", length = 8)
    private String memoType;

    @Column(name = "memo", length = 64)
    private String memo;

    @Column(name = "kind", length = 16, nullable = false)
    private String kind;

    @Column(name = "forward_swift", length = 11)
    private String forwardSwift;

    @Column(name = "forward_acct", length = ForwardKey.ACCT_LENGTH_MAX)
    private String forwardAcct;

    protected FederationRow() {
    }

    FederationRow(FederationAddress address) {
        this.lookupKey = address.address().lookupKey();
        this.name = address.name();
        this.domain = address.domain();
        this.accountId = address.accountId();
        this.memoType = address.memo().map(m -> m.type().code()).orElse(null);
        this.memo = address.memo().map(Memo::value).orElse(null);
        this.kind = address.kind().code();
        this.forwardSwift = address.forward().map(ForwardKey::swift).orElse(null);
        this.forwardAcct = address.forward().map(ForwardKey::acct).orElse(null);
    }

    /** The record; a row that breaks the rules (edited by hand) fails here rather than being served. */
    FederationAddress toAddress() {
        Optional<Memo> storedMemo = memoType == null ? Optional.empty()
                : Optional.of(new Memo(MemoType.fromCode(memoType).orElseThrow(
                        () -> new IllegalStateException("federation_address " + id + ": unknown memo_type " + memoType)),
                        memo));
        Optional<ForwardKey> storedForward = forwardSwift == null ? Optional.empty()
                : Optional.of(new ForwardKey(forwardSwift, forwardAcct));
        AddressKind storedKind = AddressKind.fromCode(kind).orElseThrow(
                () -> new IllegalStateException("federation_address " + id + ": unknown kind " + kind));
        return new FederationAddress(new StellarAddress(name, domain), accountId, storedMemo, storedKind,
                storedForward);
    }
}
