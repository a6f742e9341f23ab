package io.corridor.consensus.overlay;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flood filter: SHA-256 of {@code kind code ‖ payload} of recently flooded messages, at most
 * {@code entriesMax} of them, the oldest first out. Thread-safe.
 */
final class SeenMessages {
    private final Map<ByteBuffer, Boolean> recent;

    SeenMessages(int entriesMax) {
        if (entriesMax <= 0) {
            throw new IllegalArgumentException("entriesMax must be positive");
        }
        this.recent = new LinkedHashMap<>(Math.min(entriesMax, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > entriesMax;
            }
        };
    }

    /** Records the message; true if it was not already remembered. */
    boolean add(MessageKind kind, byte[] payload) {
        ByteBuffer key = ByteBuffer.wrap(hash(kind, payload));
        synchronized (recent) {
            return recent.put(key, Boolean.TRUE) == null;
        }
    }

    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    static byte[] hash(MessageKind kind, byte[] payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) kind.code());
            digest.update(payload);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
