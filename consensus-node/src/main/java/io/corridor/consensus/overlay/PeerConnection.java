package io.corridor.consensus.overlay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One TCP connection to a peer, with two threads: the reader runs the handshake, then reads, decrypts and
 * dispatches frames (calling the handler itself, so a slow handler stops reading and TCP pushes back on
 * the peer); the writer drains the {@link OutboundQueue}, sending a PING when idle. Every way a connection
 * ends goes through {@link #close}, which records and logs the first reason; the reader thread then reports
 * the closure to the overlay exactly once.
 */
final class PeerConnection {
    private static final Logger LOG = Logger.getLogger(PeerConnection.class.getName());
    private static final byte[] EMPTY = new byte[0];
    private static final int BUFFER_BYTES = 64 * 1024;

    /** What the connection reports to its overlay. */
    interface Listener {
        /** The handshake completed; false refuses the connection as a duplicate. */
        boolean authenticated(PeerConnection connection);

        void message(PeerConnection connection, MessageKind kind, byte[] payload);

        /** Called once, from the reader thread, after the connection closed. */
        void closed(PeerConnection connection);

        /** Starts a named daemon thread owned by the overlay. */
        Thread spawn(String name, Runnable body);
    }

    private final Socket socket;
    private final PeerStatus.Direction direction;
    private final InetSocketAddress remoteAddress;
    private final Handshake handshake;
    private final OverlayLimits limits;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Listener listener;
    private final String localName;
    private final OutboundQueue queue;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();

    private volatile PeerStatus.State state = PeerStatus.State.CONNECTING;
    private volatile String peerKey;
    private volatile byte[] peerPublicKey;
    private volatile Instant connectedSince;
    private volatile SecureChannel channel;
    private volatile Thread reader;
    private volatile Thread writer;
    private DisconnectReason closeReason;
    private String lastError;

    PeerConnection(Socket socket, PeerStatus.Direction direction, Handshake handshake, OverlayLimits limits,
                   Clock clock, ScheduledExecutorService timer, Listener listener, String localName) {
        this.socket = socket;
        this.direction = direction;
        this.remoteAddress = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.handshake = handshake;
        this.limits = limits;
        this.clock = clock;
        this.timer = timer;
        this.listener = listener;
        this.localName = localName;
        this.queue = new OutboundQueue(limits.queueMessagesMax(), limits.queueBytesMax(), clock);
    }

    /** Starts the reader thread, which runs the handshake first. */
    void start() {
        reader = listener.spawn(localName + "-read-" + remoteAddress.getPort(), this::readLoop);
    }

    /** Queues an application message; only once authenticated. Disconnects a peer that stays too slow. */
    OutboundQueue.Offer enqueue(MessageKind kind, byte[] payload) {
        if (state != PeerStatus.State.AUTHENTICATED || payload.length > limits.frameBytesMax()) {
            return OutboundQueue.Offer.CLOSED;
        }
        OutboundQueue.Offer offer = queue.offer(kind.code(), payload, kind.highPriority());
        if (offer == OutboundQueue.Offer.OVERFLOW && queue.stalledMs() >= limits.slowPeerTimeoutMs()) {
            close(DisconnectReason.SLOW_PEER, queue.size() + " messages, " + queue.bytes() + " bytes queued");
        }
        return offer;
    }

    /** Closes the connection once; later calls keep the first reason. */
    void close(DisconnectReason reason, String detail) {
        synchronized (this) {
            if (closeReason != null) {
                return;
            }
            closeReason = reason;
            lastError = detail == null ? reason.text() : reason.text() + ": " + detail;
            state = PeerStatus.State.CLOSED;
        }
        Level level = switch (reason) {
            case SHUTDOWN, DUPLICATE -> Level.FINE;
            case CONNECTION_LOST, IDLE -> Level.INFO;
            default -> Level.WARNING;
        };
        LOG.log(level, () -> localName + ": closing connection with " + describe() + ": " + lastError);
        queue.close();
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "socket close failed", e);
        }
    }

    /** Waits until the reader thread has finished and the overlay was told. */
    boolean awaitClosed(long timeoutMs) throws InterruptedException {
        return done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Joins this connection's threads, unless called from one of them. */
    void join(long timeoutMs) throws InterruptedException {
        for (Thread thread : new Thread[] {reader, writer}) {
            if (thread != null && thread != Thread.currentThread()) {
                thread.join(timeoutMs);
            }
        }
    }

    String peerKey() {
        return peerKey;
    }

    byte[] peerPublicKey() {
        return peerPublicKey;
    }

    PeerStatus.Direction direction() {
        return direction;
    }

    boolean isAuthenticated() {
        return state == PeerStatus.State.AUTHENTICATED;
    }

    synchronized DisconnectReason closeReason() {
        return closeReason;
    }

    synchronized String lastError() {
        return lastError;
    }

    PeerStatus status() {
        return new PeerStatus(peerKey, remoteAddress, direction, state, connectedSince, messagesIn.get(),
                messagesOut.get(), bytesIn.get(), bytesOut.get(), queue.size(), queue.bytes(), queue.dropped(),
                lastError());
    }

    private String describe() {
        return (peerKey != null ? peerKey : "unauthenticated peer") + " at " + remoteAddress + " ("
                + direction.name().toLowerCase() + ")";
    }

    private void readLoop() {
        try {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES));
            DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES));
            state = PeerStatus.State.HANDSHAKING;
            Handshake.Session session = shakeHands(in, out);
            peerKey = session.peerKey();
            peerPublicKey = session.peerPublicKey();
            channel = session.channel();
            socket.setSoTimeout(limits.idleTimeoutMs());
            synchronized (this) {
                if (closeReason != null) {
                    return;
                }
                connectedSince = clock.instant();
                state = PeerStatus.State.AUTHENTICATED;
            }
            writer = listener.spawn(localName + "-write-" + remoteAddress.getPort(), this::writeLoop);
            if (!listener.authenticated(this)) {
                close(DisconnectReason.DUPLICATE, "kept the connection dialled by the smaller key");
                return;
            }
            while (true) {
                dispatch(channel.read());
            }
        } catch (ProtocolViolation violation) {
            close(violation.reason(), detailOf(violation));
        } catch (SocketTimeoutException e) {
            close(DisconnectReason.IDLE, "nothing received for " + limits.idleTimeoutMs() + " ms");
        } catch (EOFException e) {
            close(DisconnectReason.CONNECTION_LOST, "closed by the peer");
        } catch (IOException e) {
            close(DisconnectReason.CONNECTION_LOST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, localName + ": unexpected failure on connection with " + describe(), e);
            close(DisconnectReason.CONNECTION_LOST, "internal error: " + e);
        } finally {
            close(DisconnectReason.CONNECTION_LOST, null);
            try {
                listener.closed(this);
            } finally {
                done.countDown();
            }
        }
    }

    private Handshake.Session shakeHands(DataInputStream in, DataOutputStream out)
            throws IOException, ProtocolViolation {
        ScheduledFuture<?> watchdog = timer.schedule(() -> close(DisconnectReason.HANDSHAKE_TIMEOUT,
                "not completed within " + limits.handshakeTimeoutMs() + " ms"), limits.handshakeTimeoutMs(),
                TimeUnit.MILLISECONDS);
        try {
            return direction == PeerStatus.Direction.OUTBOUND ? handshake.initiate(in, out)
                    : handshake.respond(in, out);
        } finally {
            watchdog.cancel(false);
        }
    }

    private void dispatch(SecureChannel.Frame frame) throws ProtocolViolation {
        bytesIn.addAndGet(frame.wireBytes());
        switch (frame.code()) {
            case SecureChannel.PING -> {
            }
            case SecureChannel.ERROR -> throw PeerError.decode(frame.payload()).asViolation();
            case SecureChannel.READY -> throw new ProtocolViolation(DisconnectReason.MALFORMED, "READY after handshake");
            default -> {
                MessageKind kind = MessageKind.fromCode(frame.code()).orElseThrow(
                        () -> new ProtocolViolation(DisconnectReason.UNKNOWN_KIND, "code " + frame.code()));
                messagesIn.incrementAndGet();
                listener.message(this, kind, frame.payload());
            }
        }
    }

    private void writeLoop() {
        long pingIntervalMs = limits.idleTimeoutMs() / 3;
        try {
            while (closeReason() == null) {
                OutboundQueue.Item item = queue.take(pingIntervalMs);
                if (closeReason() != null) {
                    return;
                }
                if (item == null) {
                    bytesOut.addAndGet(channel.write(SecureChannel.PING, EMPTY));
                } else {
                    bytesOut.addAndGet(channel.write(item.code(), item.payload()));
                    messagesOut.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            close(DisconnectReason.SHUTDOWN, null);
        } catch (IOException e) {
            close(DisconnectReason.CONNECTION_LOST, "write failed: " + e.getMessage());
        }
    }

    private static String detailOf(ProtocolViolation violation) {
        String message = violation.getMessage();
        String prefix = violation.reason().text();
        return message.startsWith(prefix + ": ") ? message.substring(prefix.length() + 2)
                : message.equals(prefix) ? null : message;
    }
}
