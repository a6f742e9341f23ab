package io.corridor.federation;

import java.util.Arrays;
import java.util.Optional;
import org.stellar.sdk.StrKey;

/** Fixed values for the federation tests: account ids from fixed bytes, and records built from them. */
final class FederationFixtures {

    static final String ALICE_ACCOUNT = account(1);
    static final String BANK_ACCOUNT = account(2);
    static final ServedDomains BANK_IN = ServedDomains.parse("bank.in").value();

    private FederationFixtures() {
    }

    static String account(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return StrKey.encodeEd25519PublicKey(key);
    }

    /** The id with its last character changed, so that the checksum no longer matches. */
    static String badChecksum(String accountId) {
        char last = accountId.charAt(accountId.length() - 1);
        return accountId.substring(0, accountId.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    static StellarAddress address(String text) {
        return StellarAddress.parse("q", text).value();
    }

    static FederationAddress username(String text, String accountId) {
        return new FederationAddress(address(text), accountId, Optional.empty(), AddressKind.USERNAME,
                Optional.empty());
    }

    static FederationAddress withMemo(String text, String accountId, MemoType type, String memo) {
        return new FederationAddress(address(text), accountId, Optional.of(new Memo(type, memo)),
                AddressKind.USERNAME, Optional.empty());
    }
}
