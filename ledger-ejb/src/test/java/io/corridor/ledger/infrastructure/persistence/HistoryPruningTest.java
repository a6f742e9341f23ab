package io.corridor.ledger.infrastructure.persistence;

import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.corridor.ledger.application.HistoryFilter;
import io.corridor.ledger.application.HistoryRetention;
import io.corridor.ledger.application.LedgerHistory;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.PageRequest;
import io.corridor.ledger.application.Submission;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.history.Toid;
import io.corridor.ledger.core.invariant.Invariants;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Network;
import org.stellar.sdk.Transaction;

/**
 * History retention through the database (H2 always, PostgreSQL when {@code corridor.test.pg.url} names one, as
 * in {@link DatabaseReplayTest}; the production mapping and {@link JpaLedgerStore} outside the server): a
 * {@link LedgerNode} that keeps the last {@value #RETENTION_LEDGERS} ledgers of history closes one
 * account-creating transaction per ledger, and the tables must lose exactly the history below the elder ledger
 * while headers and state stay whole, across restarts, and when a pruning pass is cut short.
 */
class HistoryPruningTest {

    private static final NetworkProfile PROFILE = NetworkProfile.IQONIQ;
    private static final int RETENTION_LEDGERS = 5;
    /** Ledger after whose commit the first pass is due: its retention bound is a full pass past genesis. */
    private static final int FIRST_PASS_LEDGER = LedgerHistory.GENESIS_LEDGER + HistoryRetention.PASS_LEDGERS
            + RETENTION_LEDGERS - 1;

    private final Network network = new Network(PROFILE.passphrase());
    private final KeyPair root = KeyPair.fromSecretSeed(PROFILE.rootSeed());
    /** The hash of each ledger's one transaction, and the account it created. */
    private final Map<Integer, String> hashes = new LinkedHashMap<>();
    private final Map<Integer, KeyPair> created = new LinkedHashMap<>();
    private String url;
    private String user = "sa";
    private String password = "";
    private EntityManagerFactory factory;
    private StandaloneLedgerStore store;
    private LedgerNode node;

    @AfterEach
    void close() {
        FailingElderWrite.ARMED.set(false);
        if (store != null) {
            store.close();
        }
        if (factory != null) {
            factory.close();
        }
    }

    @Test
    void keepsTheLastLedgersOfHistoryAndEveryHeaderAndEntryAcrossRestarts() throws SQLException {
        open(h2("kept"), true, new HistoryRetention(RETENTION_LEDGERS));
        keepsTheLastLedgers();
    }

    @Test
    void keepsTheLastLedgersOnPostgreSql() throws SQLException {
        String pg = System.getProperty("corridor.test.pg.url");
        assumeTrue(pg != null && !pg.isBlank(),
                "no PostgreSQL configured (-Dcorridor.test.pg.url=jdbc:postgresql://...); run-tests sets it");
        user = System.getProperty("corridor.test.pg.user", "corridor");
        password = System.getProperty("corridor.test.pg.password", "corridor");
        open(pg, true, new HistoryRetention(RETENTION_LEDGERS));
        keepsTheLastLedgers();
    }

    private void keepsTheLastLedgers() throws SQLException {
        closeUntil(FIRST_PASS_LEDGER - 1);
        assertThat(node.historyElderLedger()).as("no pass is due yet").isEqualTo(LedgerHistory.GENESIS_LEDGER);
        assertThat(count("ledger_transaction", "ledger_sequence", 0, Integer.MAX_VALUE))
                .isEqualTo(FIRST_PASS_LEDGER - 2);

        closeUntil(FIRST_PASS_LEDGER);
        int elder = LedgerHistory.GENESIS_LEDGER + HistoryRetention.PASS_LEDGERS;
        assertThat(elder).isEqualTo(FIRST_PASS_LEDGER - RETENTION_LEDGERS + 1);
        assertPrunedBelow(elder);

        // A restart reads the elder back; the state rebuilt from the entries still hashes to the last header.
        reopen(new HistoryRetention(RETENTION_LEDGERS));
        assertThat(node.historyElderLedger()).isEqualTo(elder);
        assertThat(node.sequence()).isEqualTo(FIRST_PASS_LEDGER);

        // The next pass is due a whole pass later, and retires exactly one pass of ledgers.
        closeUntil(FIRST_PASS_LEDGER + HistoryRetention.PASS_LEDGERS - 1);
        assertThat(node.historyElderLedger()).isEqualTo(elder);
        closeUntil(FIRST_PASS_LEDGER + HistoryRetention.PASS_LEDGERS);
        assertPrunedBelow(elder + HistoryRetention.PASS_LEDGERS);

        reopen(new HistoryRetention(RETENTION_LEDGERS));
        assertThat(node.historyElderLedger()).isEqualTo(elder + HistoryRetention.PASS_LEDGERS);
    }

