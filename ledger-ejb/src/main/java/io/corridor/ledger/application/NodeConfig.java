package io.corridor.ledger.application;

import io.corridor.ledger.core.NetworkProfile;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A node's configuration, read from {@code corridor.*} properties: the file {@code corridor up} writes for
 * each node (documented in docs/CONFIGURATION.md) is handed to WildFly with {@code -P}, so these arrive as
 * system properties. A wrong value fails start-up with a message naming the key.
 *
 * @param nodeName            human name of the node, e.g. {@code node1}
 * @param profile             the network profile, with the passphrase override applied
 * @param seedFile            file holding the node's secret seed ({@code S...}); never the seed itself
 * @param closeIntervalMs     time between ledger closes
 * @param submissionTimeoutMs how long {@code POST /transactions} waits for the ledger before answering 504
 * @param queueTransactionsMax transactions the queue holds before refusing more
 * @param invariantsPerOperation whether ledger invariants also run after every operation (slower; tests
 *                            and investigations), not only after every ledger
 * @param historyRetention    how many of the latest ledgers' transactions and operations to keep
 *                            ({@code corridor.history.retention.ledgers}; empty or 0 keeps everything)
 */
public record NodeConfig(
        String nodeName,
        NetworkProfile profile,
        Path seedFile,
        long closeIntervalMs,
        long submissionTimeoutMs,
        int queueTransactionsMax,
        boolean invariantsPerOperation,
        HistoryRetention historyRetention) {

    public static final long CLOSE_INTERVAL_MS_DEFAULT = 5_000;
    public static final long CLOSE_INTERVAL_MS_MIN = 100;
    public static final long SUBMISSION_TIMEOUT_MS_DEFAULT = 30_000;
    public static final int QUEUE_TRANSACTIONS_MAX_DEFAULT = 10_000;
    static final String HISTORY_RETENTION_KEY = "corridor.history.retention.ledgers";

    public NodeConfig {
        if (closeIntervalMs < CLOSE_INTERVAL_MS_MIN) {
            throw new IllegalArgumentException("corridor.ledger.close.ms must be at least " + CLOSE_INTERVAL_MS_MIN
                    + ", was " + closeIntervalMs);
        }
        if (submissionTimeoutMs <= 0 || queueTransactionsMax <= 0) {
            throw new IllegalArgumentException("submission timeout and queue size must be positive");
        }
        if (historyRetention == null) {
            throw new IllegalArgumentException("history retention must be given; HistoryRetention.KEEP_ALL keeps all");
        }
    }

    public static NodeConfig fromProperties(Properties p) {
        String profileName = p.getProperty("corridor.network.profile", "iqoniq");
        NetworkProfile profile;
        try {
            profile = NetworkProfile.byName(profileName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corridor.network.profile: " + e.getMessage(), e);
        }
        String passphrase = p.getProperty("corridor.network.passphrase", "").trim();
        if (!passphrase.isEmpty()) {
            profile = profile.withPassphrase(passphrase);
        }
        String seed = p.getProperty("corridor.node.seed.file", "").trim();
        return new NodeConfig(
                p.getProperty("corridor.node.name", "node1"),
                profile,
                seed.isEmpty() ? null : Path.of(seed),
                longValue(p, "corridor.ledger.close.ms", CLOSE_INTERVAL_MS_DEFAULT),
                longValue(p, "corridor.submission.timeout.ms", SUBMISSION_TIMEOUT_MS_DEFAULT),
                (int) longValue(p, "corridor.queue.transactions.max", QUEUE_TRANSACTIONS_MAX_DEFAULT),
                Boolean.parseBoolean(p.getProperty("corridor.invariants.per-operation", "false").trim()),
                historyRetention(p));
    }

    private static HistoryRetention historyRetention(Properties p) {
        long ledgers = longValue(p, HISTORY_RETENTION_KEY, 0);
        if (ledgers < 0 || ledgers > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(HISTORY_RETENTION_KEY + " must be empty or 0 (keep all history) or a "
                    + "number of ledgers up to " + Integer.MAX_VALUE + ", was " + ledgers);
        }
        return new HistoryRetention((int) ledgers);
    }

    private static long longValue(Properties p, String key, long defaultValue) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }
}
