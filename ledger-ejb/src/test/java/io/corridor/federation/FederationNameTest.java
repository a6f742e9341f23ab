package io.corridor.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StellarAddress}: the SEP-2 form of {@code name*domain}, and the form each {@link AddressKind} asks of the name. */
class FederationNameTest {

    private static FieldError refusal(String text) {
        Checked<StellarAddress> parsed = StellarAddress.parse("q", text);
        assertThat(parsed.isValid()).as("%s is refused", text).isFalse();
        assertThat(parsed.error().field()).isEqualTo("q");
        return parsed.error();
    }

    @Test
    void parsesNameAndDomainLowerCasingOnlyTheDomain() {
        StellarAddress address = StellarAddress.parse("q", "Alice*Bank.IN").value();

        assertThat(address.name()).isEqualTo("Alice");
        assertThat(address.domain()).isEqualTo("bank.in");
        assertThat(address).hasToString("Alice*bank.in");
        assertThat(address.lookupKey()).isEqualTo("alice*bank.in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria@gmail.com*stellar.org", "first.last*bank.in", "+919876543210*bank.in",
            "9002812331-ICIC000040*bank.in", "ÄÖü_ß-1*bank.in", "名前*bank.in", "a*b.co", "x*xn--bcher-kva.example",
            "x*123.example.com"})
    void acceptsWhatSep2Allows(String text) {
        assertThat(StellarAddress.parse("q", text).isValid()).as(text).isTrue();
    }

    @Test
    void namesDifferingOnlyInCaseShareTheLookupKey() {
        assertThat(StellarAddress.parse("q", "ALICE*bank.in").value().lookupKey())
                .isEqualTo(StellarAddress.parse("q", "alice*BANK.in").value().lookupKey());
    }

    @Test
    void refusesMissingAndShapelessText() {
        assertThat(refusal(null).reason()).contains("missing");
        assertThat(refusal("").reason()).contains("missing");
        assertThat(refusal("alice").reason()).contains("name*domain");
        assertThat(refusal("GABC").reason()).contains("name*domain");
    }

    @Test
    void refusesAStarInTheName() {
        assertThat(refusal("a*b*bank.in").reason()).contains("more than one '*'");
        assertThat(refusal("**bank.in").reason()).contains("more than one '*'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "*bank.in|name: empty",
        "a>b*bank.in|name: must not contain '>'",
        "a b*bank.in|name: must not contain whitespace",
        "a\tb*bank.in|name: must not contain whitespace",
        "a\u00a0b*bank.in|name: must not contain whitespace",
        "a\u2003b*bank.in|name: must not contain whitespace",
        "a\u0007b*bank.in|name: must be printable; U+0007 is not",
        "a\u200bb*bank.in|name: must be printable; U+200B is not",
        "a\ue000b*bank.in|name: must be printable; U+E000 is not",
        "a\ud800b*bank.in|name: must be printable; U+D800 is not"})
    void refusesNamesThatAreNotPrintableWithoutWhitespaceStarOrGreaterThan(String text, String reason) {
        assertThat(refusal(text).reason()).isEqualTo(reason);
    }

    @Test
    void boundsTheNameAndTheWholeAddress() {
        String longest = "n".repeat(StellarAddress.NAME_LENGTH_MAX);
        assertThat(StellarAddress.parse("q", longest + "*bank.in").isValid()).isTrue();
        assertThat(refusal(longest + "n*bank.in").reason()).isEqualTo("name: longer than 128 characters");
        assertThat(refusal("x".repeat(StellarAddress.ADDRESS_LENGTH_MAX + 1)).reason())
                .isEqualTo("longer than 382 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "alice*|domain: empty",
        "alice*localhost|domain: not a domain name: expected at least two labels, like bank.in",
        "alice*bank.in.|domain: must not end with '.'",
        "alice*bank..in|domain: empty label",
        "alice*.bank.in|domain: empty label",
        "alice*-bank.in|domain: label '-bank' must not start or end with '-'",
        "alice*bank-.in|domain: label 'bank-' must not start or end with '-'",
        "alice*bank_1.in|domain: label 'bank_1' may hold only letters, digits and '-'",
        "alice*bank.in:8080|domain: label 'in:8080' may hold only letters, digits and '-'",
        "alice*bänk.in|domain: not ASCII: write internationalised domain names in their xn-- form",
        "alice*10.0.0.1|domain: the top-level label must not be all digits (IP addresses are not domains)"})
    void refusesDomainsThatAreNotHostNames(String text, String reason) {
        assertThat(refusal(text).reason()).isEqualTo(reason);
    }

