package io.corridor.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Memo}: both or neither of type and value, and each type's canonical form. */
class FederationMemoTest {

    private static final byte[] HASH = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final String HASH_BASE64 = Base64.getEncoder().encodeToString(HASH);

    private static Memo memo(String type, String value) {
        return Memo.parse("memo_type", type, "memo", value).value().orElseThrow();
    }

    private static FieldError refusal(String type, String value) {
        Checked<Optional<Memo>> parsed = Memo.parse("memo_type", type, "memo", value);
        assertThat(parsed.isValid()).as("%s %s is refused", type, value).isFalse();
        return parsed.error();
    }

    @Test
    void neitherTypeNorValueIsNoMemo() {
        assertThat(Memo.parse("memo_type", null, "memo", null).value()).isEmpty();
    }

    @Test
    void oneWithoutTheOtherNamesTheMissingField() {
        assertThat(refusal(null, "123").field()).isEqualTo("memo_type");
        assertThat(refusal("id", null).field()).isEqualTo("memo");
    }

    @Test
    void theTypeIsOneOfTextIdHash() {
        FieldError error = refusal("return", "abc");
        assertThat(error.field()).isEqualTo("memo_type");
        assertThat(error.reason()).isEqualTo("unknown memo type 'return'; one of text, id, hash");
        assertThat(refusal("ID", "1").field()).isEqualTo("memo_type");
        assertThat(MemoType.values()).extracting(MemoType::code).containsExactly("text", "id", "hash");
    }

    @Test
    void aTextMemoIsOneTo28Utf8Bytes() {
        assertThat(memo("text", "invoice 42")).isEqualTo(new Memo(MemoType.TEXT, "invoice 42"));
        assertThat(memo("text", "x".repeat(28)).value()).hasSize(28);
        assertThat(memo("text", "é".repeat(14)).value()).hasSize(14);
        assertThat(refusal("text", "x".repeat(29)))
                .isEqualTo(new FieldError("memo", "a text memo holds at most 28 UTF-8 bytes, this has 29"));
        assertThat(refusal("text", "é".repeat(15)).reason()).endsWith("this has 30");
        assertThat(refusal("text", "").reason()).isEqualTo("an empty text memo identifies nobody");
        assertThat(refusal("text", "a\ud800").reason()).isEqualTo("not well-formed Unicode (a lone surrogate)");
        assertThat(memo("text", "😀").value()).isEqualTo("😀");
    }

    @Test
    void anIdMemoIsAnUnsigned64BitDecimal() {
        assertThat(memo("id", "0").value()).isEqualTo("0");
        assertThat(memo("id", "123").value()).isEqualTo("123");
        assertThat(memo("id", "18446744073709551615").value()).isEqualTo("18446744073709551615");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551616", "99999999999999999999", "-1", "+1", "007", "1.0", "1e3", " 1",
            "0x10", ""})
    void anIdMemoRefusesAnythingElse(String value) {
        FieldError error = refusal("id", value);
        assertThat(error.field()).isEqualTo("memo");
        assertThat(error.reason()).startsWith("an id memo is an unsigned 64-bit number in decimal");
    }

    @Test
    void aHashMemoIs32BytesGivenInHexOrBase64AndKeptAsBase64() {
        assertThat(memo("hash", HASH_BASE64).value()).isEqualTo(HASH_BASE64);
        assertThat(memo("hash", HexFormat.of().formatHex(HASH)).value()).isEqualTo(HASH_BASE64);
        assertThat(memo("hash", HexFormat.of().withUpperCase().formatHex(HASH)).value()).isEqualTo(HASH_BASE64);
        assertThat(memo("hash", HASH_BASE64.replace("=", "")).value()).as("padding optional").isEqualTo(HASH_BASE64);
    }

    @Test
    void aHashMemoRefusesOtherLengthsAndEncodings() {
        assertThat(refusal("hash", Base64.getEncoder().encodeToString(new byte[31])).reason())
                .isEqualTo("a hash memo is 32 bytes; this is 31");
        assertThat(refusal("hash", Base64.getEncoder().encodeToString(new byte[33])).reason())
                .isEqualTo("a hash memo is 32 bytes; this is 33");
        assertThat(refusal("hash", "ab".repeat(31)).reason()).isEqualTo("a hash memo is 32 bytes; this is 46");
        assertThat(refusal("hash", "not base64!").reason())
                .isEqualTo("a hash memo is 32 bytes as base64 or as 64 hexadecimal digits");
        assertThat(refusal("hash", Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xfb, (byte) 0xff})
                + "A".repeat(40)).reason()).isEqualTo("a hash memo is 32 bytes as base64 or as 64 hexadecimal digits");
    }

    @Test
    void theConstructorTakesOnlyCanonicalValues() {
        assertThatThrownBy(() -> new Memo(MemoType.ID, "007")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Memo(MemoType.HASH, HexFormat.of().formatHex(HASH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a canonical hash memo");
        assertThatThrownBy(() -> new Memo(MemoType.TEXT, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Memo(null, "1")).isInstanceOf(NullPointerException.class);
    }
}
