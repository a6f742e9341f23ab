package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
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
import org.stellar.sdk.xdr.ChangeTrustOp;
import org.stellar.sdk.xdr.ChangeTrustResult;
import org.stellar.sdk.xdr.ChangeTrustResultCode;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * CHANGE_TRUST: creates, changes the limit of, or (limit 0) deletes the source's trust line for a credit
 * asset. Checks in stellar-core's order for protocol 21:
 *
 * <ul>
 *   <li>valid: negative limit, an invalid or native asset, or the issuer trusting its own asset is
 *       {@code MALFORMED} (since protocol 16 the last is caught here, so {@code SELF_NOT_ALLOWED} in apply
 *       remains only as stellar-core's second line of defence);</li>
 *   <li>an existing line: a limit below balance plus buying liabilities is {@code INVALID_LIMIT}, which is
 *       also how deleting a line that still holds anything fails; deleting a line a liquidity pool uses is
 *       {@code CANNOT_DELETE}; changing the limit of a line whose issuer is gone is {@code NO_ISSUER};</li>
 *   <li>a new line: limit 0 is {@code INVALID_LIMIT}, a missing issuer {@code NO_ISSUER}, a full account
 *       {@code opTOO_MANY_SUBENTRIES}, and a balance that cannot carry one more reserve {@code LOW_RESERVE}.
 *       The line starts authorized unless the issuer has AUTH_REQUIRED, and clawback-enabled when the issuer
 *       has AUTH_CLAWBACK_ENABLED.</li>
 * </ul>
 *
 * <p>Liquidity-pool share lines are not supported ({@code opNOT_SUPPORTED}), so {@code TRUST_LINE_MISSING}
 * and {@code NOT_AUTH_MAINTAIN_LIABILITIES}, which only pool-share lines produce, never occur.
 */
public final class ChangeTrustOpFrame extends OperationFrame {

    private final ChangeTrustOp op;

    ChangeTrustOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getChangeTrustOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        AssetType type = op.getLine().getDiscriminant();
        if (type == AssetType.ASSET_TYPE_POOL_SHARE) {
            // Liquidity pools are not part of this ledger; their share lines are an unsupported feature.
            return outer(OperationResultCode.opNOT_SUPPORTED);
        }
        if (op.getLimit().getInt64() < 0) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }
        Asset asset = TrustLines.asset(op.getLine());
        if (!TrustLines.isAssetValid(asset) || type == AssetType.ASSET_TYPE_NATIVE) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }
        if (TrustLines.isIssuer(sourceAccount(), asset)) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        Asset asset = TrustLines.asset(op.getLine());
        if (TrustLines.isIssuer(sourceAccount(), asset)) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_SELF_NOT_ALLOWED);
        }
        long limit = op.getLimit().getInt64();
        EntryKey key = TrustLines.key(sourceAccount(), asset);
        Optional<LedgerEntry> existing = ltx.load(key);
        if (existing.isPresent()) {
            return changeExisting(ltx, ctx, existing.get(), key, asset, limit);
        }
        return create(ltx, ctx, asset, limit);
    }

    private OperationResult changeExisting(LedgerTxn ltx, LedgerContext ctx, LedgerEntry entry, EntryKey key,
            Asset asset, long limit) {
        TrustLineEntry line = entry.getData().getTrustLine();
        if (limit < TrustLines.minimumLimit(line)) {
            // The holder cannot drop the limit below what it holds or has offered to buy.
            return result(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
        }
        if (limit == 0) {
            if (TrustLines.liquidityPoolUseCount(line) != 0) {
                return result(ChangeTrustResultCode.CHANGE_TRUST_CANNOT_DELETE);
            }
            LedgerEntry sourceEntry = loadSource(ltx);
            // Sponsorship (CAP-33): releases the sub-entry, and the sponsor's reserve if the line has one.
            Sponsorship.removeEntry(ltx, ctx, entry, sourceEntry);
            store(ltx, sourceEntry, ctx);
            // Deleting needs no issuer: holders of an asset whose issuer merged away can still clean up.
            ltx.erase(key);
            return result(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
        }
        if (!ltx.exists(Accounts.key(TrustLines.issuer(asset)))) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_NO_ISSUER);
        }
        TrustLines.setLimit(line, limit);
        store(ltx, entry, ctx);
        return result(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
    }

    private OperationResult create(LedgerTxn ltx, LedgerContext ctx, Asset asset, long limit) {
        if (limit == 0) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
        }
        Optional<LedgerEntry> issuer = ltx.load(Accounts.key(TrustLines.issuer(asset)));
        if (issuer.isEmpty()) {
            return result(ChangeTrustResultCode.CHANGE_TRUST_NO_ISSUER);
        }
        int flags = TrustLines.initialFlags(issuer.get().getData().getAccount());
        LedgerEntry sourceEntry = loadSource(ltx);
        LedgerEntry line = TrustLines.newTrustLine(sourceAccount(), asset, limit, flags, ctx.ledgerSeq());
        // Sponsorship (CAP-33): counts the sub-entry; its reserve is paid by the sponsor of the source's
        // future reserves if the transaction began one, otherwise by the source.
        switch (Sponsorship.createEntry(ltx, ctx, line, sourceEntry)) {
            case SUCCESS -> {
            }
            case TOO_MANY_SUBENTRIES -> {
                return outer(OperationResultCode.opTOO_MANY_SUBENTRIES);
            }
            case LOW_RESERVE -> {
                return result(ChangeTrustResultCode.CHANGE_TRUST_LOW_RESERVE);
            }
            case TOO_MANY_SPONSORING -> {
                return outer(OperationResultCode.opTOO_MANY_SPONSORING);
            }
            default -> throw new IllegalStateException("sponsored reserves beyond the sub-entry limit");
        }
        store(ltx, sourceEntry, ctx);
        ltx.put(line);
        return result(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
    }

    static OperationResult result(ChangeTrustResultCode code) {
        return inner(OperationType.CHANGE_TRUST, tr -> {
            ChangeTrustResult r = new ChangeTrustResult();
            r.setDiscriminant(code);
            tr.setChangeTrustResult(r);
        });
    }
}
