package io.corridor.ledger.infrastructure.persistence;

import io.corridor.ledger.application.LedgerStore;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.state.EntryChange;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;

/** Stores ledgers with JPA; each {@link #commit} is its own JTA transaction. */
@Stateless
@Local(LedgerStore.class)
public class JpaLedgerStore implements LedgerStore {

    /** Rows fetched per round trip when streaming the state at start-up. */
    private static final int LOAD_PAGE_ROWS = 10_000;

    @PersistenceContext(unitName = "corridor")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LedgerHeader> latestHeader() {
        List<LedgerHeaderRow> rows = em.createQuery(
                        "select h from LedgerHeaderRow h order by h.sequence desc", LedgerHeaderRow.class)
                .setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> Xdr.decodeTrusted(r.headerXdr(), LedgerHeader::decode));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LedgerHeader> header(int sequence) {
        return Optional.ofNullable(em.find(LedgerHeaderRow.class, sequence))
                .map(r -> Xdr.decodeTrusted(r.headerXdr(), LedgerHeader::decode));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void loadEntries(Consumer<LedgerEntry> sink) {
        String last = "";
        while (true) {
            List<Object[]> page = em.createQuery(
                            "select e.entryKey, e.entryXdr from LedgerEntryRow e where e.entryKey > :last "
                                    + "order by e.entryKey", Object[].class)
                    .setParameter("last", last)
                    .setMaxResults(LOAD_PAGE_ROWS)
                    .getResultList();
            for (Object[] row : page) {
                sink.accept(Xdr.decodeTrusted((byte[]) row[1], LedgerEntry::decode));
                last = (String) row[0];
            }
            em.clear();
            if (page.size() < LOAD_PAGE_ROWS) {
                return;
            }
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void commit(ClosedLedger ledger) {
        LedgerHeader header = ledger.header();
        em.persist(new LedgerHeaderRow(ledger.sequence(), ledger.hashHex(),
                Hashing.hex(header.getPreviousLedgerHash().getHash()), ledger.closeTime(),
                ledger.transactions().size(), ledger.operationCount(), Xdr.encode(header::toXdrByteArray)));
        for (EntryChange change : ledger.changes()) {
            String key = change.key().base64();
            if (change.isErased()) {
                LedgerEntryRow row = em.find(LedgerEntryRow.class, key);
                if (row != null) {
                    em.remove(row);
                }
                continue;
            }
            LedgerEntry entry = change.after().orElseThrow();
            byte[] xdr = Xdr.encode(entry::toXdrByteArray);
            int type = entry.getData().getDiscriminant().getValue();
            String account = owner(entry);
            int modified = (int) (long) entry.getLastModifiedLedgerSeq().getUint32().getNumber();
            if (change.isCreated()) {
                em.persist(new LedgerEntryRow(key, type, account, modified, xdr));
            } else {
                LedgerEntryRow row = em.find(LedgerEntryRow.class, key);
                if (row == null) {
                    throw new IllegalStateException("updating ledger entry missing from the database: " + key);
                }
                row.update(type, account, modified, xdr);
            }
        }
        for (AppliedTransaction tx : ledger.transactions()) {
            TransactionRecord r = TransactionRecord.of(ledger, tx);
            em.persist(new TransactionRow(r.hash(), r.ledger(), r.applicationOrder(), r.closeTime(),
                    Accounts.strKey(tx.frame().sourceAccount()), r.successful(), r.feeCharged(), r.envelopeXdr(),
                    r.resultXdr(), r.resultMetaXdr(), r.feeMetaXdr()));
        }
        em.flush();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<TransactionRecord> transaction(String hashHex) {
        return Optional.ofNullable(em.find(TransactionRow.class, hashHex)).map(TransactionRow::toRecord);
    }

    private static String owner(LedgerEntry entry) {
        return switch (entry.getData().getDiscriminant()) {
            case ACCOUNT -> Accounts.strKey(entry.getData().getAccount().getAccountID());
            case TRUSTLINE -> Accounts.strKey(entry.getData().getTrustLine().getAccountID());
            case DATA -> Accounts.strKey(entry.getData().getData().getAccountID());
            case OFFER -> Accounts.strKey(entry.getData().getOffer().getSellerID());
            default -> null;
        };
    }
}
