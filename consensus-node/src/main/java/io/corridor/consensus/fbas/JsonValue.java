package io.corridor.consensus.fbas;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value as read by {@link JsonReader}, with the position where it starts so that format errors
 * can point at the offending value.
 */
sealed interface JsonValue
        permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString, JsonValue.JsonNumber,
                JsonValue.JsonBoolean, JsonValue.JsonNull {

    TextPosition position();

    /** A short name of the value's type for error messages. */
    String typeName();

    /** Members in document order; keys are unique (the reader rejects duplicates). */
    record JsonObject(Map<String, JsonValue> members, TextPosition position) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            Objects.requireNonNull(position, "position");
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(members.get(key));
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    record JsonArray(List<JsonValue> elements, TextPosition position) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    record JsonString(String value, TextPosition position) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number kept as its literal text, so that no precision is lost before a caller decides. */
    record JsonNumber(String literal, TextPosition position) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(literal, "literal");
            Objects.requireNonNull(position, "position");
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty number literal");
            }
        }

        /** The value if the literal is an integer (no fraction, no exponent). */
        public Optional<BigInteger> integerValue() {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return Optional.empty();
                }
            }
            return Optional.of(new BigInteger(literal));
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value, TextPosition position) implements JsonValue {
        public JsonBoolean {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record JsonNull(TextPosition position) implements JsonValue {
        public JsonNull {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String typeName() {
            return "null";
        }
    }
}
