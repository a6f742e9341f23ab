package io.corridor.consensus.fbas;

/**
 * Bounds on the work of one analysis call. Every search in the analysis is exponential in the worst case;
 * these bounds make it fail with {@link SearchBoundExceededException} instead of running for hours.
 *
 * @param searchStepsMax steps (search tree nodes) one call of an analysis method may take
 * @param resultSetsMax  sets one result (minimal quorums, blocking sets, splitting sets) may hold
 * @param openSetsMax    sets a breadth-first search may hold for its next level
 */
public record FbasLimits(long searchStepsMax, int resultSetsMax, int openSetsMax) {

    /** Enough for the 2019 Stellar network with a wide margin (it needs well under a million steps). */
    public static final FbasLimits DEFAULT = new FbasLimits(20_000_000L, 1_000_000, 2_000_000);

    public FbasLimits {
        if (searchStepsMax < 1) {
            throw new IllegalArgumentException("searchStepsMax must be positive: " + searchStepsMax);
        }
        if (resultSetsMax < 1) {
            throw new IllegalArgumentException("resultSetsMax must be positive: " + resultSetsMax);
        }
        if (openSetsMax < 1) {
            throw new IllegalArgumentException("openSetsMax must be positive: " + openSetsMax);
        }
    }

    public FbasLimits withSearchStepsMax(long stepsMax) {
        return new FbasLimits(stepsMax, resultSetsMax, openSetsMax);
    }
}
