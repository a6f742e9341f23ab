package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.createAccountCode;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.LedgerTxn;
import io.corridor.ledger.core.state.LiveState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * CREATE_ACCOUNT, each result code: first the operation alone against a hand-built state, then through a ledger
 * close with the fee and sequence number the transaction around it pays.
 */
class CreateAccountOpFrameTest {

    private final KeyPair source = key("source");
    private final KeyPair alice = key("alice");

    private OperationHarness harness(long sourceBalance) {
        return new OperationHarness().account(source, sourceBalance);
    }

    @Test
    void successCreatesTheAccountWithTheStartingBalanceAndLedgerSequence() {
        OperationHarness h = harness(iqq(1_000));

        OperationResult result = h.run(createAccountOp(alice, iqq(100)), source);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
        AccountEntry created = h.account(alice).orElseThrow();
        assertThat(Accounts.balance(created)).isEqualTo(iqq(100));
        assertThat(Accounts.seqNum(created)).isEqualTo(7L << 32);
        assertThat(created.getThresholds().getThresholds()).containsExactly(1, 0, 0, 0);
        assertThat(created.getSigners()).isEmpty();
        assertThat(Accounts.numSubEntries(created)).isZero();
        assertThat(h.balance(source)).isEqualTo(iqq(900));
        assertThat(h.changes()).hasSize(2).allSatisfy(change -> assertThat(
                change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber()).isEqualTo(7));
        assertThat(h.changes().stream().filter(EntryChange::isCreated).map(EntryChange::key))
                .containsExactly(LedgerFixture.accountKey(alice));
    }

    @Test
    void negativeStartingBalanceIsMalformed() {
        Operation op = createAccountOp(alice, iqq(100)).toXdr();
        op.getBody().getCreateAccountOp().setStartingBalance(new Int64(-1L));
        OperationHarness h = harness(iqq(1_000));

        OperationResult result = OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
    }

    @Test
    void creatingOneselfIsMalformed() {
        OperationHarness h = harness(iqq(1_000));

        OperationResult result = h.run(createAccountOp(source, iqq(100)), source);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
        assertThat(h.balance(source)).isEqualTo(iqq(1_000));
    }

