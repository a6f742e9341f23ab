package io.corridor.consensus.scp;

/**
 * A consensus invariant does not hold: this is a bug (in this library or in the driver), never an expected
 * failure. The node must stop rather than keep voting from a state it cannot trust.
 */
public final class ScpInvariantException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ScpInvariantException(String message) {
        super(message);
    }

    /** Throws when {@code condition} is false. Always on, never compiled out. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new ScpInvariantException(message);
        }
    }
}
