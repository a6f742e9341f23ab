package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Signers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;

/**
 * Checks a transaction's signatures against signers, as stellar-core's {@code SignatureChecker}. The signers
 * are taken by key type, in this order, each keeping its order within the account:
 *
 * <ol>
 *   <li>pre-authorized transaction: counts when its hash is this transaction's, without a signature;</li>
 *   <li>hash-x: a signature whose bytes hash (SHA-256) to the key, hinted by the key's last four bytes;</li>
 *   <li>Ed25519: a signature of the transaction hash, hinted by the key's last four bytes;</li>
 *   <li>Ed25519 signed payload (CAP-40): a signature of the signer's payload, not of the transaction,
 *       hinted by the key's last four bytes XOR the payload's last four (a payload shorter than four bytes
 *       is padded with zeros on the right), so that a wallet can tell it from a plain signature.</li>
 * </ol>
 *
 * <p>Signatures are tried in envelope order against the remaining signers of a type; a signature that
 * matches is marked used and its signer is spent for this check, and weights (capped at 255) add up until
 * the needed weight is reached. Which signatures end up used therefore depends on this order, and a
 * signature used by no check makes the transaction fail with {@code txBAD_AUTH_EXTRA}; the order is
 * stellar-core's so that both reach the same result codes.
 *
 * <p>Verification is the expensive part, so each (signature, key, message) is verified at most once per
 * checker.
 */
public final class SignatureChecker {

    /** Signatures a transaction may carry, as in Stellar. */
    public static final int SIGNATURES_MAX = 20;

    /** Bytes of a signature hint. */
    private static final int HINT_BYTES = 4;

    private static final int WEIGHT_MAX = 255;

    private final byte[] txHash;
    private final List<DecoratedSignature> signatures;
    private final boolean[] used;
    private final Map<String, Boolean> verified = new HashMap<>();

    private final VerifiedSignatures cache;

    public SignatureChecker(byte[] txHash, List<DecoratedSignature> signatures) {
        this(txHash, signatures, new VerifiedSignatures());
    }

    /** A checker that reuses (and adds to) verifications shared across transactions. */
    public SignatureChecker(byte[] txHash, List<DecoratedSignature> signatures, VerifiedSignatures cache) {
        this.txHash = txHash.clone();
        this.signatures = List.copyOf(signatures);
        this.used = new boolean[signatures.size()];
        this.cache = cache;
    }

    /**
     * Whether the signers of {@code account}, its master key first if its weight is not 0, reach
     * {@code neededWeight}. A threshold of 0 still needs one matching signer, so an account whose signers
     * all weigh 0 cannot act.
     */
    public boolean checkSignature(AccountEntry account, int neededWeight) {
        List<Signer> signers = new ArrayList<>();
        int masterWeight = Accounts.threshold(account, Accounts.THRESHOLD_MASTER_WEIGHT);
        if (masterWeight > 0) {
            signers.add(signer(Signers.ed25519(account.getAccountID()), masterWeight));
        }
        signers.addAll(Arrays.asList(Signers.of(account)));
        return checkSignature(signers, neededWeight);
    }

