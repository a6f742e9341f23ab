package io.corridor.consensus.scp;

import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPStatement;

/**
 * The bytes an SCP envelope signature covers, as stellar-core's herder signs them:
 * {@code xdr(networkId) || xdr(ENVELOPE_TYPE_SCP) || xdr(statement)}. Drivers sign and verify these bytes
 * with the node's Ed25519 key; the library never touches keys.
 */
public final class ScpSignatures {
    private ScpSignatures() {
    }

    public static byte[] payload(Hash networkId, SCPStatement statement) {
        return Xdr.concat(Xdr.encode(networkId::toXdrByteArray),
                Xdr.encode(EnvelopeType.ENVELOPE_TYPE_SCP::toXdrByteArray),
                Xdr.encode(statement::toXdrByteArray));
    }
}
