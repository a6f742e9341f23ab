package io.corridor.consensus.fbas;

import java.util.List;
import java.util.Map;

/**
 * Writes the CLI's JSON by hand: one object, one member per line, node sets as one-line arrays. The
 * output depends only on its input, so two runs on the same file print the same bytes.
 */
final class JsonOutput {

    private final StringBuilder out = new StringBuilder();
    private boolean firstMember = true;

    JsonOutput() {
        out.append('{');
    }

    private StringBuilder member(String name) {
        out.append(firstMember ? "\n  " : ",\n  ");
        firstMember = false;
        return out.append(quote(name)).append(": ");
    }

    JsonOutput value(String name, boolean value) {
        member(name).append(value);
        return this;
    }

    JsonOutput value(String name, long value) {
        member(name).append(value);
        return this;
    }

    JsonOutput value(String name, String value) {
        member(name).append(value == null ? "null" : quote(value));
        return this;
    }

    /** A list of strings, one per line. */
    JsonOutput strings(String name, List<String> values) {
        StringBuilder sb = member(name);
        if (values.isEmpty()) {
            sb.append("[]");
            return this;
        }
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(quote(values.get(i)));
        }
        sb.append("\n  ]");
        return this;
    }

    /** A list of node sets, one set per line; null writes null. */
    JsonOutput sets(String name, List<List<String>> sets) {
        StringBuilder sb = member(name);
        if (sets == null) {
            sb.append("null");
            return this;
        }
        if (sets.isEmpty()) {
            sb.append("[]");
            return this;
        }
        sb.append('[');
        for (int i = 0; i < sets.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ");
            appendSet(sb, sets.get(i));
        }
        sb.append("\n  ]");
        return this;
    }

    /** An object of small objects of numbers, one member per line: {"name": {"count": 3, ...}}. */
    JsonOutput summary(String name, Map<String, Map<String, Object>> entries) {
        StringBuilder sb = member(name).append('{');
        boolean first = true;
        for (Map.Entry<String, Map<String, Object>> entry : entries.entrySet()) {
            sb.append(first ? "\n    " : ",\n    ").append(quote(entry.getKey())).append(": {");
            first = false;
            boolean firstField = true;
            for (Map.Entry<String, Object> field : entry.getValue().entrySet()) {
                sb.append(firstField ? "" : ", ").append(quote(field.getKey())).append(": ");
                firstField = false;
                appendScalarOrMap(sb, field.getValue());
            }
            sb.append('}');
        }
        sb.append(first ? "}" : "\n  }");
        return this;
    }

    private static void appendScalarOrMap(StringBuilder sb, Object value) {
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                sb.append(first ? "" : ", ").append(quote(String.valueOf(entry.getKey()))).append(": ");
                first = false;
                appendScalarOrMap(sb, entry.getValue());
            }
            sb.append('}');
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value == null) {
            sb.append("null");
        } else {
            sb.append(quote(String.valueOf(value)));
        }
    }

    private static void appendSet(StringBuilder sb, List<String> set) {
        sb.append('[');
        for (int i = 0; i < set.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(set.get(i)));
        }
        sb.append(']');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    String finish() {
        return out.append(firstMember ? "}" : "\n}").append('\n').toString();
    }
}
