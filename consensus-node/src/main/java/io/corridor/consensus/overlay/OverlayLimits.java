package io.corridor.consensus.overlay;

/**
 * Every bound and timeout of the overlay. {@link #DEFAULTS} suits a validator network of tens of nodes.
 *
 * @param frameBytesMax        largest application payload a frame may carry (default 16 MiB)
 * @param queueMessagesMax     messages an outbound queue holds per peer
 * @param queueBytesMax        payload bytes an outbound queue holds per peer (at least {@code frameBytesMax})
 * @param seenMessagesMax      flooded-message hashes remembered for de-duplication (oldest evicted)
 * @param inboundPeersMax      inbound connections (handshaking or authenticated) accepted at once
 * @param handshakeTimeoutMs   time a connection has to complete the handshake
 * @param connectTimeoutMs     TCP connect timeout when dialling
 * @param idleTimeoutMs        a connection silent this long is closed; pings go out every third of it
 * @param slowPeerTimeoutMs    a peer whose queue rejects high-priority messages this long is disconnected
 * @param reconnectDelayMinMs  first redial delay; doubles per failure
 * @param reconnectDelayMaxMs  largest redial delay
 */
public record OverlayLimits(int frameBytesMax, int queueMessagesMax, long queueBytesMax, int seenMessagesMax,
                            int inboundPeersMax, long handshakeTimeoutMs, int connectTimeoutMs, int idleTimeoutMs,
                            long slowPeerTimeoutMs, long reconnectDelayMinMs, long reconnectDelayMaxMs) {

    /** The wire format's hard ceiling on a frame payload (the length prefix is a signed 32-bit int). */
    public static final int FRAME_BYTES_LIMIT = 256 * 1024 * 1024;

    public static final OverlayLimits DEFAULTS = new OverlayLimits(16 * 1024 * 1024, 10_000, 64L * 1024 * 1024,
            100_000, 64, 5_000, 5_000, 60_000, 5_000, 250, 10_000);

    public OverlayLimits {
        require(frameBytesMax > 0 && frameBytesMax <= FRAME_BYTES_LIMIT, "frameBytesMax out of range");
        require(queueMessagesMax > 0, "queueMessagesMax must be positive");
        require(queueBytesMax >= frameBytesMax, "queueBytesMax must hold at least one full frame");
        require(seenMessagesMax > 0, "seenMessagesMax must be positive");
        require(inboundPeersMax > 0, "inboundPeersMax must be positive");
        require(handshakeTimeoutMs > 0, "handshakeTimeoutMs must be positive");
        require(connectTimeoutMs > 0, "connectTimeoutMs must be positive");
        require(idleTimeoutMs >= 3, "idleTimeoutMs must be at least 3");
        require(slowPeerTimeoutMs >= 0, "slowPeerTimeoutMs must not be negative");
        require(reconnectDelayMinMs > 0 && reconnectDelayMaxMs >= reconnectDelayMinMs, "bad reconnect delays");
    }

    /** These limits with another frame size bound. */
    public OverlayLimits withFrameBytesMax(int bytes) {
        return new OverlayLimits(bytes, queueMessagesMax, Math.max(queueBytesMax, bytes), seenMessagesMax,
                inboundPeersMax, handshakeTimeoutMs, connectTimeoutMs, idleTimeoutMs, slowPeerTimeoutMs,
                reconnectDelayMinMs, reconnectDelayMaxMs);
    }

    /** These limits with other redial delays. */
    public OverlayLimits withReconnectDelaysMs(long minMs, long maxMs) {
        return new OverlayLimits(frameBytesMax, queueMessagesMax, queueBytesMax, seenMessagesMax, inboundPeersMax,
                handshakeTimeoutMs, connectTimeoutMs, idleTimeoutMs, slowPeerTimeoutMs, minMs, maxMs);
    }

    /** These limits with another handshake timeout. */
    public OverlayLimits withHandshakeTimeoutMs(long ms) {
        return new OverlayLimits(frameBytesMax, queueMessagesMax, queueBytesMax, seenMessagesMax, inboundPeersMax,
                ms, connectTimeoutMs, idleTimeoutMs, slowPeerTimeoutMs, reconnectDelayMinMs, reconnectDelayMaxMs);
    }

    /** These limits with another idle timeout. */
    public OverlayLimits withIdleTimeoutMs(int ms) {
        return new OverlayLimits(frameBytesMax, queueMessagesMax, queueBytesMax, seenMessagesMax, inboundPeersMax,
                handshakeTimeoutMs, connectTimeoutMs, ms, slowPeerTimeoutMs, reconnectDelayMinMs, reconnectDelayMaxMs);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
