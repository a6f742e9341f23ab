package io.corridor.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void formatsSmallestUnitsWithSevenDecimals() {
        assertThat(Amounts.format(0)).isEqualTo("0.0000000");
        assertThat(Amounts.format(1)).isEqualTo("0.0000001");
        assertThat(Amounts.format(255_000_000L)).isEqualTo("25.5000000");
        assertThat(Amounts.format(1_000_000_000_000_000_000L)).isEqualTo("100000000000.0000000");
        assertThat(Amounts.format(Long.MAX_VALUE)).isEqualTo("922337203685.4775807");
        assertThat(Amounts.format(-1)).isEqualTo("-0.0000001");
    }

    @Test
    void parsesBackExactly() {
        assertThat(Amounts.parse("25.5")).isEqualTo(255_000_000L);
        assertThat(Amounts.parse("0.0000001")).isEqualTo(1L);
        assertThat(Amounts.parse(Amounts.format(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesMoreThanSevenDecimalsOrOverflow() {
        assertThatThrownBy(() -> Amounts.parse("0.00000001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.00000001");
        assertThatThrownBy(() -> Amounts.parse("922337203685.4775808")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.parse("ten")).isInstanceOf(IllegalArgumentException.class);
    }
}
