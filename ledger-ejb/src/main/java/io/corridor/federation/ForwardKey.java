package io.corridor.federation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bank account that SEP-2 forward requests name ({@code forward_type=bank_account&swift=...&acct=...}): the
 * bank's BIC and the account number there, both in upper case. A BIC is 8 characters (bank, country, location)
 * or 11 with a branch; branch {@code XXX} is the primary office, the same as the 8-character form, to which it
 * is shortened so that both spellings find the same account.
 */
public record ForwardKey(String swift, String acct) {

    /** Characters of an account number (an IBAN has at most 34). */
    public static final int ACCT_LENGTH_MAX = 34;

    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?");
    private static final Pattern ACCT = Pattern.compile("[A-Z0-9]{1," + ACCT_LENGTH_MAX + "}");
    private static final String PRIMARY_OFFICE = "XXX";

    public ForwardKey {
        checkSwift(swift).ifPresent(reason -> {
            throw new IllegalArgumentException("swift: " + reason);
        });
        if (swift.length() == 11 && swift.endsWith(PRIMARY_OFFICE)) {
            throw new IllegalArgumentException("swift: not canonical (branch XXX is the 8-character BIC): " + swift);
        }
        checkAcct(acct).ifPresent(reason -> {
            throw new IllegalArgumentException("acct: " + reason);
        });
    }

    /**
     * Parses a BIC and an account number, accepting lower case; refusals name {@code swiftField} or
     * {@code acctField}.
     */
    public static Checked<ForwardKey> parse(String swiftField, String swift, String acctField, String acct) {
        if (swift == null || swift.isEmpty()) {
            return Checked.invalid(swiftField, "missing: the BIC (SWIFT code) of the bank");
        }
        String bic = swift.toUpperCase(Locale.ROOT);
        Optional<String> swiftProblem = checkSwift(bic);
        if (swiftProblem.isPresent()) {
            return Checked.invalid(swiftField, swiftProblem.get());
        }
        if (bic.length() == 11 && bic.endsWith(PRIMARY_OFFICE)) {
            bic = bic.substring(0, 8);
        }
        if (acct == null || acct.isEmpty()) {
            return Checked.invalid(acctField, "missing: the account number at the bank");
        }
        String account = acct.toUpperCase(Locale.ROOT);
        Optional<String> acctProblem = checkAcct(account);
        if (acctProblem.isPresent()) {
            return Checked.invalid(acctField, acctProblem.get());
        }
        return Checked.valid(new ForwardKey(bic, account));
    }

    private static Optional<String> checkSwift(String swift) {
        if (swift == null || !BIC.matcher(swift).matches()) {
            return Optional.of("a BIC is 8 or 11 characters: 4 letters (bank), 2 letters (country), 2 letters or "
                    + "digits (location), optionally 3 letters or digits (branch)");
        }
        return Optional.empty();
    }

    private static Optional<String> checkAcct(String acct) {
        if (acct == null || !ACCT.matcher(acct).matches()) {
            return Optional.of("an account number is 1 to " + ACCT_LENGTH_MAX + " letters or digits, without spaces");
        }
        return Optional.empty();
    }
}
