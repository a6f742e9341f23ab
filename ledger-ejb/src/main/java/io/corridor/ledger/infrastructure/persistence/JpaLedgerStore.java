package io.corridor.ledger.infrastructure.persistence;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerRecord;
import io.corridor.ledger.application.LedgerStore;
import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.history.Participants;
import io.corridor.ledger.core.history.Toid;
import io.corridor.ledger.core.tx.TransactionFrame;
import io.corridor.ledger.core.state.EntryChange;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/**
 * Stores ledgers in the tables mapped by the row entities. Reads go through JPA; {@link #commit} writes a
 * ledger's rows as JDBC batches on the entity manager's connection, in its own (JTA) transaction;
 * {@link #pruneHistory} deletes old history by ledger range, with plain JDBC, in a transaction of its own.
 */
@Stateless
@Local(LedgerStore.class)
public class JpaLedgerStore implements LedgerStore {

    /** Rows fetched per round trip when streaming the state at start-up. */
    private static final int LOAD_PAGE_ROWS = 10_000;

    @PersistenceContext(unitName = "corridor")
    private EntityManager em;

    /** For the container, which injects the entity manager. */
    public JpaLedgerStore() {
    }

    /**
     * Outside a container (replay tests, benchmarks, tools): the caller owns {@code em} and demarcates its
     * transactions, see {@link StandaloneLedgerStore}.
     */
    public JpaLedgerStore(EntityManager em) {
        this.em = em;
    }

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
        em.unwrap(Session.class).doWork(connection -> {
            try (RowBatches rows = new RowBatches(connection, LedgerHeaderRow.INSERT, LedgerEntryRow.DELETE,
                    LedgerEntryRow.INSERT, LedgerEntryRow.UPDATE, TransactionRow.INSERT, OperationRow.INSERT,
                    ParticipationRow.INSERT)) {
                addRows(rows, ledger);
                rows.execute();
            }
        });
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int historyElderLedger() {
        HistoryElderRow row = em.find(HistoryElderRow.class, HistoryElderRow.ID);
        return row == null ? GENESIS_LEDGER : row.ledgerSequence();
    }

