package io.corridor.consensus.fbas;

/** Counts the steps and results of one analysis call against {@link FbasLimits}. */
final class SearchBudget {

    private final FbasLimits limits;
    private final String search;
    private long steps;

    SearchBudget(FbasLimits limits, String search) {
        this.limits = limits;
        this.search = search;
    }

    void step() {
        steps++;
        if (steps > limits.searchStepsMax()) {
            throw new SearchBoundExceededException("searchStepsMax", limits.searchStepsMax(), search);
        }
    }

    void checkResults(int count) {
        if (count > limits.resultSetsMax()) {
            throw new SearchBoundExceededException("resultSetsMax", limits.resultSetsMax(), search);
        }
    }

    void checkOpenSets(int count) {
        if (count > limits.openSetsMax()) {
            throw new SearchBoundExceededException("openSetsMax", limits.openSetsMax(), search);
        }
    }

    long steps() {
        return steps;
    }
}
