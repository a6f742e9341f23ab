package io.corridor.consensus.overlay;

/**
 * Internal: unwinds a connection's handshake or read loop to its single close point, carrying the reason.
 * It never leaves the package; the host sees reasons only in logs and {@link PeerStatus#lastError()}.
 */
final class ProtocolViolation extends Exception {
    private static final long serialVersionUID = 1L;
    private final DisconnectReason reason;

    ProtocolViolation(DisconnectReason reason, String detail) {
        super(detail == null ? reason.text() : reason.text() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    DisconnectReason reason() {
        return reason;
    }
}
