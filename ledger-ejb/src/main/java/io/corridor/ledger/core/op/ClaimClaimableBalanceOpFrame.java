package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.ClaimClaimableBalanceResult;
import org.stellar.sdk.xdr.ClaimClaimableBalanceResultCode;
import org.stellar.sdk.xdr.ClaimableBalanceEntry;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * CLAIM_CLAIMABLE_BALANCE (CAP-23): a claimant takes the whole balance, and the balance's reserve goes back to
 * its sponsor. Checks in stellar-core's order: no such balance is {@code DOES_NOT_EXIST}; a source that is not
 * a claimant, or whose predicate does not hold at the ledger's close time, is {@code CANNOT_CLAIM}; the native
 * asset must fit below INT64_MAX minus the source's buying liabilities ({@code LINE_FULL}); a credit asset
 * needs the source's trust line ({@code NO_TRUST}), authorized ({@code NOT_AUTHORIZED}), with room below its
 * limit ({@code LINE_FULL}), except for the issuer, which burns it. Low threshold, as in stellar-core.
 */
public final class ClaimClaimableBalanceOpFrame extends OperationFrame {

    private final EntryKey key;

    ClaimClaimableBalanceOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.key = ClaimableBalances.key(operation.getBody().getClaimClaimableBalanceOp().getBalanceID());
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_LOW;
    }

    @Override
    public OperationResult successResult() {
        return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        Optional<LedgerEntry> found = ltx.load(key);
        if (found.isEmpty()) {
            return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_DOES_NOT_EXIST);
        }
        LedgerEntry balanceEntry = found.get();
        ClaimableBalanceEntry balance = balanceEntry.getData().getClaimableBalance();
        Claimant claimant = ClaimableBalances.claimant(balance, sourceAccount());
        if (claimant == null || !ClaimableBalances.holds(claimant.getV0().getPredicate(), ctx.closeTime())) {
            return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_CANNOT_CLAIM);
        }
        Asset asset = balance.getAsset();
        long amount = balance.getAmount().getInt64();
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        LedgerEntry lineEntry = null;
        if (asset.getDiscriminant() == AssetType.ASSET_TYPE_NATIVE) {
            if (Accounts.receivableBalance(source) < amount) {
                return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_LINE_FULL);
            }
            source.setBalance(new Int64(Accounts.balance(source) + amount));
        } else if (!TrustLines.isIssuer(sourceAccount(), asset)) {
            Optional<LedgerEntry> line = ltx.load(TrustLines.key(sourceAccount(), asset));
            if (line.isEmpty()) {
                return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_NO_TRUST);
            }
            lineEntry = line.get();
            TrustLineEntry trustLine = lineEntry.getData().getTrustLine();
            if (!TrustLines.isAuthorized(trustLine)) {
                return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_NOT_AUTHORIZED);
            }
            if (!TrustLines.addBalance(trustLine, amount)) {
                return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_LINE_FULL);
            }
        }
        // The claimant may itself be the sponsor, whose reserve then comes back to the entry changed here.
        Sponsorship.removeEntry(ltx, ctx, balanceEntry, sourceEntry);
        store(ltx, sourceEntry, ctx);
        if (lineEntry != null) {
            store(ltx, lineEntry, ctx);
        }
        ltx.erase(key);
        return result(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_SUCCESS);
    }

    static OperationResult result(ClaimClaimableBalanceResultCode code) {
        return inner(OperationType.CLAIM_CLAIMABLE_BALANCE, tr -> {
            ClaimClaimableBalanceResult r = new ClaimClaimableBalanceResult();
            r.setDiscriminant(code);
            tr.setClaimClaimableBalanceResult(r);
        });
    }
}
