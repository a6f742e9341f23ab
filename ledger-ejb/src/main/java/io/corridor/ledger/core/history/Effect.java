package io.corridor.ledger.core.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One effect of an operation: its type, the account it concerns (a {@code G...} strkey) and the fields Horizon
 * shows for that type, in Horizon's order. A detail is a {@link String}, an {@link Integer}, a {@link Boolean}
 * or, for a claimant's predicate, an {@link org.stellar.sdk.xdr.ClaimPredicate}, which the API renders as
 * Horizon's predicate JSON.
 */
public record Effect(EffectType type, String account, Map<String, Object> details) {

    public Effect {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(details, "details");
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            Object value = detail.getValue();
            if (!(value instanceof String || value instanceof Integer || value instanceof Boolean
                    || value instanceof org.stellar.sdk.xdr.ClaimPredicate)) {
                throw new IllegalArgumentException("detail " + detail.getKey() + " of " + type + " is a "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
