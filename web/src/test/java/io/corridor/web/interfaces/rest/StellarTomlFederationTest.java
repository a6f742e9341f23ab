package io.corridor.web.interfaces.rest;

import static io.corridor.web.interfaces.rest.TestValues.ISSUER;
import static io.corridor.web.interfaces.rest.TestValues.SELLER;
import static io.corridor.web.interfaces.rest.TestValues.badChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.federation.ServedDomains;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What {@link StellarTomlResource} adds for federation: {@code FEDERATION_SERVER} and {@code [[CURRENCIES]]}. */
class StellarTomlFederationTest {

    @Test
    void theFederationServerIsAdvertisedOnlyWhenADomainIsServed() {
        assertThat(StellarTomlResource.federationServer("https://node.bank.in", ServedDomains.parse("bank.in")))
                .contains("https://node.bank.in/federation");
        assertThat(StellarTomlResource.federationServer("https://node.bank.in", ServedDomains.parse(""))).isEmpty();
        assertThat(StellarTomlResource.federationServer("https://node.bank.in", ServedDomains.parse("localhost")))
                .as("a wrong setting").isEmpty();
    }

    @Test
    void currenciesAreCodeColonIssuerEntries() {
        assertThat(StellarTomlResource.currencies(null)).isEmpty();
        assertThat(StellarTomlResource.currencies(" ")).isEmpty();
        assertThat(StellarTomlResource.currencies("USD:" + ISSUER + " , INRT:" + SELLER + ",,"))
                .containsExactly(new StellarTomlResource.Currency("USD", ISSUER),
                        new StellarTomlResource.Currency("INRT", SELLER));
        assertThat(StellarTomlResource.currencies("ABCDEFGHIJKL:" + ISSUER)).hasSize(1);
    }

    @Test
    void malformedCurrencyEntriesAreLeftOut() {
        assertThat(StellarTomlResource.currencies("USD:" + ISSUER + ",EUR," + "ABCDEFGHIJKLM:" + ISSUER + ",:" + ISSUER
                + ",GBP:" + badChecksum(ISSUER) + ",US$:" + ISSUER + ",JPY:" + ISSUER + ":x"))
                .containsExactly(new StellarTomlResource.Currency("USD", ISSUER));
    }

    @Test
    void atMost100CurrenciesAreListed() {
        String many = IntStream.range(0, 101).mapToObj(i -> "C" + i + ":" + ISSUER).collect(Collectors.joining(","));
        assertThat(StellarTomlResource.currencies(many)).hasSize(StellarTomlResource.CURRENCIES_MAX);
    }

    @Test
    void tomlStringsAreEscaped() {
        assertThat(StellarTomlResource.quote("https://node/federation")).isEqualTo("\"https://node/federation\"");
        assertThat(StellarTomlResource.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }
}
