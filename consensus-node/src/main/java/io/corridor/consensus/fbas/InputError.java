package io.corridor.consensus.fbas;

import java.util.Objects;

/** An expected failure to accept some input: a stable code, a message for people, and where it happened. */
public record InputError(InputErrorCode code, String message, TextPosition position) {

    public InputError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(position, "position");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an input error needs a message");
        }
    }

    public static InputError of(InputErrorCode code, String message) {
        return new InputError(code, message, TextPosition.UNKNOWN);
    }

    /** The message prefixed with its position, e.g. {@code line 3, column 7: expected ':'}. */
    public String describe() {
        return position.isKnown() ? position + ": " + message : message;
    }
}
