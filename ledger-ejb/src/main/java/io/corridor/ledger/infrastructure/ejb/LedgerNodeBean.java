package io.corridor.ledger.infrastructure.ejb;

import io.corridor.ledger.application.FeeStats;
import io.corridor.ledger.application.LedgerNode;
import io.corridor.ledger.application.LedgerStore;
import io.corridor.ledger.application.NodeConfig;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.infrastructure.consensus.ConsensusNode;
import io.corridor.ledger.infrastructure.consensus.ConsensusSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stellar.sdk.StrKey;

/**
 * Owns the node: reads its configuration from the {@code corridor.*} system properties, starts the
 * {@link LedgerNode} from the database (or genesis), and closes a ledger every configured interval. A node
 * is a standalone network (a quorum of one) until consensus drives the closes.
 *
 * <p>The bean runs outside transactions: each call on the store starts its own, so a ledger's commit and a
 * pruning pass the node runs after it ({@code corridor.history.retention.ledgers}) are separate transactions.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerNodeBean {

    private static final Logger LOG = Logger.getLogger(LedgerNodeBean.class.getName());
    /** Consecutive failed closes after which the log says the node is stuck, not just retrying. */
    private static final int CLOSE_FAILURES_REPORT = 3;

    @EJB
    private LedgerStore store;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /** Verifies each ledger's signatures in parallel before apply. */
    @Resource
    private ManagedExecutorService verifier;

    private NodeConfig config;
    private LedgerNode node;
    private final FeeStats feeStats = new FeeStats();
    private String nodePublicKey;
    private ScheduledFuture<?> closing;
    private ConsensusSettings consensusSettings;
    private ConsensusNode consensus;
    private volatile Instant lastCloseAt;
    private final AtomicInteger closeFailures = new AtomicInteger();

    @PostConstruct
    void start() {
        config = NodeConfig.fromProperties(System.getProperties());
        nodePublicKey = readNodeKey();
        node = new LedgerNode(config.profile(), store, Clock.systemUTC(), config.queueTransactionsMax(),
                new Invariants(Invariants.all(), config.invariantsPerOperation()), verifier, config.historyRetention());
        node.addListener(feeStats);
        node.start();
        lastCloseAt = Instant.now();
        consensusSettings = ConsensusSettings.fromProperties(System.getProperties(),
                config.seedFile() == null ? null : nodePublicKey);
        if (consensusSettings.networked()) {
            startConsensus();
        } else {
            closing = scheduler.scheduleAtFixedRate(this::closeOnce, config.closeIntervalMs(),
                    config.closeIntervalMs(), TimeUnit.MILLISECONDS);
        }
        LOG.info(() -> String.format("Corridor node %s (%s) on network '%s' at ledger %d, %s every %d ms, "
                + "keeping %s", config.nodeName(), nodePublicKey, config.profile().passphrase(), node.sequence(),
                consensus != null ? "agreeing with " + (consensusSettings.validators().size() - 1)
                        + " other validators (SCP) on a ledger" : "closing a ledger on its own",
                config.closeIntervalMs(), config.historyRetention().keepsAll() ? "all history"
                        : "the history of the last " + config.historyRetention().ledgers() + " ledgers (from ledger "
                                + node.historyElderLedger() + " now)"));
    }

    /** A validator of a network: ledgers close when SCP agrees on them, not on this node's timer. */
    private void startConsensus() {
        char[] seed = readSeed();
        try {
            Path stateDir = Path.of(System.getProperty("jboss.server.data.dir", "."), "corridor");
            consensus = new ConsensusNode(node, seed, consensusSettings, config.closeIntervalMs(), stateDir);
        } finally {
            java.util.Arrays.fill(seed, '\0');
        }
        node.addListener(closed -> lastCloseAt = Instant.now());
        consensus.start();
    }

    @PreDestroy
    void stop() {
        if (closing != null) {
            closing.cancel(false);
        }
        if (consensus != null) {
            consensus.close();
        }
    }

    private void closeOnce() {
        try {
            node.closeLedger();
            lastCloseAt = Instant.now();
            int failures = closeFailures.getAndSet(0);
            if (failures >= CLOSE_FAILURES_REPORT) {
                LOG.info(() -> "ledger closes resumed at ledger " + node.sequence() + " after " + failures + " failures");
            }
        } catch (RuntimeException e) {
            if (node.haltReason().isPresent()) {
                if (closing != null) {
                    closing.cancel(false);
                }
                LOG.severe(() -> "ledger closes stopped: " + node.haltReason().get()
                        + ". Investigate before restarting this node.");
                return;
            }
            int failures = closeFailures.incrementAndGet();
            Level level = failures >= CLOSE_FAILURES_REPORT ? Level.SEVERE : Level.WARNING;
            LOG.log(level, "closing ledger " + (node.sequence() + 1) + " failed (" + failures
                    + " in a row); the node stays at ledger " + node.sequence() + " and retries", e);
        }
    }

    private char[] readSeed() {
        try {
            return Files.readString(config.seedFile(), StandardCharsets.US_ASCII).trim().toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("corridor.node.seed.file: cannot read " + config.seedFile(), e);
        }
    }

    /** The seed file holds {@code S...}; only the public key is kept. */
    private String readNodeKey() {
        if (config.seedFile() == null) {
            LOG.warning("corridor.node.seed.file is not set: this node has no identity key; "
                    + "`deployments/corridor up` generates one");
            return "(no node key)";
        }
        try {
            char[] seed = Files.readString(config.seedFile(), StandardCharsets.US_ASCII).trim().toCharArray();
            byte[] raw = StrKey.decodeEd25519SecretSeed(seed);
            java.util.Arrays.fill(seed, '\0');
            String publicKey = StrKey.encodeEd25519PublicKey(Ed25519.publicKeyFromSeed(raw));
            java.util.Arrays.fill(raw, (byte) 0);
            return publicKey;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("corridor.node.seed.file: cannot read a secret seed (S...) from "
                    + config.seedFile() + ": " + e.getMessage(), e);
        }
    }

    public LedgerNode node() {
        return node;
    }

    /** The validator's consensus state, or empty for a standalone node (a network of one). */
    public java.util.Optional<ConsensusNode.Status> consensusStatus() {
        return consensus == null ? java.util.Optional.empty() : java.util.Optional.of(consensus.status());
    }

    public ConsensusSettings consensusSettings() {
        return consensusSettings;
    }

    public FeeStats feeStats() {
        return feeStats;
    }

    public NodeConfig config() {
        return config;
    }

    public String nodePublicKey() {
        return nodePublicKey;
    }

    public Instant lastCloseAt() {
        return lastCloseAt;
    }

    public int consecutiveCloseFailures() {
        return closeFailures.get();
    }
}
