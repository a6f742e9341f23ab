package io.corridor.federation;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of validating client input: a value, or the {@link FieldError} that refused it. Invalid input is an
 * expected outcome, so it is returned rather than thrown; asking an invalid result for its value is a programmer
 * error and throws.
 */
public final class Checked<T> {

    private final T value;
    private final FieldError error;

    private Checked(T value, FieldError error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Checked<T> valid(T value) {
        return new Checked<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Checked<T> invalid(String field, String reason) {
        return new Checked<>(null, new FieldError(field, reason));
    }

    public static <T> Checked<T> invalid(FieldError error) {
        return new Checked<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isValid() {
        return error == null;
    }

    /** The value; throws if this result is invalid. */
    public T value() {
        if (error != null) {
            throw new IllegalStateException("invalid: " + error);
        }
        return value;
    }

    /** The refusal; throws if this result is valid. */
    public FieldError error() {
        if (error == null) {
            throw new IllegalStateException("valid: " + value);
        }
        return error;
    }

    public <U> Checked<U> map(Function<? super T, ? extends U> mapper) {
        return error == null ? valid(mapper.apply(value)) : invalid(error);
    }

    public <U> Checked<U> flatMap(Function<? super T, Checked<U>> mapper) {
        return error == null ? mapper.apply(value) : invalid(error);
    }

    @Override
    public String toString() {
        return error == null ? "valid " + value : "invalid " + error;
    }
}
