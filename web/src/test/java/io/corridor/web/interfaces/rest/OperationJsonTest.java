package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.application.OperationRecord;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.history.Toid;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AllowTrustOperation;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeCreditAlphaNum4;
import org.stellar.sdk.BeginSponsoringFutureReservesOperation;
import org.stellar.sdk.ClaimClaimableBalanceOperation;
import org.stellar.sdk.Claimant;
import org.stellar.sdk.ClawbackClaimableBalanceOperation;
import org.stellar.sdk.CreateClaimableBalanceOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Operation;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.RevokeDataSponsorshipOperation;
import org.stellar.sdk.RevokeSignerSponsorshipOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.SetTrustlineFlagsOperation;
import org.stellar.sdk.Signer;
import org.stellar.sdk.responses.GsonSingleton;
import org.stellar.sdk.responses.operations.AllowTrustOperationResponse;
import org.stellar.sdk.responses.operations.BeginSponsoringFutureReservesOperationResponse;
import org.stellar.sdk.responses.operations.ClaimClaimableBalanceOperationResponse;
import org.stellar.sdk.responses.operations.ClawbackClaimableBalanceOperationResponse;
import org.stellar.sdk.responses.operations.CreateClaimableBalanceOperationResponse;
import org.stellar.sdk.responses.operations.OperationResponse;
import org.stellar.sdk.responses.operations.RevokeSponsorshipOperationResponse;
import org.stellar.sdk.responses.operations.SetOptionsOperationResponse;
import org.stellar.sdk.responses.operations.SetTrustLineFlagsOperationResponse;
import org.stellar.sdk.xdr.TrustLineFlags;

/**
 * The type-specific fields of Horizon's operation resource for the operations whose fields are more than their
 * XDR copied out (flags as bits and names, claimable-balance ids, the revoked key), read back with the Stellar
 * SDK's own parser as wallets read them.
 */
class OperationJsonTest {

    /** A balance id: type 0 (v0) and a 32-byte hash, hex as Horizon writes it. */
    private static final String BALANCE_ID = "00000000" + "ab".repeat(32);
    private static final Asset USD = new AssetTypeCreditAlphaNum4("USD", ISSUER);

    @Test
    void allowTrustNamesTheAssetOfItsSourceAndBothAuthorizations() {
        JsonObject json = render(ISSUER, new AllowTrustOperation.Builder(SELLER, "USD", true).build());
        assertThat(json.getString("asset_type")).isEqualTo("credit_alphanum4");
        assertThat(json.getString("asset_code")).isEqualTo("USD");
        assertThat(json.getString("asset_issuer")).isEqualTo(ISSUER);
        assertThat(json.getBoolean("authorize")).isTrue();
        assertThat(json.getBoolean("authorize_to_maintain_liabilities")).isFalse();
        AllowTrustOperationResponse parsed = parse(json, AllowTrustOperationResponse.class);
        assertThat(parsed.getAsset()).isEqualTo(USD);
        assertThat(parsed.getTrustee()).isEqualTo(ISSUER);
        assertThat(parsed.getTrustor()).isEqualTo(SELLER);
    }

    @Test
    void setTrustLineFlagsListsTheFlagsSetAndClearedByBitAndName() {
        JsonObject json = render(ISSUER, new SetTrustlineFlagsOperation.Builder(SELLER, USD,
                EnumSet.of(TrustLineFlags.TRUSTLINE_CLAWBACK_ENABLED_FLAG),
                EnumSet.of(TrustLineFlags.AUTHORIZED_FLAG, TrustLineFlags.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG))
                .build());
        assertThat(json.getJsonArray("set_flags").toString()).isEqualTo("[1,2]");
        assertThat(json.getJsonArray("set_flags_s").toString())
                .isEqualTo("[\"authorized\",\"authorized_to_maintain_liabilites\"]");
        assertThat(json.getJsonArray("clear_flags").toString()).isEqualTo("[4]");
        assertThat(json.getJsonArray("clear_flags_s").toString()).isEqualTo("[\"clawback_enabled\"]");
        SetTrustLineFlagsOperationResponse parsed = parse(json, SetTrustLineFlagsOperationResponse.class);
        assertThat(parsed.getSetFlags()).containsExactly(1, 2);
        assertThat(parsed.getClearFlagStrings()).containsExactly("clawback_enabled");
        assertThat(parsed.getAsset()).isEqualTo(USD);

        JsonObject none = render(ISSUER, new SetTrustlineFlagsOperation.Builder(SELLER, USD,
                EnumSet.noneOf(TrustLineFlags.class), EnumSet.of(TrustLineFlags.AUTHORIZED_FLAG)).build());
        assertThat(none).containsKey("set_flags").doesNotContainKeys("clear_flags", "clear_flags_s");
    }

