package io.corridor.deployments;

import static io.corridor.deployments.PaymentScenario.codes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.ChangeTrustAsset;
import org.stellar.sdk.ChangeTrustOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.requests.RequestBuilder;
import org.stellar.sdk.responses.Page;
import org.stellar.sdk.responses.SubmitTransactionResponse;
import org.stellar.sdk.responses.effects.AccountCreatedEffectResponse;
import org.stellar.sdk.responses.effects.AccountCreditedEffectResponse;
import org.stellar.sdk.responses.effects.AccountDebitedEffectResponse;
import org.stellar.sdk.responses.effects.AccountHomeDomainUpdatedEffectResponse;
import org.stellar.sdk.responses.effects.AccountThresholdsUpdatedEffectResponse;
import org.stellar.sdk.responses.effects.DataCreatedEffectResponse;
import org.stellar.sdk.responses.effects.EffectResponse;
import org.stellar.sdk.responses.effects.SignerCreatedEffectResponse;
import org.stellar.sdk.responses.effects.TrustlineCreatedEffectResponse;

/**
 * Effects read through the official Java SDK ({@code server.effects()}): an account is created and paid, sets its
 * home domain and a threshold, opens a trust line and stores a data entry; the effects the SDK parses for the
 * account, for its transaction, for the payment operation and for the payment's ledger are checked (types, amounts,
 * accounts), and the account's effects are paged forward by the next links and backward from the end.
 */
final class EffectsScenario {

    private final CorridorClient client;
    private final KeyPair bank = KeyPair.random();
    private final KeyPair carol = KeyPair.random();
    private final Asset usd = new AssetTypeCreditAlphaNum4("USD", bank.getAccountId());

    private EffectsScenario(CorridorClient client) {
        this.client = client;
    }

    static void run(CorridorClient client) throws Exception {
        new EffectsScenario(client).run();
    }

