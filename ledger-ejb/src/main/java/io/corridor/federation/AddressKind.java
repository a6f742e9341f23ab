package io.corridor.federation;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the name of an address is, which decides the form it must have. Every kind also obeys the general rules
 * of {@link StellarAddress}. The codes are stable: they are stored and appear in the admin API.
 */
public enum AddressKind {

    /** A user name chosen by the customer or the bank: any valid name. */
    USERNAME("username", null, "any printable name without whitespace, '*' or '>'"),
    /**
     * A bank account with its branch: {@code DIGITS-BRANCHCODE}, 4 to 34 digits (the longest account numbers,
     * those inside an IBAN, have at most 30) and a branch code of 3 to 11 letters or digits (an IFSC has 11, a
     * sort code 6), for example {@code 9002812331-ICIC000040}.
     */
    ACCOUNT_NUMBER("account_number", Pattern.compile("[0-9]{4,34}-[A-Za-z0-9]{3,11}"),
            "DIGITS-BRANCHCODE: 4 to 34 digits, '-', a branch code of 3 to 11 letters or digits, "
                    + "e.g. 9002812331-ICIC000040"),
    /**
     * A national identity number (Aadhaar, PAN, SSN, ...): 4 to 32 letters, digits and inner hyphens.
     */
    NATIONAL_ID("national_id", Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{2,30})[A-Za-z0-9]"),
            "4 to 32 letters, digits and inner '-'"),
    /**
     * A mobile number in E.164 international form, as SEP-2 asks: {@code +}, then 8 to 15 digits of which the
     * first (the country code's) is not 0, no spaces, for example {@code +919876543210}.
     */
    MOBILE("mobile", Pattern.compile("\\+[1-9][0-9]{7,14}"),
            "E.164: '+' and 8 to 15 digits, the first not 0, no spaces, e.g. +919876543210");

    private final String code;
    private final Pattern form;
    private final String formDescription;

    AddressKind(String code, Pattern form, String formDescription) {
        this.code = code;
        this.form = form;
        this.formDescription = formDescription;
    }

    /** The stable code: {@code username}, {@code account_number}, {@code national_id}, {@code mobile}. */
    public String code() {
        return code;
    }

    /** The kind with this code, if there is one. */
    public static Optional<AddressKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** Parses a kind code; a refusal names {@code field} and lists the codes. */
    public static Checked<AddressKind> parse(String field, String code) {
        if (code == null || code.isEmpty()) {
            return Checked.invalid(field, "missing; one of " + codes());
        }
        return fromCode(code).map(Checked::valid)
                .orElseGet(() -> Checked.invalid(field, "unknown kind '" + code + "'; one of " + codes()));
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(AddressKind::code).toList());
    }

    /** Why {@code name} (already a valid address name) does not have this kind's form, if it does not. */
    public Optional<String> checkName(String name) {
        if (form == null || form.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("a name of kind " + code + " must be " + formDescription);
    }
}
