package io.corridor.consensus.overlay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encrypted frames over one TCP connection: {@code u32 length ‖ AES-GCM(code u8 ‖ payload)}, where the length
 * counts the ciphertext including its 16-byte tag and is itself authenticated as associated data. Codes 1..127
 * are {@link MessageKind}s; {@link #READY}, {@link #PING} and {@link #ERROR} are the overlay's own. One thread
 * reads and one thread writes.
 */
final class SecureChannel {
    static final int HEADER_BYTES = 4;
    /** Key confirmation: the first encrypted frame each side sends. */
    static final int READY = 0xF0;
    /** Keep-alive, sent when nothing else was written for a while. */
    static final int PING = 0xF1;
    /** A {@link PeerError} before closing. */
    static final int ERROR = 0xF2;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final FrameCipher sendCipher;
    private final FrameCipher receiveCipher;
    private final int payloadBytesMax;

    /** One received frame; {@code wireBytes} counts the header too. */
    record Frame(int code, byte[] payload, int wireBytes) {
    }

    SecureChannel(DataInputStream in, DataOutputStream out, FrameCipher sendCipher, FrameCipher receiveCipher,
                  int payloadBytesMax) {
        this.in = in;
        this.out = out;
        this.sendCipher = sendCipher;
        this.receiveCipher = receiveCipher;
        this.payloadBytesMax = payloadBytesMax;
    }

    /** Encrypts and writes one frame; returns the bytes written. */
    int write(int code, byte[] payload) throws IOException {
        if (payload.length > payloadBytesMax) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + payloadBytesMax);
        }
        byte[] plaintext = new byte[1 + payload.length];
        plaintext[0] = (byte) code;
        System.arraycopy(payload, 0, plaintext, 1, payload.length);
        byte[] header = header(plaintext.length + FrameCipher.TAG_BYTES);
        byte[] ciphertext = sendCipher.seal(header, plaintext);
        out.write(header);
        out.write(ciphertext);
        out.flush();
        return HEADER_BYTES + ciphertext.length;
    }

    /** Reads, bounds-checks and decrypts one frame. */
    Frame read() throws IOException, ProtocolViolation {
        int length = in.readInt();
        long lengthMax = (long) payloadBytesMax + 1 + FrameCipher.TAG_BYTES;
        if (length < 1 + FrameCipher.TAG_BYTES || length > lengthMax) {
            throw new ProtocolViolation(length > lengthMax ? DisconnectReason.FRAME_TOO_LARGE
                    : DisconnectReason.MALFORMED, "frame length " + Integer.toUnsignedString(length)
                    + " (max " + lengthMax + ")");
        }
        byte[] ciphertext = new byte[length];
        in.readFully(ciphertext);
        byte[] plaintext = receiveCipher.open(header(length), ciphertext);
        return new Frame(Byte.toUnsignedInt(plaintext[0]), Arrays.copyOfRange(plaintext, 1, plaintext.length),
                HEADER_BYTES + length);
    }

    private static byte[] header(int length) {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(length).array();
    }
}
