package io.corridor.consensus.overlay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * The overlay handshake, run by the connection's reader thread under a deadline.
 *
 * <ol>
 *   <li>The initiator (dialler) sends its HELLO: version, network id, node key, a fresh X25519 ephemeral key,
 *       a 32-byte random nonce, its listening port and its signature ({@link Hello}).</li>
 *   <li>The responder checks, in this order: version, network id ("peer is on another network"), signature,
 *       not its own key, key allowed. On failure it sends an ERROR with the {@link DisconnectReason} and
 *       closes. Otherwise it answers with its own HELLO, whose signature also covers the initiator's node key,
 *       ephemeral key and nonce.</li>
 *   <li>The initiator runs the same checks on the answer (the signature against its own HELLO).</li>
 *   <li>Both derive the session keys: {@code HKDF-SHA256(salt = nonceI ‖ nonceR, ikm = X25519(ephemeral
 *       secrets), info = "corridor-overlay-keys-v1" ‖ networkId ‖ nodeKeyI ‖ nodeKeyR ‖ ephI ‖ ephR)}, 64
 *       bytes: the first 32 encrypt initiator-to-responder frames, the last 32 responder-to-initiator.</li>
 *   <li>Each sends an encrypted READY and requires the peer's first encrypted frame to be READY: key
 *       confirmation, so a replayed initiator HELLO (whose signature cannot cover the responder's nonce) fails
 *       here, as the replayer has no ephemeral secret.</li>
 * </ol>
 *
 * Clear-text messages are {@code u32 length ‖ u8 type ‖ body}, at most {@link #MESSAGE_BYTES_MAX} bytes,
 * type {@link #TYPE_HELLO} or {@link #TYPE_ERROR} ({@link PeerError} body).
 */
final class Handshake {
    static final int VERSION = 1;
    static final int MESSAGE_BYTES_MAX = 1024;
    static final int TYPE_HELLO = 1;
    static final int TYPE_ERROR = 2;
    private static final byte[] KEY_INFO = "corridor-overlay-keys-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] X25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

    private final NodeKey nodeKey;
    private final byte[] networkId;
    private final int listenPort;
    private final Set<String> allowedPeers;
    private final SecureRandom random;
    private final int frameBytesMax;

    /** What a completed handshake yields. */
    record Session(byte[] peerPublicKey, String peerKey, int peerListenPort, SecureChannel channel) {
    }

    Handshake(NodeKey nodeKey, byte[] networkId, int listenPort, Set<String> allowedPeers, SecureRandom random,
              int frameBytesMax) {
        this.nodeKey = nodeKey;
        this.networkId = networkId.clone();
        this.listenPort = listenPort;
        this.allowedPeers = Set.copyOf(allowedPeers);
        this.random = random;
        this.frameBytesMax = frameBytesMax;
    }

    /** The dialler's side. */
    Session initiate(DataInputStream in, DataOutputStream out) throws IOException, ProtocolViolation {
        KeyPair ephemeral = ephemeralKeyPair();
        Hello mine = Hello.signed(Hello.Role.INITIATOR, nodeKey, networkId, rawX25519(ephemeral.getPublic()),
                nonce(), listenPort, null);
        writeMessage(out, TYPE_HELLO, mine.encode());
        Hello theirs = readHello(in);
        check(out, theirs, Hello.Role.RESPONDER, mine);
        return confirm(in, out, ephemeral, mine, theirs, mine, theirs);
    }

    /** The acceptor's side. */
    Session respond(DataInputStream in, DataOutputStream out) throws IOException, ProtocolViolation {
        Hello theirs = readHello(in);
        check(out, theirs, Hello.Role.INITIATOR, null);
        KeyPair ephemeral = ephemeralKeyPair();
        Hello mine = Hello.signed(Hello.Role.RESPONDER, nodeKey, networkId, rawX25519(ephemeral.getPublic()),
                nonce(), listenPort, theirs);
        writeMessage(out, TYPE_HELLO, mine.encode());
        return confirm(in, out, ephemeral, mine, theirs, theirs, mine);
    }

    /** Sends a clear-text ERROR; used before the session keys exist. */
    static void sendError(DataOutputStream out, PeerError error) throws IOException {
        writeMessage(out, TYPE_ERROR, error.encode());
    }

    private void check(DataOutputStream out, Hello hello, Hello.Role role, Hello initiatorHello)
            throws IOException, ProtocolViolation {
        DisconnectReason refusal = null;
        if (hello.version() != VERSION) {
            refusal = DisconnectReason.PROTOCOL_VERSION;
        } else if (!MessageDigest.isEqual(hello.networkId(), networkId)) {
            refusal = DisconnectReason.WRONG_NETWORK;
        } else if (!hello.verify(role, initiatorHello)) {
            refusal = DisconnectReason.BAD_SIGNATURE;
        } else if (Arrays.equals(hello.nodeKey(), nodeKey.publicKey())) {
            refusal = DisconnectReason.SELF;
        } else if (!allowedPeers.isEmpty() && !allowedPeers.contains(NodeKey.accountId(hello.nodeKey()))) {
            refusal = DisconnectReason.NOT_ALLOWED;
        }
        if (refusal != null) {
            sendError(out, PeerError.of(refusal));
            throw new ProtocolViolation(refusal, "HELLO from " + NodeKey.accountId(hello.nodeKey()));
        }
    }

    private Session confirm(DataInputStream in, DataOutputStream out, KeyPair ephemeral, Hello mine, Hello theirs,
                            Hello initiator, Hello responder) throws IOException, ProtocolViolation {
        byte[] shared = agree(ephemeral, theirs.ephemeralKey());
        byte[] salt = concat(initiator.nonce(), responder.nonce());
        byte[] info = concat(KEY_INFO, networkId, initiator.nodeKey(), responder.nodeKey(), initiator.ephemeralKey(),
                responder.ephemeralKey());
        byte[] keys = Hkdf.derive(salt, shared, info, 2 * FrameCipher.KEY_BYTES);
        Arrays.fill(shared, (byte) 0);
        byte[] initiatorToResponder = Arrays.copyOfRange(keys, 0, FrameCipher.KEY_BYTES);
        byte[] responderToInitiator = Arrays.copyOfRange(keys, FrameCipher.KEY_BYTES, keys.length);
        Arrays.fill(keys, (byte) 0);
        boolean initiating = mine == initiator;
        SecureChannel channel = new SecureChannel(in, out,
                FrameCipher.forSending(initiating ? initiatorToResponder : responderToInitiator),
                FrameCipher.forReceiving(initiating ? responderToInitiator : initiatorToResponder), frameBytesMax);
        channel.write(SecureChannel.READY, new byte[0]);
        SecureChannel.Frame first = channel.read();
        if (first.code() == SecureChannel.ERROR) {
            throw PeerError.decode(first.payload()).asViolation();
        }
        if (first.code() != SecureChannel.READY || first.payload().length != 0) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "expected READY, got code " + first.code());
        }
        return new Session(theirs.nodeKey(), NodeKey.accountId(theirs.nodeKey()), theirs.listenPort(), channel);
    }

    private static Hello readHello(DataInputStream in) throws IOException, ProtocolViolation {
        int length = in.readInt();
        if (length < 1 || length > MESSAGE_BYTES_MAX) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "handshake message length " + length);
        }
        byte[] message = new byte[length];
        in.readFully(message);
        byte[] body = Arrays.copyOfRange(message, 1, message.length);
        return switch (message[0]) {
            case TYPE_HELLO -> Hello.decode(body);
            case TYPE_ERROR -> throw PeerError.decode(body).asViolation();
            default -> throw new ProtocolViolation(DisconnectReason.MALFORMED, "handshake type " + message[0]);
        };
    }

    static void writeMessage(DataOutputStream out, int type, byte[] body) throws IOException {
        out.writeInt(1 + body.length);
        out.writeByte(type);
        out.write(body);
        out.flush();
    }

    private byte[] nonce() {
        byte[] nonce = new byte[Hello.FIELD_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private KeyPair ephemeralKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(NamedParameterSpec.X25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    static byte[] rawX25519(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - Hello.FIELD_BYTES, encoded.length);
    }

    private static byte[] agree(KeyPair ephemeral, byte[] peerRaw) throws ProtocolViolation {
        try {
            PublicKey peer = KeyFactory.getInstance("XDH")
                    .generatePublic(new X509EncodedKeySpec(concat(X25519_X509_PREFIX, peerRaw)));
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(peer, true);
            byte[] shared = agreement.generateSecret();
            if (MessageDigest.isEqual(shared, new byte[shared.length])) {
                throw new ProtocolViolation(DisconnectReason.MALFORMED, "low-order ephemeral key");
            }
            return shared;
        } catch (GeneralSecurityException e) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "bad ephemeral key: " + e.getMessage());
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }
}
