package io.corridor.federation;

import static io.corridor.federation.FederationFixtures.ALICE_ACCOUNT;
import static io.corridor.federation.FederationFixtures.BANK_ACCOUNT;
import static io.corridor.federation.FederationFixtures.address;
import static io.corridor.federation.FederationFixtures.badChecksum;
import static io.corridor.federation.FederationFixtures.username;
import static io.corridor.federation.FederationFixtures.withMemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.StrKey;

/**
 * {@link FederationAddress} (valid by construction), account ids, the registration conflict rule
 * {@link RegisterOutcome#decide} and {@link Checked}.
 */
class FederationAddressTest {

    @Test
    void accountIdsAreGStrkeysWithAValidChecksum() {
        assertThat(FederationAddress.isAccountId(ALICE_ACCOUNT)).isTrue();
        assertThat(FederationAddress.isAccountId(badChecksum(ALICE_ACCOUNT))).isFalse();
        assertThat(FederationAddress.isAccountId(ALICE_ACCOUNT.toLowerCase())).isFalse();
        assertThat(FederationAddress.isAccountId(ALICE_ACCOUNT.substring(1))).isFalse();
        assertThat(FederationAddress.isAccountId(ALICE_ACCOUNT + "A")).isFalse();
        assertThat(FederationAddress.isAccountId(null)).isFalse();
        // A seed and a muxed account are strkeys too, but not account ids.
        assertThat(FederationAddress.isAccountId(String.valueOf(StrKey.encodeEd25519SecretSeed(new byte[32]))))
                .isFalse();
        assertThat(FederationAddress.isAccountId(
                "MA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJUAAAAAAAAAAAAAGZFQ")).isFalse();
    }

    @Test
    void parseAccountIdNamesTheField() {
        assertThat(FederationAddress.parseAccountId("q", ALICE_ACCOUNT).value()).isEqualTo(ALICE_ACCOUNT);
        assertThat(FederationAddress.parseAccountId("q", null).error().reason()).startsWith("missing");
        assertThat(FederationAddress.parseAccountId("account_id", badChecksum(ALICE_ACCOUNT)).error())
                .isEqualTo(new FieldError("account_id",
                        "not an account id: expected a G... strkey of 56 characters with a valid checksum"));
    }

    @Test
    void aRecordNeedsAnAccountIdAndANameOfItsKind() {
        assertThatThrownBy(() -> username("alice*bank.in", badChecksum(ALICE_ACCOUNT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("account_id: ");
        assertThatThrownBy(() -> new FederationAddress(address("alice*bank.in"), ALICE_ACCOUNT, Optional.empty(),
                AddressKind.MOBILE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: a name of kind mobile must be");
        assertThatThrownBy(() -> new FederationAddress(address("alice*bank.in"), ALICE_ACCOUNT, null,
                AddressKind.USERNAME, Optional.empty())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordsAreEqualWhenEveryFieldIsIncludingTheCaseOfTheName() {
        assertThat(username("alice*bank.in", ALICE_ACCOUNT)).isEqualTo(username("alice*BANK.in", ALICE_ACCOUNT));
        assertThat(username("alice*bank.in", ALICE_ACCOUNT)).isNotEqualTo(username("Alice*bank.in", ALICE_ACCOUNT));
        assertThat(withMemo("alice*bank.in", BANK_ACCOUNT, MemoType.ID, "1"))
                .isNotEqualTo(withMemo("alice*bank.in", BANK_ACCOUNT, MemoType.TEXT, "1"));
    }

    @Test
    void registeringDecidesByWhatIsAlreadyAtTheAddressAndTheForward() {
        FederationAddress alice = withMemo("alice*bank.in", BANK_ACCOUNT, MemoType.ID, "1");
        FederationAddress otherMemo = withMemo("alice*bank.in", BANK_ACCOUNT, MemoType.ID, "2");
        FederationAddress bob = withMemo("bob*bank.in", BANK_ACCOUNT, MemoType.ID, "2");

        assertThat(RegisterOutcome.decide(alice, Optional.empty(), Optional.empty())).isEqualTo(RegisterOutcome.CREATED);
        assertThat(RegisterOutcome.decide(alice, Optional.of(alice), Optional.empty()))
                .isEqualTo(RegisterOutcome.UNCHANGED);
        assertThat(RegisterOutcome.decide(alice, Optional.of(alice), Optional.of(alice)))
                .isEqualTo(RegisterOutcome.UNCHANGED);
        assertThat(RegisterOutcome.decide(otherMemo, Optional.of(alice), Optional.empty()))
                .isEqualTo(RegisterOutcome.ADDRESS_TAKEN);
        assertThat(RegisterOutcome.decide(alice, Optional.empty(), Optional.of(bob)))
                .isEqualTo(RegisterOutcome.FORWARD_TAKEN);
    }

    @Test
    void checkedHoldsAValueOrAnError() {
        Checked<String> valid = Checked.valid("x");
        Checked<String> invalid = Checked.invalid("f", "why");

        assertThat(valid.isValid()).isTrue();
        assertThat(valid.map(String::length).value()).isEqualTo(1);
        assertThat(valid.flatMap(v -> Checked.<Integer>invalid("g", "no")).error()).isEqualTo(new FieldError("g", "no"));
        assertThat(invalid.map(String::length).error()).isEqualTo(new FieldError("f", "why"));
        assertThat(invalid.error()).hasToString("f: why");
        assertThatThrownBy(invalid::value).isInstanceOf(IllegalStateException.class).hasMessage("invalid: f: why");
        assertThatThrownBy(valid::error).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Checked.valid(null)).isInstanceOf(NullPointerException.class);
    }
}
