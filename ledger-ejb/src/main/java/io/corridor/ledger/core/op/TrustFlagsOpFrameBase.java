package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * What ALLOW_TRUST and SET_TRUST_LINE_FLAGS share, after stellar-core's {@code TrustFlagsOpFrameBase}: an
 * issuer changes the flags of a holder's trust line. The apply steps, in order: the issuer may not name
 * itself; the issuer must be allowed to revoke if the operation revokes; the line must exist; the new flags
 * must be a valid state; a line that loses all authorization gives up its offers and pool shares; then the
 * flags are written. Each step's result code is the operation's own.
 */
abstract class TrustFlagsOpFrameBase extends OperationFrame {

    TrustFlagsOpFrameBase(Operation operation, AccountID txSource) {
        super(operation, txSource);
    }

    @Override
    public final int thresholdLevel() {
        return Accounts.THRESHOLD_LOW;
    }

    /** The holder whose line changes. */
    abstract AccountID trustor();

    /** The credit asset of the line; its issuer is the source. */
    abstract Asset asset();

    abstract OperationResult selfNotAllowed();

    /** {@code null} when the source's account flags allow what the operation does to authorization. */
    abstract OperationResult checkAuthRevocation(AccountEntry source);

    abstract OperationResult noTrustLine();

    /** The flags the line will have. */
    abstract int expectedFlags(int currentFlags);

    /** {@code null} when going from the line's flags to {@code nextFlags} is allowed. */
    abstract OperationResult checkTransition(TrustLineEntry line, int nextFlags, boolean authRevocable);

    abstract OperationResult lowReserve();

    @Override
    public final OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        if (Accounts.same(trustor(), sourceAccount())) {
            // ALLOW_TRUST is rejected as malformed before this since protocol 16; kept as in stellar-core.
            return selfNotAllowed();
        }
        AccountEntry source = loadSource(ltx).getData().getAccount();
        OperationResult revocation = checkAuthRevocation(source);
        if (revocation != null) {
            return revocation;
        }
        EntryKey key = TrustLines.key(trustor(), asset());
        Optional<LedgerEntry> found = ltx.load(key);
        if (found.isEmpty()) {
            return noTrustLine();
        }
        TrustLineEntry line = found.get().getData().getTrustLine();
        int nextFlags = expectedFlags(TrustLines.flags(line));
        OperationResult transition = checkTransition(line, nextFlags, TrustLines.isAuthRevocable(source));
        if (transition != null) {
            return transition;
        }
        boolean losesAllAuthorization = TrustLines.isAuthorizedToMaintainLiabilities(line)
                && !TrustLines.isAuthorizedToMaintainLiabilities(nextFlags);
        if (losesAllAuthorization && !removeOffersAndPoolShares(ltx)) {
            return lowReserve();
        }
        // Removing offers changes the line's liabilities, so the flags go onto the line as it is now.
        LedgerEntry entry = ltx.load(key).orElseThrow();
        TrustLines.setFlags(entry.getData().getTrustLine(), nextFlags);
        store(ltx, entry, ctx);
        return successResult();
    }

    /**
     * The hook where stellar-core's {@code removeOffersAndPoolShareTrustLines} runs when a line loses all
     * authorization: it deletes the trustor's offers buying or selling the asset (releasing their liabilities
     * and sub-entries) and redeems its pool shares into claimable balances, which is where {@code LOW_RESERVE}
     * can arise. This ledger has neither offers nor pools yet, so there is nothing to remove and no way to
     * fail; the order book must add the offer removal here.
     */
    private boolean removeOffersAndPoolShares(LedgerTxn ltx) {
        return true;
    }
}
