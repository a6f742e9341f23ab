package io.corridor.ledger.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one ledger written as JDBC batches on the persistence context's connection (and so in its
 * transaction): one prepared statement per kind of row, executed in the order the kinds were declared. A
 * ledger of 1,000 payments is about 7,000 rows; written one {@code persist}/{@code find} at a time through
 * the persistence context they cost more than closing the ledger itself (see docs/PERFORMANCE.md).
 */
final class RowBatches implements AutoCloseable {

    /** Binds one row's parameters. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<String, List<String>> mustUpdate = new LinkedHashMap<>();

    /** @param order every statement this ledger may use, in the order they are to be executed */
    RowBatches(Connection connection, String... order) throws SQLException {
        this.connection = connection;
        for (String sql : order) {
            statements.put(sql, null);
        }
    }

    void add(String sql, Binder binder) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            if (!statements.containsKey(sql)) {
                throw new IllegalArgumentException("statement not declared for this batch: " + sql);
            }
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        binder.bind(statement);
        statement.addBatch();
    }

    /** An update that must change exactly one row; {@code what} names the row if it does not. */
    void addUpdate(String sql, String what, Binder binder) throws SQLException {
        add(sql, binder);
        mustUpdate.computeIfAbsent(sql, s -> new ArrayList<>()).add(what);
    }

    void execute() throws SQLException {
        for (Map.Entry<String, PreparedStatement> entry : statements.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            int[] counts = entry.getValue().executeBatch();
            List<String> rows = mustUpdate.get(entry.getKey());
            if (rows == null) {
                continue;
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new IllegalStateException("updating " + rows.get(i) + " changed no row: it is missing "
                            + "from the database");
                }
                if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("updating " + rows.get(i) + " changed " + counts[i] + " rows");
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            if (statement == null) {
                continue;
            }
            try {
                statement.close();
            } catch (SQLException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
