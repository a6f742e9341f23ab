package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.state.LedgerTxn;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.AccountMergeResult;
import org.stellar.sdk.xdr.AccountMergeResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationType;

/**
 * ACCOUNT_MERGE: moves the source account's whole native balance to the destination and deletes the source.
 * Checks in stellar-core's order (protocol 16 and later): merging into oneself is malformed; then the
 * destination must exist (NO_ACCOUNT); the source must not have AUTH_IMMUTABLE (IMMUTABLE_SET), whose
 * promise to asset holders would otherwise end with the account; it may own no sub-entries other than its
 * signers (HAS_SUB_ENTRIES), which go with it; its sequence number must be below the starting sequence number
 * of the current ledger (SEQNUM_TOO_FAR), because the account re-created in this ledger would start there and
 * could replay old transactions; it must sponsor nothing (IS_SPONSOR); and the destination must be able to
 * hold the balance next to its buying liabilities (DEST_FULL). The reserves others sponsor for the account and
 * its signers go back to their sponsors.
 *
 * <p>The result carries the amount merged. Merging needs the high threshold: it gives everything away.
 */
public final class AccountMergeOpFrame extends OperationFrame {

    private final AccountID destination;

    AccountMergeOpFrame(Operation operation, AccountID txSource) {
        super(operation, txSource);
        this.destination = Accounts.fromMuxed(operation.getBody().getDestination());
    }

    @Override
    public int thresholdLevel() {
        return Accounts.THRESHOLD_HIGH;
    }

    @Override
    public OperationResult successResult() {
        return success(0);
    }

    @Override
    public OperationResult doCheckValid(LedgerContext ctx) {
        if (Accounts.same(destination, sourceAccount())) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_MALFORMED);
        }
        return null;
    }

    @Override
    public OperationResult doApply(LedgerTxn ltx, LedgerContext ctx) {
        if (!ltx.exists(Accounts.key(destination))) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_NO_ACCOUNT);
        }
        LedgerEntry sourceEntry = loadSource(ltx);
        AccountEntry source = sourceEntry.getData().getAccount();
        if ((Accounts.flags(source) & Accounts.AUTH_IMMUTABLE_FLAG) != 0) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_IMMUTABLE_SET);
        }
        if (Accounts.numSubEntries(source) != Signers.of(source).length) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_HAS_SUB_ENTRIES);
        }
        if (Accounts.seqNum(source) >= ctx.startingSequenceNumber()) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_SEQNUM_TOO_FAR);
        }
        if (Accounts.numSponsoring(source) > 0) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_IS_SPONSOR);
        }

        long sourceBalance = Accounts.balance(source);
        LedgerEntry destinationEntry = ltx.load(Accounts.key(destination)).orElseThrow();
        AccountEntry dest = destinationEntry.getData().getAccount();
        if (Accounts.receivableBalance(dest) < sourceBalance) {
            return result(AccountMergeResultCode.ACCOUNT_MERGE_DEST_FULL);
        }
        dest.setBalance(new Int64(Accounts.balance(dest) + sourceBalance));
        store(ltx, destinationEntry, ctx);
        releaseSponsorships(ltx, ctx, sourceEntry);
        ltx.erase(Accounts.key(sourceAccount()));
        return success(sourceBalance);
    }

    /**
     * Sponsorship (CAP-33): the signers go with the account, last first as in stellar-core, and each
     * sponsored one gives its sponsor's reserve back, as does the account's own sponsor. What the account
     * still counts as sponsored after that is a broken ledger.
     */
    private static void releaseSponsorships(LedgerTxn ltx, LedgerContext ctx, LedgerEntry sourceEntry) {
        AccountEntry source = sourceEntry.getData().getAccount();
        while (Signers.of(source).length > 0) {
            Sponsorship.removeSigner(ltx, ctx, source, Signers.of(source).length - 1);
        }
        Sponsorship.removeEntry(ltx, ctx, sourceEntry, sourceEntry);
        if (Accounts.numSponsored(source) != 0) {
            throw new IllegalStateException("account " + Accounts.strKey(source.getAccountID()) + " still counts "
                    + Accounts.numSponsored(source) + " sponsored reserves that nothing sponsors");
        }
    }

    private static OperationResult success(long sourceAccountBalance) {
        return inner(OperationType.ACCOUNT_MERGE, tr -> {
            AccountMergeResult r = new AccountMergeResult();
            r.setDiscriminant(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
            r.setSourceAccountBalance(new Int64(sourceAccountBalance));
            tr.setAccountMergeResult(r);
        });
    }

    static OperationResult result(AccountMergeResultCode code) {
        if (code == AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS) {
            throw new IllegalArgumentException("a merge's success carries the amount merged");
        }
        return inner(OperationType.ACCOUNT_MERGE, tr -> {
            AccountMergeResult r = new AccountMergeResult();
            r.setDiscriminant(code);
            tr.setAccountMergeResult(r);
        });
    }
}
