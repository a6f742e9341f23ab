package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import java.util.List;
import java.util.Objects;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.FeeBumpTransaction;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionSignaturePayload;
import org.stellar.sdk.xdr.TransactionV0;

/**
 * A transaction envelope with what the ledger derives from it: its hash (the signature payload's
 * SHA-256, committing to the network id), its source, fee, sequence number and operations. A fee-bump
 * envelope wraps an {@link #inner()} frame. Legacy V0 envelopes are read as V1 transactions, which is
 * also how their hash is computed.
 */
public final class TransactionFrame {

    private final TransactionEnvelope envelope;
    private final byte[] hash;
    private final Transaction tx;
    private final FeeBumpTransaction feeBump;
    private final TransactionFrame inner;
    private final List<DecoratedSignature> signatures;

    private TransactionFrame(TransactionEnvelope envelope, byte[] hash, Transaction tx, FeeBumpTransaction feeBump,
            TransactionFrame inner, DecoratedSignature[] signatures) {
        this.envelope = envelope;
        this.hash = hash;
        this.tx = tx;
        this.feeBump = feeBump;
        this.inner = inner;
        this.signatures = List.of(signatures == null ? new DecoratedSignature[0] : signatures);
    }

    public static TransactionFrame of(TransactionEnvelope envelope, byte[] networkId) {
        Objects.requireNonNull(envelope, "envelope");
        return switch (envelope.getDiscriminant()) {
            case ENVELOPE_TYPE_TX_V0 -> {
                Transaction tx = fromV0(envelope.getV0().getTx());
                yield new TransactionFrame(envelope, hashOf(tx, networkId), tx, null, null,
                        envelope.getV0().getSignatures());
            }
            case ENVELOPE_TYPE_TX -> {
                Transaction tx = envelope.getV1().getTx();
                yield new TransactionFrame(envelope, hashOf(tx, networkId), tx, null, null,
                        envelope.getV1().getSignatures());
            }
            case ENVELOPE_TYPE_TX_FEE_BUMP -> {
                FeeBumpTransaction fb = envelope.getFeeBump().getTx();
                TransactionEnvelope innerEnvelope = new TransactionEnvelope();
                innerEnvelope.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX);
                innerEnvelope.setV1(fb.getInnerTx().getV1());
                TransactionFrame inner = of(innerEnvelope, networkId);
                TransactionSignaturePayload.TransactionSignaturePayloadTaggedTransaction tagged =
                        new TransactionSignaturePayload.TransactionSignaturePayloadTaggedTransaction();
                tagged.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX_FEE_BUMP);
                tagged.setFeeBump(fb);
                yield new TransactionFrame(envelope, payloadHash(tagged, networkId), null, fb, inner,
                        envelope.getFeeBump().getSignatures());
            }
            default -> throw new IllegalArgumentException("not a transaction envelope: " + envelope.getDiscriminant());
        };
    }

    private static Transaction fromV0(TransactionV0 v0) {
        Transaction tx = new Transaction();
        MuxedAccount source = new MuxedAccount();
        source.setDiscriminant(CryptoKeyType.KEY_TYPE_ED25519);
        source.setEd25519(v0.getSourceAccountEd25519());
        tx.setSourceAccount(source);
        tx.setFee(v0.getFee());
        tx.setSeqNum(v0.getSeqNum());
        Preconditions cond = new Preconditions();
        if (v0.getTimeBounds() == null) {
            cond.setDiscriminant(PreconditionType.PRECOND_NONE);
        } else {
            cond.setDiscriminant(PreconditionType.PRECOND_TIME);
            cond.setTimeBounds(v0.getTimeBounds());
        }
        tx.setCond(cond);
        tx.setMemo(v0.getMemo());
        tx.setOperations(v0.getOperations());
        Transaction.TransactionExt ext = new Transaction.TransactionExt();
        ext.setDiscriminant(0);
        tx.setExt(ext);
        return tx;
    }

    private static byte[] hashOf(Transaction tx, byte[] networkId) {
        TransactionSignaturePayload.TransactionSignaturePayloadTaggedTransaction tagged =
                new TransactionSignaturePayload.TransactionSignaturePayloadTaggedTransaction();
        tagged.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX);
        tagged.setTx(tx);
        return payloadHash(tagged, networkId);
    }

    private static byte[] payloadHash(TransactionSignaturePayload.TransactionSignaturePayloadTaggedTransaction tagged,
            byte[] networkId) {
        TransactionSignaturePayload payload = new TransactionSignaturePayload();
        payload.setNetworkId(new Hash(networkId));
        payload.setTaggedTransaction(tagged);
        return Hashing.sha256(Xdr.encode(payload::toXdrByteArray));
    }

    public TransactionEnvelope envelope() {
        return envelope;
    }

    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return Hashing.hex(hash);
    }

    public boolean isFeeBump() {
        return feeBump != null;
    }

    /** The transaction whose operations run: the wrapped one for a fee bump, otherwise this. */
    public TransactionFrame inner() {
        return inner == null ? this : inner;
    }

    public List<DecoratedSignature> signatures() {
        return signatures;
    }

    /** The account paying the fee: the fee source of a fee bump, otherwise the source account. */
    public AccountID feeSource() {
        return isFeeBump() ? Accounts.fromMuxed(feeBump.getFeeSource()) : sourceAccount();
    }

    /** The fee bid: a fee bump's 64-bit fee, otherwise the transaction's 32-bit fee. */
    public long feeBid() {
        return isFeeBump() ? feeBump.getFee().getInt64() : tx.getFee().getUint32().getNumber();
    }

    /** Operations the fee is computed for; a fee bump counts as one more. */
    public int feeOperationCount() {
        return isFeeBump() ? inner.operationCount() + 1 : operationCount();
    }

    public AccountID sourceAccount() {
        return Accounts.fromMuxed(inner().tx.getSourceAccount());
    }

    public long seqNum() {
        return inner().tx.getSeqNum().getSequenceNumber().getInt64();
    }

    public Transaction transaction() {
        return inner().tx;
    }

    public List<Operation> operations() {
        Operation[] ops = inner().tx.getOperations();
        return ops == null ? List.of() : List.of(ops);
    }

    public int operationCount() {
        return operations().size();
    }
}
