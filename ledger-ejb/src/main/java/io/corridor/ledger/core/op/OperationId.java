package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import java.util.Objects;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.ClaimableBalanceIDType;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.HashIDPreimage;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.SequenceNumber;
import io.corridor.ledger.core.Accounts;

/**
 * Where an operation sits: the source account and sequence number of its transaction (the inner one of a fee
 * bump) and its index among the transaction's operations. stellar-core derives the ids of what an operation
 * creates from it ({@code HashIDPreimage} of type {@code ENVELOPE_TYPE_OP_ID}), which the SDKs compute too.
 */
public record OperationId(AccountID txSource, long txSeqNum, int index) {

    public OperationId {
        Objects.requireNonNull(txSource, "txSource");
        if (index < 0) {
            throw new IllegalArgumentException("operation index is not negative: " + index);
        }
    }

    /** SHA-256 of the XDR {@code HashIDPreimage.operationID}. */
    public byte[] hash() {
        HashIDPreimage.HashIDPreimageOperationID id = new HashIDPreimage.HashIDPreimageOperationID();
        id.setSourceAccount(txSource);
        id.setSeqNum(new SequenceNumber(new Int64(txSeqNum)));
        id.setOpNum(Accounts.uint32(index));
        HashIDPreimage preimage = new HashIDPreimage();
        preimage.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_OP_ID);
        preimage.setOperationID(id);
        return Hashing.sha256(Xdr.encode(preimage::toXdrByteArray));
    }

    /** The id of the claimable balance this operation creates (CREATE_CLAIMABLE_BALANCE). */
    public ClaimableBalanceID claimableBalanceId() {
        ClaimableBalanceID id = new ClaimableBalanceID();
        id.setDiscriminant(ClaimableBalanceIDType.CLAIMABLE_BALANCE_ID_TYPE_V0);
        id.setV0(new Hash(hash()));
        return id;
    }
}