    @Test
    void boundsDomainLabelsAndLength() {
        String label63 = "l".repeat(StellarAddress.LABEL_LENGTH_MAX);
        assertThat(StellarAddress.parse("q", "a*" + label63 + ".in").isValid()).isTrue();
        assertThat(refusal("a*" + label63 + "l.in").reason()).isEqualTo("domain: label longer than 63 characters");
        String domain253 = (label63 + ".").repeat(3) + "l".repeat(StellarAddress.DOMAIN_LENGTH_MAX - 3 * 64 - 3) + ".in";
        assertThat(domain253).hasSize(StellarAddress.DOMAIN_LENGTH_MAX);
        assertThat(StellarAddress.parse("q", "a*" + domain253).isValid()).isTrue();
        assertThat(refusal("a*l" + domain253).reason()).isEqualTo("domain: longer than 253 characters");
    }

    @Test
    void theConstructorRefusesWhatParseRefusesAndAnUpperCaseDomain() {
        assertThatThrownBy(() -> new StellarAddress("a b", "bank.in")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: must not contain whitespace");
        assertThatThrownBy(() -> new StellarAddress("a", "bank")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("domain: not a domain name");
        assertThatThrownBy(() -> new StellarAddress("a", "Bank.in")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("domain: not in lower case: Bank.in");
        assertThatThrownBy(() -> new StellarAddress(null, "bank.in")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name: empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "account_number|9002812331-ICIC000040|true",
        "account_number|1234-ABC|true",
        "account_number|1234567890123456789012345678901234-ICIC0000040|true",
        "account_number|123-ICIC000040|false",
        "account_number|12345678901234567890123456789012345-ICIC000040|false",
        "account_number|9002812331-IC|false",
        "account_number|9002812331-ICIC00000400|false",
        "account_number|9002812331|false",
        "account_number|9002812331ICIC000040|false",
        "account_number|9002-8123-ICIC|false",
        "account_number|90028123a1-ICIC000040|false",
        "mobile|+919876543210|true",
        "mobile|+14155550100|true",
        "mobile|+12345678|true",
        "mobile|+123456789012345|true",
        "mobile|+1234567|false",
        "mobile|+1234567890123456|false",
        "mobile|+0919876543210|false",
        "mobile|919876543210|false",
        "mobile|+91-9876543210|false",
        "mobile|++919876543210|false",
        "national_id|ABCDE1234F|true",
        "national_id|123456789012|true",
        "national_id|123-45-6789|true",
        "national_id|ABC|false",
        "national_id|-ABCD|false",
        "national_id|ABCD-|false",
        "national_id|AB.CD|false",
        "national_id|A23456789012345678901234567890123|false",
        "username|alice|true",
        "username|maria@gmail.com|true",
        "username|+919876543210|true"})
    void eachKindAsksItsFormOfTheName(String code, String name, boolean valid) {
        AddressKind kind = AddressKind.fromCode(code).orElseThrow();

        assertThat(kind.checkName(name).isEmpty()).as("%s %s", code, name).isEqualTo(valid);
        kind.checkName(name).ifPresent(reason -> assertThat(reason).startsWith("a name of kind " + code + " must be "));
    }

    @Test
    void kindCodesAreStableAndParsedStrictly() {
        assertThat(AddressKind.values()).extracting(AddressKind::code)
                .containsExactly("username", "account_number", "national_id", "mobile");
        assertThat(AddressKind.parse("kind", "mobile").value()).isEqualTo(AddressKind.MOBILE);
        assertThat(AddressKind.parse("kind", null).error())
                .isEqualTo(new FieldError("kind", "missing; one of username, account_number, national_id, mobile"));
        assertThat(AddressKind.parse("kind", "MOBILE").error().reason()).startsWith("unknown kind 'MOBILE'");
        assertThat(AddressKind.parse("kind", "phone").error().field()).isEqualTo("kind");
    }
}
