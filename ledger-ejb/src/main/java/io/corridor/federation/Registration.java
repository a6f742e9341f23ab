package io.corridor.federation;

import java.util.Optional;

/**
 * A request to register an address, as the bank's admin API receives it: raw strings, any of which may be
 * missing or wrong. {@link #validate} applies every rule in a fixed order and names the first field that breaks
 * one, using the names of the admin API: {@code address}, {@code kind}, {@code account_id}, {@code memo_type},
 * {@code memo}, {@code forward.swift}, {@code forward.acct}.
 */
public record Registration(String address, String kind, String accountId, String memoType, String memo,
        String forwardSwift, String forwardAcct) {

    public static final String ADDRESS = "address";
    public static final String KIND = "kind";
    public static final String ACCOUNT_ID = "account_id";
    public static final String MEMO_TYPE = "memo_type";
    public static final String MEMO = "memo";
    public static final String FORWARD_SWIFT = "forward.swift";
    public static final String FORWARD_ACCT = "forward.acct";

    /** The record this registration describes, or why it cannot be registered at a node serving {@code served}. */
    public Checked<FederationAddress> validate(ServedDomains served) {
        Checked<StellarAddress> parsedAddress = StellarAddress.parse(ADDRESS, address);
        if (!parsedAddress.isValid()) {
            return Checked.invalid(parsedAddress.error());
        }
        StellarAddress stellarAddress = parsedAddress.value();
        Optional<FieldError> unserved = served.check(ADDRESS, stellarAddress);
        if (unserved.isPresent()) {
            return Checked.invalid(unserved.get());
        }
        Checked<AddressKind> parsedKind = AddressKind.parse(KIND, kind);
        if (!parsedKind.isValid()) {
            return Checked.invalid(parsedKind.error());
        }
        Optional<String> wrongForm = parsedKind.value().checkName(stellarAddress.name());
        if (wrongForm.isPresent()) {
            return Checked.invalid(ADDRESS, "name: " + wrongForm.get());
        }
        Checked<String> parsedAccount = FederationAddress.parseAccountId(ACCOUNT_ID, accountId);
        if (!parsedAccount.isValid()) {
            return Checked.invalid(parsedAccount.error());
        }
        Checked<Optional<Memo>> parsedMemo = Memo.parse(MEMO_TYPE, memoType, MEMO, memo);
        if (!parsedMemo.isValid()) {
            return Checked.invalid(parsedMemo.error());
        }
        Optional<ForwardKey> forward = Optional.empty();
        if (forwardSwift != null || forwardAcct != null) {
            Checked<ForwardKey> parsedForward = ForwardKey.parse(FORWARD_SWIFT, forwardSwift, FORWARD_ACCT, forwardAcct);
            if (!parsedForward.isValid()) {
                return Checked.invalid(parsedForward.error());
            }
            forward = Optional.of(parsedForward.value());
        }
        return Checked.valid(new FederationAddress(stellarAddress, parsedAccount.value(), parsedMemo.value(),
                parsedKind.value(), forward));
    }
}