    @Test
    void aPassCutShortRollsBackAloneAndTheNextCloseRetriesIt() throws SQLException {
        open(h2("cut"), true, new HistoryRetention(RETENTION_LEDGERS));
        closeUntil(FIRST_PASS_LEDGER - 1);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            // Fires after the pass deleted its rows, when it records the new elder: as a crash there would.
            statement.execute("create trigger history_elder_fails before insert, update on history_elder "
                    + "for each row call '" + FailingElderWrite.class.getName() + "'");
        }
        FailingElderWrite.ARMED.set(true);

        closeUntil(FIRST_PASS_LEDGER);

        assertThat(store.latestHeader().orElseThrow().getLedgerSeq().getUint32().getNumber())
                .as("the ledger is committed whatever became of the pass").isEqualTo((long) FIRST_PASS_LEDGER);
        assertThat(store.transaction(hashes.get(FIRST_PASS_LEDGER))).isPresent();
        assertThat(node.historyElderLedger()).isEqualTo(LedgerHistory.GENESIS_LEDGER);
        assertThat(store.historyElderLedger()).isEqualTo(LedgerHistory.GENESIS_LEDGER);
        assertThat(count("ledger_transaction", "ledger_sequence", 0, Integer.MAX_VALUE))
                .as("the deletes rolled back with the failed write").isEqualTo(FIRST_PASS_LEDGER - 1);

