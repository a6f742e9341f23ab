package io.corridor.ledger.application;

/**
 * One page of history: records strictly after {@code cursor} in the given order, at most {@code limit}.
 * Cursors are TOIDs (or ledger sequences for ledgers); ascending from 0 starts at the beginning, descending
 * from {@link Long#MAX_VALUE} at the end.
 */
public record PageRequest(long cursor, boolean ascending, int limit) {

    public static final int LIMIT_DEFAULT = 10;
    public static final int LIMIT_MAX = 200;

    public PageRequest {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + LIMIT_MAX + ", was " + limit);
        }
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative: " + cursor);
        }
    }
}
