package io.corridor.ledger.core.op;

/**
 * The string rule of stellar-core's {@code isString32Valid}, which it applies to home domains and data
 * names alike: every byte must be ASCII and not a control character, so 0x20 to 0x7E. The length bound is
 * the XDR type's ({@code string32}, {@code string64}); the SDK's decoder enforces it, but an operation built
 * in memory is not decoded, so it is checked here as well.
 */
final class StellarStrings {

    private static final int PRINTABLE_MIN = 0x20;
    private static final int PRINTABLE_MAX = 0x7e;

    private StellarStrings() {
    }

    static boolean isValid(byte[] bytes, int bytesMax) {
        if (bytes.length > bytesMax) {
            return false;
        }
        for (byte b : bytes) {
            if (b < PRINTABLE_MIN || b > PRINTABLE_MAX) {
                return false;
            }
        }
        return true;
    }
}
