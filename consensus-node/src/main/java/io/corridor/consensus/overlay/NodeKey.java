package io.corridor.consensus.overlay;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.stellar.sdk.StrKey;

/**
 * A validator's Ed25519 node key, signing with the JDK's {@code Ed25519} provider. Stellar's strkey
 * encodings ({@code G...} public, {@code S...} secret) come from the SDK's {@code StrKey}. The SDK's
 * {@code KeyPair} is not used because it needs the {@code net.i2p} EdDSA library, which this module
 * excludes; {@link #fromSecretSeed(char[])} accepts what {@code KeyPair.getSecretSeed()} returns.
 */
public final class NodeKey {
    /** Raw key and seed length. */
    public static final int KEY_BYTES = 32;
    /** Ed25519 signature length. */
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final String accountId;

    private NodeKey(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // RFC 8032 derives the public key from the seed; the JDK exposes that only through the generator,
            // which draws exactly the 32 seed bytes from its random source.
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] drawn = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(drawn, seed)) {
                throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
            }
            byte[] encoded = pair.getPublic().getEncoded();
            this.publicKey = Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
            this.privateKey = pair.getPrivate();
            this.accountId = StrKey.encodeEd25519PublicKey(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable in this JDK", e);
        }
    }

    /** The key with this raw 32-byte seed. */
    public static NodeKey fromRawSeed(byte[] seed) {
        return new NodeKey(seed.clone());
    }

    /** The key with this {@code S...} secret seed. */
    public static NodeKey fromSecretSeed(char[] secretSeed) {
        return new NodeKey(StrKey.decodeEd25519SecretSeed(secretSeed));
    }

    /** The key with this {@code S...} secret seed. */
    public static NodeKey fromSecretSeed(String secretSeed) {
        return fromSecretSeed(secretSeed.toCharArray());
    }

    /** A fresh key drawn from {@code random}. */
    public static NodeKey random(SecureRandom random) {
        byte[] seed = new byte[KEY_BYTES];
        random.nextBytes(seed);
        return new NodeKey(seed);
    }

    /** The {@code G...} strkey of the public key. */
    public String accountId() {
        return accountId;
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by raw {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            byte[] encoded = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + KEY_BYTES);
            System.arraycopy(publicKey, 0, encoded, ED25519_X509_PREFIX.length, KEY_BYTES);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeyException | InvalidKeySpecException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable in this JDK", e);
        }
    }

    /** The {@code G...} strkey of a raw public key. */
    public static String accountId(byte[] publicKey) {
        return StrKey.encodeEd25519PublicKey(publicKey);
    }

    /** The raw public key of a {@code G...} strkey; throws {@link IllegalArgumentException} if it is not one. */
    public static byte[] decodeAccountId(String accountId) {
        try {
            return StrKey.decodeEd25519PublicKey(accountId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a G... public key: " + accountId, e);
        }
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "NodeKey[" + accountId + "]";
    }

    /** A random source that hands out one fixed seed; used only to derive a public key. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("unexpected draw of " + out.length + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
