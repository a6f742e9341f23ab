package io.corridor.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ServedDomains}: the {@code corridor.federation.domains} setting. */
class FederationServedDomainsTest {

    @Test
    void parsesACommaSeparatedListIgnoringBlanksAndCase() {
        ServedDomains served = ServedDomains.parse(" Bank.IN , corridor.example,bank.in ").value();

        assertThat(served.asSet()).containsExactly("bank.in", "corridor.example");
        assertThat(served.serves("bank.in")).isTrue();
        assertThat(served.serves("BANK.IN")).as("callers pass lower-cased domains").isFalse();
        assertThat(served.serves("other.in")).isFalse();
    }

    @Test
    void noSettingServesNothing() {
        assertThat(ServedDomains.parse(null).value().isEmpty()).isTrue();
        assertThat(ServedDomains.parse("  ").value()).isEqualTo(ServedDomains.none());
    }

    @Test
    void aBadEntryIsRefusedNamingTheProperty() {
        assertThat(ServedDomains.parse("bank.in,,x.in").error())
                .isEqualTo(new FieldError("corridor.federation.domains", "empty entry in 'bank.in,,x.in'"));
        assertThat(ServedDomains.parse("bank.in,localhost").error().reason())
                .isEqualTo("'localhost': not a domain name: expected at least two labels, like bank.in");
        assertThat(ServedDomains.parse("bank.in,").error().field()).isEqualTo("corridor.federation.domains");
    }

    @Test
    void servesAtMost64Domains() {
        String many = IntStream.rangeClosed(1, 65).mapToObj(i -> "d" + i + ".example").collect(Collectors.joining(","));
        assertThat(ServedDomains.parse(many).error().reason()).isEqualTo("more than 64 domains");
        assertThatThrownBy(() -> new ServedDomains(new TreeSet<>(java.util.Set.of("Bank.in"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
