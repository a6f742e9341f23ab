package io.corridor.consensus.overlay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** One overlay on 127.0.0.1 with a recording handler that relays what it floods. */
final class TestNode implements MessageHandler, AutoCloseable {
    static final String PASSPHRASE = "Corridor overlay test network";
    static final OverlayLimits LIMITS = OverlayLimits.DEFAULTS.withReconnectDelaysMs(50, 400)
            .withHandshakeTimeoutMs(2_000);
    private static final SecureRandom SEEDS = new SecureRandom();

    /** One delivered message. */
    record Received(String from, MessageKind kind, byte[] payload) {
    }

    final NodeKey key;
    final OverlayConfig config;
    final Overlay overlay;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();

    private TestNode(OverlayConfig config) {
        this.key = config.nodeKey();
        this.config = config;
        this.overlay = new Overlay(config, this);
    }

    static OverlayConfig config(NodeKey key, String passphrase, List<InetSocketAddress> peers, Set<String> allowed) {
        return new OverlayConfig(key, OverlayConfig.networkId(passphrase), "127.0.0.1", 0, peers, allowed, LIMITS,
                Clock.systemUTC(), new Random(42), new SecureRandom());
    }

    static TestNode start(OverlayConfig config) throws IOException {
        TestNode node = new TestNode(config);
        node.overlay.start();
        return node;
    }

    static TestNode start(List<InetSocketAddress> peers) throws IOException {
        return start(config(newKey(), PASSPHRASE, peers, Set.of()));
    }

    static NodeKey newKey() {
        return NodeKey.random(SEEDS);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", overlay.listeningPort());
    }

    String id() {
        return key.accountId();
    }

    long received(MessageKind kind, byte[] payload) {
        return received.stream().filter(r -> r.kind() == kind && java.util.Arrays.equals(r.payload(), payload))
                .count();
    }

    long authenticatedPeers() {
        return overlay.peers().stream().filter(p -> p.state() == PeerStatus.State.AUTHENTICATED).count();
    }

    @Override
    public void onMessage(String peerKey, MessageKind kind, byte[] payload) {
        received.add(new Received(peerKey, kind, payload));
        if (kind.floods()) {
            overlay.relay(peerKey, kind, payload);
        }
    }

    @Override
    public void onPeerConnected(String peerKey) {
        connects.incrementAndGet();
    }

    @Override
    public void onPeerDisconnected(String peerKey) {
        disconnects.incrementAndGet();
    }

    @Override
    public void close() {
        overlay.close();
    }

    /** Polls {@code condition} every 10 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
