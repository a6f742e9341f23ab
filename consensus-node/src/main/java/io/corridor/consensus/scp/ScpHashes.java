package io.corridor.consensus.scp;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.Value;

/**
 * stellar-core's SHA-256 based hashes for leader selection. Each hash is the first 8 bytes (big-endian,
 * unsigned) of {@code SHA-256(xdr(slot) || xdr(previousValue) || xdr(tag) || xdr(round) || xdr(subject))}.
 */
public final class ScpHashes {
    /** Tag of the neighbourhood hash H0: decides whether a node is a neighbour this round. */
    public static final int TAG_NEIGHBOURHOOD = 1;
    /** Tag of the priority hash H1: orders the neighbours. */
    public static final int TAG_PRIORITY = 2;
    /** Tag of the value hash used to pick among a leader's values. */
    public static final int TAG_VALUE = 3;

    private ScpHashes() {
    }

    public static long hashNode(long slotIndex, Value previousValue, boolean isPriority, int roundNumber,
            NodeID nodeId) {
        return hash(slotIndex, previousValue, isPriority ? TAG_PRIORITY : TAG_NEIGHBOURHOOD, roundNumber,
                Xdr.encode(nodeId::toXdrByteArray));
    }

    public static long hashValue(long slotIndex, Value previousValue, int roundNumber, Value value) {
        return hash(slotIndex, previousValue, TAG_VALUE, roundNumber, Xdr.encode(value::toXdrByteArray));
    }

    private static long hash(long slotIndex, Value previousValue, int tag, int roundNumber, byte[] subject) {
        byte[] slot = Xdr.encode(Xdr.uint64(slotIndex)::toXdrByteArray);
        byte[] prev = Xdr.encode(previousValue::toXdrByteArray);
        byte[] digest = Xdr.sha256(Xdr.concat(slot, prev, Xdr.int32(tag), Xdr.int32(roundNumber), subject));
        long res = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            res = (res << 8) | (digest[i] & 0xffL);
        }
        return res;
    }
}
