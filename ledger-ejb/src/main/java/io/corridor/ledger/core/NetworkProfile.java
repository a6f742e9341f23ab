package io.corridor.ledger.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The economics and identity of a Corridor network (PRODUCT.md §1.1). All amounts are in the smallest
 * unit (10⁻⁷ of the native asset). The network id is SHA-256 of the passphrase, as in Stellar, so the
 * official SDKs sign for a Corridor network given its passphrase.
 *
 * @param name             profile name used on the command line ({@code iqoniq}, {@code diamante})
 * @param passphrase       network passphrase; every signature commits to it
 * @param nativeAssetCode  display code of the native asset (IQQ, DIAM)
 * @param totalCoins       supply created in the root account at genesis, in smallest units
 * @param baseFee          fee per operation, in smallest units
 * @param baseReserve      reserve per ledger entry, in smallest units; an account's minimum is 2 × this
 * @param protocolVersion  ledger protocol version written into headers
 * @param maxTxSetSize     operations a ledger may hold before surge pricing applies
 */
public record NetworkProfile(
        String name,
        String passphrase,
        String nativeAssetCode,
        long totalCoins,
        int baseFee,
        int baseReserve,
        int protocolVersion,
        int maxTxSetSize) {

    /** 10⁷ smallest units make one unit of the native asset (JOT for IQQ). */
    public static final long UNITS_PER_COIN = 10_000_000L;
    public static final int PROTOCOL_VERSION = 21;
    public static final int MAX_TX_SET_SIZE_DEFAULT = 1_000;

    public static final NetworkProfile IQONIQ = new NetworkProfile(
            "iqoniq", "IQONIQ Corridor Network ; November 2026", "IQQ",
            100_000_000_000L * UNITS_PER_COIN, 1_000, (int) (10 * UNITS_PER_COIN),
            PROTOCOL_VERSION, MAX_TX_SET_SIZE_DEFAULT);

    public static final NetworkProfile DIAMANTE = new NetworkProfile(
            "diamante", "Diamante Corridor Network ; November 2026", "DIAM",
            100_000_000_000L * UNITS_PER_COIN, 1_000, (int) (10 * UNITS_PER_COIN),
            PROTOCOL_VERSION, MAX_TX_SET_SIZE_DEFAULT);

    public static final List<NetworkProfile> BUILT_IN = List.of(IQONIQ, DIAMANTE);

    public NetworkProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(nativeAssetCode, "nativeAssetCode");
        if (passphrase.isBlank()) {
            throw new IllegalArgumentException("passphrase must not be blank");
        }
        if (totalCoins <= 0) {
            throw new IllegalArgumentException("totalCoins must be positive: " + totalCoins);
        }
        if (baseFee <= 0 || baseReserve <= 0) {
            throw new IllegalArgumentException("baseFee and baseReserve must be positive");
        }
        if (maxTxSetSize <= 0) {
            throw new IllegalArgumentException("maxTxSetSize must be positive: " + maxTxSetSize);
        }
    }

    /** Looks a built-in profile up by name, case-insensitively. */
    public static NetworkProfile byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return BUILT_IN.stream()
                .filter(p -> p.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown network profile '" + name + "'; known: iqoniq, diamante"));
    }

    /** The same profile under another passphrase (a private test network, say). */
    public NetworkProfile withPassphrase(String otherPassphrase) {
        return new NetworkProfile(name, otherPassphrase, nativeAssetCode, totalCoins, baseFee, baseReserve,
                protocolVersion, maxTxSetSize);
    }

    public NetworkProfile withMaxTxSetSize(int size) {
        return new NetworkProfile(name, passphrase, nativeAssetCode, totalCoins, baseFee, baseReserve,
                protocolVersion, size);
    }

    /** SHA-256 of the passphrase: the network id every signature payload starts with. */
    public byte[] networkId() {
        return Hashing.sha256(passphrase.getBytes(StandardCharsets.UTF_8));
    }

    /** The root account's key pair seed is the network id, as in stellar-core. */
    public byte[] rootSeed() {
        return networkId();
    }

    /** Minimum balance of an account with the given net number of reserve-bearing entries. */
    public long minimumBalance(long reserveEntries) {
        return Math.multiplyExact(2L + reserveEntries, (long) baseReserve);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkProfile p && name.equals(p.name) && passphrase.equals(p.passphrase)
                && nativeAssetCode.equals(p.nativeAssetCode) && totalCoins == p.totalCoins
                && baseFee == p.baseFee && baseReserve == p.baseReserve
                && protocolVersion == p.protocolVersion && maxTxSetSize == p.maxTxSetSize;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {name, passphrase, totalCoins, baseFee, baseReserve});
    }
}
