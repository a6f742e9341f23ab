package io.corridor.ledger.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.stellar.sdk.xdr.XdrDataInputStream;

/**
 * Encoding helpers over the Stellar SDK's XDR classes. Encoding our own objects cannot fail, so the
 * checked {@link IOException} becomes an unchecked one; decoding input from outside returns a
 * {@link XdrDecodeException} that callers turn into a clear client error.
 */
public final class Xdr {

    /** Nesting the SDK decoder accepts; XDR from clients is small and shallow. */
    public static final int DECODE_DEPTH_MAX = 200;

    private Xdr() {
    }

    /**
     * An XDR value's encoder, normally its {@code toXdrByteArray} method: the SDK's common XDR interface
     * is not public, so the method reference stands in for it ({@code Xdr.encode(entry::toXdrByteArray)}).
     */
    @FunctionalInterface
    public interface Encodable {
        byte[] toXdrByteArray() throws IOException;
    }

    public static byte[] encode(Encodable element) {
        try {
            return element.toXdrByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding into memory failed", e);
        }
    }

    public static String encodeBase64(Encodable element) {
        return java.util.Base64.getEncoder().encodeToString(encode(element));
    }

    /** A decoder of one XDR type from a stream, e.g. {@code TransactionEnvelope::decode}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(XdrDataInputStream in) throws IOException;
    }

    /**
     * Decodes exactly one value: trailing bytes are an error, as in stellar-core, and so is a value cut short
     * (the SDK's decoder reads fixed-length opaques without checking that all their bytes were there).
     */
    public static <T> T decode(byte[] bytes, Decoder<T> decoder) throws XdrDecodeException {
        try {
            StrictInput input = new StrictInput(bytes);
            XdrDataInputStream in = new XdrDataInputStream(input);
            T value = decoder.decode(in);
            if (input.truncated) {
                throw new XdrDecodeException("the value is cut short: it needs more than the " + bytes.length
                        + " bytes given");
            }
            if (input.available() > 0) {
                throw new XdrDecodeException(input.available() + " unexpected bytes after the value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new XdrDecodeException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Remembers whether a read asked for more bytes than were left. */
    private static final class StrictInput extends ByteArrayInputStream {

        private boolean truncated;

        StrictInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int value = super.read();
            if (value < 0) {
                truncated = true;
            }
            return value;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (len > 0 && n < len) {
                truncated = true;
            }
            return n;
        }
    }

    public static <T> T decodeBase64(String base64, Decoder<T> decoder) throws XdrDecodeException {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new XdrDecodeException("not base64: " + e.getMessage());
        }
        return decode(bytes, decoder);
    }

    /** Decoding of our own stored bytes: failure means corrupted storage, a bug, not bad input. */
    public static <T> T decodeTrusted(byte[] bytes, Decoder<T> decoder) {
        try {
            return decode(bytes, decoder);
        } catch (XdrDecodeException e) {
            throw new IllegalStateException("stored XDR does not decode: " + e.getMessage(), e);
        }
    }

    /** Deep copy through the wire format; XDR objects are mutable and must not be shared. */
    public static <T> T copy(Encodable element, Decoder<T> decoder) {
        return decodeTrusted(encode(element), decoder);
    }

    /** Malformed XDR from outside the node. */
    public static final class XdrDecodeException extends Exception {
        private static final long serialVersionUID = 1L;

        public XdrDecodeException(String message) {
            super(message);
        }
    }
}
