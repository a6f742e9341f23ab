package io.corridor.consensus.fbas;

/**
 * An analysis needed more work than a bound of {@link FbasLimits} allows. The result would be incomplete,
 * so there is none; the message names the bound so that a caller can decide to raise it.
 */
public final class SearchBoundExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String boundName;
    private final long bound;

    public SearchBoundExceededException(String boundName, long bound, String search) {
        super(search + " exceeded " + boundName + " = " + bound + "; the FBAS is too large or irregular for an"
                + " exact answer within this bound");
        this.boundName = boundName;
        this.bound = bound;
    }

    public String boundName() {
        return boundName;
    }

    public long bound() {
        return bound;
    }
}
