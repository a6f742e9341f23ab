package io.corridor.consensus.overlay;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The validator overlay of one node: authenticated, encrypted TCP connections to the other validators,
 * identified by their Ed25519 node keys and restricted to one network id (and to {@code allowedPeers} when
 * given).
 *
 * <h2>Handshake and frames</h2>
 * Each connection starts with signed HELLOs carrying X25519 ephemeral keys and nonces (see {@link Handshake}
 * and {@code docs/OVERLAY.md}); the session keys come from HKDF-SHA256 and every later frame is
 * {@code u32 length ‖ AES-256-GCM(kind ‖ payload)} with a per-direction counter nonce ({@link SecureChannel}).
 * A refused handshake sends the reason (for instance "peer is on another network") before closing; a frame
 * that fails authentication, is larger than {@link OverlayLimits#frameBytesMax()} or has an unknown kind
 * closes the connection, and every closure is logged with the peer and the reason.
 *
 * <h2>One connection per pair</h2>
 * When two authenticated connections exist between the same two nodes, both nodes keep the one dialled by
 * the node with the smaller public key (unsigned byte order) and close the other; if both were dialled by the
 * same node, the newer one wins (the older is presumed dead). Dialers do not dial a peer they already hold
 * a connection with, so the pair settles without flapping.
 *
 * <h2>Flooding</h2>
 * Flood kinds ({@link MessageKind#floods()}) are de-duplicated by SHA-256 of kind and payload in a bounded
 * recent set ({@link OverlayLimits#seenMessagesMax()}): a flooded message already seen is not delivered again.
 * The overlay does not relay by itself; the handler validates a message and calls {@link #relay}, which sends
 * it to every other peer. {@link #broadcast} marks the message seen too, so it is not delivered back.
 *
 * <h2>Flow control</h2>
 * Each peer has an {@link OutboundQueue} bounded in messages and bytes; SCP and request/response kinds go
 * first, transactions are dropped first, and a peer whose queue keeps rejecting high-priority messages for
 * {@link OverlayLimits#slowPeerTimeoutMs()} is disconnected as too slow. Inbound, each connection's reader
 * thread calls the handler directly: a slow handler stops that socket being read and TCP backpressure slows
 * the sender; frames are bounded by {@link OverlayLimits#frameBytesMax()}.
 *
 * <h2>Threads</h2>
 * All daemon threads named {@code corridor-overlay-<port>-...}: one acceptor, one dialer per configured peer,
 * a reader and a writer per connection, and one timer for handshake deadlines. {@link #close()} stops and
 * joins them all.
 */
public final class Overlay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Overlay.class.getName());
    private static final long JOIN_TIMEOUT_MS = 5_000;

    private final OverlayConfig config;
    private final MessageHandler handler;
    private final OverlayLimits limits;
    private final byte[] ownPublicKey;
    private final SeenMessages seen;
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, PeerConnection> authenticated = new ConcurrentHashMap<>();
    private final List<PeerDialer> dialers = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile String name = "corridor-overlay";
    private ServerSocket server;
    private ScheduledExecutorService timer;
    private Handshake handshake;

    public Overlay(OverlayConfig config, MessageHandler handler) {
        this.config = Objects.requireNonNull(config, "config");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = config.limits();
        this.ownPublicKey = config.nodeKey().publicKey();
        this.seen = new SeenMessages(limits.seenMessagesMax());
    }

    /** Binds the listening socket, then dials the configured peers in the background. */
    public void start() throws IOException {
        synchronized (lock) {
            if (started || closed) {
                throw new IllegalStateException("an overlay starts once");
            }
            started = true;
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(config.listenHost(), config.listenPort()), limits.inboundPeersMax());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            server = socket;
            name = "corridor-overlay-" + socket.getLocalPort();
            timer = Executors.newSingleThreadScheduledExecutor(body -> newThread(name + "-timer", body));
            handshake = new Handshake(config.nodeKey(), config.networkId(), socket.getLocalPort(),
                    config.allowedPeers(), config.secureRandom(), limits.frameBytesMax());
            spawn(name + "-accept", this::acceptLoop);
            for (InetSocketAddress address : config.peers()) {
                startDialer(address);
            }
        }
        LOG.info(() -> name + ": node " + config.nodeKey().accountId() + " listening on " + server.getLocalSocketAddress()
                + ", " + config.peers().size() + " configured peers");
    }

    /**
     * Adds a peer to dial and keep redialling until {@link #close()}, as if it had been configured (for peers
     * discovered at run time). Adding an address already dialled does nothing.
     */
    public void addPeer(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        synchronized (lock) {
            if (!started || closed) {
                throw new IllegalStateException("peers are added to a running overlay");
            }
            if (dialers.stream().noneMatch(d -> d.address().equals(address))) {
                startDialer(address);
            }
        }
    }

    /** The bound port (useful with {@code listenPort} 0). */
    public int listeningPort() {
        ServerSocket socket = server;
        if (socket == null) {
            throw new IllegalStateException("not started");
        }
        return socket.getLocalPort();
    }

    /** This node's key, {@code G...}. */
    public String nodeKey() {
        return config.nodeKey().accountId();
    }

    /** Sends to every authenticated peer; flood kinds are also marked seen so they are not delivered back. */
    public void broadcast(MessageKind kind, byte[] payload) {
        requirePayload(kind, payload);
        if (kind.floods()) {
            seen.add(kind, payload);
        }
        for (PeerConnection connection : authenticated.values()) {
            connection.enqueue(kind, payload);
        }
    }

    /** Floods a received message on to every authenticated peer except {@code fromPeer}. */
    public void relay(String fromPeer, MessageKind kind, byte[] payload) {
        requirePayload(kind, payload);
        if (kind.floods()) {
            seen.add(kind, payload);
        }
        for (Map.Entry<String, PeerConnection> entry : authenticated.entrySet()) {
            if (!entry.getKey().equals(fromPeer)) {
                entry.getValue().enqueue(kind, payload);
            }
        }
    }

    /** Sends to one peer; false if it is not connected, the payload is too large or its queue refused it. */
    public boolean send(String peerKey, MessageKind kind, byte[] payload) {
        requirePayload(kind, payload);
        PeerConnection connection = authenticated.get(peerKey);
        return connection != null && connection.enqueue(kind, payload) == OutboundQueue.Offer.QUEUED;
    }

    /** Whether a peer is connected and authenticated. */
    public boolean isConnected(String peerKey) {
        return authenticated.containsKey(peerKey);
    }

    /** Every live connection, and every configured peer currently waiting to be redialled. */
    public List<PeerStatus> peers() {
        List<PeerStatus> result = new ArrayList<>();
        for (PeerConnection connection : connections) {
            result.add(connection.status());
        }
        synchronized (lock) {
            for (PeerDialer dialer : dialers) {
                PeerStatus status = dialer.backoffStatus();
                if (status != null) {
                    result.add(status);
                }
            }
        }
        return result;
    }

    /** Closes every connection, stops dialling and joins all overlay threads. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the listening socket failed", e);
            }
        }
        List<PeerDialer> stopping;
        synchronized (lock) {
            stopping = List.copyOf(dialers);
        }
        for (PeerDialer dialer : stopping) {
            dialer.stop();
        }
        for (PeerConnection connection : connections) {
            connection.close(DisconnectReason.SHUTDOWN, null);
        }
        for (Thread thread : threads) {
            if (thread.getName().contains("-dial-")) {
                thread.interrupt();
            }
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        joinThreads();
        LOG.info(() -> name + ": closed");
    }

    /** Joins every overlay thread, including any a closing connection started meanwhile. */
    private void joinThreads() {
        long deadlineMs = System.nanoTime() / 1_000_000 + JOIN_TIMEOUT_MS;
        boolean interrupted = false;
        while (true) {
            List<Thread> alive = threads.stream()
                    .filter(t -> t.isAlive() && t != Thread.currentThread()).toList();
            long remainingMs = deadlineMs - System.nanoTime() / 1_000_000;
            if (alive.isEmpty() || remainingMs <= 0) {
                if (!alive.isEmpty()) {
                    LOG.warning(() -> name + ": threads did not stop: " + alive);
                }
                break;
            }
            try {
                alive.get(0).join(remainingMs);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void startDialer(InetSocketAddress address) {
        PeerDialer dialer = new PeerDialer(address, limits, config.random(), new DialerHost(), name);
        dialers.add(dialer);
        spawn(name + "-dial-" + address.getHostString() + ":" + address.getPort(), dialer::run);
    }

    private void requirePayload(MessageKind kind, byte[] payload) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > limits.frameBytesMax()) {
            throw new IllegalArgumentException(kind + " payload of " + payload.length + " bytes exceeds frameBytesMax "
                    + limits.frameBytesMax());
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, name + ": accept failed", e);
                }
                continue;
            }
            long inbound = connections.stream().filter(c -> c.direction() == PeerStatus.Direction.INBOUND).count();
            if (inbound >= limits.inboundPeersMax()) {
                refuse(socket, DisconnectReason.PEERS_FULL);
                continue;
            }
            open(socket, PeerStatus.Direction.INBOUND);
        }
    }

    private void refuse(Socket socket, DisconnectReason reason) {
        LOG.warning(() -> name + ": refusing " + socket.getRemoteSocketAddress() + ": " + reason.text());
        try (socket) {
            Handshake.sendError(new DataOutputStream(socket.getOutputStream()), PeerError.of(reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "refusal not delivered", e);
        }
    }

    private PeerConnection open(Socket socket, PeerStatus.Direction direction) {
        PeerConnection connection = new PeerConnection(socket, direction, handshake, limits, config.clock(), timer,
                new ConnectionListener(), name);
        synchronized (lock) {
            if (closed) {
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "socket close failed", e);
                }
                return null;
            }
            connections.add(connection);
            connection.start();
        }
        return connection;
    }

    /** Registers an authenticated connection, resolving duplicates; true if it is kept. */
    private boolean register(PeerConnection connection) {
        String key = connection.peerKey();
        boolean first;
        PeerConnection replaced = null;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            PeerConnection existing = authenticated.get(key);
            if (existing != null && !prefer(connection, existing)) {
                LOG.fine(() -> name + ": keeping the existing connection with " + key);
                return false;
            }
            authenticated.put(key, connection);
            first = existing == null;
            replaced = existing;
        }
        if (replaced != null) {
            replaced.close(DisconnectReason.DUPLICATE, "replaced by the connection dialled by the smaller key");
        }
        LOG.info(() -> name + ": authenticated " + key + " (" + connection.direction().name().toLowerCase() + ")");
        if (first) {
            try {
                handler.onPeerConnected(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": handler failed in onPeerConnected(" + key + ")", e);
            }
        }
        return true;
    }

    /** Whether {@code candidate} should replace {@code existing} between the same two nodes. */
    private boolean prefer(PeerConnection candidate, PeerConnection existing) {
        boolean candidateBySmaller = dialledBySmallerKey(candidate);
        boolean existingBySmaller = dialledBySmallerKey(existing);
        // Same dialler on both: it dialled again, so it considers the older connection dead.
        return candidateBySmaller != existingBySmaller ? candidateBySmaller : true;
    }

    private boolean dialledBySmallerKey(PeerConnection connection) {
        boolean weAreSmaller = Arrays.compareUnsigned(ownPublicKey, connection.peerPublicKey()) < 0;
        boolean weDialled = connection.direction() == PeerStatus.Direction.OUTBOUND;
        return weAreSmaller == weDialled;
    }

    private void deliver(PeerConnection connection, MessageKind kind, byte[] payload) {
        if (authenticated.get(connection.peerKey()) != connection) {
            return;
        }
        if (kind.floods() && !seen.add(kind, payload)) {
            return;
        }
        try {
            handler.onMessage(connection.peerKey(), kind, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": handler failed on " + kind + " from " + connection.peerKey(), e);
        }
    }

    private void unregister(PeerConnection connection) {
        connections.remove(connection);
        String key = connection.peerKey();
        boolean last = key != null && authenticated.remove(key, connection);
        synchronized (lock) {
            lock.notifyAll();
        }
        if (last) {
            try {
                handler.onPeerDisconnected(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + ": handler failed in onPeerDisconnected(" + key + ")", e);
            }
        }
    }

    private Thread spawn(String threadName, Runnable body) {
        Thread thread = newThread(threadName, body);
        thread.start();
        return thread;
    }

    private Thread newThread(String threadName, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, threadName);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /** The overlay as its connections see it. */
    private final class ConnectionListener implements PeerConnection.Listener {
        @Override
        public boolean authenticated(PeerConnection connection) {
            return register(connection);
        }

        @Override
        public void message(PeerConnection connection, MessageKind kind, byte[] payload) {
            deliver(connection, kind, payload);
        }

        @Override
        public void closed(PeerConnection connection) {
            unregister(connection);
        }

        @Override
        public Thread spawn(String threadName, Runnable body) {
            return Overlay.this.spawn(threadName, body);
        }
    }

    /** The overlay as its dialers see it. */
    private final class DialerHost implements PeerDialer.Host {
        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isConnected(String peerKey) {
            return Overlay.this.isConnected(peerKey);
        }

        @Override
        public void awaitChange(long timeoutMs) throws InterruptedException {
            synchronized (lock) {
                if (!closed) {
                    lock.wait(timeoutMs);
                }
            }
        }

        @Override
        public PeerConnection openOutbound(Socket socket) {
            return open(socket, PeerStatus.Direction.OUTBOUND);
        }
    }
}
