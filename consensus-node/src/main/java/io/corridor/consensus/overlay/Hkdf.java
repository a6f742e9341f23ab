package io.corridor.consensus.overlay;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869). */
final class Hkdf {
    static final int HASH_BYTES = 32;
    /** RFC 5869's bound on the output length. */
    static final int OUTPUT_BYTES_MAX = 255 * HASH_BYTES;

    private Hkdf() {
    }

    /** HKDF-Extract: the pseudorandom key. An empty salt means 32 zero bytes. */
    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        byte[] key = salt.length == 0 ? new byte[HASH_BYTES] : salt;
        return hmac(key, inputKeyMaterial);
    }

    /** HKDF-Expand: {@code length} bytes of output keying material. */
    static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        if (length < 0 || length > OUTPUT_BYTES_MAX) {
            throw new IllegalArgumentException("HKDF output length out of range: " + length);
        }
        byte[] output = new byte[length];
        byte[] block = new byte[0];
        int filled = 0;
        for (int counter = 1; filled < length; counter++) {
            byte[] input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) counter;
            block = hmac(pseudorandomKey, input);
            int take = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, output, filled, take);
            filled += take;
        }
        return output;
    }

    /** Extract then expand. */
    static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        return expand(extract(salt, inputKeyMaterial), info, length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
