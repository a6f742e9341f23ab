package io.corridor.consensus.overlay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The body of an ERROR message: a {@link DisconnectReason} code and a short text, sent before closing.
 * Layout: {@code u16 code ‖ u16 length ‖ UTF-8 text}, text at most {@link #TEXT_BYTES_MAX} bytes.
 */
record PeerError(int code, String text) {
    static final int TEXT_BYTES_MAX = 256;

    static PeerError of(DisconnectReason reason) {
        return new PeerError(reason.code(), reason.text());
    }

    byte[] encode() {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bounded = Arrays.copyOf(utf8, Math.min(utf8.length, TEXT_BYTES_MAX));
        return ByteBuffer.allocate(4 + bounded.length).putShort((short) code).putShort((short) bounded.length)
                .put(bounded).array();
    }

    static PeerError decode(byte[] body) throws ProtocolViolation {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        if (buffer.remaining() < 4) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "short ERROR message");
        }
        int code = Short.toUnsignedInt(buffer.getShort());
        int length = Short.toUnsignedInt(buffer.getShort());
        if (length > TEXT_BYTES_MAX || length != buffer.remaining()) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "bad ERROR text length " + length);
        }
        byte[] utf8 = new byte[length];
        buffer.get(utf8);
        return new PeerError(code, new String(utf8, StandardCharsets.UTF_8));
    }

    /** The local violation that receiving this error amounts to. */
    ProtocolViolation asViolation() {
        if (code == DisconnectReason.SELF.code()) {
            // Symmetric: the peer found our key to be its own, so this connection is to ourselves too.
            return new ProtocolViolation(DisconnectReason.SELF, "reported by the peer");
        }
        String name = DisconnectReason.fromCode(code).map(Enum::name).orElse("code " + code);
        return new ProtocolViolation(DisconnectReason.PEER_ERROR, text + " (" + name + ")");
    }
}
