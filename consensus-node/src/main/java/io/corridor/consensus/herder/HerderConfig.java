package io.corridor.consensus.herder;

import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSetSanity;
import io.corridor.consensus.scp.QuorumSets;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * What the herder needs to know about its node and network.
 *
 * @param networkId       SHA-256 of the network passphrase; every signature covers it
 * @param nodeKey         the validator's key pair (with its secret: it signs envelopes)
 * @param quorumSet       the node's quorum set; must be sane ({@link QuorumSets#checkSanity})
 * @param closeIntervalMs target time between ledgers: the next ledger is nominated this long after the last
 *                        nomination started (or at once when the last ledger took longer)
 */
public record HerderConfig(Hash networkId, NodeKey nodeKey, SCPQuorumSet quorumSet, long closeIntervalMs) {

    public HerderConfig {
        if (networkId == null || networkId.getHash().length != 32) {
            throw new IllegalArgumentException("network id must be a 32-byte hash");
        }
        if (nodeKey == null) {
            throw new IllegalArgumentException("the validator needs its key to sign envelopes");
        }
        QuorumSetSanity sanity = QuorumSets.checkSanity(quorumSet, false);
        if (sanity != QuorumSetSanity.SANE) {
            throw new IllegalArgumentException("quorum set is not sane: " + sanity);
        }
        if (closeIntervalMs < 100) {
            throw new IllegalArgumentException("close interval must be at least 100 ms, was " + closeIntervalMs);
        }
    }
}
