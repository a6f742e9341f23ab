package io.corridor.ledger.application;

import io.corridor.ledger.core.history.Effect;
import java.util.Objects;

/**
 * An effect as the API serves it: the operation it belongs to, its 1-based place among that operation's effects,
 * when it happened and what it is. Effects are not stored; they are derived from stored operations and
 * transaction metadata whenever they are read.
 */
public record EffectRecord(long operationId, int index, String transactionHash, int ledger, long closeTime,
        Effect effect) {

    public EffectRecord {
        if (operationId <= 0 || index < 1) {
            throw new IllegalArgumentException("effect " + index + " of operation " + operationId);
        }
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(effect, "effect");
    }

    /** Horizon's paging token: {@code <operation id>-<index>}. */
    public String pagingToken() {
        return operationId + "-" + index;
    }

    /** Horizon's id: the operation id in 19 digits and the index in 10, zero-padded and joined by {@code -}. */
    public String id() {
        return String.format("%019d-%010d", operationId, index);
    }

    public EffectCursor position() {
        return new EffectCursor(operationId, index);
    }
}
