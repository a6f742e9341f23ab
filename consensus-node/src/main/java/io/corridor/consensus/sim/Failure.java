package io.corridor.consensus.sim;

/**
 * One thing a run got wrong.
 *
 * @param kind   what was violated
 * @param atMs   virtual time it was detected
 * @param detail what happened, with node names, slots and values
 */
public record Failure(Kind kind, long atMs, String detail) {
    /** What was violated. */
    public enum Kind {
        /** Two intact nodes externalized different values for a slot. */
        SAFETY,
        /** An honest node emitted a statement that does not supersede its previous one (restarts included). */
        STATEMENT_ORDER,
        /** Some intact node had not externalized every slot by the liveness bound after the fault phase. */
        LIVENESS,
        /** The SCP library threw while an honest node (or a Byzantine node's honest core) used it. */
        EXCEPTION,
        /** The run needed more events than the bound allows. */
        EVENT_BOUND
    }

    @Override
    public String toString() {
        return kind + " at " + atMs + " ms: " + detail;
    }
}
