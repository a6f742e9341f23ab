package io.corridor.ledger.core.tx;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.applied;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.createAccountCode;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.opResults;
import static io.corridor.ledger.core.LedgerFixture.paymentCode;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.CreateAccountResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChangeType;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * What a transaction costs whatever happens to it once it is in a ledger: the fee is charged before anything
 * applies and stays charged, the sequence number is consumed once validation got past it, failed operations
 * leave no trace, and the native asset is conserved (balances + fee pool = total coins).
 */
class FeesAndSequenceTest {

    private LedgerFixture ledger;
    private KeyPair alice;
    private KeyPair bob;
    private long aliceSeq;

    @BeforeEach
    void setUp() {
        ledger = new LedgerFixture();
        alice = ledger.fundedAccount("alice", iqq(100));
        bob = ledger.fundedAccount("bob", iqq(50));
        aliceSeq = ledger.seqNum(alice);
    }

    private Transaction alice(long accountSeq, org.stellar.sdk.Operation... operations) {
        Transaction tx = builder(ledger.network(), alice, accountSeq).addOperations(List.of(operations)).build();
        tx.sign(alice);
        return tx;
    }

    private void assertCoinsConserved() {
        assertThat(ledger.lastHeader().getTotalCoins().getInt64()).isEqualTo(ledger.profile().totalCoins());
        assertThat(ledger.totalBalances() + ledger.feePool()).isEqualTo(ledger.profile().totalCoins());
    }

