package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Sponsorship;
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
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.OperationType;

/**
 * CREATE_ACCOUNT: funds a new account with a starting balance taken from the source. Checks in
 * stellar-core's order: malformed (negative starting balance, or creating oneself), the destination
 * already exists, the starting balance is below the minimum balance of an empty account, and the
 * source cannot spend that much without going below its own minimum. Inside a sponsorship of the new
 * account's future reserves (BEGIN_SPONSORING_FUTURE_RESERVES) the sponsor pays the two reserves instead, and
 * its own available balance decides LOW_RESERVE; a starting balance of 0 is then allowed.
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
        LedgerEntry newAccount = Accounts.newAccount(op.getDestination(), startingBalance,
                ctx.startingSequenceNumber(), ctx.ledgerSeq());
        // Sponsorship (CAP-33): the sponsor of the new account's future reserves, if the transaction began one,
        // pays its two reserves, so the starting balance may be anything down to 0; unsponsored, the starting
        // balance must cover them (LOW_RESERVE). The sponsor is checked and charged before the source is
        // loaded, as in stellar-core, because the sponsor may be the source.
        switch (Sponsorship.createEntry(ltx, ctx, newAccount, null)) {
            case SUCCESS -> {
            }
            case LOW_RESERVE -> {
                return result(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
            }
            case TOO_MANY_SUBENTRIES -> {
                return outer(OperationResultCode.opTOO_MANY_SUBENTRIES);
            }
            case TOO_MANY_SPONSORING -> {
                return outer(OperationResultCode.opTOO_MANY_SPONSORING);
            }
            default -> throw new IllegalStateException("a new account cannot have too many sponsored reserves");
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        if (Accounts.availableBalance(source, ctx.baseReserve()) < startingBalance) {
            return result(CreateAccountResultCode.CREATE_ACCOUNT_UNDERFUNDED);
        }
        source.setBalance(new Int64(Accounts.balance(source) - startingBalance));
        store(ltx, sourceEntry, ctx);
        ltx.put(newAccount);
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
