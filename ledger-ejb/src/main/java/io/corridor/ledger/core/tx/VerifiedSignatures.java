package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.Ed25519;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ed25519 verifications already done, so that a signature checked when a transaction is admitted (or
 * verified ahead of apply, in parallel) is not verified again when its ledger closes. Verification is a pure
 * function of key, message and signature, so the cache cannot change any outcome, only its cost.
 *
 * <p>Bounded: entries live in two generations of at most {@value #GENERATION_ENTRIES_MAX} each; when the
 * current one is full it becomes the previous one and the oldest is dropped. Thread-safe.
 */
public final class VerifiedSignatures {

    public static final int GENERATION_ENTRIES_MAX = 100_000;

    private record Key(byte[] bytes, int hash) {
        static Key of(byte[] publicKey, byte[] message, byte[] signature) {
            byte[] bytes = new byte[publicKey.length + message.length + signature.length + 2];
            System.arraycopy(publicKey, 0, bytes, 0, publicKey.length);
            bytes[publicKey.length] = (byte) message.length;
            System.arraycopy(message, 0, bytes, publicKey.length + 1, message.length);
            bytes[publicKey.length + 1 + message.length] = (byte) signature.length;
            System.arraycopy(signature, 0, bytes, publicKey.length + message.length + 2, signature.length);
            return new Key(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private volatile ConcurrentHashMap<Key, Boolean> current = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Key, Boolean> previous = new ConcurrentHashMap<>();

    /** Whether {@code signature} is {@code publicKey}'s over {@code message}, verifying at most once. */
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Key key = Key.of(publicKey, message, signature);
        Boolean known = current.get(key);
        if (known == null) {
            known = previous.get(key);
        }
        if (known != null) {
            return known;
        }
        boolean ok = Ed25519.verify(publicKey, message, signature);
        remember(key, ok);
        return ok;
    }

    private synchronized void remember(Key key, boolean ok) {
        if (current.size() >= GENERATION_ENTRIES_MAX) {
            previous = current;
            current = new ConcurrentHashMap<>();
        }
        current.put(key, ok);
    }

    public int size() {
        return current.size() + previous.size();
    }
}