        FailingElderWrite.ARMED.set(false);
        closeUntil(FIRST_PASS_LEDGER + 1);
        assertPrunedBelow(LedgerHistory.GENESIS_LEDGER + HistoryRetention.PASS_LEDGERS);
    }

    @Test
    void retentionSwitchedOnLaterRetiresTheBacklogOnePassPerClose() throws SQLException {
        int backlog = 3 * HistoryRetention.PASS_LEDGERS + RETENTION_LEDGERS;
        open(h2("later"), true, HistoryRetention.KEEP_ALL);
        closeUntil(backlog);
        assertThat(node.historyElderLedger()).isEqualTo(LedgerHistory.GENESIS_LEDGER);

        reopen(new HistoryRetention(RETENTION_LEDGERS));
        for (int pass = 1; pass <= 3; pass++) {
            closeUntil(backlog + pass);
            assertThat(node.historyElderLedger()).as("after pass %d", pass)
                    .isEqualTo(LedgerHistory.GENESIS_LEDGER + pass * HistoryRetention.PASS_LEDGERS);
        }
        closeUntil(backlog + 4);
        assertThat(node.historyElderLedger()).as("caught up: the bound is less than a pass ahead")
                .isEqualTo(LedgerHistory.GENESIS_LEDGER + 3 * HistoryRetention.PASS_LEDGERS);
        assertPrunedBelow(node.historyElderLedger());
    }

    /** Rows below {@code elder} are gone, rows from it on are all there, headers and accounts are whole. */
    private void assertPrunedBelow(int elder) throws SQLException {
        int latest = node.sequence();
        assertThat(node.historyElderLedger()).isEqualTo(elder);
        assertThat(store.historyElderLedger()).isEqualTo(elder);
        assertThat(latest - elder + 1).as("at least the retention is kept").isGreaterThanOrEqualTo(RETENTION_LEDGERS);

        assertThat(count("ledger_transaction", "ledger_sequence", 0, elder)).isZero();
        assertThat(count("ledger_operation", "id", 0, toid(elder))).isZero();
        assertThat(count("account_history", "toid", 0, toid(elder))).isZero();
        int kept = latest - elder + 1;
        assertThat(count("ledger_transaction", "ledger_sequence", elder, Integer.MAX_VALUE)).isEqualTo(kept);
        assertThat(count("ledger_operation", "id", toid(elder), Long.MAX_VALUE)).isEqualTo(kept);
        // The source (root) and the created account, for the operation and for the transaction.
        assertThat(count("account_history", "toid", toid(elder), Long.MAX_VALUE)).isEqualTo(4L * kept);

        assertThat(store.transaction(hashes.get(elder - 1))).isEmpty();
        assertThat(store.transaction(hashes.get(elder))).isPresent();
        assertThat(store.operations(HistoryFilter.forLedger(elder - 1), new PageRequest(0, true, 10))).isEmpty();
        assertThat(store.operations(HistoryFilter.forLedger(elder), new PageRequest(0, true, 10))).hasSize(1);
        assertThat(store.transactions(HistoryFilter.forAccount(root.getAccountId()),
                new PageRequest(0, true, PageRequest.LIMIT_MAX))).hasSize(kept);

        for (int sequence = LedgerHistory.GENESIS_LEDGER; sequence <= latest; sequence++) {
            assertThat(store.ledger(sequence)).as("ledger %d", sequence).isPresent();
        }
        created.forEach((ledger, account) -> assertThat(node.load(LedgerFixture.accountKey(account)))
                .as("account created in ledger %d", ledger)
                .hasValueSatisfying(entry -> assertThat(Accounts.balance(entry.getData().getAccount()))
                        .isEqualTo(iqq(100))));
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:corridor-pruning-" + name + ";DB_CLOSE_DELAY=-1";
    }

    private void open(String jdbcUrl, boolean recreate, HistoryRetention retention) {
        url = jdbcUrl;
        factory = StandaloneJpa.open(url, user, password, recreate);
        store = new StandaloneLedgerStore(factory);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(LedgerFixture.FIRST_CLOSE_TIME), ZoneOffset.UTC);
        node = new LedgerNode(PROFILE, store, clock, 100, Invariants.production(), null, retention);
        node.start();
    }

    private void reopen(HistoryRetention retention) {
        store.close();
        factory.close();
        open(url, false, retention);
    }

    /** Closes ledgers up to {@code sequence}, each with the root creating one new account. */
    private void closeUntil(int sequence) {
        while (node.sequence() < sequence) {
            int next = node.sequence() + 1;
            KeyPair account = key("pruning-" + next);
            long rootSeq = Accounts.seqNum(node.load(LedgerFixture.accountKey(root)).orElseThrow()
                    .getData().getAccount());
            Transaction tx = builder(network, root, rootSeq).addOperation(createAccountOp(account, iqq(100))).build();
            tx.sign(root);
            assertThat(node.submit(tx.toEnvelopeXdr())).isInstanceOf(Submission.Pending.class);
            ClosedLedger closed = node.closeLedger();
            assertThat(closed.sequence()).isEqualTo(next);
            assertThat(closed.transactions()).hasSize(1).allSatisfy(t -> assertThat(t.successful()).isTrue());
            hashes.put(next, closed.transactions().get(0).frame().hashHex());
            created.put(next, account);
        }
    }

    private long count(String table, String column, long from, long to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from " + table + " where " + column + " >= ? and " + column + " < ?")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long toid(int ledger) {
        return Toid.ledgerStart(ledger);
    }

    /** An H2 trigger that fails writes to {@code history_elder} while armed. */
    public static final class FailingElderWrite implements org.h2.api.Trigger {

        static final AtomicBoolean ARMED = new AtomicBoolean();

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before,
                int type) {
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (ARMED.get()) {
                throw new SQLException("simulated crash while recording the history elder ledger");
            }
        }
    }
}
