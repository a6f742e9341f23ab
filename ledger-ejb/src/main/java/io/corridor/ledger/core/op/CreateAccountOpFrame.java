package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.CreateAccountOp;
import org.stellar.sdk.xdr.CreateAccountResult;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;

/**
 * CREATE_ACCOUNT: funds a new account with a starting balance taken from the source. Checks in
 * stellar-core's order: malformed (negative starting balance, or creating oneself), the destination
 * already exists, the starting balance is below the minimum balance of an empty account, and the
 * source cannot spend that much without going below its own minimum.
 */
public final class CreateAccountOpFrame extends OperationFrame {

    private final CreateAccountOp op;

    CreateAccountOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.op = operation.getBody().getCreateAccountOp();
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_MED;
    }

    @Override
    public OperationResult successResult() {
        return result(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (op.getStartingBalance().getInt64() < 0 || Accounts.same(op.getDestination(), sourceAccount())) {
            return result(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        long startingBalance = op.getStartingBalance().getInt64();
        if (ltx.exists(Accounts.key(op.getDestination()))) {
            return result(CreateAccountResultCode.CREATE_ACCOUNT_ALREADY_EXIST);
        }
        if (startingBalance < Math.multiplyExact(2L, ctx.baseReserve())) {
            return result(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        if (Accounts.availableBalance(source, ctx.baseReserve()) < startingBalance) {
            return result(CreateAccountResultCode.CREATE_ACCOUNT_UNDERFUNDED);
        }
        source.setBalance(new Int64(Accounts.balance(source) - startingBalance));
        store(ltx, sourceEntry, ctx);
        ltx.put(Accounts.newAccount(op.getDestination(), startingBalance, ctx.startingSequenceNumber(),
                ctx.ledgerSeq()));
        return result(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
    }

    static OperationResult result(CreateAccountResultCode code) {
        return inner(OperationType.CREATE_ACCOUNT, tr -> {
            CreateAccountResult r = new CreateAccountResult();
            r.setDiscriminant(code);
            tr.setCreateAccountResult(r);
        });
    }
}
