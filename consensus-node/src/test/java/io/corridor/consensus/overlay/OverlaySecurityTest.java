package io.corridor.consensus.overlay;

import static io.corridor.consensus.overlay.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real overlay against a hand-driven client ({@link RawPeer}) that breaks the protocol: forged, replayed
 * or slow handshakes, tampered, oversize and unknown frames, and a peer that stops reading.
 */
class OverlaySecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int FRAME_BYTES_MAX = 64 * 1024;

    private final byte[] networkId = OverlayConfig.networkId(TestNode.PASSPHRASE);
    private TestNode server;
    private LogCapture log;

    @BeforeEach
    void startServer() throws Exception {
        log = new LogCapture();
        server = TestNode.start(TestNode.config(TestNode.newKey(), TestNode.PASSPHRASE, List.of(), Set.of())
                .withLimits(TestNode.LIMITS.withFrameBytesMax(FRAME_BYTES_MAX).withHandshakeTimeoutMs(500)));
    }

    @AfterEach
    void stopServer() {
        server.close();
        log.close();
        assertThat(OverlayThreads.alive()).isEmpty();
    }

    @Test
    void a_tampered_frame_closes_the_connection_naming_the_peer_and_reason() throws Exception {
        NodeKey client = TestNode.newKey();
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            Handshake.Session session = raw.handshake(client, networkId);
            await(WAIT, "authenticated", () -> server.overlay.isConnected(client.accountId()));
            byte[] frame = raw.capture(() -> session.channel().write(MessageKind.SCP_MESSAGE.code(), new byte[32]));
            frame[frame.length - 20] ^= 0x40;
            raw.writeRaw(frame);

            assertThat(raw.closedByPeer(2_000)).isTrue();
        }
        await(WAIT, "logged", () -> log.has(DisconnectReason.DECRYPT_FAILED.text(), client.accountId()));
        assertThat(server.received).isEmpty();
        await(WAIT, "unregistered", () -> !server.overlay.isConnected(client.accountId()));
    }

    @Test
    void a_valid_frame_is_delivered_so_the_raw_client_is_sound() throws Exception {
        NodeKey client = TestNode.newKey();
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            Handshake.Session session = raw.handshake(client, networkId);
            session.channel().write(MessageKind.SCP_MESSAGE.code(), new byte[] {1, 2});

            await(WAIT, "delivered", () -> server.received(MessageKind.SCP_MESSAGE, new byte[] {1, 2}) == 1);
            assertThat(session.peerKey()).isEqualTo(server.id());
        }
    }

    @Test
    void an_oversize_frame_is_refused() throws Exception {
        NodeKey client = TestNode.newKey();
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            raw.handshake(client, networkId);
            raw.writeRaw(ByteBuffer.allocate(4).putInt(FRAME_BYTES_MAX + 1_000).array());

            assertThat(raw.closedByPeer(2_000)).isTrue();
        }
        await(WAIT, "logged", () -> log.has(DisconnectReason.FRAME_TOO_LARGE.text(), client.accountId()));
    }

    @Test
    void an_unknown_kind_closes_the_connection() throws Exception {
        NodeKey client = TestNode.newKey();
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            Handshake.Session session = raw.handshake(client, networkId);
            session.channel().write(99, new byte[] {1});

            assertThat(raw.closedByPeer(2_000)).isTrue();
        }
        await(WAIT, "logged", () -> log.has(DisconnectReason.UNKNOWN_KIND.text(), "code 99", client.accountId()));
    }

    @Test
    void a_hello_signed_by_a_different_key_is_refused() throws Exception {
        NodeKey claimed = TestNode.newKey();
        NodeKey signer = TestNode.newKey();
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            Hello signed = Hello.signed(Hello.Role.INITIATOR, signer, networkId, ephemeralKey(), random(32), 0, null);
            Hello forged = new Hello(signed.version(), networkId, claimed.publicKey(), signed.ephemeralKey(),
                    signed.nonce(), 0, signed.signature());
            Handshake.writeMessage(raw.out, Handshake.TYPE_HELLO, forged.encode());

            byte[] answer = raw.readHandshakeMessage();
            assertThat(answer[0]).isEqualTo((byte) Handshake.TYPE_ERROR);
            PeerError error = PeerError.decode(Arrays.copyOfRange(answer, 1, answer.length));
            assertThat(error.code()).isEqualTo(DisconnectReason.BAD_SIGNATURE.code());
            assertThat(raw.closedByPeer(2_000)).isTrue();
        }
        assertThat(server.overlay.isConnected(claimed.accountId())).isFalse();
        await(WAIT, "logged", () -> log.has(DisconnectReason.BAD_SIGNATURE.text(), claimed.accountId()));
    }

    @Test
    void a_replayed_hello_fails_key_confirmation() throws Exception {
        NodeKey victim = TestNode.newKey();
        byte[] recorded;
        byte[] recordedReady;
        byte[] hello = Hello.signed(Hello.Role.INITIATOR, victim, networkId, ephemeralKey(), random(32), 0, null)
                .encode();
        try (RawPeer original = new RawPeer(server.overlay.listeningPort())) {
            recorded = original.capture(() -> Handshake.writeMessage(original.out, Handshake.TYPE_HELLO, hello));
            original.writeRaw(recorded);
            original.readHandshakeMessage();
            // The replayer has no ephemeral secret, so any READY it sends is bytes it cannot make valid.
            recordedReady = new byte[4 + 1 + 16];
        }
        try (RawPeer replayer = new RawPeer(server.overlay.listeningPort())) {
            replayer.writeRaw(recorded);
            byte[] answer = replayer.readHandshakeMessage();
            assertThat(answer[0]).isEqualTo((byte) Handshake.TYPE_HELLO);
            ByteBuffer.wrap(recordedReady).putInt(1 + 16);
            replayer.writeRaw(recordedReady);

            assertThat(replayer.closedByPeer(2_000)).isTrue();
        }
        assertThat(server.overlay.isConnected(victim.accountId())).isFalse();
        await(WAIT, "logged", () -> log.has(DisconnectReason.DECRYPT_FAILED.text()));
    }

    @Test
    void a_silent_client_is_dropped_at_the_handshake_deadline() throws Exception {
        try (RawPeer raw = new RawPeer(server.overlay.listeningPort())) {
            assertThat(raw.closedByPeer(3_000)).isTrue();
        }
        await(WAIT, "logged", () -> log.has(DisconnectReason.HANDSHAKE_TIMEOUT.text(), "unauthenticated peer"));
    }

    @Test
    void a_peer_that_stops_reading_is_disconnected_as_too_slow() throws Exception {
        OverlayLimits tight = new OverlayLimits(FRAME_BYTES_MAX, 4, FRAME_BYTES_MAX * 4L, 1_000, 8, 2_000, 1_000,
                60_000, 0, 50, 400);
        try (TestNode sender = TestNode.start(new OverlayConfig(TestNode.newKey(), networkId, "127.0.0.1", 0,
                List.of(), Set.of(), tight, Clock.systemUTC(), new Random(1), new SecureRandom()));
             RawPeer sleeper = new RawPeer(sender.overlay.listeningPort())) {
            NodeKey client = TestNode.newKey();
            sleeper.handshake(client, networkId);
            await(WAIT, "authenticated", () -> sender.overlay.isConnected(client.accountId()));

            byte[] big = new byte[FRAME_BYTES_MAX];
            int sent = 0;
            while (sender.overlay.isConnected(client.accountId()) && sent < 10_000) {
                sender.overlay.send(client.accountId(), MessageKind.TX_SET, big);
                sent++;
            }

            assertThat(sender.overlay.isConnected(client.accountId())).isFalse();
            await(WAIT, "logged", () -> log.has(DisconnectReason.SLOW_PEER.text(), client.accountId()));
        }
    }

    private static byte[] ephemeralKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
        generator.initialize(NamedParameterSpec.X25519);
        return Handshake.rawX25519(generator.generateKeyPair().getPublic());
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
