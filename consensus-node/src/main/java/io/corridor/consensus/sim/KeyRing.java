package io.corridor.consensus.sim;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.PublicKeyType;
import org.stellar.sdk.xdr.SCPEnvelope;

/** The identities of a simulated network, by node id: signature verification and id-to-index lookup. */
final class KeyRing {
    private final List<SimIdentity> identities;
    private final TreeMap<String, SimIdentity> byKey = new TreeMap<>();

    KeyRing(List<SimIdentity> identities) {
        this.identities = List.copyOf(identities);
        for (SimIdentity id : identities) {
            byKey.put(HexFormat.of().formatHex(id.publicKeyBytes()), id);
        }
    }

    SimIdentity get(int index) {
        return identities.get(index);
    }

    int size() {
        return identities.size();
    }

    Optional<SimIdentity> find(NodeID nodeId) {
        if (nodeId == null || nodeId.getNodeID() == null
                || nodeId.getNodeID().getDiscriminant() != PublicKeyType.PUBLIC_KEY_TYPE_ED25519
                || nodeId.getNodeID().getEd25519() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(HexFormat.of().formatHex(nodeId.getNodeID().getEd25519().getUint256())));
    }

    /** Whether the envelope is signed by the node its statement names. */
    boolean verify(SCPEnvelope envelope) {
        if (envelope.getSignature() == null || envelope.getStatement() == null) {
            return false;
        }
        Optional<SimIdentity> signer = find(envelope.getStatement().getNodeID());
        return signer.isPresent() && signer.get().verifies(envelope.getStatement(),
                Arrays.copyOf(envelope.getSignature().getSignature(), envelope.getSignature().getSignature().length));
    }
}
