package io.corridor.ledger.core.state;

import io.corridor.ledger.core.Xdr;
import java.util.Arrays;
import java.util.Base64;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.ClaimableBalanceID;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.LedgerKey;
import org.stellar.sdk.xdr.String64;
import org.stellar.sdk.xdr.TrustLineAsset;

/**
 * The identity of a ledger entry: the XDR encoding of its {@link LedgerKey}. Ordered by unsigned
 * byte comparison, which is the canonical order for hashing and for every deterministic iteration.
 */
public final class EntryKey implements Comparable<EntryKey> {

    private final byte[] bytes;
    private final int hash;

    private EntryKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static EntryKey of(LedgerKey key) {
        return new EntryKey(Xdr.encode(key::toXdrByteArray));
    }

    public static EntryKey fromBytes(byte[] bytes) {
        return new EntryKey(bytes.clone());
    }

    public static EntryKey account(AccountID accountId) {
        LedgerKey.LedgerKeyAccount account = new LedgerKey.LedgerKeyAccount();
        account.setAccountID(accountId);
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.ACCOUNT);
        key.setAccount(account);
        return of(key);
    }

    public static EntryKey trustLine(AccountID accountId, TrustLineAsset asset) {
        LedgerKey.LedgerKeyTrustLine trustLine = new LedgerKey.LedgerKeyTrustLine();
        trustLine.setAccountID(accountId);
        trustLine.setAsset(asset);
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.TRUSTLINE);
        key.setTrustLine(trustLine);
        return of(key);
    }

    public static EntryKey data(AccountID accountId, String64 name) {
        LedgerKey.LedgerKeyData data = new LedgerKey.LedgerKeyData();
        data.setAccountID(accountId);
        data.setDataName(name);
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.DATA);
        key.setData(data);
        return of(key);
    }

    public static EntryKey claimableBalance(ClaimableBalanceID id) {
        LedgerKey.LedgerKeyClaimableBalance balance = new LedgerKey.LedgerKeyClaimableBalance();
        balance.setBalanceID(id);
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.CLAIMABLE_BALANCE);
        key.setClaimableBalance(balance);
        return of(key);
    }

    public static EntryKey offer(AccountID seller, long offerId) {
        LedgerKey.LedgerKeyOffer offer = new LedgerKey.LedgerKeyOffer();
        offer.setSellerID(seller);
        offer.setOfferID(new Int64(offerId));
        LedgerKey key = new LedgerKey();
        key.setDiscriminant(LedgerEntryType.OFFER);
        key.setOffer(offer);
        return of(key);
    }

    /** The key of an entry, derived from its data as stellar-core's {@code LedgerEntryKey} does. */
    public static EntryKey forEntry(LedgerEntry entry) {
        LedgerEntry.LedgerEntryData data = entry.getData();
        return switch (data.getDiscriminant()) {
            case ACCOUNT -> account(data.getAccount().getAccountID());
            case TRUSTLINE -> trustLine(data.getTrustLine().getAccountID(), data.getTrustLine().getAsset());
            case DATA -> data(data.getData().getAccountID(), data.getData().getDataName());
            case CLAIMABLE_BALANCE -> claimableBalance(data.getClaimableBalance().getBalanceID());
            case OFFER -> offer(data.getOffer().getSellerID(), data.getOffer().getOfferID().getInt64());
            default -> throw new IllegalArgumentException(
                    "entry type not supported by a classic ledger: " + data.getDiscriminant());
        };
    }

    public LedgerKey toLedgerKey() {
        return Xdr.decodeTrusted(bytes, LedgerKey::decode);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The numeric entry type: the first XDR word of the key. */
    public int typeValue() {
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    /** The entry type is the first XDR word of the key. */
    public LedgerEntryType type() {
        int value = typeValue();
        for (LedgerEntryType type : LedgerEntryType.values()) {
            if (type.getValue() == value) {
                return type;
            }
        }
        throw new IllegalStateException("entry key with unknown type " + value);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public int compareTo(EntryKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return base64();
    }
}
