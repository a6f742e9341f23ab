package io.corridor.consensus.scp;

/**
 * How far the driver vouches for a value. Declared in increasing order of confidence, so the weakest of
 * several levels is the one with the lowest ordinal.
 */
public enum ValidationLevel {
    /** The value must never be voted for or accepted. */
    INVALID,
    /**
     * The value cannot be fully checked yet (for example the node is out of sync); statements carrying it
     * are processed, but the slot stops emitting until it is fully validated again.
     */
    MAYBE_VALID,
    /** The value is valid for the slot. */
    FULLY_VALIDATED;

    /** Returns the weaker of the two levels. */
    public ValidationLevel weakest(ValidationLevel other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