    private void run() throws Exception {
        String carolId = carol.getAccountId();
        String bankId = bank.getAccountId();
        succeeds("create the bank and carol", client.transaction(client.root,
                CorridorClient.createAccount(bank, "1000"), CorridorClient.createAccount(carol, "100")));
        SubmitTransactionResponse paid = succeeds("the bank pays carol",
                client.transaction(bank, CorridorClient.pay(carol, "25.5")));
        SubmitTransactionResponse options = succeeds("carol's options, trust line and data", client.transaction(carol,
                new SetOptionsOperation.Builder().setHomeDomain("carol.example").setLowThreshold(1).build(),
                new ChangeTrustOperation.Builder(ChangeTrustAsset.create(usd), "1000").build(),
                new ManageDataOperation.Builder("kyc", "done".getBytes(StandardCharsets.US_ASCII)).build()));

        // Carol's effects, oldest first: only those whose account is carol (not root's or the bank's debits).
        List<EffectResponse> carols = client.server.effects().forAccount(carolId).limit(200).execute().getRecords();
        assertThat(carols).extracting(EffectResponse::getType).containsExactly("account_created", "signer_created",
                "account_credited", "account_home_domain_updated", "account_thresholds_updated", "trustline_created",
                "data_created");
        assertThat(carols).extracting(EffectResponse::getAccount).containsOnly(carolId);
        assertThat(carols.get(0)).isInstanceOfSatisfying(AccountCreatedEffectResponse.class,
                e -> assertThat(e.getStartingBalance()).isEqualTo("100.0000000"));
        assertThat(carols.get(1)).isInstanceOfSatisfying(SignerCreatedEffectResponse.class, e -> {
            assertThat(e.getPublicKey()).isEqualTo(carolId);
            assertThat(e.getWeight()).isEqualTo(1);
        });
        assertThat(carols.get(2)).isInstanceOfSatisfying(AccountCreditedEffectResponse.class, e -> {
            assertThat(e.getAmount()).isEqualTo("25.5000000");
            assertThat(e.getAsset()).isEqualTo(new AssetTypeNative());
        });
        assertThat(carols.get(3)).isInstanceOfSatisfying(AccountHomeDomainUpdatedEffectResponse.class,
                e -> assertThat(e.getHomeDomain()).isEqualTo("carol.example"));
        assertThat(carols.get(4)).isInstanceOfSatisfying(AccountThresholdsUpdatedEffectResponse.class, e -> {
            assertThat(e.getLowThreshold()).isEqualTo(1);
            assertThat(e.getMedThreshold()).isZero();
            assertThat(e.getHighThreshold()).isZero();
        });
        assertThat(carols.get(5)).isInstanceOfSatisfying(TrustlineCreatedEffectResponse.class, e -> {
            assertThat(e.getAsset()).isEqualTo(usd);
            assertThat(e.getLimit()).isEqualTo("1000.0000000");
        });
        assertThat(carols.get(6)).isInstanceOf(DataCreatedEffectResponse.class);
        for (EffectResponse effect : carols) {
            assertThat(effect.getPagingToken()).matches("[0-9]+-[0-9]+");
            String[] token = effect.getPagingToken().split("-");
            assertThat(effect.getId()).isEqualTo(String.format("%019d-%010d", Long.parseLong(token[0]),
                    Long.parseLong(token[1])));
            assertThat(effect.getCreatedAt()).isNotBlank();
            assertThat(effect.getLinks().getOperation().getHref()).endsWith("/operations/" + token[0]);
        }

        // Carol's transaction: its three operations' effects, in operation order.
        List<EffectResponse> ofOptions = client.server.effects().forTransaction(options.getHash()).execute()
                .getRecords();
        assertThat(ofOptions).extracting(EffectResponse::getType).containsExactly("account_home_domain_updated",
                "account_thresholds_updated", "trustline_created", "data_created");
        assertThat(ofOptions).extracting(EffectResponse::getPagingToken)
                .containsExactlyElementsOf(carols.subList(3, 7).stream().map(EffectResponse::getPagingToken).toList());

        // The payment operation: carol credited, then the bank debited, the same amount.
        long paymentId = client.server.operations().forTransaction(paid.getHash()).execute().getRecords().get(0)
                .getId();
        List<EffectResponse> ofPayment = client.server.effects().forOperation(paymentId).execute().getRecords();
        assertThat(ofPayment).hasSize(2);
        assertThat(ofPayment.get(0)).isInstanceOfSatisfying(AccountCreditedEffectResponse.class, e -> {
            assertThat(e.getAccount()).isEqualTo(carolId);
            assertThat(e.getAmount()).isEqualTo("25.5000000");
        });
        assertThat(ofPayment.get(1)).isInstanceOfSatisfying(AccountDebitedEffectResponse.class, e -> {
            assertThat(e.getAccount()).isEqualTo(bankId);
            assertThat(e.getAmount()).isEqualTo("25.5000000");
        });
        assertThat(ofPayment).extracting(EffectResponse::getPagingToken)
                .containsExactly(paymentId + "-1", paymentId + "-2");
        assertThat(client.server.effects().forLedger(paid.getLedger()).limit(200).execute().getRecords())
                .extracting(EffectResponse::getPagingToken).contains(paymentId + "-1", paymentId + "-2");

        // Paging forward two at a time by the next links visits the same effects as one page.
        List<String> forward = new ArrayList<>();
        Page<EffectResponse> page = client.server.effects().forAccount(carolId).limit(2).execute();
        for (int pages = 0; pages < 10 && !page.getRecords().isEmpty(); pages++) {
            page.getRecords().forEach(e -> forward.add(e.getPagingToken()));
            page = page.getNextPage(client.server.getHttpClient());
        }
        List<String> all = carols.stream().map(EffectResponse::getPagingToken).toList();
        assertThat(forward).containsExactlyElementsOf(all);

        // Backward from the end, three at a time, then on from the last token seen.
        Page<EffectResponse> newest = client.server.effects().forAccount(carolId).order(RequestBuilder.Order.DESC)
                .limit(3).execute();
        Page<EffectResponse> older = client.server.effects().forAccount(carolId).order(RequestBuilder.Order.DESC)
                .cursor(newest.getRecords().get(2).getPagingToken()).limit(3).execute();
        List<String> backward = new ArrayList<>();
        newest.getRecords().forEach(e -> backward.add(e.getPagingToken()));
        older.getRecords().forEach(e -> backward.add(e.getPagingToken()));
        List<String> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        assertThat(backward).containsExactlyElementsOf(reversed.subList(0, 6));
        assertThat(newest.getLinks().getPrev().getHref()).contains("order=asc")
                .contains("cursor=" + newest.getRecords().get(0).getPagingToken());

        // A cursor that is no paging token, and an unknown transaction.
        HttpResponse<String> badCursor = client.get("/effects?cursor=yesterday");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(CorridorClient.field(badCursor.body(), "invalid_field")).isEqualTo("cursor");
        assertThat(client.get("/transactions/" + "0".repeat(64) + "/effects").statusCode()).isEqualTo(404);
    }

    private SubmitTransactionResponse succeeds(String what, Transaction tx) throws IOException {
        SubmitTransactionResponse response = client.submit(tx);
        assertThat(response.isSuccess()).as("%s: %s", what, codes(response)).isTrue();
        return response;
    }
}
