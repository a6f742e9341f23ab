package io.corridor.federation;

import java.util.Objects;

/**
 * Why a value was refused: the field as the caller named it (a query parameter, a JSON member) and the reason,
 * in words a client can act on.
 */
public record FieldError(String field, String reason) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
