package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.stellar.sdk.requests.EventListener;
import org.stellar.sdk.requests.SSEStream;
import org.stellar.sdk.responses.SubmitTransactionResponse;
import org.stellar.sdk.requests.RequestBuilder;
import org.stellar.sdk.responses.LedgerResponse;
import org.stellar.sdk.responses.Page;
import org.stellar.sdk.responses.TransactionResponse;
import org.stellar.sdk.responses.operations.CreateAccountOperationResponse;
import org.stellar.sdk.responses.operations.OperationResponse;
import org.stellar.sdk.responses.operations.PaymentOperationResponse;

/**
 * Reading back what {@link PaymentScenario} did, through the SDK's history requests: the ledger of the
 * payment, the account's transactions (with and without the failed one), its payments newest first, the
 * payment operation of the transaction, paging forward by the next link, and bad paging parameters.
 */
final class HistoryScenario {

    /** Returns the outcome updated by the streamed payment (2 units more for Alice). */
    static PaymentScenario.Outcome run(CorridorClient client, PaymentScenario.Outcome outcome) throws Exception {
        String alice = outcome.alice().getAccountId();

        LedgerResponse ledger = client.server.ledgers().ledger(outcome.paymentLedger());
        assertThat(ledger.getSequence()).isEqualTo(outcome.paymentLedger());
        assertThat(ledger.getSuccessfulTransactionCount()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.getTotalCoins()).isEqualTo("100000000000.0000000");

        // Alice took part in: her creation, the payment to her, the underfunded payment (failed) — and,
        // after a restart check, possibly more; the order is the ledger's.
        Page<TransactionResponse> successful = client.server.transactions().forAccount(alice).execute();
        assertThat(successful.getRecords()).extracting(TransactionResponse::getSuccessful).containsOnly(true);
        assertThat(successful.getRecords()).extracting(TransactionResponse::getHash).contains(outcome.paymentHash());
        Page<TransactionResponse> all = client.server.transactions().forAccount(alice).includeFailed(true).execute();
        assertThat(all.getRecords()).hasSize(successful.getRecords().size() + 1);
        assertThat(all.getRecords()).extracting(TransactionResponse::getSuccessful).containsOnlyOnce(false);
        List<Long> ledgers = all.getRecords().stream().map(TransactionResponse::getLedger).toList();
        assertThat(ledgers).isSorted();

        Page<OperationResponse> payments = client.server.payments().forAccount(alice)
                .order(RequestBuilder.Order.DESC).execute();
        assertThat(payments.getRecords()).hasSize(2);
        assertThat(payments.getRecords().get(0)).isInstanceOf(PaymentOperationResponse.class);
        PaymentOperationResponse payment = (PaymentOperationResponse) payments.getRecords().get(0);
        assertThat(payment.getAmount()).isEqualTo("25.5000000");
        assertThat(payment.getTo()).isEqualTo(alice);
        assertThat(payment.getFrom()).isEqualTo(client.root.getAccountId());
        assertThat(payments.getRecords().get(1)).isInstanceOf(CreateAccountOperationResponse.class);
        assertThat(((CreateAccountOperationResponse) payments.getRecords().get(1)).getStartingBalance())
                .isEqualTo("100.0000000");

        Page<OperationResponse> ofTransaction = client.server.operations().forTransaction(outcome.paymentHash()).execute();
        assertThat(ofTransaction.getRecords()).hasSize(1);
        assertThat(ofTransaction.getRecords().get(0).getTransactionHash()).isEqualTo(outcome.paymentHash());

        // Paging forward one record at a time visits the same records as one page.
        Page<TransactionResponse> first = client.server.transactions().forAccount(alice).limit(1).execute();
        Page<TransactionResponse> second = first.getNextPage(client.server.getHttpClient());
        assertThat(first.getRecords()).hasSize(1);
        assertThat(second.getRecords()).hasSize(1);
        assertThat(List.of(first.getRecords().get(0).getHash(), second.getRecords().get(0).getHash()))
                .containsExactlyElementsOf(successful.getRecords().subList(0, 2).stream()
                        .map(TransactionResponse::getHash).toList());

        // A payment stream receives a new payment within a ledger or two. The cursor is the end of the latest
        // ledger rather than "now": the SDK connects asynchronously, and "now" would be taken only when the
        // request arrives, possibly after the payment's ledger closed.
        CompletableFuture<OperationResponse> received = new CompletableFuture<>();
        String afterLatest = Long.toString(((client.latestLedger() + 1) << 32) - 1);
        SSEStream<OperationResponse> stream = client.server.payments().forAccount(alice).cursor(afterLatest)
                .stream(new EventListener<>() {
                    @Override
                    public void onEvent(OperationResponse event) {
                        received.complete(event);
                    }

                    @Override
                    public void onFailure(Optional<Throwable> error, Optional<Integer> status) {
                        received.completeExceptionally(error.orElse(new AssertionError("stream failed: " + status)));
                    }
                });
        try {
            SubmitTransactionResponse streamed = client.submit(
                    client.transaction(client.root, CorridorClient.pay(outcome.alice(), "2")));
            assertThat(streamed.isSuccess()).isTrue();
            OperationResponse event = received.get(30, TimeUnit.SECONDS);
            assertThat(event).isInstanceOf(PaymentOperationResponse.class);
            assertThat(event.getTransactionHash()).isEqualTo(streamed.getHash());
            assertThat(((PaymentOperationResponse) event).getAmount()).isEqualTo("2.0000000");
        } finally {
            stream.close();
        }

        HttpResponse<String> badLimit = client.get("/transactions?limit=500");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(CorridorClient.field(badLimit.body(), "invalid_field")).isEqualTo("limit");
        HttpResponse<String> missingLedger = client.get("/ledgers/999999999");
        assertThat(missingLedger.statusCode()).isEqualTo(404);

        HttpResponse<String> toml = client.get("/.well-known/stellar.toml");
        assertThat(toml.statusCode()).isEqualTo(200);
        assertThat(toml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(toml.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(toml.body()).contains("NETWORK_PASSPHRASE=\"" + client.network.getNetworkPassphrase() + "\"")
                .contains("HORIZON_URL=\"" + client.url + "\"");
        return new PaymentScenario.Outcome(outcome.alice(), client.balance(outcome.alice()),
                client.balance(client.root), outcome.paymentHash(), outcome.paymentLedger());
    }

    private HistoryScenario() {
    }
}
