package io.corridor.bench;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.util.Arrays;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.CreateAccountOp;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.EnvelopeType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Memo;
import org.stellar.sdk.xdr.MemoType;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentOp;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.SignatureHint;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionV1Envelope;
import org.stellar.sdk.xdr.Uint256;

/** Signed transaction envelopes built straight in XDR, for the benchmarks and load generators. */
final class Envelopes {

    private Envelopes() {
    }

    static Operation payment(AccountID to, long amount) {
        PaymentOp pay = new PaymentOp();
        pay.setDestination(muxed(to));
        Asset xlm = new Asset();
        xlm.setDiscriminant(AssetType.ASSET_TYPE_NATIVE);
        pay.setAsset(xlm);
        pay.setAmount(new Int64(amount));
        Operation.OperationBody body = new Operation.OperationBody();
        body.setDiscriminant(OperationType.PAYMENT);
        body.setPaymentOp(pay);
        Operation op = new Operation();
        op.setBody(body);
        return op;
    }

    static Operation createAccount(AccountID destination, long startingBalance) {
        CreateAccountOp create = new CreateAccountOp();
        create.setDestination(destination);
        create.setStartingBalance(new Int64(startingBalance));
        Operation.OperationBody body = new Operation.OperationBody();
        body.setDiscriminant(OperationType.CREATE_ACCOUNT);
        body.setCreateAccountOp(create);
        Operation op = new Operation();
        op.setBody(body);
        return op;
    }

    /** A V1 envelope with no memo and no preconditions, signed by the source's seed. */
    static TransactionEnvelope signed(byte[] seed, AccountID source, long seq, long feePerOperation,
            Operation[] operations, byte[] networkId) {
        Transaction tx = new Transaction();
        tx.setSourceAccount(muxed(source));
        tx.setFee(Accounts.uint32(feePerOperation * operations.length));
        tx.setSeqNum(new SequenceNumber(new Int64(seq)));
        Preconditions none = new Preconditions();
        none.setDiscriminant(PreconditionType.PRECOND_NONE);
        tx.setCond(none);
        Memo memo = new Memo();
        memo.setDiscriminant(MemoType.MEMO_NONE);
        tx.setMemo(memo);
        tx.setOperations(operations);
        Transaction.TransactionExt ext = new Transaction.TransactionExt();
        ext.setDiscriminant(0);
        tx.setExt(ext);
        TransactionV1Envelope v1 = new TransactionV1Envelope();
        v1.setTx(tx);
        v1.setSignatures(new DecoratedSignature[0]);
        TransactionEnvelope envelope = new TransactionEnvelope();
        envelope.setDiscriminant(EnvelopeType.ENVELOPE_TYPE_TX);
        envelope.setV1(v1);
        byte[] hash = TransactionFrame.of(envelope, networkId).hash();
        byte[] publicKey = Accounts.keyBytes(source);
        DecoratedSignature signature = new DecoratedSignature();
        signature.setHint(new SignatureHint(Arrays.copyOfRange(publicKey, 28, 32)));
        signature.setSignature(new Signature(Ed25519.sign(seed, hash)));
        v1.setSignatures(new DecoratedSignature[] {signature});
        return envelope;
    }

    static MuxedAccount muxed(AccountID id) {
        MuxedAccount muxed = new MuxedAccount();
        muxed.setDiscriminant(CryptoKeyType.KEY_TYPE_ED25519);
        muxed.setEd25519(new Uint256(Accounts.keyBytes(id)));
        return muxed;
    }
}
