package io.corridor.consensus.overlay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A hand-driven client speaking the overlay protocol from the package's own codecs, for tests that must
 * misbehave after (or during) the handshake: tampered and oversize frames, forged HELLOs, replays.
 */
final class RawPeer implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;
    private final Tap tap;

    /** Writes through to the socket, or into a buffer while capturing. */
    private static final class Tap extends OutputStream {
        private final OutputStream socket;
        private ByteArrayOutputStream capture;

        Tap(OutputStream socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            if (capture != null) {
                capture.write(b);
            } else {
                socket.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (capture != null) {
                capture.write(b, off, len);
            } else {
                socket.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            socket.flush();
        }
    }

    /** Something that writes to the peer. */
    interface Writes {
        void run() throws IOException;
    }

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        tap = new Tap(socket.getOutputStream());
        out = new DataOutputStream(tap);
    }

    /** Runs the real initiator handshake with {@code key}. */
    Handshake.Session handshake(NodeKey key, byte[] networkId) throws IOException, ProtocolViolation {
        return new Handshake(key, networkId, 0, Set.of(), new SecureRandom(), 1 << 20).initiate(in, out);
    }

    /** The bytes {@code writes} would have sent, without sending them. */
    byte[] capture(Writes writes) throws IOException {
        out.flush();
        tap.capture = new ByteArrayOutputStream();
        try {
            writes.run();
            out.flush();
            return tap.capture.toByteArray();
        } finally {
            tap.capture = null;
        }
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one clear-text handshake message: its type byte followed by its body. */
    byte[] readHandshakeMessage() throws IOException {
        int length = in.readInt();
        byte[] message = new byte[length];
        in.readFully(message);
        return message;
    }

    /** Whether the peer closes the connection within {@code timeoutMs} (anything it sends first is skipped). */
    boolean closedByPeer(int timeoutMs) throws IOException {
        socket.setSoTimeout(timeoutMs);
        try {
            while (in.read() >= 0) {
                // Skip whatever arrives before the close.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
