package io.corridor.consensus.overlay;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one direction of one connection. The 96-bit nonce is four zero bytes followed by a
 * 64-bit big-endian frame counter that starts at 0 and only increases, so a nonce is never reused under a
 * key; each direction has its own key. A frame that fails authentication (tampering, reordering, replay or
 * a lost frame) is a fatal error for the connection. Not thread-safe: one reader or one writer uses it.
 */
final class FrameCipher {
    static final int KEY_BYTES = 32;
    static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final Cipher cipher;
    private final int mode;
    private long counter;

    private FrameCipher(byte[] key, int mode) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.mode = mode;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    static FrameCipher forSending(byte[] key) {
        return new FrameCipher(key, Cipher.ENCRYPT_MODE);
    }

    static FrameCipher forReceiving(byte[] key) {
        return new FrameCipher(key, Cipher.DECRYPT_MODE);
    }

    /** Encrypts the next frame; {@code associated} (the length header) is authenticated, not encrypted. */
    byte[] seal(byte[] associated, byte[] plaintext) {
        checkMode(Cipher.ENCRYPT_MODE);
        try {
            init();
            cipher.updateAAD(associated);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM encryption failed", e);
        }
    }

    /** Decrypts and authenticates the next frame. */
    byte[] open(byte[] associated, byte[] ciphertext) throws ProtocolViolation {
        checkMode(Cipher.DECRYPT_MODE);
        try {
            init();
            cipher.updateAAD(associated);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new ProtocolViolation(DisconnectReason.DECRYPT_FAILED, "frame " + (counter - 1));
        } catch (GeneralSecurityException e) {
            throw new ProtocolViolation(DisconnectReason.DECRYPT_FAILED, e.getMessage());
        }
    }

    /** Frames processed so far, which is also the next frame's counter. */
    long frames() {
        return counter;
    }

    private void init() throws GeneralSecurityException {
        if (counter == Long.MAX_VALUE) {
            throw new IllegalStateException("frame counter exhausted; the connection must be re-established");
        }
        byte[] nonce = ByteBuffer.allocate(NONCE_BYTES).putInt(0).putLong(counter++).array();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    }

    private void checkMode(int expected) {
        if (mode != expected) {
            throw new IllegalStateException("cipher used in the wrong direction");
        }
    }
}
