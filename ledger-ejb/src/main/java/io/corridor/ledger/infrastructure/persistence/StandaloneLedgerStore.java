package io.corridor.ledger.infrastructure.persistence;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.LedgerRecord;
import io.corridor.ledger.application.LedgerStore;
import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.close.ClosedLedger;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;

/**
 * {@link JpaLedgerStore} with resource-local transactions instead of the container's JTA: each commit is one
 * database transaction, as in the server. Not thread-safe; one closing thread, as in a node.
 */
public final class StandaloneLedgerStore implements LedgerStore, AutoCloseable {

    private final EntityManager em;
    private final JpaLedgerStore store;

    public StandaloneLedgerStore(EntityManagerFactory factory) {
        this.em = factory.createEntityManager();
        this.store = new JpaLedgerStore(em);
    }

    @Override
    public void commit(ClosedLedger ledger) {
        inTransaction(() -> {
            store.commit(ledger);
            return null;
        });
        em.clear();
    }

    @Override
    public int historyElderLedger() {
        return inTransaction(store::historyElderLedger);
    }

    @Override
    public void pruneHistory(int elder) {
        inTransaction(() -> {
            store.pruneHistory(elder);
            return null;
        });
        // The pass wrote with JDBC: nothing the persistence context holds may outlive it.
        em.clear();
    }

    @Override
    public void loadEntries(Consumer<LedgerEntry> sink) {
        inTransaction(() -> {
            store.loadEntries(sink);
            return null;
        });
    }

    @Override
    public Optional<LedgerHeader> latestHeader() {
        return inTransaction(store::latestHeader);
    }

    @Override
    public Optional<LedgerHeader> header(int sequence) {
        return inTransaction(() -> store.header(sequence));
    }

    @Override
    public List<LedgerRecord> ledgers(PageRequest page) {
        return inTransaction(() -> store.ledgers(page));
    }

    @Override
    public Optional<LedgerRecord> ledger(int sequence) {
        return inTransaction(() -> store.ledger(sequence));
    }

    @Override
    public List<TransactionRecord> transactions(HistoryFilter filter, PageRequest page) {
        return inTransaction(() -> store.transactions(filter, page));
    }

    @Override
    public Optional<TransactionRecord> transaction(String hashHex) {
        return inTransaction(() -> store.transaction(hashHex));
    }

    @Override
    public List<TransactionRecord> transactionsByHash(Collection<String> hashes) {
        return inTransaction(() -> store.transactionsByHash(hashes));
    }

    @Override
    public List<OperationRecord> operations(HistoryFilter filter, PageRequest page) {
        return inTransaction(() -> store.operations(filter, page));
    }

    @Override
    public Optional<OperationRecord> operation(long id) {
        return inTransaction(() -> store.operation(id));
    }

    private <T> T inTransaction(Supplier<T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.clear();
            throw e;
        }
    }

    @Override
    public void close() {
        em.close();
    }
}
