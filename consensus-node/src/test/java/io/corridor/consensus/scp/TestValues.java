package io.corridor.consensus.scp;

import java.util.Arrays;

import org.stellar.sdk.xdr.Value;

/** Opaque test values with a known order: x < y < z < zz; k is unrelated. */
final class TestValues {
    static final Value X = value(0x10);
    static final Value Y = value(0x20);
    static final Value Z = value(0x30);
    static final Value ZZ = value(0x40);
    static final Value K = value(0x55);
    /** Value of the previous slot, seeding leader selection. */
    static final Value PREVIOUS = value(0x01);

    private TestValues() {
    }

    static Value value(int firstByte) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 0x0a);
        b[0] = (byte) firstByte;
        return new Value(b);
    }

    static String name(Value v) {
        if (v.equals(X)) {
            return "x";
        }
        if (v.equals(Y)) {
            return "y";
        }
        if (v.equals(Z)) {
            return "z";
        }
        if (v.equals(ZZ)) {
            return "zz";
        }
        if (v.equals(K)) {
            return "k";
        }
        if (v.getValue().length == 0) {
            return "<empty>";
        }
        return Xdr.hex(v.getValue(), 4);
    }
}
