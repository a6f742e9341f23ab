package io.corridor.consensus.overlay;

/**
 * What the overlay's host (the herder) receives. All methods are called from overlay threads: one reader
 * thread per connection, so messages from one peer arrive in order and a slow handler slows only that peer
 * (its socket stops being read, and TCP pushes back). Implementations must be thread-safe and must not block
 * for long.
 */
public interface MessageHandler {

    /**
     * A message from an authenticated peer. Flood kinds arrive here at most once per distinct payload
     * (while remembered); call {@link Overlay#relay} after validating one to pass it on.
     *
     * @param peerKey the sender's node key, {@code G...}
     */
    void onMessage(String peerKey, MessageKind kind, byte[] payload);

    /** A peer completed the handshake and is now reachable with {@link Overlay#send}. */
    default void onPeerConnected(String peerKey) {
    }

    /** The last connection to a peer closed. */
    default void onPeerDisconnected(String peerKey) {
    }
}
