package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Asset;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.CreateClaimableBalanceOp;
import org.stellar.sdk.xdr.CreateClaimableBalanceResult;
import org.stellar.sdk.xdr.CreateClaimableBalanceResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * CREATE_CLAIMABLE_BALANCE (CAP-23): moves an amount out of the source into a balance that its claimants may
 * claim while their predicates hold. Checks in stellar-core's order:
 *
 * <ul>
 *   <li>valid: an invalid asset, an amount below 1, no claimants (or more than the XDR bound of 10, which the
 *       SDK's decoder lets through), the same claimant twice, or a predicate that is not well formed (AND and
 *       OR with two operands, NOT with one, no negative time, at most 4 deep) is {@code MALFORMED};</li>
 *   <li>apply: the native asset beyond the source's available balance is {@code UNDERFUNDED}; a credit asset
 *       needs the source's trust line ({@code NO_TRUST}), authorized ({@code NOT_AUTHORIZED}), holding the
 *       amount beyond its selling liabilities ({@code UNDERFUNDED}), while the issuer itself mints; then the
 *       balance's reserve, one base reserve per claimant, is paid by the sponsor of the source's future
 *       reserves or else the source ({@code LOW_RESERVE}, {@code opTOO_MANY_SPONSORING}).</li>
 * </ul>
 *
 * <p>Relative times become absolute (close time + relative, saturating). The balance is clawback-enabled when
 * the source's trust line is, or, for the issuer, when its account has AUTH_CLAWBACK_ENABLED. Its id is the
 * SHA-256 of the operation's {@link OperationId}, so the SDK's {@code getClaimableBalanceId} finds it; the
 * result carries it.
 */
public final class CreateClaimableBalanceOpFrame extends OperationFrame {

    private final CreateClaimableBalanceOp op;

    CreateClaimableBalanceOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getCreateClaimableBalanceOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        // Reported only for operations of a transaction that failed before applying them: stellar-core's
        // default result, whose balance id is all zeros.
        ClaimableBalanceID placeholder = new ClaimableBalanceID();
        placeholder.setDiscriminant(org.stellar.sdk.xdr.ClaimableBalanceIDType.CLAIMABLE_BALANCE_ID_TYPE_V0);
        placeholder.setV0(new org.stellar.sdk.xdr.Hash(new byte[32]));
        return success(placeholder);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        Claimant[] claimants = op.getClaimants();
        if (!TrustLines.isAssetValid(op.getAsset()) || op.getAmount().getInt64() <= 0 || claimants == null
                || claimants.length == 0 || claimants.length > ClaimableBalances.CLAIMANTS_MAX) {
            return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_MALFORMED);
        }
        Set<String> destinations = new HashSet<>();
        for (Claimant claimant : claimants) {
            if (!destinations.add(Accounts.strKey(claimant.getV0().getDestination()))) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_MALFORMED);
            }
        }
        for (Claimant claimant : claimants) {
            if (!ClaimableBalances.isPredicateValid(claimant.getV0().getPredicate(), 1)) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_MALFORMED);
            }
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        Asset asset = op.getAsset();
        long amount = op.getAmount().getInt64();
        LedgerEntry lineEntry = null;
        boolean clawbackEnabled = false;
        if (asset.getDiscriminant() == AssetType.ASSET_TYPE_NATIVE) {
            if (Accounts.availableBalance(source, ctx.baseReserve()) < amount) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_UNDERFUNDED);
            }
            source.setBalance(new Int64(Accounts.balance(source) - amount));
        } else if (TrustLines.isIssuer(sourceAccount(), asset)) {
            // The issuer mints what it puts into the balance.
            clawbackEnabled = TrustLines.isClawbackEnabled(source);
        } else {
            Optional<LedgerEntry> found = ltx.load(TrustLines.key(sourceAccount(), asset));
            if (found.isEmpty()) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_NO_TRUST);
            }
            lineEntry = found.get();
            TrustLineEntry line = lineEntry.getData().getTrustLine();
            if (!TrustLines.isAuthorized(line)) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_NOT_AUTHORIZED);
            }
            if (!TrustLines.addBalance(line, -amount)) {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_UNDERFUNDED);
            }
            clawbackEnabled = TrustLines.isClawbackEnabled(line);
        }

        Claimant[] claimants = new Claimant[op.getClaimants().length];
        for (int i = 0; i < claimants.length; i++) {
            claimants[i] = Xdr.copy(op.getClaimants()[i]::toXdrByteArray, Claimant::decode);
            ClaimableBalances.makeAbsolute(claimants[i].getV0().getPredicate(), ctx.closeTime());
        }
        ClaimableBalanceID id = operationId().claimableBalanceId();
        LedgerEntry balance = ClaimableBalances.newEntry(id, asset, amount, claimants, clawbackEnabled,
                ctx.ledgerSeq());
        switch (Sponsorship.createEntry(ltx, ctx, balance, sourceEntry)) {
            case SUCCESS -> {
            }
            case LOW_RESERVE -> {
                return result(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_LOW_RESERVE);
            }
            case TOO_MANY_SPONSORING -> {
                return outer(OperationResultCode.opTOO_MANY_SPONSORING);
            }
            default -> throw new IllegalStateException("a claimable balance has no sub-entries or sponsored account");
        }
        store(ltx, sourceEntry, ctx);
        if (lineEntry != null) {
            store(ltx, lineEntry, ctx);
        }
        store(ltx, balance, ctx);
        return success(id);
    }

    private static OperationResult success(ClaimableBalanceID id) {
        return inner(OperationType.CREATE_CLAIMABLE_BALANCE, tr -> {
            CreateClaimableBalanceResult r = new CreateClaimableBalanceResult();
            r.setDiscriminant(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_SUCCESS);
            r.setBalanceID(id);
            tr.setCreateClaimableBalanceResult(r);
        });
    }

    static OperationResult result(CreateClaimableBalanceResultCode code) {
        if (code == CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_SUCCESS) {
            throw new IllegalArgumentException("a creation's success carries the balance id");
        }
        return inner(OperationType.CREATE_CLAIMABLE_BALANCE, tr -> {
            CreateClaimableBalanceResult r = new CreateClaimableBalanceResult();
            r.setDiscriminant(code);
            tr.setCreateClaimableBalanceResult(r);
        });
    }
}