    @Test
    void setOptionsWritesHorizonsFlagArraysSignerAndInflationDestination() {
        KeyPair officer = KeyPair.random();
        JsonObject json = render(ISSUER, new SetOptionsOperation.Builder().setSetFlags(0x1 | 0x8).setClearFlags(0x2)
                .setInflationDestination(SELLER).setSigner(Signer.ed25519PublicKey(officer), 5).build());
        assertThat(json).doesNotContainKeys("set_flags_i", "clear_flags_i");
        assertThat(json.getJsonArray("set_flags").toString()).isEqualTo("[1,8]");
        assertThat(json.getJsonArray("set_flags_s").toString())
                .isEqualTo("[\"auth_required\",\"auth_clawback_enabled\"]");
        assertThat(json.getJsonArray("clear_flags_s").toString()).isEqualTo("[\"auth_revocable\"]");
        SetOptionsOperationResponse parsed = parse(json, SetOptionsOperationResponse.class);
        assertThat(parsed.getInflationDestination()).isEqualTo(SELLER);
        assertThat(parsed.getSignerKey()).isEqualTo(officer.getAccountId());
        assertThat(parsed.getSignerWeight()).isEqualTo(5);

        JsonObject zero = render(ISSUER, new SetOptionsOperation.Builder().setSetFlags(0).setHomeDomain("x.y").build());
        assertThat(zero).doesNotContainKeys("set_flags", "set_flags_s", "signer_key").containsKey("home_domain");
    }

    @Test
    void claimableBalanceOperationsCarryTheirBalanceAndClaimants() {
        Predicate notBefore = new Predicate.Not(new Predicate.AbsBefore(1_800_000_000L));
        JsonObject created = render(SELLER, new CreateClaimableBalanceOperation.Builder("12.5", USD,
                List.of(new Claimant(ISSUER, notBefore), new Claimant(SELLER, new Predicate.Unconditional())))
                .build());
        assertThat(created.getString("asset")).isEqualTo("USD:" + ISSUER);
        assertThat(created.getString("amount")).isEqualTo("12.5000000");
        CreateClaimableBalanceOperationResponse parsedCreated = parse(created,
                CreateClaimableBalanceOperationResponse.class);
        assertThat(parsedCreated.getAsset()).isEqualTo(USD);
        assertThat(parsedCreated.getClaimants()).extracting(Claimant::getDestination).containsExactly(ISSUER, SELLER);
        assertThat(parsedCreated.getClaimants().get(0).getPredicate()).isEqualTo(notBefore);

        ClaimClaimableBalanceOperationResponse claimed = parse(render(SELLER,
                new ClaimClaimableBalanceOperation.Builder(BALANCE_ID).build()),
                ClaimClaimableBalanceOperationResponse.class);
        assertThat(claimed.getBalanceId()).isEqualTo(BALANCE_ID);
        assertThat(claimed.getClaimant()).isEqualTo(SELLER);

        ClawbackClaimableBalanceOperationResponse clawedBack = parse(render(ISSUER,
                new ClawbackClaimableBalanceOperation.Builder(BALANCE_ID).build()),
                ClawbackClaimableBalanceOperationResponse.class);
        assertThat(clawedBack.getBalanceId()).isEqualTo(BALANCE_ID);
    }

    @Test
    void sponsorshipOperationsNameTheSponsoredAccountAndTheRevokedEntry() {
        BeginSponsoringFutureReservesOperationResponse begin = parse(render(ISSUER,
                new BeginSponsoringFutureReservesOperation.Builder(SELLER).build()),
                BeginSponsoringFutureReservesOperationResponse.class);
        assertThat(begin.getSponsoredId()).isEqualTo(SELLER);

        RevokeSponsorshipOperationResponse data = parse(render(ISSUER,
                new RevokeDataSponsorshipOperation.Builder(SELLER, "kyc").build()),
                RevokeSponsorshipOperationResponse.class);
        assertThat(data.getDataAccountId()).contains(SELLER);
        assertThat(data.getDataName()).contains("kyc");
        assertThat(data.getSignerKey()).isEmpty();

        JsonObject signer = render(ISSUER, new RevokeSignerSponsorshipOperation.Builder(SELLER,
                Signer.ed25519PublicKey(KeyPair.fromAccountId(ISSUER))).build());
        assertThat(signer.getString("signer_account_id")).isEqualTo(SELLER);
        assertThat(signer.getString("signer_key")).isEqualTo(ISSUER);
        assertThat(signer).doesNotContainKeys("data_account_id", "account_id");
    }

    private static JsonObject render(String source, Operation operation) {
        long id = Toid.of(7, 1, 1);
        var xdr = operation.toXdr();
        OperationRecord record = new OperationRecord(id, "ab".repeat(32), 7, 1_795_000_000L, 0, true, source,
                Xdr.encodeBase64(xdr::toXdrByteArray), null);
        return json(OperationJson.toJson(record, TestValues.links()).build().toString());
    }

    private static <T extends OperationResponse> T parse(JsonObject json, Class<T> type) {
        OperationResponse parsed = GsonSingleton.getInstance().fromJson(json.toString(), OperationResponse.class);
        assertThat(parsed).isInstanceOf(type);
        return type.cast(parsed);
    }
}
