package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.assertInvalid;
import static io.corridor.web.interfaces.rest.TestValues.badChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void acceptsAccountIdsAndTreatsEmptyAsAbsent() {
        assertThat(Params.accountId("seller", ISSUER)).isEqualTo(ISSUER);
        assertThat(Params.accountId("seller", null)).isNull();
        assertThat(Params.accountId("seller", "")).isNull();
    }

    @Test
    void refusesMalformedAccountIds() {
        String reason = assertInvalid(() -> Params.accountId("seller", badChecksum(ISSUER)), "seller");
        assertThat(reason).isEqualTo("Account ID must start with `G` and contain 56 alphanum characters");
        assertInvalid(() -> Params.accountId("seller", ISSUER.toLowerCase(Locale.ROOT)), "seller");
        assertInvalid(() -> Params.accountId("seller", ISSUER.substring(1)), "seller");
        assertInvalid(() -> Params.accountId("seller", "S" + ISSUER.substring(1)), "seller");
        assertInvalid(() -> Params.accountId("seller", ISSUER + " "), "seller");
        assertInvalid(() -> Params.requiredAccountId("account_id", ""), "account_id");
    }

    @Test
    void parsesPositiveAmountsOfAtMostSevenDecimals() {
        assertThat(Params.positiveAmount("destination_amount", "25.5")).isEqualTo(255_000_000L);
        assertThat(Params.positiveAmount("destination_amount", "0.0000001")).isEqualTo(1L);
        assertThat(Params.positiveAmount("destination_amount", ".5")).isEqualTo(5_000_000L);
        assertThat(Params.positiveAmount("destination_amount", "10")).isEqualTo(100_000_000L);
        assertThat(Params.positiveAmount("destination_amount", "922337203685.4775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesAmountsThatAreNotPositiveOrTooPrecise() {
        for (String bad : new String[] {null, "", "0", "0.0000000", "-1", "+1", "1e3", "0.00000001", "ten", "1,5",
                "922337203685.4775808", " 1"}) {
            assertInvalid(() -> Params.positiveAmount("source_amount", bad), "source_amount");
        }
    }

    @Test
    void parsesIdsAsUnsignedDecimalIntegers() {
        assertThat(Params.positiveLong("offer_id", "42", "r")).isEqualTo(42L);
        assertThat(Params.unsignedLong("offer_id", "0", "r")).isZero();
        assertThat(Params.unsignedLong("offer_id", null, "r")).isEqualTo(-1L);
        assertThat(Params.positiveLong("offer_id", Long.toString(Long.MAX_VALUE), "r")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"0", "-1", "+1", "1.0", "abc", "9223372036854775808", "", " 1"}) {
            assertInvalid(() -> Params.positiveLong("offer_id", bad, "r"), "offer_id");
        }
    }

    @Test
    void acceptsHexSha256InEitherCase() {
        String id = "AB".repeat(32);
        assertThat(Params.sha256Hex("liquidity_pool_id", id, "r")).isEqualTo("ab".repeat(32));
        assertThat(Params.sha256Hex("liquidity_pool_id", null, "r")).isNull();
        assertInvalid(() -> Params.sha256Hex("liquidity_pool_id", "ab".repeat(31), "r"), "liquidity_pool_id");
        assertInvalid(() -> Params.sha256Hex("liquidity_pool_id", "zz".repeat(32), "r"), "liquidity_pool_id");
    }
}
