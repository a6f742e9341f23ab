package io.corridor.consensus.scp;

/** Result of handing an envelope to {@link Scp#receiveEnvelope}. Stable codes: never reorder. */
public enum EnvelopeState {
    /**
     * The envelope was rejected: malformed or insane statement, bad signature, stale (not newer than what the
     * sender already said), unknown or insane quorum set, invalid value, or a slot beyond the slot bound.
     */
    INVALID,
    /** The envelope was recorded and processed. */
    VALID
}
