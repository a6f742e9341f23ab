package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKeyType;

/**
 * Checks a transaction's signatures against the signers of the accounts it touches, as stellar-core's
 * {@code SignatureChecker}: a signer counts when one of the signatures matches it (Ed25519 over the
 * transaction hash, or a hash-x preimage), a pre-authorized transaction signer counts when its hash is
 * this transaction's; weights add up until the needed threshold is reached. A signature that ends up
 * used by no check makes the transaction fail with {@code txBAD_AUTH_EXTRA}.
 *
 * <p>Verification is the expensive part, so each (signature, key) pair is verified at most once per
 * checker.
 */
public final class SignatureChecker {

    /** Signatures a transaction may carry, as in Stellar. */
    public static final int SIGNATURES_MAX = 20;

    private final byte[] txHash;
    private final List<DecoratedSignature> signatures;
    private final boolean[] used;
    private final List<byte[]> verifiedKeys = new ArrayList<>();
    private final List<Integer> verifiedSignatures = new ArrayList<>();
    private final List<Boolean> verifiedResults = new ArrayList<>();

    public SignatureChecker(byte[] txHash, List<DecoratedSignature> signatures) {
        this.txHash = txHash.clone();
        this.signatures = List.copyOf(signatures);
        this.used = new boolean[signatures.size()];
    }

    /**
     * Whether the signers of {@code account} reach {@code neededWeight}. A threshold of 0 still needs one
     * matching signer of non-zero weight, so an account whose signers all weigh 0 cannot act.
     */
    public boolean checkSignature(AccountEntry account, int neededWeight) {
        long total = 0;
        int masterWeight = Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT);
        if (masterWeight > 0 && matchEd25519(Accounts.keyBytes(account.getAccountID()))) {
            total += masterWeight;
            if (total >= neededWeight) {
                return true;
            }
        }
        Signer[] signers = account.getSigners() == null ? new Signer[0] : account.getSigners();
        for (Signer signer : signers) {
            long weight = Math.min(255, signer.getWeight().getUint32().getNumber());
            if (weight == 0 || !matches(signer)) {
                continue;
            }
            total += weight;
            if (total >= neededWeight) {
                return true;
            }
        }
        return false;
    }

    /** True when every signature was used by some check. */
    public boolean allSignaturesUsed() {
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(Signer signer) {
        SignerKeyType type = signer.getKey().getDiscriminant();
        if (type == SignerKeyType.SIGNER_KEY_TYPE_ED25519) {
            return matchEd25519(signer.getKey().getEd25519().getUint256());
        }
        if (type == SignerKeyType.SIGNER_KEY_TYPE_PRE_AUTH_TX) {
            return Arrays.equals(signer.getKey().getPreAuthTx().getUint256(), txHash);
        }
        if (type == SignerKeyType.SIGNER_KEY_TYPE_HASH_X) {
            return matchHashX(signer.getKey().getHashX().getUint256());
        }
        // Signed-payload signers (CAP-40) are not supported by this ledger yet; they never match.
        return false;
    }

    private boolean matchEd25519(byte[] publicKey) {
        for (int i = 0; i < signatures.size(); i++) {
            DecoratedSignature sig = signatures.get(i);
            if (hintMatches(sig, publicKey) && verified(i, publicKey)) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    private boolean matchHashX(byte[] hashX) {
        for (int i = 0; i < signatures.size(); i++) {
            DecoratedSignature sig = signatures.get(i);
            byte[] preimage = sig.getSignature().getSignature();
            if (hintMatches(sig, hashX) && preimage.length <= 64 && Arrays.equals(Hashing.sha256(preimage), hashX)) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    private boolean verified(int signatureIndex, byte[] publicKey) {
        for (int i = 0; i < verifiedKeys.size(); i++) {
            if (verifiedSignatures.get(i) == signatureIndex && Arrays.equals(verifiedKeys.get(i), publicKey)) {
                return verifiedResults.get(i);
            }
        }
        boolean ok = Ed25519.verify(publicKey, txHash, signatures.get(signatureIndex).getSignature().getSignature());
        verifiedKeys.add(publicKey.clone());
        verifiedSignatures.add(signatureIndex);
        verifiedResults.add(ok);
        return ok;
    }

    /** The hint is the last four bytes of the key. */
    private static boolean hintMatches(DecoratedSignature sig, byte[] key) {
        byte[] hint = sig.getHint().getSignatureHint();
        return hint != null && hint.length == 4 && key.length >= 4
                && Arrays.equals(hint, 0, 4, key, key.length - 4, key.length);
    }
}
