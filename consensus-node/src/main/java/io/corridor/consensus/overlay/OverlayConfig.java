package io.corridor.consensus.overlay;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * How one node's overlay runs.
 *
 * @param nodeKey      this node's Ed25519 key (with its secret)
 * @param networkId    SHA-256 of the network passphrase ({@link #networkId(String)}); peers must share it
 * @param listenHost   address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param listenPort   port to bind; 0 picks an ephemeral port ({@link Overlay#listeningPort()})
 * @param peers        configured peers, dialled at start and redialled whenever their connection is lost
 * @param allowedPeers {@code G...} keys allowed to connect either way; empty allows any key on the same network
 * @param limits       bounds and timeouts
 * @param clock        time for statistics and the slow-peer rule
 * @param random       jitter of redial delays (seed it in tests)
 * @param secureRandom nonces and ephemeral keys of the handshake
 */
public record OverlayConfig(NodeKey nodeKey, byte[] networkId, String listenHost, int listenPort,
                            List<InetSocketAddress> peers, Set<String> allowedPeers, OverlayLimits limits,
                            Clock clock, Random random, SecureRandom secureRandom) {

    /** Length of a network id. */
    public static final int NETWORK_ID_BYTES = 32;

    public OverlayConfig {
        Objects.requireNonNull(nodeKey, "nodeKey");
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(secureRandom, "secureRandom");
        if (networkId == null || networkId.length != NETWORK_ID_BYTES) {
            throw new IllegalArgumentException("networkId must be the 32-byte SHA-256 of the passphrase");
        }
        if (listenPort < 0 || listenPort > 0xFFFF) {
            throw new IllegalArgumentException("listenPort out of range: " + listenPort);
        }
        networkId = networkId.clone();
        peers = List.copyOf(peers);
        allowedPeers = Set.copyOf(allowedPeers);
        for (String key : allowedPeers) {
            NodeKey.decodeAccountId(key);
        }
    }

    /** A configuration with default limits, the system clock and fresh {@link SecureRandom}s. */
    public OverlayConfig(NodeKey nodeKey, byte[] networkId, String listenHost, int listenPort,
                         List<InetSocketAddress> peers, Set<String> allowedPeers) {
        this(nodeKey, networkId, listenHost, listenPort, peers, allowedPeers, OverlayLimits.DEFAULTS,
                Clock.systemUTC(), new SecureRandom(), new SecureRandom());
    }

    /** A copy of the network id. */
    @Override
    public byte[] networkId() {
        return networkId.clone();
    }

    /** This configuration with other limits. */
    public OverlayConfig withLimits(OverlayLimits newLimits) {
        return new OverlayConfig(nodeKey, networkId, listenHost, listenPort, peers, allowedPeers, newLimits, clock,
                random, secureRandom);
    }

    /** This configuration with another clock and jitter source. */
    public OverlayConfig withTime(Clock newClock, Random newRandom) {
        return new OverlayConfig(nodeKey, networkId, listenHost, listenPort, peers, allowedPeers, limits, newClock,
                newRandom, secureRandom);
    }

    /** This configuration with other configured peers. */
    public OverlayConfig withPeers(List<InetSocketAddress> newPeers) {
        return new OverlayConfig(nodeKey, networkId, listenHost, listenPort, newPeers, allowedPeers, limits, clock,
                random, secureRandom);
    }

    /** This configuration listening on another port. */
    public OverlayConfig withListenPort(int port) {
        return new OverlayConfig(nodeKey, networkId, listenHost, port, peers, allowedPeers, limits, clock, random,
                secureRandom);
    }

    /** The network id of a passphrase: SHA-256 of its UTF-8 bytes, as Stellar. */
    public static byte[] networkId(String passphrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