    @Test
    void existingDestinationIsAlreadyExistAndChangesNothing() {
        OperationHarness h = harness(iqq(1_000)).account(alice, iqq(5));

        OperationResult result = h.run(createAccountOp(alice, iqq(100)), source);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_ALREADY_EXIST);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(alice)).isEqualTo(iqq(5));
    }

    @Test
    void alreadyExistIsCheckedBeforeLowReserve() {
        OperationHarness h = harness(iqq(1_000)).account(alice, iqq(5));

        OperationResult result = h.run(createAccountOp(alice, 1), source);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_ALREADY_EXIST);
    }

    @Test
    void startingBalanceBelowTwoBaseReservesIsLowReserve() {
        OperationHarness h = harness(iqq(1_000));

        assertThat(createAccountCode(h.run(createAccountOp(alice, MIN_BALANCE - 1), source)))
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
        assertThat(h.changes()).isEmpty();
        assertThat(createAccountCode(h.run(createAccountOp(alice, 0), source)))
                .as("zero is well formed since protocol 14, and below the reserve")
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
        assertThat(createAccountCode(h.run(createAccountOp(alice, MIN_BALANCE), source)))
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
        assertThat(h.balance(alice)).isEqualTo(200_000_000L);
    }

    @Test
    void lowReserveIsCheckedBeforeUnderfunded() {
        OperationHarness h = harness(MIN_BALANCE);

        OperationResult result = h.run(createAccountOp(alice, MIN_BALANCE - 1), source);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
    }

    @Test
    void sourceThatWouldGoBelowItsOwnMinimumBalanceIsUnderfunded() {
        OperationHarness h = harness(iqq(50)); // must keep 20 IQQ, may give 30 IQQ

        assertThat(createAccountCode(h.run(createAccountOp(alice, iqq(30) + 1), source)))
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_UNDERFUNDED);
        assertThat(h.changes()).isEmpty();
        assertThat(createAccountCode(h.run(createAccountOp(alice, iqq(30)), source)))
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
        assertThat(h.balance(source)).isEqualTo(MIN_BALANCE);
        assertThat(h.balance(alice)).isEqualTo(iqq(30));
    }

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair root;
        private long rootBalance;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            root = ledger.root();
            rootBalance = ledger.balance(root);
        }

        @Test
        void successFundsTheNewAccountAndDebitsStartingBalancePlusFee() {
            AppliedTransaction applied = ledger.apply(ledger.createAccount(root, alice, iqq(100)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(applied.result().getFeeCharged().getInt64()).isEqualTo(BASE_FEE);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100));
            assertThat(ledger.seqNum(alice)).isEqualTo(2L << 32);
            assertThat(ledger.balance(root)).isEqualTo(rootBalance - iqq(100) - BASE_FEE);
            assertThat(ledger.seqNum(root)).isEqualTo(1);
        }

        @Test
        void newAccountHasStellarDefaultsAndIsStampedWithTheLedger() {
            ledger.apply(ledger.payment(root, root, 1)); // ledger 2: the account is created in ledger 3

            ledger.apply(ledger.createAccount(root, alice, iqq(25)));

            AccountEntry account = ledger.account(alice).orElseThrow();
            assertThat(Accounts.seqNum(account)).isEqualTo(3L << 32);
            assertThat(account.getThresholds().getThresholds()).containsExactly(1, 0, 0, 0);
            assertThat(account.getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(account)).isZero();
            assertThat(ledger.state().load(LedgerFixture.accountKey(alice)).orElseThrow()
                    .getLastModifiedLedgerSeq().getUint32().getNumber()).isEqualTo(3);
        }

        @Test
        void newAccountCanTransactAtItsStartingSequencePlusOne() {
            ledger.fundedAccount("alice", iqq(100));
            KeyPair bob = key("bob");

            AppliedTransaction applied = ledger.apply(ledger.createAccount(alice, bob, iqq(30)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(70) - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(30));
            assertThat(ledger.seqNum(bob)).isEqualTo(3L << 32);
        }

        @Test
        void negativeStartingBalanceIsMalformed() {
            TransactionEnvelope envelope = ledger.createAccount(root, alice, iqq(100)).toEnvelopeXdr();
            envelope.getV1().getTx().getOperations()[0].getBody().getCreateAccountOp().setStartingBalance(new Int64(-1L));
            ledger.resign(envelope, root);

            var check = ledger.checkValid(envelope);
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(check, 0))).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);

            AppliedTransaction applied = ledger.applyEnvelope(envelope);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
            assertThat(ledger.exists(alice)).isFalse();
            assertThat(ledger.balance(root)).isEqualTo(rootBalance - BASE_FEE);
            assertThat(ledger.seqNum(root)).isEqualTo(1);
        }

        @Test
        void creatingOneselfIsMalformed() {
            Transaction tx = ledger.createAccount(root, root, iqq(100));

            assertThat(createAccountCode(opResult(ledger.checkValid(tx), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_MALFORMED);
            assertThat(ledger.balance(root)).isEqualTo(rootBalance - BASE_FEE);
            assertThat(ledger.seqNum(root)).isEqualTo(1);
        }

        @Test
        void existingDestinationIsAlreadyExist() {
            ledger.fundedAccount("alice", iqq(100));
            long rootBefore = ledger.balance(root);

            AppliedTransaction applied = ledger.apply(ledger.createAccount(root, alice, iqq(50)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_ALREADY_EXIST);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100));
            assertThat(ledger.seqNum(alice)).isEqualTo(2L << 32);
            assertThat(ledger.balance(root)).isEqualTo(rootBefore - BASE_FEE);
            assertThat(ledger.seqNum(root)).isEqualTo(2);
        }

        @Test
        void startingBalanceBelowTwoReservesIsLowReserve() {
            AppliedTransaction applied = ledger.apply(ledger.createAccount(root, alice, MIN_BALANCE - 1));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
            assertThat(ledger.exists(alice)).isFalse();
            assertThat(ledger.balance(root)).isEqualTo(rootBalance - BASE_FEE);
            assertThat(ledger.seqNum(root)).isEqualTo(1);
        }

        @Test
        void zeroStartingBalanceIsLowReserveNotMalformed() {
            Transaction tx = ledger.createAccount(root, alice, 0);

            // Since protocol 14 a zero starting balance is well formed; it fails on the reserve at apply.
            assertThat(code(ledger.checkValid(tx))).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_LOW_RESERVE);
        }

        @Test
        void startingBalanceOfExactlyTwoReservesSucceeds() {
            AppliedTransaction applied = ledger.apply(ledger.createAccount(root, alice, MIN_BALANCE));

            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(200_000_000L);
        }

        @Test
        void sourceThatWouldGoBelowItsMinimumBalanceIsUnderfunded() {
            ledger.fundedAccount("alice", iqq(50));
            KeyPair bob = key("bob");
            // After the fee alice holds 50 IQQ − 1000; she must keep 20 IQQ, so she can give 30 IQQ − 1000.
            long spendable = iqq(50) - BASE_FEE - MIN_BALANCE;

            AppliedTransaction applied = ledger.apply(ledger.createAccount(alice, bob, spendable + 1));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_UNDERFUNDED);
            assertThat(ledger.exists(bob)).isFalse();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(50) - BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo((2L << 32) + 1);
        }

        @Test
        void sourceMayGoDownToExactlyItsMinimumBalance() {
            ledger.fundedAccount("alice", iqq(50));
            KeyPair bob = key("bob");
            long spendable = iqq(50) - BASE_FEE - MIN_BALANCE;

            AppliedTransaction applied = ledger.apply(ledger.createAccount(alice, bob, spendable));

            assertThat(createAccountCode(opResult(applied.result(), 0)))
                    .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(MIN_BALANCE);
            assertThat(ledger.balance(bob)).isEqualTo(spendable);
        }
    }

    /**
     * stellar-core checks the starting balance against the minimum balance of the header in force
     * ({@code getMinBalance(header, 0, 0, 0)}), the same reserve the source's available balance uses. Here the
     * low-reserve check reads the profile's reserve instead of the context's, so the two checks of one operation
     * can disagree once the reserve in force differs from the profile's.
     */
    @Test
    void lowReserveUsesTheReserveInForce() {
        NetworkProfile profile = NetworkProfile.IQONIQ;
        KeyPair destination = key("destination");
        LiveState state = new LiveState();
        state.put(Accounts.newAccount(Accounts.parse(source.getAccountId()), iqq(1_000), 1L << 32, 1));
        long reserveInForce = iqq(5); // minimum balance of a new account: 10 IQQ
        LedgerContext ctx = new LedgerContext(profile, 2, 2_000, BASE_FEE, reserveInForce);
        Operation op = createAccountOp(destination, iqq(15)).toXdr();

        OperationResult result = OperationFrame.of(op, Accounts.parse(source.getAccountId()))
                .doApply(new LedgerTxn(state), ctx);

        assertThat(createAccountCode(result)).isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
    }
}
