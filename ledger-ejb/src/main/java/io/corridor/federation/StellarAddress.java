package io.corridor.federation;

import java.util.Locale;
import java.util.Optional;

/**
 * A Stellar address, {@code name*domain} (SEP-2). The name is printable Unicode without whitespace, {@code *}
 * or {@code >}; SEP-2 allows {@code @} and {@code .}, so e-mail addresses and phone numbers are names. The
 * domain is a host name (RFC 1035 with RFC 1123's leading digits), kept in lower case because DNS names are
 * case-insensitive. The name keeps the case it was registered with; lookups ignore it ({@link #lookupKey()}),
 * as Stellar's own federation server does.
 */
public record StellarAddress(String name, String domain) {

    /** Characters of a name (UTF-16 units); e-mail local parts and every kind of bank name fit. */
    public static final int NAME_LENGTH_MAX = 128;
    /** Characters of a domain name (RFC 1035). */
    public static final int DOMAIN_LENGTH_MAX = 253;
    /** Characters of a label of a domain name (RFC 1035). */
    public static final int LABEL_LENGTH_MAX = 63;
    /** Characters of a whole address. */
    public static final int ADDRESS_LENGTH_MAX = NAME_LENGTH_MAX + 1 + DOMAIN_LENGTH_MAX;

    public StellarAddress {
        checkName(name).ifPresent(reason -> {
            throw new IllegalArgumentException("name: " + reason);
        });
        if (domain != null && !domain.equals(domain.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("domain: not in lower case: " + domain);
        }
        checkDomain(domain).ifPresent(reason -> {
            throw new IllegalArgumentException("domain: " + reason);
        });
    }

    /**
     * Parses {@code name*domain}; a refusal names {@code field} (the parameter or member the text came from)
     * and says which part is wrong. The domain is lower-cased.
     */
    public static Checked<StellarAddress> parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            return Checked.invalid(field, "missing; expected a Stellar address name*domain");
        }
        if (text.length() > ADDRESS_LENGTH_MAX) {
            return Checked.invalid(field, "longer than " + ADDRESS_LENGTH_MAX + " characters");
        }
        int star = text.indexOf('*');
        if (star < 0) {
            return Checked.invalid(field, "not a Stellar address: expected name*domain");
        }
        if (text.indexOf('*', star + 1) >= 0) {
            return Checked.invalid(field, "more than one '*': the name of a Stellar address must not contain '*'");
        }
        String name = text.substring(0, star);
        String domain = text.substring(star + 1);
        Optional<String> nameProblem = checkName(name);
        if (nameProblem.isPresent()) {
            return Checked.invalid(field, "name: " + nameProblem.get());
        }
        String lowerDomain = domain.toLowerCase(Locale.ROOT);
        Optional<String> domainProblem = checkDomain(lowerDomain);
        if (domainProblem.isPresent()) {
            return Checked.invalid(field, "domain: " + domainProblem.get());
        }
        return Checked.valid(new StellarAddress(name, lowerDomain));
    }

    /** The key lookups use: the name in lower case, {@code *}, the domain. */
    public String lookupKey() {
        return lookupKey(name, domain);
    }

    static String lookupKey(String name, String domain) {
        return name.toLowerCase(Locale.ROOT) + "*" + domain;
    }

    @Override
    public String toString() {
        return name + "*" + domain;
    }

    /** Why {@code name} cannot be the name of an address, if it cannot. */
    static Optional<String> checkName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty");
        }
        if (name.length() > NAME_LENGTH_MAX) {
            return Optional.of("longer than " + NAME_LENGTH_MAX + " characters");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '*' || c == '>') {
                return Optional.of("must not contain '" + (char) c + "'");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("must not contain whitespace");
            }
            if (!printable(c)) {
                return Optional.of(String.format("must be printable; U+%04X is not", c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.PRIVATE_USE -> false;
            default -> true;
        };
    }

    /**
     * Why {@code domain} (already lower-cased) is not a host name, if it is not: at least two labels of letters,
     * digits and inner hyphens, at most 63 characters each and 253 in all, a top-level label that is not all
     * digits (so no IP addresses), no trailing dot; internationalised names in their ASCII form ({@code xn--}).
     */
    static Optional<String> checkDomain(String domain) {
        if (domain == null || domain.isEmpty()) {
            return Optional.of("empty");
        }
        if (domain.length() > DOMAIN_LENGTH_MAX) {
            return Optional.of("longer than " + DOMAIN_LENGTH_MAX + " characters");
        }
        if (domain.endsWith(".")) {
            return Optional.of("must not end with '.'");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("not a domain name: expected at least two labels, like bank.in");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of("empty label");
            }
            if (label.length() > LABEL_LENGTH_MAX) {
                return Optional.of("label longer than " + LABEL_LENGTH_MAX + " characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!allowed) {
                    return Optional.of(c > 0x7f
                            ? "not ASCII: write internationalised domain names in their xn-- form"
                            : "label '" + label + "' may hold only letters, digits and '-'");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of("label '" + label + "' must not start or end with '-'");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("the top-level label must not be all digits (IP addresses are not domains)");
        }
        return Optional.empty();
    }
}
