import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Node identity keys for {@code deployments/corridor}, using only the JDK (run it as a single source file:
 * {@code java NodeKey.java ...}; Java 17+).
 *
 * <pre>
 *   java NodeKey.java SEEDFILE...     for each file: if it does not exist, write a fresh Stellar secret seed
 *                                      (S..., mode 0600) into it; then print the account id (G...) of the
 *                                      seed in the file, one line per file, in argument order
 *   java NodeKey.java --self-test      check the StrKey and Ed25519 code against a known key pair
 * </pre>
 *
 * An existing seed file is never overwritten, only read (and validated). Exit status 1 with a message on
 * stderr naming the file when a file cannot be read, written or does not hold a valid seed.
 *
 * <p>Keys are Stellar StrKeys: RFC 4648 base32 without padding of (version byte, 32-byte payload, CRC16-XModem
 * of the two, little-endian). The version byte is 6&lt;&lt;3 for account ids ('G') and 18&lt;&lt;3 for secret
 * seeds ('S'). The seed is the 32-byte Ed25519 private key; the JDK's Ed25519 key pair generator derives the
 * public key from it when handed a random source that returns exactly those bytes.
 */
public final class NodeKey {

    static final int VERSION_ACCOUNT_ID = 6 << 3;
    static final int VERSION_SEED = 18 << 3;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static final String TEST_SEED = "SDJHRQF4GCMIIKAAAQ6IHY42X73FQFLHUULAPSKKD4DFDM7UXWWCRHBE";
    private static final String TEST_ACCOUNT = "GCZHXL5HXQX5ABDM26LHYRCQZ5OJFHLOPLZX47WEBP3V2PF5AVFK2A5D";

    private NodeKey() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: java NodeKey.java SEEDFILE...   (creates missing seed files, prints account ids)");
            System.err.println("       java NodeKey.java --self-test");
            System.exit(2);
        }
        try {
            if (args[0].equals("--self-test")) {
                selfTest();
                return;
            }
            StringBuilder out = new StringBuilder();
            for (String arg : args) {
                out.append(accountIdOf(Path.of(arg))).append('\n');
            }
            System.out.print(out);
        } catch (IllegalStateException e) {
            System.err.println("NodeKey: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Creates the seed file if absent, then returns the account id of the seed it holds. */
    static String accountIdOf(Path seedFile) {
        byte[] seed = null;
        try {
            if (Files.notExists(seedFile)) {
                seed = new byte[32];
                new SecureRandom().nextBytes(seed);
                writeSeed(seedFile, encode(VERSION_SEED, seed));
            } else {
                String text = Files.readString(seedFile, StandardCharsets.US_ASCII).trim();
                seed = decode(VERSION_SEED, text);
            }
            return encode(VERSION_ACCOUNT_ID, publicKey(seed));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(seedFile + ": " + e.getMessage(), e);
        } finally {
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /** Writes the seed to a 0600 temporary file beside the target, then moves it into place. */
    private static void writeSeed(Path seedFile, String seed) throws IOException {
        Path dir = seedFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".node-seed", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, seed + "\n", StandardCharsets.US_ASCII);
            if (Files.exists(seedFile)) {
                throw new FileAlreadyExistsException(seedFile.toString(), null, "appeared while generating; not overwritten");
            }
            Files.move(tmp, seedFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The Ed25519 public key (32 bytes) of a 32-byte private key (the seed), computed by the JDK. */
    static byte[] publicKey(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, new FixedBytes(seed));
            byte[] spki = generator.generateKeyPair().getPublic().getEncoded();
            // X.509 SubjectPublicKeyInfo for Ed25519: a fixed 12-byte header, then the 32-byte key.
            return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no usable Ed25519: " + e, e);
        }
    }

    /** A "random" source that yields the given bytes once: how the seed reaches the JDK's key generator. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;
        private boolean used;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            if (used || out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            System.arraycopy(bytes, 0, out, 0, bytes.length);
            used = true;
        }
    }

    static String encode(int versionByte, byte[] payload) {
        byte[] data = new byte[1 + payload.length + 2];
        data[0] = (byte) versionByte;
        System.arraycopy(payload, 0, data, 1, payload.length);
        int crc = crc16XModem(data, 0, 1 + payload.length);
        data[data.length - 2] = (byte) crc;
        data[data.length - 1] = (byte) (crc >>> 8);
        String encoded = base32(data);
        Arrays.fill(data, (byte) 0);
        return encoded;
    }

    static byte[] decode(int versionByte, String strKey) {
        if (strKey.length() != 56) {
            throw new IllegalArgumentException("not a Stellar key (expected 56 characters, found " + strKey.length() + ")");
        }
        byte[] data = unbase32(strKey);
        if ((data[0] & 0xff) != versionByte) {
            throw new IllegalArgumentException("not a secret seed (S...): it starts with '" + strKey.charAt(0) + "'");
        }
        int crc = crc16XModem(data, 0, data.length - 2);
        int stored = (data[data.length - 2] & 0xff) | (data[data.length - 1] & 0xff) << 8;
        if (crc != stored) {
            throw new IllegalArgumentException("checksum mismatch: the key is mistyped or truncated");
        }
        byte[] payload = Arrays.copyOfRange(data, 1, data.length - 2);
        Arrays.fill(data, (byte) 0);
        return payload;
    }

    static int crc16XModem(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = BASE32.indexOf(text.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a Stellar key: character '" + text.charAt(i) + "' is not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("not a Stellar key: non-canonical base32 padding bits");
        }
        return out;
    }

    private static void selfTest() {
        byte[] seed = decode(VERSION_SEED, TEST_SEED);
        check(encode(VERSION_SEED, seed).equals(TEST_SEED), "seed StrKey round trip");
        String account = encode(VERSION_ACCOUNT_ID, publicKey(seed));
        check(account.equals(TEST_ACCOUNT), "public key of the test seed: expected " + TEST_ACCOUNT + ", got " + account);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String freshSeed = encode(VERSION_SEED, fresh);
        check(freshSeed.startsWith("S") && Arrays.equals(decode(VERSION_SEED, freshSeed), fresh), "fresh seed round trip");
        check(encode(VERSION_ACCOUNT_ID, publicKey(fresh)).startsWith("G"), "fresh account id starts with G");
        try {
            decode(VERSION_SEED, TEST_SEED.substring(0, 55) + (TEST_SEED.charAt(55) == 'A' ? 'B' : 'A'));
            check(false, "a corrupted seed is rejected");
        } catch (IllegalArgumentException expected) {
            // the checksum (or padding) catches it
        }
        System.out.println("NodeKey self-test passed: " + TEST_SEED.substring(0, 4) + "... -> " + TEST_ACCOUNT);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("self-test failed: " + what);
        }
    }
}
