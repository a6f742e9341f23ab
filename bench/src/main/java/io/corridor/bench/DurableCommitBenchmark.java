package io.corridor.bench;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.TxSetFrame;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.infrastructure.persistence.StandaloneJpa;
import io.corridor.ledger.infrastructure.persistence.StandaloneLedgerStore;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.stellar.sdk.xdr.LedgerEntry;

/**
 * Payments per second with the durable commit of every ledger, as a node does it: one benchmark operation
 * closes a ledger of {@code paymentsPerLedger} signed payments (signatures verified by the closer on two
 * threads ahead of apply) and commits it — header, changed entries, transactions, operations and per-account
 * history — in one database transaction through the production {@code JpaLedgerStore}.
 *
 * <p>{@code database=h2} is an H2 file database in a temporary directory; {@code database=postgresql} needs
 * a server: {@code -Dcorridor.bench.pg.url=jdbc:postgresql://127.0.0.1:PORT/DB} (user and password
 * {@code corridor}, or {@code -Dcorridor.bench.pg.user/password}); {@code deployments/scripts/postgres.sh}
 * starts one. The schema is recreated for each trial and the accounts are loaded with JDBC batches first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DurableCommitBenchmark {

    @Param({"10000", "1000000"})
    public int accounts;

    @Param({"1000"})
    public int paymentsPerLedger;

    @Param({"h2", "postgresql"})
    public String database;

    private ExecutorService verifier;
    private SyntheticLedger ledger;
    private EntityManagerFactory factory;
    private StandaloneLedgerStore store;
    private Path h2Directory;
    private TxSetFrame next;

    @Setup(Level.Trial)
    public void createLedger() throws Exception {
        String url;
        String user;
        String password;
        if (database.equals("h2")) {
            h2Directory = Files.createTempDirectory("corridor-bench-h2");
            url = "jdbc:h2:file:" + h2Directory.resolve("ledger");
            user = "sa";
            password = "";
        } else {
            url = System.getProperty("corridor.bench.pg.url");
            if (url == null) {
                throw new IllegalStateException("database=postgresql needs -Dcorridor.bench.pg.url=jdbc:postgresql://"
                        + "127.0.0.1:PORT/DB (start one with deployments/scripts/postgres.sh start DIR PORT DB)");
            }
            user = System.getProperty("corridor.bench.pg.user", "corridor");
            password = System.getProperty("corridor.bench.pg.password", "corridor");
        }
        factory = StandaloneJpa.open(url, user, password, true);
        store = new StandaloneLedgerStore(factory);
        verifier = Executors.newFixedThreadPool(2);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement("insert into ledger_entry "
                        + "(entry_key, entry_type, account_id, last_modified, entry_xdr) values (?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            int[] batched = {0};
            ledger = new SyntheticLedger(accounts, verifier, entry -> seed(insert, entry, batched));
            insert.executeBatch();
            connection.commit();
        }
        store.commit(ledger.genesis);
    }

    private static void seed(PreparedStatement insert, LedgerEntry entry, int[] batched) {
        try {
            insert.setString(1, EntryKey.forEntry(entry).base64());
            insert.setInt(2, entry.getData().getDiscriminant().getValue());
            insert.setString(3, Accounts.strKey(entry.getData().getAccount().getAccountID()));
            insert.setInt(4, 1);
            insert.setBytes(5, Xdr.encode(entry::toXdrByteArray));
            insert.addBatch();
            if (++batched[0] % 5_000 == 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding account " + batched[0] + " failed", e);
        }
    }

    @Setup(Level.Invocation)
    public void signNextLedger() {
        next = ledger.nextTxSet(paymentsPerLedger);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        verifier.shutdownNow();
        store.close();
        factory.close();
        if (h2Directory != null) {
            try (var files = Files.walk(h2Directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public ClosedLedger closeAndCommitLedgerOfPayments() {
        ClosedLedger closed = ledger.close(next);
        store.commit(closed);
        return closed;
    }
}
