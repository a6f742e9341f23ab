package io.corridor.consensus.overlay;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * A snapshot of one connection, or of a configured peer the overlay is waiting to redial.
 *
 * @param key            the peer's node key ({@code G...}), or null until a handshake has told it
 * @param remoteAddress  the socket's remote address, or the configured address while backing off
 * @param direction      who dialled
 * @param state          where the connection is in its life cycle
 * @param connectedSince when the handshake completed, or null
 * @param messagesIn     application messages received
 * @param messagesOut    application messages written
 * @param bytesIn        frame bytes received, headers included
 * @param bytesOut       frame bytes written, headers included
 * @param queuedMessages messages waiting in the outbound queue
 * @param queuedBytes    payload bytes waiting in the outbound queue
 * @param droppedMessages messages dropped because the queue was full
 * @param lastError      why the connection (or the last attempt) closed, or null
 */
public record PeerStatus(String key, InetSocketAddress remoteAddress, Direction direction, State state,
                         Instant connectedSince, long messagesIn, long messagesOut, long bytesIn, long bytesOut,
                         int queuedMessages, long queuedBytes, long droppedMessages, String lastError) {

    /** Who opened the TCP connection. */
    public enum Direction { INBOUND, OUTBOUND }

    /** Life cycle of a connection; {@code BACKOFF} is a configured peer waiting for its next dial. */
    public enum State { CONNECTING, HANDSHAKING, AUTHENTICATED, CLOSED, BACKOFF }
}
