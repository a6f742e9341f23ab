package io.corridor.ledger.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are integers of the smallest unit; Horizon shows them as decimal strings with 7 places. */
public final class Amounts {

    private static final int SCALE = 7;

    private Amounts() {
    }

    /** {@code 123456789} → {@code "12.3456789"}. */
    public static String format(long units) {
        return BigDecimal.valueOf(units, SCALE).setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code "12.3456789"} → {@code 123456789}; more than 7 decimals or out of range is an error. */
    public static long parse(String amount) {
        try {
            return new BigDecimal(amount.trim()).movePointRight(SCALE).setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not an amount with at most 7 decimals: " + amount, e);
        }
    }
}
