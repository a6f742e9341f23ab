package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.responses.SubmitTransactionResponse;
import org.stellar.sdk.responses.TransactionResponse;

/**
 * The foundation's end-to-end payment, as a bank's developer would do it with the SDK: load the root
 * account, create an account, pay it, and check every balance and fee to the smallest unit; then the two
 * commonest failures, a stale sequence number and an underfunded payment (which still pays its fee).
 */
final class PaymentScenario {

    static final long UNIT = 10_000_000L;

    /** What the scenario left on the ledger, to be found intact after a restart. */
    record Outcome(KeyPair alice, long aliceBalance, long rootBalance, String paymentHash, long paymentLedger) {

        Outcome withRootBalance(long balance) {
            return new Outcome(alice, aliceBalance, balance, paymentHash, paymentLedger);
        }
    }

    static Outcome run(CorridorClient client) throws IOException {
        KeyPair root = client.root;
        long rootBefore = client.balance(root);
        assertThat(rootBefore).isPositive();

        KeyPair alice = KeyPair.random();
        long ledgerBefore = client.latestLedger();
        SubmitTransactionResponse created = client.submit(
                client.transaction(root, CorridorClient.createAccount(alice, "100")));
        assertThat(created.isSuccess()).as("create account: %s", codes(created)).isTrue();
        assertThat(created.getLedger()).isGreaterThan(ledgerBefore);
        assertThat(client.balance(alice)).isEqualTo(100 * UNIT);
        assertThat(client.balance(root)).isEqualTo(rootBefore - 100 * UNIT - CorridorClient.BASE_FEE);
        assertThat(client.account(alice).getSequenceNumber()).isEqualTo(created.getLedger() << 32);

        long rootBeforePayment = client.balance(root);
        long ledgerBeforePayment = client.latestLedger();
        Transaction payment = client.transaction(root, CorridorClient.pay(alice, "25.5"));
        SubmitTransactionResponse paid = client.submit(payment);
        assertThat(paid.isSuccess()).as("payment: %s", codes(paid)).isTrue();
        // Submission answers when the ledger holding the payment has closed: the next one, unless a close
        // was already under way when the request arrived.
        assertThat(paid.getLedger()).isBetween(ledgerBeforePayment + 1, ledgerBeforePayment + 2);
        long aliceBalance = 125 * UNIT + 5 * UNIT / 10;
        assertThat(client.balance(alice)).isEqualTo(aliceBalance);
        assertThat(client.balance(root)).isEqualTo(rootBeforePayment - 255 * UNIT / 10 - CorridorClient.BASE_FEE);

        TransactionResponse read = client.server.transactions().transaction(paid.getHash());
        assertThat(read.getLedger()).isEqualTo(paid.getLedger());
        assertThat(read.getFeeCharged()).isEqualTo(CorridorClient.BASE_FEE);
        assertThat(read.getSourceAccount()).isEqualTo(root.getAccountId());
        assertThat(read.getSuccessful()).isTrue();

        // Replaying the same envelope gives the same outcome, not a second payment.
        SubmitTransactionResponse replay = client.submit(payment);
        assertThat(replay.isSuccess()).isTrue();
        assertThat(replay.getHash()).isEqualTo(paid.getHash());
        assertThat(replay.getLedger()).isEqualTo(paid.getLedger());
        assertThat(client.balance(alice)).isEqualTo(aliceBalance);

        // A transaction built on a stale sequence number is refused before it reaches a ledger: no fee.
        org.stellar.sdk.responses.AccountResponse stale = client.account(alice);
        stale.setSequenceNumber(stale.getSequenceNumber() - 1);
        Transaction badSeq = new org.stellar.sdk.TransactionBuilder(stale, client.network)
                .setBaseFee(CorridorClient.BASE_FEE).setTimeout(60)
                .addOperation(CorridorClient.pay(root, "1")).build();
        badSeq.sign(alice);
        SubmitTransactionResponse badSeqResponse = client.submit(badSeq);
        assertThat(badSeqResponse.isSuccess()).isFalse();
        assertThat(badSeqResponse.getExtras().getResultCodes().getTransactionResultCode()).isEqualTo("tx_bad_seq");
        assertThat(client.balance(alice)).isEqualTo(aliceBalance);

        // An underfunded payment goes into a ledger, fails there, and still pays its fee.
        long seqBefore = client.account(alice).getSequenceNumber();
        SubmitTransactionResponse underfunded = client.submit(
                client.transaction(alice, CorridorClient.pay(root, "1000")));
        assertThat(underfunded.isSuccess()).isFalse();
        assertThat(underfunded.getExtras().getResultCodes().getTransactionResultCode()).isEqualTo("tx_failed");
        assertThat(underfunded.getExtras().getResultCodes().getOperationsResultCodes())
                .containsExactly("op_underfunded");
        aliceBalance -= CorridorClient.BASE_FEE;
        assertThat(client.balance(alice)).isEqualTo(aliceBalance);
        assertThat(client.account(alice).getSequenceNumber()).isEqualTo(seqBefore + 1);

        return new Outcome(alice, aliceBalance, client.balance(root), paid.getHash(), paid.getLedger());
    }

    /** After a restart: the same balances, the payment still readable, and ledgers closing again. */
    static void verifyIntact(CorridorClient client, Outcome outcome) throws IOException {
        assertThat(client.balance(outcome.alice())).isEqualTo(outcome.aliceBalance());
        assertThat(client.balance(client.root)).isEqualTo(outcome.rootBalance());
        TransactionResponse read = client.server.transactions().transaction(outcome.paymentHash());
        assertThat(read.getLedger()).isEqualTo(outcome.paymentLedger());
        SubmitTransactionResponse again = client.submit(
                client.transaction(outcome.alice(), CorridorClient.pay(client.root, "1")));
        assertThat(again.isSuccess()).as("payment after restart: %s", codes(again)).isTrue();
        assertThat(client.balance(outcome.alice())).isEqualTo(outcome.aliceBalance() - UNIT - CorridorClient.BASE_FEE);
    }

    static String codes(SubmitTransactionResponse response) {
        if (response.getExtras() == null || response.getExtras().getResultCodes() == null) {
            return "no result codes";
        }
        return response.getExtras().getResultCodes().getTransactionResultCode() + " "
                + response.getExtras().getResultCodes().getOperationsResultCodes();
    }

    private PaymentScenario() {
    }
}