    /**
     * Deletes the history of the ledgers from the recorded elder up to {@code elder} (exclusive) and records the new
     * elder, all on the persistence context's connection and so in this method's own transaction: it runs after
     * the ledger's commit transaction ended, so a failed or interrupted pass rolls back alone. Ranges are bounded
     * below by the old elder, so each statement touches only the pass's ledgers, through an index: operations by
     * id and participation by TOID (both TOIDs, whose high bits are the ledger), transactions by ledger sequence.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void pruneHistory(int elder) {
        int from = historyElderLedger();
        if (elder <= from) {
            return;
        }
        Integer latest = em.createQuery("select max(h.sequence) from LedgerHeaderRow h", Integer.class)
                .getSingleResult();
        if (latest == null || elder > latest) {
            throw new IllegalArgumentException("cannot prune history before ledger " + elder + ": the last committed "
                    + "ledger is " + latest);
        }
        em.unwrap(Session.class).doWork(connection -> {
            long fromToid = Toid.ledgerStart(from);
            long toToid = Toid.ledgerStart(elder);
            deleteRange(connection, ParticipationRow.DELETE_TOIDS, fromToid, toToid);
            deleteRange(connection, OperationRow.DELETE_IDS, fromToid, toToid);
            try (PreparedStatement delete = connection.prepareStatement(TransactionRow.DELETE_LEDGERS)) {
                delete.setInt(1, from);
                delete.setInt(2, elder);
                delete.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(HistoryElderRow.UPDATE)) {
                update.setInt(1, elder);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(HistoryElderRow.INSERT)) {
                        insert.setInt(1, elder);
                        insert.executeUpdate();
                    }
                }
            }
        });
    }

    /** Runs a delete whose two parameters are an inclusive lower and an exclusive upper TOID. */
    private static void deleteRange(Connection connection, String sql, long from, long to) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, from);
            delete.setLong(2, to);
            delete.executeUpdate();
        }
    }

    private static void addRows(RowBatches rows, ClosedLedger ledger) throws SQLException {
        LedgerHeader header = ledger.header();
        rows.add(LedgerHeaderRow.INSERT, new LedgerHeaderRow(ledger.sequence(), ledger.hashHex(),
                Hashing.hex(header.getPreviousLedgerHash().getHash()), ledger.closeTime(),
                ledger.transactions().size(),
                (int) ledger.transactions().stream().filter(t -> !t.successful()).count(),
                ledger.operationCount(), Xdr.encode(header::toXdrByteArray))::bindInsert);
        for (EntryChange change : ledger.changes()) {
            String key = change.key().base64();
            if (change.isErased()) {
                rows.add(LedgerEntryRow.DELETE, s -> s.setString(1, key));
                continue;
            }
            LedgerEntry entry = change.after().orElseThrow();
            LedgerEntryRow row = new LedgerEntryRow(key, entry.getData().getDiscriminant().getValue(), owner(entry),
                    (int) (long) entry.getLastModifiedLedgerSeq().getUint32().getNumber(),
                    Xdr.encode(entry::toXdrByteArray));
            if (change.isCreated()) {
                rows.add(LedgerEntryRow.INSERT, row::bindUpsert);
            } else {
                rows.addUpdate(LedgerEntryRow.UPDATE, "ledger entry " + key, row::bindUpsert);
            }
        }
        for (AppliedTransaction tx : ledger.transactions()) {
            TransactionRecord r = TransactionRecord.of(ledger, tx);
            rows.add(TransactionRow.INSERT, new TransactionRow(r.hash(), r.ledger(), r.applicationOrder(),
                    r.closeTime(), Accounts.strKey(tx.frame().sourceAccount()), r.successful(), r.feeCharged(),
                    r.envelopeXdr(), r.resultXdr(), r.resultMetaXdr(), r.feeMetaXdr())::bindInsert);
            addOperations(rows, ledger, tx);
        }
    }

    /** Operations of a transaction, and who took part in what (for per-account history). */
    private static void addOperations(RowBatches rows, ClosedLedger ledger, AppliedTransaction tx) throws SQLException {
        TransactionFrame frame = tx.frame();
        long txToid = Toid.of(ledger.sequence(), tx.applicationOrder(), 0);
        Set<String> txParticipants = new TreeSet<>();
        txParticipants.add(Accounts.strKey(frame.sourceAccount()));
        txParticipants.add(Accounts.strKey(frame.feeSource()));
        OperationResult[] results = operationResults(tx);
        List<Operation> operations = frame.operations();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            long id = Toid.of(ledger.sequence(), tx.applicationOrder(), i + 1);
            Set<String> participants = Participants.of(op, frame.sourceAccount());
            String result = results != null && i < results.length ? Xdr.encodeBase64(results[i]::toXdrByteArray) : null;
            rows.add(OperationRow.INSERT, new OperationRow(id, frame.hashHex(), ledger.sequence(), ledger.closeTime(), i,
                    op.getBody().getDiscriminant().getValue(), Participants.isPayment(op), tx.successful(),
                    participants.iterator().next(), Xdr.encodeBase64(op::toXdrByteArray), result)::bindInsert);
            for (String account : participants) {
                rows.add(ParticipationRow.INSERT, new ParticipationRow(account, id)::bindInsert);
            }
            txParticipants.addAll(participants);
        }
        for (String account : txParticipants) {
            rows.add(ParticipationRow.INSERT, new ParticipationRow(account, txToid)::bindInsert);
        }
    }

    private static OperationResult[] operationResults(AppliedTransaction tx) {
        var body = tx.result().getResult();
        return switch (body.getDiscriminant()) {
            case txSUCCESS, txFAILED -> body.getResults();
            case txFEE_BUMP_INNER_SUCCESS, txFEE_BUMP_INNER_FAILED ->
                    body.getInnerResultPair().getResult().getResult().getResults();
            default -> null;
        };
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LedgerRecord> ledgers(PageRequest page) {
        String order = page.ascending() ? "asc" : "desc";
        String compare = page.ascending() ? ">" : "<";
        return em.createQuery("select h from LedgerHeaderRow h where h.sequence " + compare + " :cursor "
                        + "order by h.sequence " + order, LedgerHeaderRow.class)
                .setParameter("cursor", (int) Math.min(page.cursor(), Integer.MAX_VALUE))
                .setMaxResults(page.limit())
                .getResultList().stream().map(LedgerHeaderRow::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LedgerRecord> ledger(int sequence) {
        return Optional.ofNullable(em.find(LedgerHeaderRow.class, sequence)).map(LedgerHeaderRow::toRecord);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TransactionRecord> transactions(HistoryFilter filter, PageRequest page) {
        StringBuilder q = new StringBuilder("select t from TransactionRow t where ");
        q.append(page.ascending() ? "t.toid > :cursor" : "t.toid < :cursor");
        if (filter.account() != null) {
            q.append(" and t.toid in (select p.toid from ParticipationRow p where p.accountId = :account)");
        }
        if (filter.ledger() != null) {
            q.append(" and t.ledgerSequence = :ledger");
        }
        if (!filter.includeFailed()) {
            q.append(" and t.successful = true");
        }
        q.append(" order by t.toid ").append(page.ascending() ? "asc" : "desc");
        var query = em.createQuery(q.toString(), TransactionRow.class).setParameter("cursor", page.cursor());
        if (filter.account() != null) {
            query.setParameter("account", filter.account());
        }
        if (filter.ledger() != null) {
            query.setParameter("ledger", filter.ledger());
        }
        return query.setMaxResults(page.limit()).getResultList().stream().map(TransactionRow::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TransactionRecord> transactionsByHash(Collection<String> hashes) {
        if (hashes.size() > PageRequest.LIMIT_MAX) {
            throw new IllegalArgumentException("at most " + PageRequest.LIMIT_MAX + " hashes, got " + hashes.size());
        }
        if (hashes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from TransactionRow t where t.hash in :hashes", TransactionRow.class)
                .setParameter("hashes", hashes)
                .getResultList().stream().map(TransactionRow::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OperationRecord> operations(HistoryFilter filter, PageRequest page) {
        StringBuilder q = new StringBuilder("select o from OperationRow o where ");
        q.append(page.ascending() ? "o.id > :cursor" : "o.id < :cursor");
        if (filter.account() != null) {
            q.append(" and o.id in (select p.toid from ParticipationRow p where p.accountId = :account)");
        }
        if (filter.ledger() != null) {
            q.append(" and o.ledgerSequence = :ledger");
        }
        if (filter.transactionHash() != null) {
            q.append(" and o.transactionHash = :hash");
        }
        if (filter.paymentsOnly()) {
            q.append(" and o.payment = true");
        }
        if (!filter.includeFailed()) {
            q.append(" and o.transactionSuccessful = true");
        }
        q.append(" order by o.id ").append(page.ascending() ? "asc" : "desc");
        var query = em.createQuery(q.toString(), OperationRow.class).setParameter("cursor", page.cursor());
        if (filter.account() != null) {
            query.setParameter("account", filter.account());
        }
        if (filter.ledger() != null) {
            query.setParameter("ledger", filter.ledger());
        }
        if (filter.transactionHash() != null) {
            query.setParameter("hash", filter.transactionHash());
        }
        return query.setMaxResults(page.limit()).getResultList().stream().map(OperationRow::toRecord).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<OperationRecord> operation(long id) {
        return Optional.ofNullable(em.find(OperationRow.class, id)).map(OperationRow::toRecord);
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
