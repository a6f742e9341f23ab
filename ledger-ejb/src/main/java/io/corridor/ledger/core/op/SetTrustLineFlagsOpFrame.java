package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.TrustLines;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.SetTrustLineFlagsOp;
import org.stellar.sdk.xdr.SetTrustLineFlagsResult;
import org.stellar.sdk.xdr.SetTrustLineFlagsResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * SET_TRUST_LINE_FLAGS: the issuer (the source) clears, then sets, flags on a holder's line for one of its
 * assets. AUTHORIZED and AUTHORIZED_TO_MAINTAIN_LIABILITIES may be set or cleared; TRUSTLINE_CLAWBACK_ENABLED
 * may only be cleared, so an issuer can give up clawback on a line but never impose it after the fact.
 * Checks in stellar-core's order:
 *
 * <ul>
 *   <li>valid: a native or invalid asset, a source that is not the issuer, the issuer naming itself, a flag
 *       both set and cleared, unknown flags, setting both authorization flags, or setting the clawback flag
 *       is {@code MALFORMED};</li>
 *   <li>apply: clearing any authorization without setting AUTHORIZED, when the issuer lacks AUTH_REVOCABLE,
 *       is {@code CANT_REVOKE}; a missing line {@code NO_TRUST_LINE}; a result with both authorization flags
 *       {@code INVALID_STATE}; {@code LOW_RESERVE} if removing the holder's offers and pool shares fails, which
 *       cannot happen until they exist.</li>
 * </ul>
 */
public final class SetTrustLineFlagsOpFrame extends TrustFlagsOpFrameBase {

    private final SetTrustLineFlagsOp op;

    SetTrustLineFlagsOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getSetTrustLineFlagsOp();
    }

    private long setFlags() {
        return op.getSetFlags().getUint32().getNumber();
    }

    private long clearFlags() {
        return op.getClearFlags().getUint32().getNumber();
    }

    @Override
    public OperationResult successResult() {
        return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        Asset asset = op.getAsset();
        if (asset.getDiscriminant() == AssetType.ASSET_TYPE_NATIVE || !TrustLines.isAssetValid(asset)) {
            return malformed();
        }
        if (!TrustLines.isIssuer(sourceAccount(), asset) || Accounts.same(op.getTrustor(), sourceAccount())) {
            return malformed();
        }
        long set = setFlags();
        long clear = clearFlags();
        if ((set & clear) != 0) {
            return malformed();
        }
        boolean setKnown = (set & ~TrustLines.FLAGS_MASK) == 0 && TrustLines.isAuthStateValid((int) set);
        if (!setKnown || (set & TrustLines.TRUSTLINE_CLAWBACK_ENABLED_FLAG) != 0) {
            return malformed();
        }
        if ((clear & ~TrustLines.FLAGS_MASK) != 0) {
            return malformed();
        }
        return null;
    }

    @Override
    AccountID trustor() {
        return op.getTrustor();
    }

    @Override
    Asset asset() {
        return op.getAsset();
    }

    /** doCheckValid rejects the issuer naming itself, so reaching this is a bug (stellar-core throws too). */
    @Override
    OperationResult selfNotAllowed() {
        throw new IllegalStateException("SET_TRUST_LINE_FLAGS naming its own source passed validation");
    }

    /**
     * Without AUTH_REVOCABLE the issuer may not go from AUTHORIZED to maintain-liabilities or to nothing, nor
     * from maintain-liabilities to nothing: any clearing of authorization that does not set AUTHORIZED.
     */
    @Override
    OperationResult checkAuthRevocation(AccountEntry source) {
        if (TrustLines.isAuthRevocable(source)) {
            return null;
        }
        boolean clearingAnyAuth = (clearFlags() & TrustLines.AUTH_FLAGS) != 0;
        boolean settingAuthorized = (setFlags() & TrustLines.AUTHORIZED_FLAG) != 0;
        if (clearingAnyAuth && !settingAuthorized) {
            return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_CANT_REVOKE);
        }
        return null;
    }

    @Override
    OperationResult noTrustLine() {
        return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_NO_TRUST_LINE);
    }

    @Override
    int expectedFlags(int currentFlags) {
        return (currentFlags & ~(int) clearFlags()) | (int) setFlags();
    }

    @Override
    OperationResult checkTransition(TrustLineEntry line, int nextFlags, boolean authRevocable) {
        if (!TrustLines.isAuthStateValid(nextFlags)) {
            return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_INVALID_STATE);
        }
        return null;
    }

    @Override
    OperationResult lowReserve() {
        return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_LOW_RESERVE);
    }

    private static OperationResult malformed() {
        return result(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
    }

    static OperationResult result(SetTrustLineFlagsResultCode code) {
        return inner(OperationType.SET_TRUST_LINE_FLAGS, tr -> {
            SetTrustLineFlagsResult r = new SetTrustLineFlagsResult();
            r.setDiscriminant(code);
            tr.setSetTrustLineFlagsResult(r);
        });
    }
}
