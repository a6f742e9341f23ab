package io.corridor.federation;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.stellar.sdk.StrKey;

/**
 * A federation record: the address, the account it resolves to, the memo that singles out the customer at that
 * account (banks usually receive into one account per currency and tell customers apart by memo), the kind of
 * name, and optionally the bank account that SEP-2 forward requests reach it by. Valid by construction.
 */
public record FederationAddress(StellarAddress address, String accountId, Optional<Memo> memo, AddressKind kind,
        Optional<ForwardKey> forward) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("G[A-Z2-7]{55}");

    public FederationAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(forward, "forward");
        if (!isAccountId(accountId)) {
            throw new IllegalArgumentException("account_id: not a G... account id: " + accountId);
        }
        kind.checkName(address.name()).ifPresent(reason -> {
            throw new IllegalArgumentException("name: " + reason);
        });
    }

    public String name() {
        return address.name();
    }

    public String domain() {
        return address.domain();
    }

    /** Whether {@code value} is an account id: a {@code G...} strkey with a valid checksum. */
    public static boolean isAccountId(String value) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            return false;
        }
        try {
            StrKey.decodeEd25519PublicKey(value);
            return true;
        } catch (RuntimeException e) {
            // A wrong checksum, or unused bits set.
            return false;
        }
    }

    /** An account id given in {@code field}; a refusal names it. */
    public static Checked<String> parseAccountId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Checked.invalid(field, "missing; expected an account id (G..., 56 characters)");
        }
        if (!isAccountId(value)) {
            return Checked.invalid(field, "not an account id: expected a G... strkey of 56 characters with a valid "
                    + "checksum");
        }
        return Checked.valid(value);
    }
}
