package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentOp;
import org.stellar.sdk.xdr.PaymentResult;
import org.stellar.sdk.xdr.PaymentResultCode;

/**
 * PAYMENT of the native asset. stellar-core runs a payment as a path payment without a path, so its
 * checks come in that order: malformed (amount ≤ 0), no destination, the destination cannot hold the
 * amount (line full), the source cannot spend it (underfunded). A native payment to oneself succeeds
 * without touching balances. Credit assets need trust lines and arrive with the ledger issue; until then
 * such payments are {@code opNOT_SUPPORTED}.
 */
public final class PaymentOpFrame extends OperationFrame {

    private final PaymentOp op;

    PaymentOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getPaymentOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(PaymentResultCode.PAYMENT_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (op.getAmount().getInt64() <= 0) {
            return result(PaymentResultCode.PAYMENT_MALFORMED);
        }
        if (op.getAsset().getDiscriminant() != AssetType.ASSET_TYPE_NATIVE) {
            return outer(OperationResultCode.opNOT_SUPPORTED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        long amount = op.getAmount().getInt64();
        AccountID destination = Accounts.fromMuxed(op.getDestination());
        if (Accounts.same(destination, sourceAccount())) {
            return result(PaymentResultCode.PAYMENT_SUCCESS);
        }
        var destinationEntry = ltx.load(Accounts.key(destination));
        if (destinationEntry.isEmpty()) {
            return result(PaymentResultCode.PAYMENT_NO_DESTINATION);
        }
        LedgerEntry destEntry = destinationEntry.get();
        AccountEntry dest = destEntry.getData().getAccount();
        if (Accounts.receivableBalance(dest) < amount) {
            return result(PaymentResultCode.PAYMENT_LINE_FULL);
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        if (Accounts.availableBalance(source, ctx.baseReserve()) < amount) {
            return result(PaymentResultCode.PAYMENT_UNDERFUNDED);
        }
        source.setBalance(new Int64(Accounts.balance(source) - amount));
        store(ltx, sourceEntry, ctx);
        dest.setBalance(new Int64(Accounts.balance(dest) + amount));
        store(ltx, destEntry, ctx);
        return result(PaymentResultCode.PAYMENT_SUCCESS);
    }

    static OperationResult result(PaymentResultCode code) {
        return inner(OperationType.PAYMENT, tr -> {
            PaymentResult r = new PaymentResult();
            r.setDiscriminant(code);
            tr.setPaymentResult(r);
        });
    }
}
