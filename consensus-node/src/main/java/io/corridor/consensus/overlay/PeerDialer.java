package io.corridor.consensus.overlay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one configured peer connected: dials, waits for the connection to end, and redials after an
 * exponential backoff with jitter ({@code reconnectDelayMinMs} doubling up to {@code reconnectDelayMaxMs},
 * each delay drawn uniformly from its upper half). Once a handshake has told it the peer's key it does not
 * dial while the overlay holds a connection with that key in either direction, so two nodes that list each
 * other settle on one connection instead of flapping. It stops for good if the address turns out to be
 * this node. Runs on its own thread until {@link #stop()}.
 */
final class PeerDialer {
    private static final Logger LOG = Logger.getLogger(PeerDialer.class.getName());
    /** How often a dialer whose peer is connected inbound re-checks; it is also woken on every disconnect. */
    private static final long IDLE_CHECK_MS = 1_000;

    /** What the dialer needs from its overlay. */
    interface Host {
        boolean isClosed();

        boolean isConnected(String peerKey);

        /** Waits until some connection closes, the overlay closes, or the timeout passes. */
        void awaitChange(long timeoutMs) throws InterruptedException;

        /** Wraps a connected socket in an outbound connection and starts it. */
        PeerConnection openOutbound(Socket socket);
    }

    private final InetSocketAddress address;
    private final OverlayLimits limits;
    private final Random random;
    private final Host host;
    private final String localName;
    private volatile String knownKey;
    private volatile PeerConnection current;
    private volatile Socket connecting;
    private volatile String lastError;
    private volatile boolean backingOff;
    private volatile boolean stopped;

    PeerDialer(InetSocketAddress address, OverlayLimits limits, Random random, Host host, String localName) {
        this.address = address;
        this.limits = limits;
        this.random = random;
        this.host = host;
        this.localName = localName;
    }

    void run() {
        long delayMs = limits.reconnectDelayMinMs();
        try {
            while (!stopped && !host.isClosed()) {
                String key = knownKey;
                if (key != null && host.isConnected(key)) {
                    host.awaitChange(IDLE_CHECK_MS);
                    delayMs = limits.reconnectDelayMinMs();
                    continue;
                }
                PeerConnection connection = dial();
                if (connection != null) {
                    current = connection;
                    while (!connection.awaitClosed(IDLE_CHECK_MS)) {
                        if (stopped) {
                            return;
                        }
                    }
                    current = null;
                    lastError = connection.lastError();
                    if (connection.peerKey() != null) {
                        knownKey = connection.peerKey();
                    }
                    if (connection.closeReason() == DisconnectReason.SELF) {
                        LOG.warning(() -> localName + ": configured peer " + address + " is this node; not dialling it");
                        return;
                    }
                    if (connection.closeReason() == DisconnectReason.DUPLICATE) {
                        continue;
                    }
                    if (connection.status().connectedSince() != null) {
                        delayMs = limits.reconnectDelayMinMs();
                    }
                }
                backingOff = true;
                try {
                    Thread.sleep(jittered(delayMs));
                } finally {
                    backingOff = false;
                }
                delayMs = Math.min(delayMs * 2, limits.reconnectDelayMaxMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops dialling and aborts a connect in progress; the thread is interrupted by the overlay. */
    void stop() {
        stopped = true;
        Socket socket = connecting;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a connecting socket failed", e);
            }
        }
    }

    /** The status to show while no connection exists, or null while one does. */
    PeerStatus backoffStatus() {
        if (current != null || !backingOff) {
            return null;
        }
        return new PeerStatus(knownKey, address, PeerStatus.Direction.OUTBOUND, PeerStatus.State.BACKOFF, null,
                0, 0, 0, 0, 0, 0, 0, lastError);
    }

    InetSocketAddress address() {
        return address;
    }

    private PeerConnection dial() {
        Socket socket = new Socket();
        connecting = socket;
        try {
            if (stopped) {
                socket.close();
                return null;
            }
            InetSocketAddress target = address.isUnresolved()
                    ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
            socket.connect(target, limits.connectTimeoutMs());
            return host.openOutbound(socket);
        } catch (IOException e) {
            lastError = "connect to " + address + " failed: " + e.getMessage();
            LOG.fine(() -> localName + ": " + lastError);
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            return null;
        } finally {
            connecting = null;
        }
    }

    private long jittered(long delayMs) {
        long half = delayMs / 2;
        return half + random.nextLong(delayMs - half + 1);
    }
}
