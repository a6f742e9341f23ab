package io.corridor.web.interfaces.rest;

import io.corridor.ledger.core.Amounts;
import java.util.Locale;
import java.util.regex.Pattern;
import org.stellar.sdk.StrKey;

/**
 * Parsers of single request parameters, with Horizon's rules and reasons. A bad value is an
 * {@link InvalidParameter} naming the parameter. As in Horizon, an empty parameter ({@code ?seller=}) counts
 * as an absent one.
 */
final class Params {

    static final String ACCOUNT_ID_REASON = "Account ID must start with `G` and contain 56 alphanum characters";
    static final String AMOUNT_REASON = "Amount must be positive, with at most 7 decimal places";
    static final String OFFER_ID_REASON = "Offer ID must be an integer higher than 0";
    static final String POOL_ID_REASON = "Liquidity pool ID must be a hex-encoded SHA-256 hash";
    /** Strkeys are upper-case base32; the decoder alone would also take lower case, which Horizon refuses. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("G[A-Z2-7]{55}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Params() {
    }

    static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** A {@code G...} account id, or null when absent. */
    static String accountId(String field, String value) {
        if (!present(value)) {
            return null;
        }
        if (!isAccountId(value)) {
            throw new InvalidParameter(field, ACCOUNT_ID_REASON);
        }
        return value;
    }

    /** Whether {@code value} is a {@code G...} strkey with a valid checksum. */
    static boolean isAccountId(String value) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            return false;
        }
        try {
            StrKey.decodeEd25519PublicKey(value);
            return true;
        } catch (RuntimeException e) {
            // A wrong checksum or version byte.
            return false;
        }
    }

    /** A {@code G...} account id that must be given. */
    static String requiredAccountId(String field, String value) {
        if (!present(value)) {
            throw new InvalidParameter(field, ACCOUNT_ID_REASON);
        }
        return accountId(field, value);
    }

    /** A positive decimal amount with at most 7 places (Horizon's {@code amount}), in smallest units. */
    static long positiveAmount(String field, String value) {
        if (!present(value) || !AMOUNT.matcher(value).matches()) {
            throw new InvalidParameter(field, AMOUNT_REASON);
        }
        long units;
        try {
            units = Amounts.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(field, AMOUNT_REASON);
        }
        if (units <= 0) {
            throw new InvalidParameter(field, AMOUNT_REASON);
        }
        return units;
    }

    /**
     * A non-negative 64-bit integer written in decimal digits only (no sign, as Go's {@code ParseUint} reads
     * Horizon's ids), or -1 when absent.
     */
    static long unsignedLong(String field, String value, String reason) {
        if (!present(value)) {
            return -1;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidParameter(field, reason);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(field, reason);
        }
    }

    /** An integer above 0 that must be given, such as an offer id in a path. */
    static long positiveLong(String field, String value, String reason) {
        long parsed = unsignedLong(field, value, reason);
        if (parsed <= 0) {
            throw new InvalidParameter(field, reason);
        }
        return parsed;
    }

    /** A hex-encoded SHA-256 hash (a liquidity pool id), lower-cased; null when absent. */
    static String sha256Hex(String field, String value, String reason) {
        if (!present(value)) {
            return null;
        }
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new InvalidParameter(field, reason);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
