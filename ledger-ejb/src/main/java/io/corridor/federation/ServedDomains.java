package io.corridor.federation;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The domains whose addresses this node answers for and lets the bank register: the comma-separated
 * {@value #PROPERTY} setting. Without it the node serves no domain, so federation answers nothing.
 */
public record ServedDomains(SortedSet<String> domains) {

    public static final String PROPERTY = "corridor.federation.domains";
    /** Domains one node serves. */
    public static final int DOMAINS_MAX = 64;

    public ServedDomains {
        if (domains.size() > DOMAINS_MAX) {
            throw new IllegalArgumentException("more than " + DOMAINS_MAX + " domains");
        }
        for (String domain : domains) {
            if (!domain.equals(domain.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("domain not in lower case: " + domain);
            }
            StellarAddress.checkDomain(domain).ifPresent(reason -> {
                throw new IllegalArgumentException(domain + ": " + reason);
            });
        }
        domains = Collections.unmodifiableSortedSet(new TreeSet<>(domains));
    }

    public static ServedDomains none() {
        return new ServedDomains(new TreeSet<>());
    }

    /**
     * Parses the setting: domain names separated by commas, blanks around them ignored, case ignored. A null or
     * blank setting serves no domain. A refusal names the property.
     */
    public static Checked<ServedDomains> parse(String configured) {
        SortedSet<String> domains = new TreeSet<>();
        if (configured == null || configured.isBlank()) {
            return Checked.valid(new ServedDomains(domains));
        }
        for (String entry : configured.split(",", -1)) {
            String domain = entry.strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty()) {
                return Checked.invalid(PROPERTY, "empty entry in '" + configured + "'");
            }
            Optional<String> problem = StellarAddress.checkDomain(domain);
            if (problem.isPresent()) {
                return Checked.invalid(PROPERTY, "'" + domain + "': " + problem.get());
            }
            domains.add(domain);
        }
        if (domains.size() > DOMAINS_MAX) {
            return Checked.invalid(PROPERTY, "more than " + DOMAINS_MAX + " domains");
        }
        return Checked.valid(new ServedDomains(domains));
    }

    public boolean serves(String domain) {
        return domains.contains(domain);
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }

    /** Why {@code address} (given in {@code field}) is not this node's to answer, if it is not. */
    public Optional<FieldError> check(String field, StellarAddress address) {
        if (serves(address.domain())) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(field, domains.isEmpty()
                ? "this node serves federation for no domain"
                : "this node does not serve federation for " + address.domain() + "; it serves "
                        + String.join(", ", domains)));
    }

    /** The served domains, sorted. */
    public Set<String> asSet() {
        return domains;
    }
}
