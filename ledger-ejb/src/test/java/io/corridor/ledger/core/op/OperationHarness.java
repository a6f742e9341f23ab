package io.corridor.ledger.core.op;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.LedgerTxn;
import io.corridor.ledger.core.state.LiveState;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.OperationResult;

/**
 * One operation against a hand-built ledger state, without a transaction around it: {@code doCheckValid} then
 * {@code doApply} on an outermost {@link LedgerTxn} over a {@link LiveState}, in the context of ledger
 * {@value #LEDGER_SEQ}. Accounts are put in directly, so balances no genesis could produce are possible.
 */
final class OperationHarness {

    static final int LEDGER_SEQ = 7;

    final NetworkProfile profile = NetworkProfile.IQONIQ;
    final LiveState state = new LiveState();
    final LedgerContext ctx = new LedgerContext(profile, LEDGER_SEQ, 5_000, LedgerFixture.BASE_FEE,
            profile.baseReserve());
    private LedgerTxn ltx;

    static AccountID id(KeyPair key) {
        return Accounts.parse(key.getAccountId());
    }

    /** Puts an account created in ledger 3 with {@code balance}. */
    OperationHarness account(KeyPair key, long balance) {
        state.put(Accounts.newAccount(id(key), balance, 3L << 32, 3));
        return this;
    }

    /** Checks, then applies if well formed, as a transaction does; the changes stay in {@link #changes()}. */
    OperationResult run(org.stellar.sdk.Operation operation, KeyPair source) {
        OperationFrame frame = OperationFrame.of(operation.toXdr(), id(source));
        ltx = new LedgerTxn(state);
        OperationResult invalid = frame.doCheckValid(ctx);
        return invalid != null ? invalid : frame.doApply(ltx, ctx);
    }

    /** The account as the last {@link #run} left it. */
    Optional<AccountEntry> account(KeyPair key) {
        return (ltx != null ? ltx.load(LedgerFixture.accountKey(key)) : state.load(LedgerFixture.accountKey(key)))
                .map(e -> e.getData().getAccount());
    }

    long balance(KeyPair key) {
        return Accounts.balance(account(key).orElseThrow());
    }

    List<EntryChange> changes() {
        return ltx.changes();
    }
}
