package io.corridor.consensus.overlay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HELLO each side sends in clear text. Body layout (all big-endian, 196 bytes):
 * {@code u16 version ‖ networkId[32] ‖ nodeKey[32] ‖ ephemeralKey[32] ‖ nonce[32] ‖ u16 listenPort ‖
 * signature[64]}. The signature is the node key's Ed25519 signature of {@link #transcript}, which is
 * domain-separated, names the sender's role, and for the responder also covers the initiator's node key,
 * ephemeral key and nonce, so a recorded responder HELLO cannot answer a new initiator.
 */
record Hello(int version, byte[] networkId, byte[] nodeKey, byte[] ephemeralKey, byte[] nonce, int listenPort,
             byte[] signature) {

    static final int FIELD_BYTES = 32;
    static final int BODY_BYTES = 2 + 4 * FIELD_BYTES + 2 + NodeKey.SIGNATURE_BYTES;
    private static final byte[] DOMAIN = "corridor-overlay-hello-v1".getBytes(StandardCharsets.US_ASCII);

    /** Which side of the handshake a HELLO comes from; part of the signed transcript. */
    enum Role {
        INITIATOR(1), RESPONDER(2);

        final int code;

        Role(int code) {
            this.code = code;
        }
    }

    /** A signed HELLO; {@code initiatorHello} is null for the initiator and the received HELLO for the responder. */
    static Hello signed(Role role, NodeKey key, byte[] networkId, byte[] ephemeralKey, byte[] nonce, int listenPort,
                        Hello initiatorHello) {
        byte[] publicKey = key.publicKey();
        byte[] signature = key.sign(transcript(role, Handshake.VERSION, networkId, publicKey, ephemeralKey, nonce,
                listenPort, initiatorHello));
        return new Hello(Handshake.VERSION, networkId, publicKey, ephemeralKey, nonce, listenPort, signature);
    }

    /** Whether the signature is the sender's, for a HELLO sent in {@code role}. */
    boolean verify(Role role, Hello initiatorHello) {
        return NodeKey.verify(nodeKey, transcript(role, version, networkId, nodeKey, ephemeralKey, nonce, listenPort,
                initiatorHello), signature);
    }

    static byte[] transcript(Role role, int version, byte[] networkId, byte[] nodeKey, byte[] ephemeralKey,
                             byte[] nonce, int listenPort, Hello initiatorHello) {
        int peerBytes = initiatorHello == null ? 0 : 3 * FIELD_BYTES;
        ByteBuffer buffer = ByteBuffer.allocate(DOMAIN.length + 1 + 2 + 4 * FIELD_BYTES + 2 + peerBytes);
        buffer.put(DOMAIN).put((byte) role.code).putShort((short) version).put(networkId).put(nodeKey)
                .put(ephemeralKey).put(nonce).putShort((short) listenPort);
        if (initiatorHello != null) {
            buffer.put(initiatorHello.nodeKey).put(initiatorHello.ephemeralKey).put(initiatorHello.nonce);
        }
        return buffer.array();
    }

    byte[] encode() {
        return ByteBuffer.allocate(BODY_BYTES).putShort((short) version).put(networkId).put(nodeKey).put(ephemeralKey)
                .put(nonce).putShort((short) listenPort).put(signature).array();
    }

    static Hello decode(byte[] body) throws ProtocolViolation {
        if (body.length != BODY_BYTES) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED, "HELLO of " + body.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        int version = Short.toUnsignedInt(buffer.getShort());
        byte[] networkId = take(buffer, FIELD_BYTES);
        byte[] nodeKey = take(buffer, FIELD_BYTES);
        byte[] ephemeralKey = take(buffer, FIELD_BYTES);
        byte[] nonce = take(buffer, FIELD_BYTES);
        int listenPort = Short.toUnsignedInt(buffer.getShort());
        byte[] signature = take(buffer, NodeKey.SIGNATURE_BYTES);
        return new Hello(version, networkId, nodeKey, ephemeralKey, nonce, listenPort, signature);
    }

    private static byte[] take(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
