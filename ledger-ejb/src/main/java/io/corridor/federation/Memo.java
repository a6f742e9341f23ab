package io.corridor.federation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The memo a payer must attach to reach the customer behind an address, in the canonical form SEP-2 answers with:
 * a text of 1 to 28 UTF-8 bytes; an id as the decimal digits of an unsigned 64-bit number, without sign or leading
 * zeros; a hash as the standard base64 (padded) of 32 bytes.
 */
public record Memo(MemoType type, String value) {

    /** Bytes of a text memo (Stellar's {@code MEMO_TEXT} limit). */
    public static final int TEXT_BYTES_MAX = 28;
    /** Bytes of a hash memo. */
    public static final int HASH_BYTES = 32;

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,19}");
    private static final Pattern HEX_HASH = Pattern.compile("[0-9A-Fa-f]{" + 2 * HASH_BYTES + "}");

    public Memo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Checked<String> canonical = canonical(type, "memo", value);
        if (!canonical.isValid() || !canonical.value().equals(value)) {
            throw new IllegalArgumentException("not a canonical " + type.code() + " memo: " + value
                    + (canonical.isValid() ? "" : " (" + canonical.error().reason() + ")"));
        }
    }

    /**
     * Parses a memo given as a type code and a value, either both or neither: the result is empty when neither is
     * given. A hash may be given as 64 hexadecimal digits or as base64; it is kept as base64. Refusals name
     * {@code typeField} or {@code valueField}.
     */
    public static Checked<Optional<Memo>> parse(String typeField, String type, String valueField, String value) {
        if (type == null && value == null) {
            return Checked.valid(Optional.empty());
        }
        if (type == null) {
            return Checked.invalid(typeField, "missing: required when " + valueField + " is given; one of text, id, hash");
        }
        Optional<MemoType> memoType = MemoType.fromCode(type);
        if (memoType.isEmpty()) {
            return Checked.invalid(typeField, "unknown memo type '" + type + "'; one of text, id, hash");
        }
        if (value == null) {
            return Checked.invalid(valueField, "missing: required when " + typeField + " is given");
        }
        return canonical(memoType.get(), valueField, value).map(v -> Optional.of(new Memo(memoType.get(), v)));
    }

    private static Checked<String> canonical(MemoType type, String field, String value) {
        return switch (type) {
            case TEXT -> text(field, value);
            case ID -> id(field, value);
            case HASH -> hash(field, value);
        };
    }

    private static Checked<String> text(String field, String value) {
        if (value.isEmpty()) {
            return Checked.invalid(field, "an empty text memo identifies nobody");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Checked.invalid(field, "not well-formed Unicode (a lone surrogate)");
            }
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > TEXT_BYTES_MAX) {
            return Checked.invalid(field, "a text memo holds at most " + TEXT_BYTES_MAX + " UTF-8 bytes, this has "
                    + bytes);
        }
        return Checked.valid(value);
    }

    private static Checked<String> id(String field, String value) {
        String reason = "an id memo is an unsigned 64-bit number in decimal (0 to 18446744073709551615), "
                + "without sign or leading zeros";
        if (!DECIMAL.matcher(value).matches()) {
            return Checked.invalid(field, reason);
        }
        try {
            Long.parseUnsignedLong(value);
        } catch (NumberFormatException e) {
            return Checked.invalid(field, reason);
        }
        return Checked.valid(value);
    }

    private static Checked<String> hash(String field, String value) {
        byte[] bytes;
        if (HEX_HASH.matcher(value).matches()) {
            bytes = HexFormat.of().parseHex(value);
        } else {
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                return Checked.invalid(field, "a hash memo is 32 bytes as base64 or as 64 hexadecimal digits");
            }
        }
        if (bytes.length != HASH_BYTES) {
            return Checked.invalid(field, "a hash memo is 32 bytes; this is " + bytes.length);
        }
        return Checked.valid(Base64.getEncoder().encodeToString(bytes));
    }
}
