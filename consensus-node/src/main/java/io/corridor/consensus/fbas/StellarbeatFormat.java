package io.corridor.consensus.fbas;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the stellarbeat nodes JSON format into an {@link Fbas}; see {@link Fbas#fromStellarbeatJson}. */
final class StellarbeatFormat {

    private StellarbeatFormat() {
    }

    /** Carries a format error out of the recursive descent; {@link #read} returns it. */
    private static final class FormatError extends Exception {
        private static final long serialVersionUID = 1L;
        final InputError error;

        FormatError(InputErrorCode code, String message, TextPosition position) {
            super(message, null, false, false);
            this.error = new InputError(code, message, position);
        }
    }

    static Parsed<Fbas> read(String json) {
        Parsed<JsonValue> parsed = JsonReader.read(json);
        if (!parsed.isOk()) {
            return Parsed.failed(parsed.error());
        }
        try {
            return Parsed.ok(toFbas(parsed.value()));
        } catch (FormatError e) {
            return Parsed.failed(e.error);
        }
    }

    private static Fbas toFbas(JsonValue root) throws FormatError {
        if (!(root instanceof JsonValue.JsonArray array)) {
            throw format(root, "expected an array of nodes, found " + article(root.typeName()));
        }
        if (array.elements().size() > Fbas.NODES_MAX) {
            throw new FormatError(InputErrorCode.TOO_MANY_NODES, "the input describes " + array.elements().size()
                    + " nodes, more than the limit of " + Fbas.NODES_MAX, root.position());
        }
        Fbas.Builder builder = Fbas.builder();
        Map<String, TextPosition> firstSeen = new HashMap<>();
        for (JsonValue element : array.elements()) {
            if (!(element instanceof JsonValue.JsonObject object)) {
                throw format(element, "expected a node object, found " + article(element.typeName()));
            }
            String id = publicKey(object);
            TextPosition previous = firstSeen.putIfAbsent(id, object.position());
            if (previous != null) {
                throw new FormatError(InputErrorCode.DUPLICATE_NODE,
                        "node " + id + " is described twice (first at " + previous + ")", object.position());
            }
            Optional<String> name = optionalString(object, "name").filter(s -> !s.isBlank());
            Optional<QuorumSet> quorumSet = Optional.empty();
            Optional<JsonValue> rawQuorumSet = object.get("quorumSet");
            if (rawQuorumSet.isPresent() && !(rawQuorumSet.get() instanceof JsonValue.JsonNull)) {
                QuorumSet parsedSet = quorumSet(rawQuorumSet.get(), "quorumSet");
                // stellarbeat writes an empty set (often with an absurd threshold) for an unknown one.
                if (parsedSet.memberCount() > 0) {
                    quorumSet = Optional.of(parsedSet);
                }
            }
            builder.node(new FbasNode(id, quorumSet, name));
        }
        int size = builder.sizeWithReferences();
        if (size > Fbas.NODES_MAX) {
            throw new FormatError(InputErrorCode.TOO_MANY_NODES, "the input describes or names " + size
                    + " nodes, more than the limit of " + Fbas.NODES_MAX, root.position());
        }
        return builder.build();
    }

    private static String publicKey(JsonValue.JsonObject object) throws FormatError {
        JsonValue value = object.get("publicKey").orElseThrow(
                () -> format(object, "node object without \"publicKey\""));
        if (!(value instanceof JsonValue.JsonString string)) {
            throw format(value, "\"publicKey\" must be a string, found " + article(value.typeName()));
        }
        String id = string.value();
        if (id.isEmpty() || id.length() > FbasNode.ID_CHARS_MAX || id.chars().anyMatch(Character::isISOControl)) {
            throw format(value, "\"publicKey\" must have 1.." + FbasNode.ID_CHARS_MAX
                    + " characters and no control characters");
        }
        return id;
    }

    private static Optional<String> optionalString(JsonValue.JsonObject object, String key) throws FormatError {
        Optional<JsonValue> value = object.get(key);
        if (value.isEmpty() || value.get() instanceof JsonValue.JsonNull) {
            return Optional.empty();
        }
        if (!(value.get() instanceof JsonValue.JsonString string)) {
            throw format(value.get(), "\"" + key + "\" must be a string, found " + article(value.get().typeName()));
        }
        return Optional.of(string.value());
    }

    private static QuorumSet quorumSet(JsonValue value, String what) throws FormatError {
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw format(value, what + " must be an object, found " + article(value.typeName()));
        }
        JsonValue rawThreshold = object.get("threshold").orElseThrow(
                () -> format(object, what + " without \"threshold\""));
        long threshold = threshold(rawThreshold, what);
        List<String> validators = new ArrayList<>();
        Optional<JsonValue> rawValidators = object.get("validators");
        if (rawValidators.isPresent()) {
            for (JsonValue validator : array(rawValidators.get(), what + ".validators")) {
                if (!(validator instanceof JsonValue.JsonString string) || string.value().isEmpty()
                        || string.value().length() > FbasNode.ID_CHARS_MAX
                        || string.value().chars().anyMatch(Character::isISOControl)) {
                    throw format(validator, "validators must be public keys (non-empty strings of at most "
                            + FbasNode.ID_CHARS_MAX + " characters), found " + article(validator.typeName()));
                }
                validators.add(string.value());
            }
        }
        List<QuorumSet> innerSets = new ArrayList<>();
        Optional<JsonValue> rawInner = object.get("innerQuorumSets");
        if (rawInner.isPresent()) {
            List<JsonValue> elements = array(rawInner.get(), what + ".innerQuorumSets");
            for (int i = 0; i < elements.size(); i++) {
                innerSets.add(quorumSet(elements.get(i), what + ".innerQuorumSets[" + i + "]"));
            }
        }
        return new QuorumSet(threshold, validators, innerSets);
    }

    private static long threshold(JsonValue value, String what) throws FormatError {
        if (value instanceof JsonValue.JsonNumber number) {
            Optional<BigInteger> integer = number.integerValue();
            if (integer.isPresent() && integer.get().signum() >= 0 && integer.get().bitLength() < 64) {
                return integer.get().longValueExact();
            }
        }
        throw format(value, what + ".threshold must be a non-negative integer, found "
                + (value instanceof JsonValue.JsonNumber number ? number.literal() : article(value.typeName())));
    }

    private static List<JsonValue> array(JsonValue value, String what) throws FormatError {
        if (value instanceof JsonValue.JsonNull) {
            return List.of();
        }
        if (!(value instanceof JsonValue.JsonArray array)) {
            throw format(value, what + " must be an array, found " + article(value.typeName()));
        }
        return array.elements();
    }

    private static FormatError format(JsonValue at, String message) {
        return new FormatError(InputErrorCode.FORMAT, message, at.position());
    }

    private static String article(String typeName) {
        return typeName.equals("null") ? "null" : (typeName.startsWith("a") || typeName.startsWith("o") ? "an " : "a ")
                + typeName;
    }
}
