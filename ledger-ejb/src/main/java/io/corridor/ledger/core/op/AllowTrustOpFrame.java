package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.TrustLines;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AllowTrustOp;
import org.stellar.sdk.xdr.AllowTrustResult;
import org.stellar.sdk.xdr.AllowTrustResultCode;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * ALLOW_TRUST, deprecated in favour of SET_TRUST_LINE_FLAGS but still valid: the issuer (the source) sets the
 * authorization of a holder's line for one of its asset codes to 0 (revoked), AUTHORIZED (1) or
 * AUTHORIZED_TO_MAINTAIN_LIABILITIES (2), keeping the clawback flag. Checks in stellar-core's order for
 * protocol 21:
 *
 * <ul>
 *   <li>valid: a non-credit code, an authorization above 2, an invalid code or the issuer naming itself is
 *       {@code MALFORMED};</li>
 *   <li>apply: naming itself {@code SELF_NOT_ALLOWED} (unreachable after the check above), revoking (0)
 *       without AUTH_REVOCABLE {@code CANT_REVOKE}, a missing line {@code NO_TRUST_LINE}, going from AUTHORIZED
 *       down to maintain-liabilities without AUTH_REVOCABLE {@code CANT_REVOKE}, and {@code LOW_RESERVE} if
 *       removing the holder's offers and pool shares fails, which cannot happen until they exist.</li>
 * </ul>
 *
 * <p>{@code TRUST_NOT_REQUIRED} (an issuer without AUTH_REQUIRED) is no longer returned since protocol 16:
 * any issuer may authorize.
 */
public final class AllowTrustOpFrame extends TrustFlagsOpFrameBase {

    private final AllowTrustOp op;

    AllowTrustOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getAllowTrustOp();
    }

    private long authorize() {
        return op.getAuthorize().getUint32().getNumber();
    }

    @Override
    public OperationResult successResult() {
        return result(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (!TrustLines.isCredit(op.getAsset().getDiscriminant())) {
            return result(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }
        if (authorize() > TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG) {
            // 3 would set both authorization flags; anything higher is not an authorization.
            return result(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }
        if (!TrustLines.isAssetValid(asset())) {
            return result(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }
        if (Accounts.same(op.getTrustor(), sourceAccount())) {
            return result(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }
        return null;
    }

    @Override
    AccountID trustor() {
        return op.getTrustor();
    }

    /** The code names an asset of the source. */
    @Override
    Asset asset() {
        return TrustLines.asset(sourceAccount(), op.getAsset());
    }

    @Override
    OperationResult selfNotAllowed() {
        return result(AllowTrustResultCode.ALLOW_TRUST_SELF_NOT_ALLOWED);
    }

    @Override
    OperationResult checkAuthRevocation(AccountEntry source) {
        if (!TrustLines.isAuthRevocable(source) && authorize() == 0) {
            return result(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE);
        }
        return null;
    }

    @Override
    OperationResult noTrustLine() {
        return result(AllowTrustResultCode.ALLOW_TRUST_NO_TRUST_LINE);
    }

    @Override
    int expectedFlags(int currentFlags) {
        return (currentFlags & ~TrustLines.AUTH_FLAGS) | (int) authorize();
    }

    /** Without AUTH_REVOCABLE an authorized line may not be reduced to maintaining liabilities either. */
    @Override
    OperationResult checkTransition(TrustLineEntry line, int nextFlags, boolean authRevocable) {
        if (!authRevocable && TrustLines.isAuthorized(line)
                && (nextFlags & TrustLines.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG) != 0) {
            return result(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE);
        }
        return null;
    }

    @Override
    OperationResult lowReserve() {
        return result(AllowTrustResultCode.ALLOW_TRUST_LOW_RESERVE);
    }

    static OperationResult result(AllowTrustResultCode code) {
        return inner(OperationType.ALLOW_TRUST, tr -> {
            AllowTrustResult r = new AllowTrustResult();
            r.setDiscriminant(code);
            tr.setAllowTrustResult(r);
        });
    }
}