    @Test
    void transactionWhoseMoneyAnEarlierOneSpentFailsButPaysItsFeeAndUsesItsSequence() {
        Transaction first = alice(aliceSeq, paymentOp(bob, iqq(70)));
        Transaction second = alice(aliceSeq + 1, paymentOp(bob, iqq(70)));
        long feePoolBefore = ledger.feePool();

        // Handed over in reverse: transactions of one source apply in sequence order.
        ClosedLedger closed = ledger.close(second, first);

        AppliedTransaction firstApplied = applied(closed, first);
        AppliedTransaction secondApplied = applied(closed, second);
        assertThat(firstApplied.applicationOrder()).isEqualTo(1);
        assertThat(secondApplied.applicationOrder()).isEqualTo(2);
        assertThat(code(firstApplied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(code(secondApplied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(paymentCode(opResult(secondApplied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
        assertThat(secondApplied.successful()).isFalse();
        assertThat(secondApplied.feeCharged()).isEqualTo(BASE_FEE);
        assertThat(secondApplied.result().getFeeCharged().getInt64()).isEqualTo(BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(30) - 2 * BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(120));
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 2);
        assertThat(ledger.feePool()).isEqualTo(feePoolBefore + 2 * BASE_FEE);
        assertCoinsConserved();
    }

    @Test
    void failedOperationLeavesBalancesAsTheFeeLeftThem() {
        long feePoolBefore = ledger.feePool();

        AppliedTransaction applied = ledger.apply(alice(aliceSeq, paymentOp(bob, iqq(81))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        assertThat(ledger.feePool()).isEqualTo(feePoolBefore + BASE_FEE);
        assertCoinsConserved();
    }

    @Test
    void secondOperationFailingRollsBackTheFirst() {
        KeyPair nobody = key("nobody");

        AppliedTransaction applied = ledger.apply(alice(aliceSeq, paymentOp(bob, iqq(10)), paymentOp(nobody, iqq(1))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(opResults(applied.result())).hasSize(2);
        assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
        assertThat(paymentCode(opResult(applied.result(), 1))).isEqualTo(PaymentResultCode.PAYMENT_NO_DESTINATION);
        assertThat(applied.feeCharged()).isEqualTo(2 * BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
        assertThat(ledger.exists(nobody)).isFalse();
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        assertThat(applied.meta().getV2().getOperations()).isEmpty();
        assertCoinsConserved();
    }

    @Test
    void createdAccountIsRolledBackWhenALaterOperationFails() {
        KeyPair carol = key("carol");

        AppliedTransaction applied = ledger.apply(alice(aliceSeq, createAccountOp(carol, iqq(30)),
                paymentOp(bob, iqq(60))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(createAccountCode(opResult(applied.result(), 0)))
                .isEqualTo(CreateAccountResultCode.CREATE_ACCOUNT_SUCCESS);
        assertThat(paymentCode(opResult(applied.result(), 1))).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
        assertThat(ledger.exists(carol)).isFalse();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        assertCoinsConserved();
    }

    @Test
    void allOperationsSucceedingApplyTogetherAndTheFeeIsPerOperation() {
        KeyPair carol = key("carol");

        AppliedTransaction applied = ledger.apply(alice(aliceSeq, createAccountOp(carol, iqq(30)),
                paymentOp(bob, iqq(10)), paymentOp(carol, iqq(5))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(applied.feeCharged()).isEqualTo(3 * BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(55) - 3 * BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(60));
        assertThat(ledger.balance(carol)).isEqualTo(iqq(35));
        assertThat(applied.meta().getV2().getOperations()).hasSize(3);
        assertCoinsConserved();
    }

    @Test
    void badSequenceAtApplyPaysTheFeeButKeepsTheSequence() {
        AppliedTransaction applied = ledger.apply(alice(aliceSeq + 1, paymentOp(bob, iqq(10))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txBAD_SEQ);
        assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
        assertCoinsConserved();
    }

    @Test
    void badAuthAtApplyPaysTheFeeAndConsumesTheSequence() {
        // Since protocol 10 validation past the sequence check consumes the sequence number even when it fails.
        Transaction tx = builder(ledger.network(), alice, aliceSeq).addOperation(paymentOp(bob, iqq(10))).build();
        tx.sign(bob);

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txBAD_AUTH);
        assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(50));
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
    }

    @Test
    void missingSourceAtApplyIsNoAccountAndChargesNothing() {
        KeyPair ghost = key("ghost");
        Transaction tx = builder(ledger.network(), ghost, 0).addOperation(paymentOp(bob, iqq(1))).build();
        tx.sign(ghost);
        long feePoolBefore = ledger.feePool();

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txNO_ACCOUNT);
        assertThat(applied.feeCharged()).isZero();
        assertThat(ledger.feePool()).isEqualTo(feePoolBefore);
        assertCoinsConserved();
    }

    @Test
    void feeTakesWhatIsLeftWhenTheBalanceIsBelowIt() {
        // Only a state no valid ledger history reaches; the fee then takes the whole balance, as in stellar-core.
        ledger.updateAccount(alice, a -> a.setBalance(new Int64(BASE_FEE - 400)));
        long feePoolBefore = ledger.feePool();

        AppliedTransaction applied = ledger.apply(alice(aliceSeq, paymentOp(bob, 1)));

        assertThat(applied.feeCharged()).isEqualTo(600);
        assertThat(applied.result().getFeeCharged().getInt64()).isEqualTo(600);
        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(ledger.balance(alice)).isZero();
        assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
        assertThat(ledger.feePool()).isEqualTo(feePoolBefore + 600);
    }

    @Test
    void feeMetaShowsTheFeeSourceBeforeAndAfterTheCharge() {
        AppliedTransaction applied = ledger.apply(alice(aliceSeq, paymentOp(bob, iqq(10))));

        LedgerEntryChange[] feeChanges = applied.feeChanges().getLedgerEntryChanges();
        assertThat(feeChanges).extracting(LedgerEntryChange::getDiscriminant).containsExactly(
                LedgerEntryChangeType.LEDGER_ENTRY_STATE, LedgerEntryChangeType.LEDGER_ENTRY_UPDATED);
        assertThat(Accounts.balance(feeChanges[0].getState().getData().getAccount())).isEqualTo(iqq(100));
        assertThat(Accounts.balance(feeChanges[1].getUpdated().getData().getAccount())).isEqualTo(iqq(100) - BASE_FEE);
        assertThat(Accounts.seqNum(feeChanges[1].getUpdated().getData().getAccount()))
                .as("the sequence number is consumed at apply, not with the fee")
                .isEqualTo(aliceSeq);
    }

    @Test
    void feePoolCollectsEveryFeeAndTotalCoinsStayConstant() {
        long feePoolAfterSetUp = ledger.feePool();
        assertThat(feePoolAfterSetUp).isEqualTo(2 * BASE_FEE); // the two create-account transactions
        assertCoinsConserved();

        ledger.close(alice(aliceSeq, paymentOp(bob, iqq(1))),
                ledger.payment(bob, alice, iqq(2)),
                ledger.payment(ledger.root(), bob, iqq(3)));
        ledger.close();
        ledger.close(alice(aliceSeq + 1, paymentOp(bob, iqq(1)), paymentOp(bob, iqq(1))));

        assertThat(ledger.feePool()).isEqualTo(feePoolAfterSetUp + 3 * BASE_FEE + 2 * BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - iqq(1) + iqq(2) - iqq(2) - 3 * BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(50) + iqq(1) - iqq(2) + iqq(3) + iqq(2) - BASE_FEE);
        assertCoinsConserved();
    }
}
