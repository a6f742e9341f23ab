package io.corridor.consensus.fbas;

import java.util.Objects;

/**
 * The outcome of reading some input: a value or an {@link InputError}. Bad input is an expected failure,
 * so it is returned rather than thrown.
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Failed {

    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(InputError error) implements Parsed<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> failed(InputError error) {
        return new Failed<>(error);
    }

    static <T> Parsed<T> failed(InputErrorCode code, String message, TextPosition position) {
        return new Failed<>(new InputError(code, message, position));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; asking a failure for its value is a programming error. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: " + ((Failed<T>) this).error().describe());
    }

    /** The error; asking a success for its error is a programming error. */
    default InputError error() {
        if (this instanceof Failed<T> failed) {
            return failed.error();
        }
        throw new IllegalStateException("no error: the input was accepted");
    }
}
