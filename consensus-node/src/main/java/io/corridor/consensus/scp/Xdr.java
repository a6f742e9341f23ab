package io.corridor.consensus.scp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.Uint32;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.Value;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;
import org.stellar.sdk.xdr.XdrUnsignedInteger;

/**
 * Small helpers around the SDK's XDR classes. The SDK's common XDR interface is package-private, so encoding
 * goes through each class's public {@code toXdrByteArray}; the XDR objects are mutable, so everything this
 * library keeps is a deep copy made by an encode/decode round trip.
 */
final class Xdr {
    /** Largest XDR {@code uint32}; a ballot counter of this value stands for "infinity". */
    static final long UINT32_MAX = 0xFFFF_FFFFL;

    /** Orders values as stellar-core does: unsigned lexicographic bytes, a prefix sorts first. */
    static final Comparator<Value> VALUE_ORDER = (a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue());

    /** Orders node ids by key type, then raw key bytes; used for deterministic iteration. */
    static final Comparator<NodeID> NODE_ORDER = (a, b) -> {
        int c = Integer.compare(a.getNodeID().getDiscriminant().getValue(), b.getNodeID().getDiscriminant().getValue());
        return c != 0 ? c
                : Arrays.compareUnsigned(a.getNodeID().getEd25519().getUint256(),
                        b.getNodeID().getEd25519().getUint256());
    };

    private Xdr() {
    }

    @FunctionalInterface
    interface Encoder {
        byte[] encode() throws IOException;
    }

    @FunctionalInterface
    interface Decoder<T> {
        T decode() throws IOException;
    }

    static byte[] encode(Encoder encoder) {
        try {
            return encoder.encode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T decode(Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SCPEnvelope copy(SCPEnvelope e) {
        byte[] bytes = encode(e::toXdrByteArray);
        return decode(() -> SCPEnvelope.fromXdrByteArray(bytes));
    }

    static SCPStatement copy(SCPStatement s) {
        byte[] bytes = encode(s::toXdrByteArray);
        return decode(() -> SCPStatement.fromXdrByteArray(bytes));
    }

    static SCPQuorumSet copy(SCPQuorumSet q) {
        byte[] bytes = encode(q::toXdrByteArray);
        return decode(() -> SCPQuorumSet.fromXdrByteArray(bytes));
    }

    static Value copy(Value v) {
        return new Value(v.getValue().clone());
    }

    static NodeID copy(NodeID n) {
        byte[] bytes = encode(n::toXdrByteArray);
        return decode(() -> NodeID.fromXdrByteArray(bytes));
    }

    static Uint32 uint32(long v) {
        if (v < 0 || v > UINT32_MAX) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        return new Uint32(new XdrUnsignedInteger(v));
    }

    static long uint32(Uint32 v) {
        return v.getUint32().getNumber();
    }

    static Uint64 uint64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("slot index must not be negative: " + v);
        }
        return new Uint64(new XdrUnsignedHyperInteger(v));
    }

    /** Returns the value as a long, or -1 when it does not fit in a signed long. */
    static long uint64OrMinusOne(Uint64 v) {
        BigInteger n = v.getUint64().getNumber();
        return n.bitLength() < 64 ? n.longValue() : -1;
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static Hash hash(byte[] data) {
        return new Hash(sha256(data));
    }

    static String hex(byte[] b, int bytesMax) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, bytesMax); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
