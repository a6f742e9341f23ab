package io.corridor.consensus.overlay;

import java.util.Optional;

/**
 * Why a connection was refused or closed. The codes travel in ERROR frames and are a wire contract: never
 * renumber, only append.
 */
public enum DisconnectReason {
    WRONG_NETWORK(1, "peer is on another network"),
    PROTOCOL_VERSION(2, "unsupported overlay protocol version"),
    BAD_SIGNATURE(3, "handshake signature does not verify"),
    NOT_ALLOWED(4, "peer key is not allowed"),
    SELF(5, "connected to ourselves"),
    DUPLICATE(6, "duplicate connection"),
    PEERS_FULL(7, "too many inbound peers"),
    HANDSHAKE_TIMEOUT(8, "handshake timed out"),
    MALFORMED(9, "malformed message"),
    DECRYPT_FAILED(10, "frame failed authentication"),
    FRAME_TOO_LARGE(11, "frame too large"),
    UNKNOWN_KIND(12, "unknown message kind"),
    SLOW_PEER(13, "peer too slow: outbound queue stayed full"),
    IDLE(14, "peer idle"),
    CONNECTION_LOST(15, "connection lost"),
    PEER_ERROR(16, "peer reported an error"),
    SHUTDOWN(17, "overlay closed");

    private final int code;
    private final String text;

    DisconnectReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The stable wire code. */
    public int code() {
        return code;
    }

    /** A human-readable description, also sent to the peer. */
    public String text() {
        return text;
    }

    /** The reason with this code, or empty. */
    public static Optional<DisconnectReason> fromCode(int code) {
        for (DisconnectReason reason : values()) {
            if (reason.code == code) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
