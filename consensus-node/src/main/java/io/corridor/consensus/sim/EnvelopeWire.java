package io.corridor.consensus.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.stellar.sdk.xdr.SCPEnvelope;

/**
 * Envelopes on the simulated wire are XDR bytes, so that garbage can be sent. Decoding untrusted bytes
 * walks the XDR layout first and checks every length and count against the bytes actually left: the SDK's
 * generated decoders allocate arrays of whatever size a length prefix claims, so four random bytes could ask
 * for gigabytes. A real overlay needs the same guard.
 */
final class EnvelopeWire {
    /** Largest envelope accepted (stellar-core's overlay caps messages far below what the layout allows). */
    static final int BYTES_MAX = 64 * 1024;
    private static final int SIGNATURE_BYTES_MAX = 64;

    private EnvelopeWire() {
    }

    static byte[] encode(SCPEnvelope envelope) {
        try {
            return envelope.toXdrByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope, or empty when the bytes are not exactly one well-formed envelope. */
    static Optional<SCPEnvelope> decode(byte[] bytes) {
        if (bytes == null || bytes.length > BYTES_MAX || !new Walker(bytes).envelope()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SCPEnvelope.fromXdrByteArray(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A bounds-checking reader over the XDR layout of {@code SCPEnvelope}. */
    private static final class Walker {
        private final byte[] b;
        private int pos;

        Walker(byte[] b) {
            this.b = b;
        }

        boolean envelope() {
            try {
                statement();
                opaque(SIGNATURE_BYTES_MAX);
                return pos == b.length;
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                return false;
            }
        }

        private void statement() {
            expect(uint32() == 0); // PUBLIC_KEY_TYPE_ED25519
            skip(32);
            skip(8); // slot index
            int type = (int) uint32();
            switch (type) {
                case 0 -> { // PREPARE
                    skip(32);
                    ballot();
                    optionalBallot();
                    optionalBallot();
                    skip(8);
                }
                case 1 -> { // CONFIRM
                    ballot();
                    skip(12 + 32);
                }
                case 2 -> { // EXTERNALIZE
                    ballot();
                    skip(4 + 32);
                }
                case 3 -> { // NOMINATE
                    skip(32);
                    values();
                    values();
                }
                default -> throw new IllegalArgumentException("statement type " + type);
            }
        }

        private void values() {
            long count = uint32();
            expect(count <= (b.length - pos) / 4);
            for (long i = 0; i < count; i++) {
                opaque(Integer.MAX_VALUE);
            }
        }

        private void optionalBallot() {
            long present = uint32();
            expect(present <= 1);
            if (present == 1) {
                ballot();
            }
        }

        private void ballot() {
            skip(4);
            opaque(Integer.MAX_VALUE);
        }

        private void opaque(int max) {
            long length = uint32();
            expect(length <= max && length <= b.length - pos);
            skip((int) ((length + 3) & ~3L));
        }

        private long uint32() {
            check(4);
            long v = ((b[pos] & 0xffL) << 24) | ((b[pos + 1] & 0xffL) << 16) | ((b[pos + 2] & 0xffL) << 8) | (b[pos + 3] & 0xffL);
            pos += 4;
            return v;
        }

        private void skip(int n) {
            check(n);
            pos += n;
        }

        private void check(int n) {
            if (n < 0 || n > b.length - pos) {
                throw new IndexOutOfBoundsException();
            }
        }

        private static void expect(boolean condition) {
            if (!condition) {
                throw new IllegalArgumentException("malformed");
            }
        }
    }
}
