package io.corridor.deployments;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Horizon's documented response shapes, read from {@code horizon-shapes.json} (its {@code about} explains the
 * format), and a checker that holds a response to one of them field by field: every required field present,
 * every field of the JSON type Horizon gives it, nested objects and arrays followed all the way down, and every
 * field Horizon does not document reported apart. All mismatches of a response are reported at once, each with its
 * JSON path (e.g. {@code account.balances[1].is_authorized: missing}). Fields Corridor is allowed to add or to lack
 * are named, with their reasons, in the data file; nothing else is tolerated.
 *
 * <p>The data file is checked when it is loaded (every referenced shape exists, every shape names its source,
 * every exception names a field and a reason), so a typo in it fails the build rather than weakening a check.
 */
final class HorizonShapes {

    static final String RESOURCE = "/horizon-shapes.json";

    /** How deep a response may nest before the checker stops following it (Horizon's deepest is about 8). */
    private static final int DEPTH_MAX = 64;
    /** How much of a wrong value a message quotes. */
    private static final int SNIPPET_CHARS_MAX = 60;
    /** How much of the response body a failure message quotes. */
    private static final int BODY_CHARS_MAX = 3_000;

    private static final Pattern INTEGER_LITERAL = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("about", "shapes");
    private static final Set<String> SHAPE_KEYS = Set.of("source", "note", "extends", "fields", "discriminator",
            "variants", "corridor_extras", "corridor_missing");
    private static final Set<String> TYPED_FIELD_KEYS = Set.of("type", "note");
    private static final Set<String> INLINE_FIELD_KEYS = Set.of("fields", "optional", "nullable", "note",
            "corridor_extras", "corridor_missing");
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);

    private static volatile HorizonShapes standard;

    private final Map<String, Shape> shapes;

    private HorizonShapes(Map<String, Shape> shapes) {
        this.shapes = shapes;
    }

    /** The shapes of {@value #RESOURCE} on the test class path, loaded once. */
    static HorizonShapes standard() {
        HorizonShapes loaded = standard;
        if (loaded == null) {
            synchronized (HorizonShapes.class) {
                loaded = standard;
                if (loaded == null) {
                    loaded = parse(readResource());
                    standard = loaded;
                }
            }
        }
        return loaded;
    }

    /** Fails with every mismatch of {@code json} against the Horizon shape {@code shapeName}. */
    static void assertShape(String shapeName, String json) {
        standard().check(shapeName, json).orFail();
    }

    /** Shapes from a data file in the format of {@value #RESOURCE}; an invalid file is refused with all its faults. */
    static HorizonShapes parse(String data) {
        JsonElement root;
        try {
            root = parseStrict(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("shape data is not JSON: " + e.getMessage(), e);
        }
        return new Loader().load(root);
    }

    /** The names of the shapes, in the data file's order. */
    Set<String> shapeNames() {
        return Collections.unmodifiableSet(shapes.keySet());
    }

    /** The discriminator values {@code shapeName} has a variant for (e.g. the operation types). */
    Set<String> variantValues(String shapeName) {
        return Collections.unmodifiableSet(require(shapeName).variants().keySet());
    }

    /** Where the data file says {@code shapeName} comes from. */
    String source(String shapeName) {
        return require(shapeName).source();
    }

    /** Checks {@code json} against the shape {@code shapeName}; see {@link Report#conforms()}. */
    Report check(String shapeName, String json) {
        Shape shape = require(shapeName);
        Checker checker = new Checker();
        try {
            checker.value(shapeName, new Ref(shapeName), false, parseStrict(json), 0);
        } catch (IOException e) {
            checker.mismatches.add(shapeName + ": not a JSON document (" + e.getMessage() + ")");
        }
        return new Report(shapeName, shape.source(), List.copyOf(checker.mismatches),
                List.copyOf(checker.undocumented), List.copyOf(checker.tolerated), json);
    }

    private Shape require(String shapeName) {
        Shape shape = shapes.get(shapeName);
        if (shape == null) {
            throw new IllegalArgumentException("no Horizon shape named " + shapeName + "; known: " + shapes.keySet());
        }
        return shape;
    }

    /**
     * The outcome of one check. {@code mismatches}: documented fields missing or of the wrong JSON type;
     * {@code undocumented}: fields Horizon does not document; {@code tolerated}: the data file's allowed exceptions
     * that this response used. A response conforms when the first two are empty.
     */
    record Report(String shape, String source, List<String> mismatches, List<String> undocumented,
            List<String> tolerated, String body) {

        boolean conforms() {
            return mismatches.isEmpty() && undocumented.isEmpty();
        }

        /** This report if the response conforms, else an {@link AssertionError} with everything found. */
        Report orFail() {
            if (!conforms()) {
                throw new AssertionError(describe());
            }
            return this;
        }

        String describe() {
            StringBuilder text = new StringBuilder("response does not have Horizon's shape \"" + shape + "\" ("
                    + source + ")");
            if (!mismatches.isEmpty()) {
                text.append("\n  mismatches (").append(mismatches.size()).append("):");
                mismatches.forEach(m -> text.append("\n    ").append(m));
            }
            if (!undocumented.isEmpty()) {
                text.append("\n  fields Horizon does not document (").append(undocumented.size()).append("):");
                undocumented.forEach(m -> text.append("\n    ").append(m));
            }
            String shown = body == null ? "null" : body.length() <= BODY_CHARS_MAX ? body
                    : body.substring(0, BODY_CHARS_MAX) + "… (" + body.length() + " characters)";
            return text.append("\n  response: ").append(shown).toString();
        }
    }

    // ---- the model of the data file ----

    /** A field's JSON type, whether it may be absent and whether it may be null. */
    private record Field(Type type, boolean optional, boolean nullable) {
    }

    private interface Type {
    }

    private enum Primitive implements Type {
        STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ANY
    }

    /** An object of a named shape. */
    private record Ref(String name) implements Type {
    }

    /** An object of a shape written in place. */
    private record Inline(Shape shape) implements Type {
    }

    private record ArrayOf(Field item) implements Type {
    }

    /** An object used as a map: any keys, every value of one type. */
    private record MapOf(Field value) implements Type {
    }

    private record Shape(String name, String source, List<String> parents, Map<String, Field> fields,
            String discriminator, Map<String, String> variants, Map<String, String> extrasAllowed,
            Map<String, String> missingAllowed) {
    }

    // ---- checking ----

    /** One response's walk; collects instead of stopping at the first mismatch. */
    private final class Checker {
        private final List<String> mismatches = new ArrayList<>();
        private final List<String> undocumented = new ArrayList<>();
        private final List<String> tolerated = new ArrayList<>();

        void value(String path, Type type, boolean nullable, JsonElement value, int depth) {
            if (depth > DEPTH_MAX) {
                mismatches.add(path + ": nested deeper than " + DEPTH_MAX + " levels, not followed");
                return;
            }
            if (value.isJsonNull()) {
                if (!nullable) {
                    mismatches.add(path + ": null, expected " + describe(type));
                }
                return;
            }
            if (type == Primitive.ANY) {
                return;
            }
            boolean matches;
            if (type instanceof Primitive primitive) {
                matches = primitive(primitive, value);
            } else if (type instanceof ArrayOf array) {
                matches = value.isJsonArray();
                if (matches) {
                    JsonArray items = value.getAsJsonArray();
                    for (int i = 0; i < items.size(); i++) {
                        value(path + "[" + i + "]", array.item().type(), array.item().nullable(), items.get(i),
                                depth + 1);
                    }
                }
            } else if (type instanceof MapOf map) {
                matches = value.isJsonObject();
                if (matches) {
                    for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
                        value(child(path, entry.getKey()), map.value().type(), map.value().nullable(),
                                entry.getValue(), depth + 1);
                    }
                }
            } else {
                matches = value.isJsonObject();
                if (matches) {
                    Shape shape = type instanceof Ref ref ? shapes.get(ref.name()) : ((Inline) type).shape();
                    object(path, shape, value.getAsJsonObject(), depth);
                }
            }
            if (!matches) {
                mismatches.add(path + ": expected " + describe(type) + (nullable ? " or null" : "") + ", got "
                        + describeValue(value));
            }
        }

        private boolean primitive(Primitive primitive, JsonElement value) {
            if (!value.isJsonPrimitive()) {
                return primitive == Primitive.OBJECT && value.isJsonObject();
            }
            JsonPrimitive p = value.getAsJsonPrimitive();
            return switch (primitive) {
                case STRING -> p.isString();
                case INTEGER -> p.isNumber() && INTEGER_LITERAL.matcher(p.getAsString()).matches();
                case NUMBER -> p.isNumber();
                case BOOLEAN -> p.isBoolean();
                case OBJECT -> false;
                case ANY -> true;
            };
        }

        private void object(String path, Shape shape, JsonObject object, int depth) {
            Resolved resolved = new Resolved();
            resolve(path, shape, object, resolved, new HashSet<>());
            for (Map.Entry<String, Field> entry : resolved.fields.entrySet()) {
                String name = entry.getKey();
                Field field = entry.getValue();
                JsonElement value = object.get(name);
                if (value == null) {
                    if (field.optional()) {
                        continue;
                    }
                    String reason = resolved.missingAllowed.get(name);
                    if (reason != null) {
                        tolerated.add(child(path, name) + ": missing (allowed: " + reason + ")");
                    } else {
                        mismatches.add(child(path, name) + ": missing");
                    }
                    continue;
                }
                value(child(path, name), field.type(), field.nullable(), value, depth + 1);
            }
            for (String name : object.keySet()) {
                if (resolved.fields.containsKey(name)) {
                    continue;
                }
                String reason = resolved.extrasAllowed.get(name);
                if (reason != null) {
                    tolerated.add(child(path, name) + ": not documented by Horizon (allowed: " + reason + ")");
                } else {
                    undocumented.add(child(path, name) + ": not documented by Horizon");
                }
            }
        }

        /** The fields of {@code shape} for this object: its parents', its own, then those of its variant. */
        private void resolve(String path, Shape shape, JsonObject object, Resolved into, Set<String> visited) {
            if (!visited.add(shape.name())) {
                return;
            }
            for (String parent : shape.parents()) {
                resolve(path, shapes.get(parent), object, into, visited);
            }
            into.fields.putAll(shape.fields());
            into.extrasAllowed.putAll(shape.extrasAllowed());
            into.missingAllowed.putAll(shape.missingAllowed());
            if (shape.discriminator() == null) {
                return;
            }
            JsonElement chosen = object.get(shape.discriminator());
            if (chosen == null || !chosen.isJsonPrimitive() || !chosen.getAsJsonPrimitive().isString()) {
                return; // the discriminator's own field check reports it
            }
            String variant = shape.variants().get(chosen.getAsString());
            if (variant == null) {
                mismatches.add(child(path, shape.discriminator()) + ": \"" + snippet(chosen.getAsString())
                        + "\" has no Horizon shape among the variants of " + shape.name() + " "
                        + new TreeSet<>(shape.variants().keySet()));
                return;
            }
            resolve(path, shapes.get(variant), object, into, visited);
        }
    }

    private static final class Resolved {
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final Map<String, String> extrasAllowed = new LinkedHashMap<>();
        private final Map<String, String> missingAllowed = new LinkedHashMap<>();
    }

    private static String child(String path, String name) {
        return PLAIN_NAME.matcher(name).matches() ? path + "." + name
                : path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static String describe(Type type) {
        if (type instanceof Primitive primitive) {
            return primitive.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (type instanceof Ref ref) {
            return "object (" + ref.name() + ")";
        }
        if (type instanceof ArrayOf array) {
            return "array of " + describe(array.item().type());
        }
        if (type instanceof MapOf map) {
            return "object of " + describe(map.value().type()) + " values";
        }
        return "object";
    }

    private static String describeValue(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "object";
        }
        if (value.isJsonArray()) {
            return "array";
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isString()) {
            return "string \"" + snippet(p.getAsString()) + "\"";
        }
        return (p.isNumber() ? "number " : "boolean ") + snippet(p.getAsString());
    }

    private static String snippet(String text) {
        return text.length() <= SNIPPET_CHARS_MAX ? text : text.substring(0, SNIPPET_CHARS_MAX) + "…";
    }

    // ---- reading ----

    /** Strict JSON (no comments, no unquoted names, nothing after the value), unlike Gson's lenient default. */
    private static JsonElement parseStrict(String json) throws IOException {
        if (json == null) {
            throw new MalformedJsonException("no body");
        }
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = ELEMENTS.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new MalformedJsonException("content after the JSON value");
        }
        return element;
    }

    private static String readResource() {
        try (InputStream in = HorizonShapes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the data file into shapes, collecting every fault before refusing it. */
    private static final class Loader {
        private final List<String> faults = new ArrayList<>();
        private final Map<String, Shape> shapes = new LinkedHashMap<>();
        /** Every shape, inline ones included, for the checks that need them all. */
        private final List<Shape> all = new ArrayList<>();

        HorizonShapes load(JsonElement root) {
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("shape data must be a JSON object");
            }
            JsonObject top = root.getAsJsonObject();
            unknownKeys("the data file", top, TOP_LEVEL_KEYS);
            JsonElement list = top.get("shapes");
            if (list == null || !list.isJsonObject()) {
                throw new IllegalArgumentException("shape data has no \"shapes\" object");
            }
            for (Map.Entry<String, JsonElement> entry : list.getAsJsonObject().entrySet()) {
                if (!entry.getValue().isJsonObject()) {
                    faults.add("shape " + entry.getKey() + ": must be an object");
                    continue;
                }
                Shape shape = shape(entry.getKey(), entry.getValue().getAsJsonObject(), true);
                shapes.put(shape.name(), shape);
            }
            validate();
            if (!faults.isEmpty()) {
                throw new IllegalArgumentException("shape data is invalid:\n  " + String.join("\n  ", faults));
            }
            return new HorizonShapes(Collections.unmodifiableMap(shapes));
        }

        private Shape shape(String name, JsonObject json, boolean named) {
            String where = "shape " + name;
            if (named) {
                unknownKeys(where, json, SHAPE_KEYS);
            }
            String source = text(where, json, "source");
            if (named && (source == null || source.isBlank())) {
                faults.add(where + ": has no \"source\"");
            }
            List<String> parents = new ArrayList<>();
            JsonElement extendsJson = json.get("extends");
            if (extendsJson != null) {
                if (extendsJson.isJsonArray()) {
                    for (JsonElement parent : extendsJson.getAsJsonArray()) {
                        parents.add(stringOrFault(where + ".extends", parent));
                    }
                } else {
                    faults.add(where + ".extends: must be an array of shape names");
                }
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            JsonElement fieldsJson = json.get("fields");
            if (fieldsJson == null || !fieldsJson.isJsonObject()) {
                faults.add(where + ": \"fields\" must be an object");
            } else {
                for (Map.Entry<String, JsonElement> entry : fieldsJson.getAsJsonObject().entrySet()) {
                    fields.put(entry.getKey(), field(name + "." + entry.getKey(), entry.getValue()));
                }
            }
            String discriminator = text(where, json, "discriminator");
            Map<String, String> variants = reasons(where + ".variants", json.get("variants"));
            if ((discriminator == null) != variants.isEmpty()) {
                faults.add(where + ": \"discriminator\" and \"variants\" go together");
            }
            Shape shape = new Shape(name, source == null ? "" : source, List.copyOf(parents),
                    Collections.unmodifiableMap(fields), discriminator, Collections.unmodifiableMap(variants),
                    Collections.unmodifiableMap(reasons(where + ".corridor_extras", json.get("corridor_extras"))),
                    Collections.unmodifiableMap(reasons(where + ".corridor_missing", json.get("corridor_missing"))));
            all.add(shape);
            return shape;
        }

        private Field field(String where, JsonElement json) {
            if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
                return expression(where, json.getAsString(), true);
            }
            if (!json.isJsonObject()) {
                faults.add(where + ": a field is a type expression or an object");
                return new Field(Primitive.ANY, false, false);
            }
            JsonObject object = json.getAsJsonObject();
            if (object.has("type") == object.has("fields")) {
                faults.add(where + ": a field object has either \"type\" or \"fields\"");
                return new Field(Primitive.ANY, false, false);
            }
            if (object.has("type")) {
                unknownKeys(where, object, TYPED_FIELD_KEYS);
                String type = text(where, object, "type");
                return type == null ? new Field(Primitive.ANY, false, false) : expression(where, type, true);
            }
            unknownKeys(where, object, INLINE_FIELD_KEYS);
            Shape inline = shape(where, object, false);
            return new Field(new Inline(inline), flag(where, object, "optional"), flag(where, object, "nullable"));
        }

        /** {@code base}, {@code base|null}, {@code base?}, {@code base|null?}; items of arrays and maps take no {@code ?}. */
        private Field expression(String where, String text, boolean mayBeOptional) {
            String rest = text.trim();
            boolean optional = rest.endsWith("?");
            if (optional) {
                if (!mayBeOptional) {
                    faults.add(where + ": \"" + text + "\": items of arrays and maps cannot be optional");
                }
                rest = rest.substring(0, rest.length() - 1).trim();
            }
            boolean nullable = rest.endsWith("|null");
            if (nullable) {
                rest = rest.substring(0, rest.length() - "|null".length()).trim();
            }
            return new Field(base(where, rest), optional, nullable);
        }

        private Type base(String where, String text) {
            if (text.startsWith("[") && text.endsWith("]")) {
                return new ArrayOf(expression(where + "[]", text.substring(1, text.length() - 1), false));
            }
            if (text.startsWith("{") && text.endsWith("}")) {
                return new MapOf(expression(where + "{}", text.substring(1, text.length() - 1), false));
            }
            if (text.startsWith("@") && PLAIN_NAME.matcher(text.substring(1)).matches()) {
                return new Ref(text.substring(1));
            }
            for (Primitive primitive : Primitive.values()) {
                if (primitive.name().toLowerCase(java.util.Locale.ROOT).equals(text)) {
                    return primitive;
                }
            }
            faults.add(where + ": \"" + text + "\" is not a type");
            return Primitive.ANY;
        }

        private void validate() {
            for (Shape shape : all) {
                String where = "shape " + shape.name();
                for (String parent : shape.parents()) {
                    if (!shapes.containsKey(parent)) {
                        faults.add(where + ": extends unknown shape " + parent);
                    }
                }
                for (Map.Entry<String, String> variant : shape.variants().entrySet()) {
                    if (!shapes.containsKey(variant.getValue())) {
                        faults.add(where + ": variant " + variant.getKey() + " names unknown shape "
                                + variant.getValue());
                    }
                }
                for (Map.Entry<String, Field> field : shape.fields().entrySet()) {
                    references(where + "." + field.getKey(), field.getValue().type());
                }
            }
            for (Shape shape : shapes.values()) {
                cycle(shape, new LinkedHashSet<>());
            }
            if (!faults.isEmpty()) {
                return; // the checks below follow references
            }
            for (Shape shape : all) {
                String where = "shape " + shape.name();
                Map<String, Field> declared = declared(shape);
                if (shape.discriminator() != null) {
                    Field field = declared.get(shape.discriminator());
                    if (field == null || field.type() != Primitive.STRING || field.optional()) {
                        faults.add(where + ": discriminator " + shape.discriminator()
                                + " must be a required string field of the shape or its parents");
                    }
                }
                for (String name : shape.missingAllowed().keySet()) {
                    Field field = declared.get(name);
                    if (field == null || field.optional()) {
                        faults.add(where + ".corridor_missing: " + name + " is not a required field of the shape");
                    }
                }
                for (String name : shape.extrasAllowed().keySet()) {
                    if (declared.containsKey(name)) {
                        faults.add(where + ".corridor_extras: " + name + " is a documented field of the shape");
                    }
                }
            }
        }

        private void references(String where, Type type) {
            if (type instanceof Ref ref && !shapes.containsKey(ref.name())) {
                faults.add(where + ": refers to unknown shape " + ref.name());
            } else if (type instanceof ArrayOf array) {
                references(where, array.item().type());
            } else if (type instanceof MapOf map) {
                references(where, map.value().type());
            }
        }

        private void cycle(Shape shape, LinkedHashSet<String> chain) {
            if (!chain.add(shape.name())) {
                faults.add("shape " + shape.name() + ": extends itself through " + chain);
                return;
            }
            for (String parent : shape.parents()) {
                if (shapes.containsKey(parent)) {
                    cycle(shapes.get(parent), chain);
                }
            }
            chain.remove(shape.name());
        }

        /** A shape's fields with its parents', without variants. */
        private Map<String, Field> declared(Shape shape) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (String parent : shape.parents()) {
                fields.putAll(declared(shapes.get(parent)));
            }
            fields.putAll(shape.fields());
            return fields;
        }

        private Map<String, String> reasons(String where, JsonElement json) {
            Map<String, String> reasons = new LinkedHashMap<>();
            if (json == null) {
                return reasons;
            }
            if (!json.isJsonObject()) {
                faults.add(where + ": must be an object of names to texts");
                return reasons;
            }
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                String text = stringOrFault(where + "." + entry.getKey(), entry.getValue());
                if (text.isBlank()) {
                    faults.add(where + "." + entry.getKey() + ": needs a text (a reason or a shape name)");
                }
                reasons.put(entry.getKey(), text);
            }
            return reasons;
        }

        private boolean flag(String where, JsonObject json, String name) {
            JsonElement value = json.get(name);
            if (value == null) {
                return false;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                faults.add(where + "." + name + ": must be true or false");
                return false;
            }
            return value.getAsBoolean();
        }

        private String text(String where, JsonObject json, String name) {
            JsonElement value = json.get(name);
            return value == null ? null : stringOrFault(where + "." + name, value);
        }

        private String stringOrFault(String where, JsonElement value) {
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                return value.getAsString();
            }
            faults.add(where + ": must be a string");
            return "";
        }

        private void unknownKeys(String where, JsonObject json, Set<String> known) {
            for (String key : json.keySet()) {
                if (!known.contains(key)) {
                    faults.add(where + ": unknown key \"" + key + "\" (known: " + new TreeSet<>(known) + ")");
                }
            }
        }
    }
}
