package io.corridor.consensus.sim;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.corridor.consensus.scp.ValidationLevel;
import org.stellar.sdk.xdr.Value;

/**
 * The values simulated nodes agree on: 16 bytes, {@code 'S' 'V'}, the slot (8 bytes), the proposer's kind
 * (0 honest, 1 Byzantine), its index (1 byte) and a 4-byte variant. A value is valid for a slot iff it has
 * this shape and names that slot, so a Byzantine node can propose valid values of its own (which may win)
 * as well as invalid ones (which SCP must reject).
 */
public final class SimValues {
    static final int LENGTH = 16;
    private static final byte KIND_HONEST = 0;
    private static final byte KIND_BYZANTINE = 1;

    private SimValues() {
    }

    /** The value honest node {@code node} nominates for the slot. */
    public static Value honest(long slot, int node) {
        return make(slot, KIND_HONEST, node, 0);
    }

    /** A valid value of Byzantine node {@code node} for the slot; distinct variants give distinct values. */
    public static Value byzantine(long slot, int node, int variant) {
        return make(slot, KIND_BYZANTINE, node, variant);
    }

    /** The value nodes use as "previous value" for the first slot. */
    public static Value genesis() {
        return make(0, KIND_HONEST, 255, 0);
    }

    private static Value make(long slot, byte kind, int node, int variant) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put((byte) 'S').put((byte) 'V').putLong(slot).put(kind).put((byte) node).putInt(variant);
        return new Value(b.array());
    }

    /** Valid iff shaped as above and for this slot; there is no "maybe valid" in the simulation. */
    public static ValidationLevel validate(long slot, Value value) {
        byte[] v = value == null ? null : value.getValue();
        if (v == null || v.length != LENGTH || v[0] != 'S' || v[1] != 'V') {
            return ValidationLevel.INVALID;
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        if (b.getLong(2) != slot || (v[10] != KIND_HONEST && v[10] != KIND_BYZANTINE)) {
            return ValidationLevel.INVALID;
        }
        return ValidationLevel.FULLY_VALIDATED;
    }

    /** Short readable form for reports: {@code h3} (honest node 3), {@code b1.7} (Byzantine 1, variant 7). */
    public static String describe(Value value) {
        byte[] v = value == null ? null : value.getValue();
        if (v == null || v.length != LENGTH || v[0] != 'S' || v[1] != 'V') {
            return "garbage" + (v == null ? "" : Arrays.toString(Arrays.copyOf(v, Math.min(v.length, 4))));
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        String who = (v[10] == KIND_HONEST ? "h" : "b") + (v[11] & 0xff);
        int variant = b.getInt(12);
        return "s" + b.getLong(2) + ":" + who + (variant == 0 ? "" : "." + Integer.toHexString(variant));
    }
}
