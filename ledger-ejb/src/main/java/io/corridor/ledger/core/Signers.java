package io.corridor.ledger.core;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountEntryExtensionV2;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.SponsorshipDescriptor;
import org.stellar.sdk.xdr.Uint256;

/**
 * The extra signers of an account. stellar-core keeps them sorted by key (the XDR order of {@code SignerKey}:
 * key type first, then the key bytes as unsigned values) and finds them with a lower-bound search; the state
 * hash covers the array, so this ledger must keep exactly the same order. Each signer is a sub-entry that
 * costs one base reserve.
 *
 * <p>When the account carries extension v2, {@code signerSponsoringIDs} runs parallel to {@code signers}
 * and must grow and shrink with it. A new signer starts unsponsored; {@link Sponsorship} establishes and
 * releases signer sponsorships, and a sponsored signer must be released before it is removed here.
 */
public final class Signers {

    /** Signers an account may have: the XDR bound of {@code AccountEntry.signers}. */
    public static final int SIGNERS_MAX = 20;

    /** Largest weight a signer may have; thresholds are bytes too. */
    public static final int WEIGHT_MAX = 255;

    /** Bytes a signed-payload signer's payload may have: the XDR bound of {@code opaque payload<64>}. */
    public static final int SIGNED_PAYLOAD_BYTES_MAX = 64;

    private Signers() {
    }

    /** The signers of {@code account}, never {@code null}. */
    public static Signer[] of(AccountEntry account) {
        return account.getSigners() == null ? new Signer[0] : account.getSigners();
    }

    /** The signer key of an account's own (master) key. */
    public static SignerKey ed25519(AccountID id) {
        SignerKey key = new SignerKey();
        key.setDiscriminant(SignerKeyType.SIGNER_KEY_TYPE_ED25519);
        key.setEd25519(new Uint256(Accounts.keyBytes(id)));
        return key;
    }

    /** The key of a pre-authorized transaction signer for the transaction with hash {@code txHash}. */
    public static SignerKey preAuthTx(byte[] txHash) {
        SignerKey key = new SignerKey();
        key.setDiscriminant(SignerKeyType.SIGNER_KEY_TYPE_PRE_AUTH_TX);
        key.setPreAuthTx(new Uint256(txHash.clone()));
        return key;
    }

    /**
     * XDR order of signer keys, as xdrpp's {@code operator<} that stellar-core sorts with: the key type, then
     * the key bytes compared unsigned; a signed payload compares its Ed25519 key, then its payload
     * lexicographically (a shorter payload that is a prefix of a longer one comes first).
     */
    public static int compare(SignerKey a, SignerKey b) {
        int byType = Integer.compare(a.getDiscriminant().getValue(), b.getDiscriminant().getValue());
        if (byType != 0) {
            return byType;
        }
        return switch (a.getDiscriminant()) {
            case SIGNER_KEY_TYPE_ED25519 -> Arrays.compareUnsigned(a.getEd25519().getUint256(),
                    b.getEd25519().getUint256());
            case SIGNER_KEY_TYPE_PRE_AUTH_TX -> Arrays.compareUnsigned(a.getPreAuthTx().getUint256(),
                    b.getPreAuthTx().getUint256());
            case SIGNER_KEY_TYPE_HASH_X -> Arrays.compareUnsigned(a.getHashX().getUint256(), b.getHashX().getUint256());
            case SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD -> {
                var pa = a.getEd25519SignedPayload();
                var pb = b.getEd25519SignedPayload();
                int byKey = Arrays.compareUnsigned(pa.getEd25519().getUint256(), pb.getEd25519().getUint256());
                yield byKey != 0 ? byKey : Arrays.compareUnsigned(pa.getPayload(), pb.getPayload());
            }
        };
    }

    public static boolean same(SignerKey a, SignerKey b) {
        return compare(a, b) == 0;
    }

    /**
     * The first position whose key is not below {@code key} (lower bound): the signer's index when the
     * account has it, otherwise where it belongs.
     */
    public static int lowerBound(AccountEntry account, SignerKey key) {
        Signer[] signers = of(account);
        int i = 0;
        while (i < signers.length && compare(signers[i].getKey(), key) < 0) {
            i++;
        }
        return i;
    }

    /** The index of the signer with {@code key}, or -1. */
    public static int indexOf(AccountEntry account, SignerKey key) {
        Signer[] signers = of(account);
        int i = lowerBound(account, key);
        return i < signers.length && same(signers[i].getKey(), key) ? i : -1;
    }

    /**
     * Inserts {@code signer} at its sorted position. The caller has checked the signer bound and the
     * reserve, and counts the sub-entry.
     */
    public static void insert(AccountEntry account, Signer signer) {
        Signer[] signers = of(account);
        if (signers.length >= SIGNERS_MAX) {
            throw new IllegalStateException("account " + Accounts.strKey(account.getAccountID()) + " has "
                    + signers.length + " signers already");
        }
        int at = lowerBound(account, signer.getKey());
        account.setSigners(inserted(signers, at, signer, Signer[]::new));
        AccountEntryExtensionV2 v2 = extensionV2(account);
        if (v2 != null) {
            // The new signer is not sponsored, so its slot in the parallel array is empty.
            v2.setSignerSponsoringIDs(inserted(v2.getSignerSponsoringIDs(), at, new SponsorshipDescriptor(),
                    SponsorshipDescriptor[]::new));
        }
    }

    /** Removes the signer at {@code index} and the sub-entry it counted for. */
    public static void removeAt(AccountEntry account, int index) {
        Signer[] signers = of(account);
        AccountEntryExtensionV2 v2 = extensionV2(account);
        if (v2 != null) {
            SponsorshipDescriptor[] ids = v2.getSignerSponsoringIDs();
            if (ids[index] != null && ids[index].getSponsorshipDescriptor() != null) {
                throw new IllegalStateException("signer " + index + " of " + Accounts.strKey(account.getAccountID())
                        + " is sponsored; release its sponsorship (Sponsorship.removeSigner) before removing it");
            }
            v2.setSignerSponsoringIDs(removed(ids, index, SponsorshipDescriptor[]::new));
        }
        account.setSigners(removed(signers, index, Signer[]::new));
        Accounts.changeSubEntries(account, -1);
    }

    /** Removes the signer with {@code key} if the account has it; true when it did. */
    public static boolean remove(AccountEntry account, SignerKey key) {
        int index = indexOf(account, key);
        if (index < 0) {
            return false;
        }
        removeAt(account, index);
        return true;
    }

    private static AccountEntryExtensionV2 extensionV2(AccountEntry account) {
        var ext = account.getExt();
        if (ext.getDiscriminant() == 1 && ext.getV1().getExt().getDiscriminant() >= 2) {
            return ext.getV1().getExt().getV2();
        }
        return null;
    }

    private static <T> T[] inserted(T[] array, int at, T element, IntFunction<T[]> make) {
        T[] source = array == null ? make.apply(0) : array;
        T[] out = make.apply(source.length + 1);
        System.arraycopy(source, 0, out, 0, at);
        out[at] = element;
        System.arraycopy(source, at, out, at + 1, source.length - at);
        return out;
    }

    private static <T> T[] removed(T[] array, int at, IntFunction<T[]> make) {
        T[] out = make.apply(array.length - 1);
        System.arraycopy(array, 0, out, 0, at);
        System.arraycopy(array, at + 1, out, at, array.length - at - 1);
        return out;
    }
}
