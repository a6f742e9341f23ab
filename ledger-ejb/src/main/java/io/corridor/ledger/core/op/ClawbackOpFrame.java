package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.ClawbackOp;
import org.stellar.sdk.xdr.ClawbackResult;
import org.stellar.sdk.xdr.ClawbackResultCode;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * CLAWBACK: the issuer (the source) takes an amount of its asset back from a holder's line and burns it.
 * Checks in stellar-core's order:
 *
 * <ul>
 *   <li>valid: {@code from} being the source itself, an amount below 1, a native or invalid asset, or a source
 *       that is not the asset's issuer is {@code MALFORMED};</li>
 *   <li>apply: no line {@code NO_TRUST}, a line without TRUSTLINE_CLAWBACK_ENABLED {@code NOT_CLAWBACK_ENABLED},
 *       and more than the line's balance minus its selling liabilities {@code UNDERFUNDED}.</li>
 * </ul>
 *
 * <p>Clawback ignores the line's authorization: a frozen (deauthorized) holder is exactly whom an issuer
 * claws back from.
 */
public final class ClawbackOpFrame extends OperationFrame {

    private final ClawbackOp op;

    ClawbackOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getClawbackOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(ClawbackResultCode.CLAWBACK_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        // stellar-core compares the multiplexed account with the plain source, so only the unmultiplexed form
        // of the issuer's own key is caught here; a multiplexed one finds no line and fails with NO_TRUST.
        boolean fromIsSource = op.getFrom().getDiscriminant() == CryptoKeyType.KEY_TYPE_ED25519
                && Accounts.same(Accounts.fromMuxed(op.getFrom()), sourceAccount());
        if (fromIsSource || op.getAmount().getInt64() < 1) {
            return malformed();
        }
        Asset asset = op.getAsset();
        if (asset.getDiscriminant() == AssetType.ASSET_TYPE_NATIVE || !TrustLines.isAssetValid(asset)) {
            return malformed();
        }
        if (!TrustLines.isIssuer(sourceAccount(), asset)) {
            return malformed();
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        Optional<LedgerEntry> found = ltx.load(TrustLines.key(Accounts.fromMuxed(op.getFrom()), op.getAsset()));
        if (found.isEmpty()) {
            return result(ClawbackResultCode.CLAWBACK_NO_TRUST);
        }
        LedgerEntry entry = found.get();
        TrustLineEntry line = entry.getData().getTrustLine();
        if (!TrustLines.isClawbackEnabled(line)) {
            return result(ClawbackResultCode.CLAWBACK_NOT_CLAWBACK_ENABLED);
        }
        if (!TrustLines.addBalanceSkipAuthorization(line, -op.getAmount().getInt64())) {
            return result(ClawbackResultCode.CLAWBACK_UNDERFUNDED);
        }
        store(ltx, entry, ctx);
        return result(ClawbackResultCode.CLAWBACK_SUCCESS);
    }

    private static OperationResult malformed() {
        return result(ClawbackResultCode.CLAWBACK_MALFORMED);
    }

    static OperationResult result(ClawbackResultCode code) {
        return inner(OperationType.CLAWBACK, tr -> {
            ClawbackResult r = new ClawbackResult();
            r.setDiscriminant(code);
            tr.setClawbackResult(r);
        });
    }
}
