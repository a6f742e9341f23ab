package io.corridor.consensus.scp;

import java.util.Objects;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;

/** The local node as SCP sees it: its id, whether it votes, and its normalised quorum set and hash. */
final class LocalNode {
    private final NodeID nodeId;
    private final boolean validator;
    private final SCPQuorumSet quorumSet;
    private final Hash quorumSetHash;

    LocalNode(NodeID nodeId, boolean validator, SCPQuorumSet quorumSet) {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(quorumSet, "quorumSet");
        QuorumSetSanity sanity = QuorumSets.checkSanity(quorumSet, false);
        if (sanity != QuorumSetSanity.SANE) {
            throw new IllegalArgumentException("local quorum set is not sane: " + sanity);
        }
        this.nodeId = Xdr.copy(nodeId);
        this.validator = validator;
        this.quorumSet = QuorumSets.normalize(quorumSet);
        this.quorumSetHash = QuorumSets.hash(this.quorumSet);
    }

    NodeID nodeId() {
        return nodeId;
    }

    boolean isValidator() {
        return validator;
    }

    /** The normalised quorum set; callers must not mutate it. */
    SCPQuorumSet quorumSet() {
        return quorumSet;
    }

    Hash quorumSetHash() {
        return quorumSetHash;
    }
}
