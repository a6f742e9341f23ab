package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.ClawbackClaimableBalanceResult;
import org.stellar.sdk.xdr.ClawbackClaimableBalanceResultCode;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;

/**
 * CLAWBACK_CLAIMABLE_BALANCE (CAP-35): the issuer of a balance's asset takes the whole balance back, burning it,
 * and the balance's reserve goes back to its sponsor. Checks in stellar-core's order: no such balance is
 * {@code DOES_NOT_EXIST}; a native balance, or a source that is not the asset's issuer, is {@code NOT_ISSUER};
 * a balance created without clawback enabled is {@code NOT_CLAWBACK_ENABLED}.
 */
public final class ClawbackClaimableBalanceOpFrame extends OperationFrame {

    private final EntryKey key;

    ClawbackClaimableBalanceOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.key = ClaimableBalances.key(operation.getBody().getClawbackClaimableBalanceOp().getBalanceID());
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        Optional<LedgerEntry> found = ltx.load(key);
        if (found.isEmpty()) {
            return result(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_DOES_NOT_EXIST);
        }
        LedgerEntry balanceEntry = found.get();
        ClaimableBalanceEntry balance = balanceEntry.getData().getClaimableBalance();
        if (!TrustLines.isIssuer(sourceAccount(), balance.getAsset())) {
            // The native asset has no issuer, so no one can claw it back.
            return result(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_NOT_ISSUER);
        }
        if (!ClaimableBalances.isClawbackEnabled(balance)) {
            return result(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_NOT_CLAWBACK_ENABLED);
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        Sponsorship.removeEntry(ltx, ctx, balanceEntry, sourceEntry);
        store(ltx, sourceEntry, ctx);
        ltx.erase(key);
        return result(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_SUCCESS);
    }

    static OperationResult result(ClawbackClaimableBalanceResultCode code) {
        return inner(OperationType.CLAWBACK_CLAIMABLE_BALANCE, tr -> {
            ClawbackClaimableBalanceResult r = new ClawbackClaimableBalanceResult();
            r.setDiscriminant(code);
            tr.setClawbackClaimableBalanceResult(r);
        });
    }
}
