package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.application.TransactionRecord;
import io.corridor.ledger.core.Xdr;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Account;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.LedgerBounds;
import org.stellar.sdk.Network;
import org.stellar.sdk.PaymentOperation;
import org.stellar.sdk.Signer;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.TransactionPreconditions;
import org.stellar.sdk.responses.GsonSingleton;
import org.stellar.sdk.responses.TransactionResponse;

/** Horizon's {@code preconditions} of a transaction: only what the transaction sets, read back with the SDK. */
class TransactionJsonTest {

    private static final Network NETWORK = new Network("Corridor test network");

    @Test
    void v2PreconditionsAreWrittenAsHorizonWritesThem() {
        KeyPair extra = KeyPair.random();
        JsonObject json = render(TransactionPreconditions.builder()
                .timeBounds(new TimeBounds(1_700_000_000L, 0))
                .ledgerBounds(LedgerBounds.builder().minLedger(5).maxLedger(0).build())
                .minSeqNumber(41L).minSeqAge(BigInteger.valueOf(30)).minSeqLedgerGap(2)
                .extraSigner(Signer.ed25519PublicKey(extra)).build());
        JsonObject preconditions = json.getJsonObject("preconditions");
        assertThat(preconditions.getJsonObject("timebounds").getString("min_time")).isEqualTo("1700000000");
        assertThat(preconditions.getJsonObject("ledgerbounds").getInt("min_ledger")).isEqualTo(5);
        assertThat(preconditions.getJsonObject("ledgerbounds")).doesNotContainKey("max_ledger");
        assertThat(preconditions.getString("min_account_sequence")).isEqualTo("41");
        assertThat(preconditions.getString("min_account_sequence_age")).isEqualTo("30");
        assertThat(preconditions.getInt("min_account_sequence_ledger_gap")).isEqualTo(2);
        assertThat(preconditions.getJsonArray("extra_signers").getString(0)).isEqualTo(extra.getAccountId());
        assertThat(json.getString("valid_after")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json).doesNotContainKey("valid_before");

        TransactionResponse.Preconditions parsed = GsonSingleton.getInstance()
                .fromJson(json.toString(), TransactionResponse.class).getPreconditions().orElseThrow();
        assertThat(parsed.getMinAccountSequence()).isEqualTo(41L);
        assertThat(parsed.getMinAccountSequenceAge()).isEqualTo(30);
        assertThat(parsed.getMinAccountSequenceLedgerGap()).isEqualTo(2);
    }

    @Test
    void onlyTheTimeBoundsOfAPlainTransaction() {
        JsonObject json = render(TransactionPreconditions.builder()
                .timeBounds(new TimeBounds(0, 1_800_000_000L)).build());
        assertThat(json.getJsonObject("preconditions").keySet()).containsExactly("timebounds");
        assertThat(json.getString("valid_before")).isEqualTo("2027-01-15T08:00:00Z");
    }

    private static JsonObject render(TransactionPreconditions preconditions) {
        KeyPair source = KeyPair.random();
        Transaction tx = new TransactionBuilder(new Account(source.getAccountId(), 40L), NETWORK)
                .setBaseFee(100).addPreconditions(preconditions)
                .addOperation(new PaymentOperation.Builder(ISSUER, new AssetTypeNative(), "1").build()).build();
        tx.sign(source);
        var envelope = tx.toEnvelopeXdr();
        TransactionRecord record = new TransactionRecord(tx.hashHex(), 7, 1_795_000_000L, 1, true, 100,
                Xdr.encodeBase64(envelope::toXdrByteArray), "", "", "");
        return json(TransactionJson.toJson(record, NETWORK.getNetworkId(), TestValues.links()).build().toString());
    }
}
