package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import java.util.function.Consumer;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;

/** One operation of a transaction, bound to the transaction's source account. */
public abstract class OperationFrame {

    protected final Operation operation;
    private final AccountID txSource;
    /** Set once by {@link #of(Operation, OperationId)}; {@code null} for frames checked outside a transaction. */
    private OperationId id;

    protected OperationFrame(Operation operation, AccountID txSource) {
        this.operation = operation;
        this.txSource = txSource;
    }

    /** The frame for an operation; operations this ledger does not support answer {@code opNOT_SUPPORTED}. */
    public static OperationFrame of(Operation operation, AccountID txSource) {
        OperationType type = operation.getBody().getDiscriminant();
        return switch (type) {
            case CREATE_ACCOUNT -> new CreateAccountOpFrame(operation, txSource);
            case PAYMENT -> new PaymentOpFrame(operation, txSource);
            case SET_OPTIONS -> new SetOptionsOpFrame(operation, txSource);
            case ACCOUNT_MERGE -> new AccountMergeOpFrame(operation, txSource);
            case MANAGE_DATA -> new ManageDataOpFrame(operation, txSource);
            case BUMP_SEQUENCE -> new BumpSequenceOpFrame(operation, txSource);
            case CHANGE_TRUST -> new ChangeTrustOpFrame(operation, txSource);
            case ALLOW_TRUST -> new AllowTrustOpFrame(operation, txSource);
            case SET_TRUST_LINE_FLAGS -> new SetTrustLineFlagsOpFrame(operation, txSource);
            case CLAWBACK -> new ClawbackOpFrame(operation, txSource);
            case BEGIN_SPONSORING_FUTURE_RESERVES -> new BeginSponsoringFutureReservesOpFrame(operation, txSource);
            case END_SPONSORING_FUTURE_RESERVES -> new EndSponsoringFutureReservesOpFrame(operation, txSource);
            case REVOKE_SPONSORSHIP -> new RevokeSponsorshipOpFrame(operation, txSource);
            case CREATE_CLAIMABLE_BALANCE -> new CreateClaimableBalanceOpFrame(operation, txSource);
            case CLAIM_CLAIMABLE_BALANCE -> new ClaimClaimableBalanceOpFrame(operation, txSource);
            case CLAWBACK_CLAIMABLE_BALANCE -> new ClawbackClaimableBalanceOpFrame(operation, txSource);
            default -> new UnsupportedOpFrame(operation, txSource);
        };
    }

    /**
     * The frame for the operation at a known place in its transaction, as the transaction processor applies
     * it; operations that derive ids from their place (CREATE_CLAIMABLE_BALANCE) need this one.
     */
    public static OperationFrame of(Operation operation, OperationId id) {
        OperationFrame frame = of(operation, id.txSource());
        frame.id = id;
        return frame;
    }

    /** Where the operation sits in its transaction; only frames made with {@link #of(Operation, OperationId)}. */
    protected OperationId operationId() {
        if (id == null) {
            throw new IllegalStateException(type() + " needs its place in a transaction: build it with an OperationId");
        }
        return id;
    }

    public OperationType type() {
        return operation.getBody().getDiscriminant();
    }

    /** The operation's own source account, or the transaction's when it has none. */
    public AccountID sourceAccount() {
        return operation.getSourceAccount() == null ? txSource : Accounts.fromMuxed(operation.getSourceAccount());
    }

    public boolean hasExplicitSource() {
        return operation.getSourceAccount() != null;
    }

    /** Which of the source account's thresholds the signatures must reach ({@link Accounts#THRESHOLD_LOW} ...). */
    public abstract int thresholdLevel();

    /** This operation's success result, reported for valid operations of a transaction that failed as a whole. */
    public abstract OperationResult successResult();

    /** Checks that need no ledger state; {@code null} when the operation is well formed. */
    public abstract OperationResult doCheckValid(LedgerContext ctx);

    /** Applies the operation to {@code ltx}; the caller rolls the scope back unless the result is a success. */
    public abstract OperationResult doApply(LedgerTxn ltx, LedgerContext ctx);

    /** Whether {@code result} is an operation's success. */
    public static boolean isSuccess(OperationResult result) {
        return OperationResults.isSuccess(result);
    }

    /** An outer result code (opBAD_AUTH, opNO_ACCOUNT, opNOT_SUPPORTED, ...). */
    public static OperationResult outer(OperationResultCode code) {
        if (code == OperationResultCode.opINNER) {
            throw new IllegalArgumentException("opINNER carries an operation-specific result");
        }
        OperationResult result = new OperationResult();
        result.setDiscriminant(code);
        return result;
    }

    /** An operation-specific result; {@code fill} sets the arm of the given type. */
    protected static OperationResult inner(OperationType type, Consumer<OperationResult.OperationResultTr> fill) {
        OperationResult.OperationResultTr tr = new OperationResult.OperationResultTr();
        tr.setDiscriminant(type);
        fill.accept(tr);
        OperationResult result = new OperationResult();
        result.setDiscriminant(OperationResultCode.opINNER);
        result.setTr(tr);
        return result;
    }

    /** Loads the source account's entry, which the caller has checked exists. */
    protected LedgerEntry loadSource(LedgerTxn ltx) {
        return ltx.load(Accounts.key(sourceAccount()))
                .orElseThrow(() -> new IllegalStateException("operation source vanished during apply"));
    }

    /** Writes a changed entry back, stamped with the ledger that changed it. */
    protected static void store(LedgerTxn ltx, LedgerEntry entry, LedgerContext ctx) {
        entry.setLastModifiedLedgerSeq(Accounts.uint32(ctx.ledgerSeq()));
        ltx.put(entry);
    }
}
