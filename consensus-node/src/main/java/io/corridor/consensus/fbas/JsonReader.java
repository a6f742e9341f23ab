package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259 without extensions: no comments, no trailing commas, no NaN, no single
 * quotes, no duplicate keys, exactly one value per text). Input size and nesting depth are bounded so that
 * hostile input fails with an error instead of exhausting memory or the stack. Errors carry the line and
 * column of the offending character.
 */
final class JsonReader {

    /** Longest text accepted, in chars: the 2019 Stellar snapshot has about 263 000. */
    static final int TEXT_CHARS_MAX = 64 * 1024 * 1024;
    /** Deepest nesting of arrays and objects: stellarbeat data needs about 10. */
    static final int DEPTH_MAX = 64;

    private final String text;
    private final int depthMax;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonReader(String text, int depthMax) {
        this.text = text;
        this.depthMax = depthMax;
    }

    static Parsed<JsonValue> read(String text) {
        return read(text, TEXT_CHARS_MAX, DEPTH_MAX);
    }

    static Parsed<JsonValue> read(String text, int textCharsMax, int depthMax) {
        if (textCharsMax < 0 || depthMax < 1) {
            throw new IllegalArgumentException("invalid bounds: textCharsMax " + textCharsMax + ", depthMax " + depthMax);
        }
        if (text.length() > textCharsMax) {
            return Parsed.failed(InputErrorCode.JSON_TOO_LARGE,
                    "the text has " + text.length() + " characters, more than the limit of " + textCharsMax,
                    TextPosition.UNKNOWN);
        }
        JsonReader reader = new JsonReader(text, depthMax);
        try {
            reader.skipWhitespace();
            if (reader.pos == text.length()) {
                throw reader.error("expected a JSON value but the text is empty");
            }
            JsonValue value = reader.readValue();
            reader.skipWhitespace();
            if (reader.pos < text.length()) {
                throw reader.error("unexpected " + reader.describeChar() + " after the end of the JSON value");
            }
            return Parsed.ok(value);
        } catch (SyntaxError e) {
            return Parsed.failed(e.code, e.getMessage(), e.position);
        }
    }

    /** Internal control flow only: converted to a returned {@link InputError} by {@link #read}. */
    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final InputErrorCode code;
        final TextPosition position;

        SyntaxError(InputErrorCode code, String message, TextPosition position) {
            super(message, null, false, false);
            this.code = code;
            this.position = position;
        }
    }

    private TextPosition here() {
        return new TextPosition(line, pos - lineStart + 1, pos);
    }

    private SyntaxError error(String message) {
        return new SyntaxError(InputErrorCode.JSON_SYNTAX, message, here());
    }

    private String describeChar() {
        if (pos >= text.length()) {
            return "end of text";
        }
        char c = text.charAt(pos);
        if (c >= 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("character U+%04X", (int) c);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == '\r') {
                pos++;
                if (pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                lineStart = pos;
            } else {
                return;
            }
        }
    }

    private JsonValue readValue() throws SyntaxError {
        if (pos >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"': {
                TextPosition start = here();
                return new JsonValue.JsonString(readString(), start);
            }
            case 't':
                readLiteral("true");
                return new JsonValue.JsonBoolean(true, here(-4));
            case 'f':
                readLiteral("false");
                return new JsonValue.JsonBoolean(false, here(-5));
            case 'n':
                readLiteral("null");
                return new JsonValue.JsonNull(here(-4));
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected " + describeChar() + ", expected a value");
        }
    }

    /** The position {@code back} characters before the current one, on the current line. */
    private TextPosition here(int back) {
        return new TextPosition(line, pos + back - lineStart + 1, pos + back);
    }

    private void readLiteral(String literal) throws SyntaxError {
        if (!text.startsWith(literal, pos)) {
            throw error("unexpected " + describeChar() + ", expected a value");
        }
        pos += literal.length();
    }

    private void enter() throws SyntaxError {
        depth++;
        if (depth > depthMax) {
            throw new SyntaxError(InputErrorCode.JSON_TOO_DEEP,
                    "arrays and objects are nested deeper than the limit of " + depthMax, here());
        }
    }

    private JsonValue readObject() throws SyntaxError {
        TextPosition start = here();
        enter();
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            depth--;
            return new JsonValue.JsonObject(members, start);
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("unexpected " + describeChar() + ", expected a member name in double quotes");
            }
            TextPosition keyPosition = here();
            String key = readString();
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != ':') {
                throw error("unexpected " + describeChar() + ", expected ':' after member name");
            }
            pos++;
            skipWhitespace();
            JsonValue value = readValue();
            if (members.putIfAbsent(key, value) != null) {
                throw new SyntaxError(InputErrorCode.JSON_SYNTAX,
                        "duplicate member name \"" + abbreviate(key) + "\" in object", keyPosition);
            }
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end of text, expected ',' or '}' in object");
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return new JsonValue.JsonObject(members, start);
            } else {
                throw error("unexpected " + describeChar() + ", expected ',' or '}' in object");
            }
        }
    }

    private JsonValue readArray() throws SyntaxError {
        TextPosition start = here();
        enter();
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            depth--;
            return new JsonValue.JsonArray(elements, start);
        }
        while (true) {
            skipWhitespace();
            elements.add(readValue());
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end of text, expected ',' or ']' in array");
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return new JsonValue.JsonArray(elements, start);
            } else {
                throw error("unexpected " + describeChar() + ", expected ',' or ']' in array");
            }
        }
    }

    private String readString() throws SyntaxError {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of text inside a string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error(String.format("control character U+%04X must be escaped inside a string", (int) c));
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                throw error("unexpected end of text inside an escape sequence");
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 >= text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            pos += i;
                            throw error("invalid hexadecimal digit " + describeChar() + " in \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("invalid escape sequence '\\" + (e >= 0x20 && e < 0x7f ? String.valueOf(e)
                        : String.format("U+%04X", (int) e)) + "'");
            }
            pos++;
        }
    }

    private JsonValue readNumber() throws SyntaxError {
        TextPosition start = here();
        int begin = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error("expected a digit in number");
        }
        if (text.charAt(pos) == '0') {
            pos++;
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw error("leading zeros are not allowed in numbers");
            }
        } else {
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw error("expected a digit after the decimal point");
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !isDigit(text.charAt(pos))) {
                throw error("expected a digit in the exponent");
            }
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        return new JsonValue.JsonNumber(text.substring(begin, pos), start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
