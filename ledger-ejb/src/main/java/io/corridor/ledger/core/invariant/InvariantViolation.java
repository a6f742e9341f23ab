package io.corridor.ledger.core.invariant;

/** A broken ledger invariant: a bug, after which the node must not close another ledger. */
public final class InvariantViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String invariant;
    private final String where;

    public InvariantViolation(String invariant, String where, String detail) {
        super("invariant " + invariant + " broken at " + where + ": " + detail);
        this.invariant = invariant;
        this.where = where;
    }

    public String invariant() {
        return invariant;
    }

    public String where() {
        return where;
    }
}
