package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.PaymentOp;
import org.stellar.sdk.xdr.PaymentResult;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * PAYMENT of the native asset or of a credit asset. stellar-core runs a payment as a path payment without a
 * path, so its checks come in that order:
 *
 * <ul>
 *   <li>valid: an amount ≤ 0 or an invalid asset code is {@code MALFORMED};</li>
 *   <li>a native payment to oneself succeeds at once without touching balances;</li>
 *   <li>the destination account must exist ({@code NO_DESTINATION}), except when it is the issuer of the asset
 *       paid: anything may always be sent back to its issuer, which burns it;</li>
 *   <li>the destination is credited: native must fit below INT64_MAX minus buying liabilities
 *       ({@code LINE_FULL}); a credit asset needs a trust line ({@code NO_TRUST}) that is authorized
 *       ({@code NOT_AUTHORIZED}) and has room below its limit minus buying liabilities ({@code LINE_FULL});</li>
 *   <li>the source is debited: native must not go below the minimum balance plus selling liabilities
 *       ({@code UNDERFUNDED}); a credit asset needs a trust line ({@code SRC_NO_TRUST}) that is authorized
 *       ({@code SRC_NOT_AUTHORIZED}) and holds the amount beyond its selling liabilities ({@code UNDERFUNDED}).</li>
 * </ul>
 *
 * <p>The issuer has no trust line for its own asset: as destination nothing is credited (burn), as source
 * nothing is debited (mint). {@code NO_ISSUER} is not returned since protocol 13: a payment between holders
 * works even after the issuer's account is gone.
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
        if (!TrustLines.isAssetValid(op.getAsset())) {
            return result(PaymentResultCode.PAYMENT_MALFORMED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        long amount = op.getAmount().getInt64();
        Asset asset = op.getAsset();
        boolean isNative = asset.getDiscriminant() == AssetType.ASSET_TYPE_NATIVE;
        AccountID destination = Accounts.fromMuxed(op.getDestination());
        if (isNative && Accounts.same(destination, sourceAccount())) {
            return result(PaymentResultCode.PAYMENT_SUCCESS);
        }
        boolean toIssuer = TrustLines.isIssuer(destination, asset);
        if (!toIssuer && !ltx.exists(Accounts.key(destination))) {
            return result(PaymentResultCode.PAYMENT_NO_DESTINATION);
        }
        // The destination is credited before the source is debited; a nested scope drops the credit again
        // when the debit fails, so a failed payment leaves no trace.
        LedgerTxn transfer = ltx.child();
        PaymentResultCode failure = isNative ? creditNative(transfer, ctx, destination, amount)
                : creditLine(transfer, ctx, destination, asset, amount);
        if (failure == null) {
            failure = isNative ? debitNative(transfer, ctx, amount) : debitLine(transfer, ctx, asset, amount);
        }
        if (failure != null) {
            transfer.rollback();
            return result(failure);
        }
        transfer.commit();
        return result(PaymentResultCode.PAYMENT_SUCCESS);
    }

    private static PaymentResultCode creditNative(LedgerTxn ltx, LedgerContext ctx, AccountID destination,
            long amount) {
        LedgerEntry destEntry = ltx.load(Accounts.key(destination)).orElseThrow();
        AccountEntry dest = destEntry.getData().getAccount();
        if (Accounts.receivableBalance(dest) < amount) {
            return PaymentResultCode.PAYMENT_LINE_FULL;
        }
        dest.setBalance(new Int64(Accounts.balance(dest) + amount));
        store(ltx, destEntry, ctx);
        return null;
    }

    private PaymentResultCode debitNative(LedgerTxn ltx, LedgerContext ctx, long amount) {
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        if (Accounts.availableBalance(source, ctx.baseReserve()) < amount) {
            return PaymentResultCode.PAYMENT_UNDERFUNDED;
        }
        source.setBalance(new Int64(Accounts.balance(source) - amount));
        store(ltx, sourceEntry, ctx);
        return null;
    }

    private static PaymentResultCode creditLine(LedgerTxn ltx, LedgerContext ctx, AccountID destination,
            Asset asset, long amount) {
        if (TrustLines.isIssuer(destination, asset)) {
            // Sent back to the issuer: burnt, nothing to credit.
            return null;
        }
        Optional<LedgerEntry> found = ltx.load(TrustLines.key(destination, asset));
        if (found.isEmpty()) {
            return PaymentResultCode.PAYMENT_NO_TRUST;
        }
        LedgerEntry entry = found.get();
        TrustLineEntry line = entry.getData().getTrustLine();
        if (!TrustLines.isAuthorized(line)) {
            return PaymentResultCode.PAYMENT_NOT_AUTHORIZED;
        }
        if (!TrustLines.addBalance(line, amount)) {
            return PaymentResultCode.PAYMENT_LINE_FULL;
        }
        store(ltx, entry, ctx);
        return null;
    }

    /** Reads the source's line after the credit, which matters when a holder pays itself. */
    private PaymentResultCode debitLine(LedgerTxn ltx, LedgerContext ctx, Asset asset, long amount) {
        if (TrustLines.isIssuer(sourceAccount(), asset)) {
            // Sent by the issuer: minted, nothing to debit.
            return null;
        }
        Optional<LedgerEntry> found = ltx.load(TrustLines.key(sourceAccount(), asset));
        if (found.isEmpty()) {
            return PaymentResultCode.PAYMENT_SRC_NO_TRUST;
        }
        LedgerEntry entry = found.get();
        TrustLineEntry line = entry.getData().getTrustLine();
        if (!TrustLines.isAuthorized(line)) {
            return PaymentResultCode.PAYMENT_SRC_NOT_AUTHORIZED;
        }
        if (!TrustLines.addBalance(line, -amount)) {
            return PaymentResultCode.PAYMENT_UNDERFUNDED;
        }
        store(ltx, entry, ctx);
        return null;
    }

    static OperationResult result(PaymentResultCode code) {
        return inner(OperationType.PAYMENT, tr -> {
            PaymentResult r = new PaymentResult();
            r.setDiscriminant(code);
            tr.setPaymentResult(r);
        });
    }
}
