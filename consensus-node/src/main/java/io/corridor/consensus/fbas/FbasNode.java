package io.corridor.consensus.fbas;

import java.util.Objects;
import java.util.Optional;

/**
 * A node of an FBAS: its id (the public key in Stellar data), its quorum set if known, and an optional
 * human-readable name. A node without a quorum set has no slices, so it is in no quorum.
 */
public record FbasNode(String id, Optional<QuorumSet> quorumSet, Optional<String> name) {

    /** Longest node id accepted: Stellar public keys have 56 characters. */
    public static final int ID_CHARS_MAX = 256;

    public FbasNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quorumSet, "quorumSet");
        Objects.requireNonNull(name, "name");
        if (id.isEmpty() || id.length() > ID_CHARS_MAX) {
            throw new IllegalArgumentException("node ids must have 1.." + ID_CHARS_MAX + " characters: '" + id + "'");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException("node ids must not contain control characters");
            }
        }
    }

    public static FbasNode of(String id, QuorumSet quorumSet) {
        return new FbasNode(id, Optional.of(quorumSet), Optional.empty());
    }

    public static FbasNode withoutQuorumSet(String id) {
        return new FbasNode(id, Optional.empty(), Optional.empty());
    }
}
