package io.corridor.federation;

import java.util.Arrays;
import java.util.Optional;

/** The memo types SEP-2 allows in a federation record, with their wire codes. */
public enum MemoType {
    TEXT("text"),
    ID("id"),
    HASH("hash");

    private final String code;

    MemoType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MemoType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
