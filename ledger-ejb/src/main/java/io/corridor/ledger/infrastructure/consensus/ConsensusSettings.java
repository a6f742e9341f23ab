package io.corridor.ledger.infrastructure.consensus;

import io.corridor.consensus.herder.QuorumSetSyntax;
import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSets;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * A validator's place in its network, from the {@code corridor.*} properties {@code corridor up} writes
 * (docs/CONFIGURATION.md). A node whose validator list names only itself (or nothing, without a node key) is a
 * standalone network and closes ledgers on its own timer; with more validators it agrees on every ledger with
 * them through SCP.
 *
 * @param bindHost   address the overlay listens on ({@code corridor.peer.bind}, default all interfaces)
 * @param peerPort   overlay port ({@code corridor.peer.port})
 * @param peers      the other nodes' overlay addresses ({@code corridor.peers}, host:port, comma-separated)
 * @param validators public keys of the network's validators, this node included ({@code corridor.quorum.validators})
 * @param threshold  validators out of those that must agree ({@code corridor.quorum.threshold})
 * @param force      start even with a quorum set that breaks quorum intersection ({@code corridor.quorum.force})
 * @param quorumSet  the node's quorum set: {@code corridor.quorum.set} when given (nested, e.g. organisations),
 *                   else {@code threshold} of {@code validators}
 */
public record ConsensusSettings(String bindHost, int peerPort, List<InetSocketAddress> peers, List<String> validators,
        int threshold, boolean force, SCPQuorumSet quorumSet) {

    public static final int PEER_PORT_DEFAULT = 11625;

    public ConsensusSettings {
        validators = List.copyOf(validators);
        peers = List.copyOf(peers);
        if (quorumSet == null && !validators.isEmpty() && (threshold < 1 || threshold > validators.size())) {
            throw new IllegalArgumentException("corridor.quorum.threshold must be from 1 to " + validators.size()
                    + " (the number of corridor.quorum.validators), was " + threshold);
        }
        if (quorumSet == null && !validators.isEmpty()) {
            quorumSet = QuorumSetSyntax.flat(threshold, validators);
        }
    }

    /** Settings with a flat quorum set: {@code threshold} of {@code validators}. */
    public ConsensusSettings(String bindHost, int peerPort, List<InetSocketAddress> peers, List<String> validators,
            int threshold, boolean force) {
        this(bindHost, peerPort, peers, validators, threshold, force, null);
    }

    /** Whether the node agrees with other validators (else it is a network of one). */
    public boolean networked() {
        return validators.size() > 1;
    }

    public static ConsensusSettings fromProperties(Properties p, String selfKey) {
        String spec = p.getProperty("corridor.quorum.set", "").trim();
        SCPQuorumSet nested = null;
        if (!spec.isEmpty()) {
            try {
                nested = QuorumSetSyntax.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("corridor.quorum.set: " + e.getMessage()
                        + " (form: THRESHOLD(member,...), a member being a G... key or an inner set)", e);
            }
        }
        List<String> validators = new ArrayList<>();
        if (nested != null) {
            for (NodeID node : QuorumSets.allNodes(nested)) {
                validators.add(NodeKey.accountId(node.getNodeID().getEd25519().getUint256()));
            }
            p = (Properties) p.clone();
            p.remove("corridor.quorum.validators");
        }
        for (String v : split(p.getProperty("corridor.quorum.validators", ""))) {
            try {
                NodeKey.decodeAccountId(v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("corridor.quorum.validators: '" + v + "' is not a public key (G...)");
            }
            validators.add(v);
        }
        if (validators.isEmpty() && selfKey != null) {
            validators.add(selfKey);
        }
        if (new LinkedHashSet<>(validators).size() != validators.size()) {
            throw new IllegalArgumentException("corridor.quorum.validators names a validator twice");
        }
        if (selfKey != null && !validators.contains(selfKey)) {
            throw new IllegalArgumentException("corridor.quorum.validators must include this node's key " + selfKey);
        }
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String peer : split(p.getProperty("corridor.peers", ""))) {
            int colon = peer.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("corridor.peers: '" + peer + "' is not host:port");
            }
            peers.add(InetSocketAddress.createUnresolved(peer.substring(0, colon), port("corridor.peers",
                    peer.substring(colon + 1))));
        }
        String threshold = p.getProperty("corridor.quorum.threshold", "").trim();
        int n = validators.size();
        if (n > 1 && selfKey == null) {
            throw new IllegalArgumentException("corridor.quorum.validators names " + n + " validators but this node has "
                    + "no key: set corridor.node.seed.file (`deployments/corridor up` generates one)");
        }
        int thresholdValue = nested != null ? (int) nested.getThreshold().getUint32().getNumber().longValue()
                : threshold.isEmpty() ? 1 + (67 * n - 1) / 100 : integer("corridor.quorum.threshold", threshold);
        return new ConsensusSettings(
                p.getProperty("corridor.peer.bind", "0.0.0.0").trim(),
                port("corridor.peer.port", p.getProperty("corridor.peer.port", String.valueOf(PEER_PORT_DEFAULT))),
                peers, validators, thresholdValue,
                Boolean.parseBoolean(p.getProperty("corridor.quorum.force", "false").trim()), nested);
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static int port(String key, String value) {
        int port = integer(key, value.trim());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(key + ": port must be 1..65535, was " + port);
        }
        return port;
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }
}
