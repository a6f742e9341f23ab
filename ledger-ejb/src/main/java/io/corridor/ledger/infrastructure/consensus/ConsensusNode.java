package io.corridor.ledger.infrastructure.consensus;

import io.corridor.consensus.herder.Herder;
import io.corridor.consensus.herder.HerderConfig;
import io.corridor.consensus.herder.HerderStatus;
import io.corridor.consensus.herder.PeerNetwork;
import io.corridor.consensus.herder.QuorumChangeGuard;
import io.corridor.consensus.herder.ScpStateStore;
import io.corridor.consensus.herder.ThreadHerderExecutor;
import io.corridor.consensus.overlay.MessageHandler;
import io.corridor.consensus.overlay.MessageKind;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.overlay.Overlay;
import io.corridor.consensus.overlay.OverlayConfig;
import io.corridor.consensus.overlay.PeerStatus;
import io.corridor.consensus.scp.QuorumSets;
import io.corridor.ledger.application.LedgerNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.TransactionEnvelope;

/**
 * A validator in a network: the overlay to its peers and the herder that runs SCP over it and hands every
 * agreed ledger to the {@link LedgerNode}. Transactions admitted locally are flooded to the peers; transactions
 * flooded by peers enter the local queue, so any validator's transaction set can carry them.
 */
public final class ConsensusNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConsensusNode.class.getName());

    private final ConsensusSettings settings;
    private final Overlay overlay;
    private final Herder herder;
    private final ThreadHerderExecutor executor;

    /** What an operator sees of consensus: the herder's state and the overlay's peers. */
    public record Status(HerderStatus herder, List<PeerStatus> peers) {
    }

    /**
     * Builds (without starting) the validator. Refuses, unless forced, a quorum set that breaks quorum
     * intersection (see {@link QuorumChangeGuard}); the quorum set it accepted is remembered in {@code stateDir}.
     */
    public ConsensusNode(LedgerNode node, char[] secretSeed, ConsensusSettings settings, long closeIntervalMs,
            Path stateDir) {
        this.settings = settings;
        NodeKey key = NodeKey.fromSecretSeed(secretSeed.clone());
        SCPQuorumSet quorumSet = quorumSet(settings);
        guardQuorumSet(key.accountId(), quorumSet, stateDir.resolve("quorum-set.xdr"));
        Hash networkId = new Hash(node.profile().networkId());
        Set<String> allowed = new LinkedHashSet<>(settings.validators());
        allowed.remove(key.accountId());
        this.executor = new ThreadHerderExecutor(Clock.systemUTC());
        OverlayNetwork network = new OverlayNetwork();
        this.herder = new Herder(new HerderConfig(networkId, key, quorumSet, closeIntervalMs),
                new LedgerNodePort(node), network, executor, ScpStateStore.file(stateDir.resolve("scp-state.xdr")));
        this.overlay = new Overlay(new OverlayConfig(key, node.profile().networkId(),
                settings.bindHost(), settings.peerPort(), settings.peers(), allowed), new MessageHandler() {
                    @Override
                    public void onMessage(String peerKey, MessageKind kind, byte[] payload) {
                        herder.onMessage(peerKey, kind, payload);
                    }

                    @Override
                    public void onPeerConnected(String peerKey) {
                        herder.onPeerConnected(peerKey);
                    }

                    @Override
                    public void onPeerDisconnected(String peerKey) {
                        herder.onPeerDisconnected(peerKey);
                    }
                });
        network.overlay = overlay;
        node.addAdmissionListener(this::flood);
    }

    public void start() {
        try {
            overlay.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the overlay cannot listen on " + settings.bindHost() + ":"
                    + settings.peerPort() + " (corridor.peer.port): " + e.getMessage()
                    + "; is another node using that port?", e);
        }
        herder.start();
        LOG.info(() -> "validator " + herder.localKey() + " listening for peers on port " + overlay.listeningPort()
                + ", dialling " + settings.peers() + ", quorum set "
                + io.corridor.consensus.herder.QuorumSetSyntax.format(settings.quorumSet()));
    }

    public Status status() {
        return new Status(herder.status(), overlay.peers());
    }

    public ConsensusSettings settings() {
        return settings;
    }

    private void flood(TransactionEnvelope envelope) {
        try {
            overlay.broadcast(MessageKind.TRANSACTION, envelope.toXdrByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        overlay.close();
        executor.close();
    }

    static SCPQuorumSet quorumSet(ConsensusSettings settings) {
        return settings.quorumSet();
    }

    private void guardQuorumSet(String self, SCPQuorumSet proposed, Path file) {
        SCPQuorumSet previous = null;
        try {
            if (Files.exists(file)) {
                previous = SCPQuorumSet.fromXdrByteArray(Files.readAllBytes(file));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "the remembered quorum set " + file + " is unreadable (" + e.getMessage()
                    + "); checking the configured one alone");
        }
        Optional<String> refusal = QuorumChangeGuard.check(self, proposed, previous);
        if (refusal.isPresent()) {
            if (!settings.force()) {
                throw new IllegalStateException("refusing to start: " + refusal.get());
            }
            LOG.severe(() -> "corridor.quorum.force=true: starting although " + refusal.get());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, proposed.toXdrByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the quorum set in " + file, e);
        }
        if (previous != null && !QuorumSets.hash(previous).equals(QuorumSets.hash(proposed))) {
            LOG.warning(() -> "quorum set changed; quorum intersection still holds for the configured network");
        }
    }

    /** The herder's network over the overlay (set once the overlay exists). */
    private static final class OverlayNetwork implements PeerNetwork {
        private volatile Overlay overlay;

        @Override
        public void broadcast(MessageKind kind, byte[] payload) {
            overlay.broadcast(kind, payload);
        }

        @Override
        public void relay(String fromPeer, MessageKind kind, byte[] payload) {
            overlay.relay(fromPeer, kind, payload);
        }

        @Override
        public boolean send(String peer, MessageKind kind, byte[] payload) {
            return overlay.send(peer, kind, payload);
        }
    }
}
