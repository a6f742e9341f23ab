package io.corridor.consensus.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import io.corridor.consensus.scp.ScpSignatures;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.PublicKey;
import org.stellar.sdk.xdr.PublicKeyType;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Uint256;

/**
 * A simulated node's signing identity: a secret and the node id (public key) derived from it. Signatures
 * are a keyed SHA-256 over {@link ScpSignatures#payload} instead of Ed25519, which would dominate the run
 * time; the property the simulation needs holds all the same: only the holder of the secret can sign for
 * the id, so a Byzantine node can sign anything as itself but nothing as anybody else. Verification goes
 * through the {@link KeyRing}, which stands for public-key verification.
 */
public final class SimIdentity {
    /** The network id every simulated signature covers. */
    public static final Hash NETWORK_ID = new Hash(sha256("corridor simulation network".getBytes(StandardCharsets.UTF_8)));

    private final int index;
    private final String name;
    private final byte[] secret;
    private final NodeID nodeId;

    SimIdentity(int index, String name) {
        this.index = index;
        this.name = name;
        this.secret = sha256(("corridor-sim-secret-" + name).getBytes(StandardCharsets.UTF_8));
        PublicKey pk = new PublicKey();
        pk.setDiscriminant(PublicKeyType.PUBLIC_KEY_TYPE_ED25519);
        pk.setEd25519(new Uint256(sha256(concat("public".getBytes(StandardCharsets.UTF_8), secret))));
        this.nodeId = new NodeID(pk);
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    /** The node id; a fresh copy, as XDR objects are mutable. */
    public NodeID nodeId() {
        PublicKey pk = new PublicKey();
        pk.setDiscriminant(PublicKeyType.PUBLIC_KEY_TYPE_ED25519);
        pk.setEd25519(new Uint256(nodeId.getNodeID().getEd25519().getUint256().clone()));
        return new NodeID(pk);
    }

    /** Signs a statement as this node (whatever node id the statement claims). */
    public Signature sign(SCPStatement statement) {
        return new Signature(mac(secret, statement));
    }

    static byte[] mac(byte[] secret, SCPStatement statement) {
        return sha256(concat(secret, ScpSignatures.payload(NETWORK_ID, statement)));
    }

    boolean verifies(SCPStatement statement, byte[] signature) {
        return Arrays.equals(mac(secret, statement), signature);
    }

    byte[] publicKeyBytes() {
        return nodeId.getNodeID().getEd25519().getUint256().clone();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
