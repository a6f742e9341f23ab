package io.corridor.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ForwardKey}: a BIC of 8 or 11 characters and an account number, both in upper case. */
class FederationForwardKeyTest {

    private static ForwardKey key(String swift, String acct) {
        return ForwardKey.parse("swift", swift, "acct", acct).value();
    }

    private static FieldError refusal(String swift, String acct) {
        Checked<ForwardKey> parsed = ForwardKey.parse("swift", swift, "acct", acct);
        assertThat(parsed.isValid()).as("%s %s is refused", swift, acct).isFalse();
        return parsed.error();
    }

    @Test
    void acceptsEightAndElevenCharacterBicsInAnyCase() {
        assertThat(key("BOPBPHMM", "2382376")).isEqualTo(new ForwardKey("BOPBPHMM", "2382376"));
        assertThat(key("icicinbb", "9002812331")).isEqualTo(new ForwardKey("ICICINBB", "9002812331"));
        assertThat(key("ICICINBBCTS", "9002812331").swift()).isEqualTo("ICICINBBCTS");
        assertThat(key("DEUTDEFF500", "de89370400440532013000").acct()).isEqualTo("DE89370400440532013000");
    }

    @Test
    void thePrimaryOfficeBranchIsTheEightCharacterBic() {
        assertThat(key("ICICINBBXXX", "1")).isEqualTo(key("ICICINBB", "1"));
        assertThatThrownBy(() -> new ForwardKey("ICICINBBXXX", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ICICINB", "ICICINBB1", "ICICINBB12", "ICICINBB1234", "1CICINBB", "ICIC1NBB", "ICIC-NBB",
            "ICIC INBB", ""})
    void refusesMalformedBics(String swift) {
        FieldError error = refusal(swift, "1");
        assertThat(error.field()).isEqualTo("swift");
        assertThat(error.reason()).satisfiesAnyOf(
                r -> assertThat(r).startsWith("a BIC is 8 or 11 characters"),
                r -> assertThat(r).startsWith("missing"));
    }

    @Test
    void aMissingBicOrAccountIsNamed() {
        assertThat(refusal(null, "1")).isEqualTo(new FieldError("swift", "missing: the BIC (SWIFT code) of the bank"));
        assertThat(refusal("ICICINBB", null)).isEqualTo(new FieldError("acct", "missing: the account number at the bank"));
        assertThat(refusal("ICICINBB", "")).isEqualTo(new FieldError("acct", "missing: the account number at the bank"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 34", "12-34", "12/34", "DE89370400440532013000123456789012X"})
    void refusesAccountNumbersWithOtherCharactersOrTooLong(String acct) {
        FieldError error = refusal("ICICINBB", acct);
        assertThat(error.field()).isEqualTo("acct");
        assertThat(error.reason()).isEqualTo("an account number is 1 to 34 letters or digits, without spaces");
    }

    @Test
    void theConstructorTakesOnlyUpperCase() {
        assertThatThrownBy(() -> new ForwardKey("icicinbb", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("swift: ");
        assertThatThrownBy(() -> new ForwardKey("ICICINBB", "de89")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("acct: ");
    }
}
