package io.corridor.consensus.scp;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.PublicKey;
import org.stellar.sdk.xdr.PublicKeyType;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Uint256;

/** Deterministic test node ids and quorum sets. */
final class TestNodes {
    private TestNodes() {
    }

    /** Node {@code i}: an Ed25519 key whose bytes are SHA-256("corridor-test-node-i"). */
    static NodeID node(int i) {
        PublicKey pk = new PublicKey();
        pk.setDiscriminant(PublicKeyType.PUBLIC_KEY_TYPE_ED25519);
        pk.setEd25519(new Uint256(Xdr.sha256(("corridor-test-node-" + i).getBytes())));
        return new NodeID(pk);
    }

    static SCPQuorumSet qSet(long threshold, NodeID... validators) {
        return qSet(threshold, validators, new SCPQuorumSet[0]);
    }

    static SCPQuorumSet qSet(long threshold, NodeID[] validators, SCPQuorumSet... inner) {
        SCPQuorumSet q = new SCPQuorumSet();
        q.setThreshold(Xdr.uint32(threshold));
        q.setValidators(validators);
        q.setInnerSets(inner);
        return q;
    }

    static NodeID[] nodes(int... indices) {
        NodeID[] res = new NodeID[indices.length];
        for (int i = 0; i < indices.length; i++) {
            res[i] = node(indices[i]);
        }
        return res;
    }
}