    /**
     * Whether {@code signers} reach {@code neededWeight}. A transaction's extra signers (CAP-21) are checked
     * with this, each with weight 1 and the needed weight their count, so that every one must be satisfied.
     */
    public boolean checkSignature(List<Signer> signers, int neededWeight) {
        List<Signer> preAuth = new ArrayList<>();
        List<Signer> hashX = new ArrayList<>();
        List<Signer> ed25519 = new ArrayList<>();
        List<Signer> signedPayload = new ArrayList<>();
        for (Signer s : signers) {
            switch (s.getKey().getDiscriminant()) {
                case SIGNER_KEY_TYPE_PRE_AUTH_TX -> preAuth.add(s);
                case SIGNER_KEY_TYPE_HASH_X -> hashX.add(s);
                case SIGNER_KEY_TYPE_ED25519 -> ed25519.add(s);
                case SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD -> signedPayload.add(s);
            }
        }
        long[] total = {0};
        for (Signer s : preAuth) {
            if (Arrays.equals(s.getKey().getPreAuthTx().getUint256(), txHash)) {
                total[0] += weight(s);
                if (total[0] >= neededWeight) {
                    return true;
                }
            }
        }
        return matchAll(hashX, neededWeight, total)
                || matchAll(ed25519, neededWeight, total)
                || matchAll(signedPayload, neededWeight, total);
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

    /** Tries every signature, in order, against the signers of one type still unmatched. */
    private boolean matchAll(List<Signer> candidates, int neededWeight, long[] total) {
        List<Signer> remaining = new ArrayList<>(candidates);
        for (int i = 0; i < signatures.size() && !remaining.isEmpty(); i++) {
            for (int j = 0; j < remaining.size(); j++) {
                Signer s = remaining.get(j);
                if (matches(i, s.getKey())) {
                    used[i] = true;
                    total[0] += weight(s);
                    if (total[0] >= neededWeight) {
                        return true;
                    }
                    remaining.remove(j);
                    break;
                }
            }
        }
        return false;
    }

    private boolean matches(int signatureIndex, SignerKey key) {
        DecoratedSignature sig = signatures.get(signatureIndex);
        byte[] signature = sig.getSignature().getSignature();
        return switch (key.getDiscriminant()) {
            case SIGNER_KEY_TYPE_HASH_X -> {
                byte[] hash = key.getHashX().getUint256();
                yield hintMatches(sig, lastBytes(hash)) && Arrays.equals(Hashing.sha256(signature), hash);
            }
            case SIGNER_KEY_TYPE_ED25519 -> {
                byte[] publicKey = key.getEd25519().getUint256();
                yield hintMatches(sig, lastBytes(publicKey)) && verified(signatureIndex, publicKey, txHash);
            }
            case SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD -> {
                byte[] publicKey = key.getEd25519SignedPayload().getEd25519().getUint256();
                byte[] payload = key.getEd25519SignedPayload().getPayload();
                yield hintMatches(sig, signedPayloadHint(publicKey, payload))
                        && verified(signatureIndex, publicKey, payload);
            }
            case SIGNER_KEY_TYPE_PRE_AUTH_TX -> false;
        };
    }

    private boolean verified(int signatureIndex, byte[] publicKey, byte[] message) {
        String cacheKey = signatureIndex + ":" + Hashing.hex(publicKey) + ":" + Hashing.hex(message);
        return verified.computeIfAbsent(cacheKey, k ->
                cache.verify(publicKey, message, signatures.get(signatureIndex).getSignature().getSignature()));
    }

    /**
     * The hint of a signed-payload signature, as stellar-core's {@code getSignedPayloadHint}: the hint of the
     * key XOR the hint of the payload, where a payload's hint is its last four bytes, or the whole payload
     * followed by zeros when it is shorter.
     */
    public static byte[] signedPayloadHint(byte[] publicKey, byte[] payload) {
        byte[] keyHint = lastBytes(publicKey);
        byte[] payloadHint = new byte[HINT_BYTES];
        if (payload.length < HINT_BYTES) {
            System.arraycopy(payload, 0, payloadHint, 0, payload.length);
        } else {
            System.arraycopy(payload, payload.length - HINT_BYTES, payloadHint, 0, HINT_BYTES);
        }
        byte[] hint = new byte[HINT_BYTES];
        for (int i = 0; i < HINT_BYTES; i++) {
            hint[i] = (byte) (keyHint[i] ^ payloadHint[i]);
        }
        return hint;
    }

    /** The last four bytes of a 32-byte key or hash: its hint. */
    private static byte[] lastBytes(byte[] key) {
        return Arrays.copyOfRange(key, key.length - HINT_BYTES, key.length);
    }

    private static boolean hintMatches(DecoratedSignature sig, byte[] expected) {
        byte[] hint = sig.getHint() == null ? null : sig.getHint().getSignatureHint();
        return hint != null && Arrays.equals(hint, expected);
    }

    private static long weight(Signer s) {
        return Math.min(WEIGHT_MAX, s.getWeight().getUint32().getNumber());
    }

    /** A signer of {@code key} with {@code weight}. */
    public static Signer signer(SignerKey key, long weight) {
        Signer s = new Signer();
        s.setKey(key);
        s.setWeight(Accounts.uint32(weight));
        return s;
    }
}
