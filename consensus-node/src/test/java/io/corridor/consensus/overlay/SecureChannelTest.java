package io.corridor.consensus.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frames: round trip, counter nonces, and every way a frame is refused. */
class SecureChannelTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void frames_round_trip_in_order() throws Exception {
        byte[] wire = write(1024, new int[] {2, 1}, new byte[] {1, 2, 3}, new byte[0]);

        SecureChannel reader = reader(wire, 1024);
        SecureChannel.Frame first = reader.read();
        SecureChannel.Frame second = reader.read();

        assertThat(first.code()).isEqualTo(2);
        assertThat(first.payload()).containsExactly(1, 2, 3);
        assertThat(first.wireBytes()).isEqualTo(4 + 1 + 3 + 16);
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.payload()).isEmpty();
    }

    @Test
    void the_same_plaintext_encrypts_differently_per_frame() throws Exception {
        byte[] wire = write(1024, new int[] {1, 1}, new byte[] {9}, new byte[] {9});
        int frame = wire.length / 2;

        assertThat(Arrays.copyOfRange(wire, 4, frame)).isNotEqualTo(Arrays.copyOfRange(wire, frame + 4, wire.length));
    }

    @Test
    void a_flipped_bit_fails_authentication() throws Exception {
        byte[] wire = write(1024, new int[] {1}, new byte[] {1, 2, 3});
        wire[6] ^= 0x01;

        assertThatThrownBy(() -> reader(wire, 1024).read()).isInstanceOf(ProtocolViolation.class)
                .extracting(e -> ((ProtocolViolation) e).reason()).isEqualTo(DisconnectReason.DECRYPT_FAILED);
    }

    @Test
    void a_replayed_or_reordered_frame_fails_authentication() throws Exception {
        byte[] wire = write(1024, new int[] {1}, new byte[] {1});
        byte[] twice = ByteBuffer.allocate(wire.length * 2).put(wire).put(wire).array();
        SecureChannel reader = reader(twice, 1024);
        reader.read();

        assertThatThrownBy(reader::read).isInstanceOf(ProtocolViolation.class)
                .extracting(e -> ((ProtocolViolation) e).reason()).isEqualTo(DisconnectReason.DECRYPT_FAILED);
    }

    @Test
    void an_oversize_length_is_refused_before_reading_the_body() {
        byte[] header = ByteBuffer.allocate(4).putInt(1024 + 1 + 16 + 1).array();

        assertThatThrownBy(() -> reader(header, 1024).read()).isInstanceOf(ProtocolViolation.class)
                .extracting(e -> ((ProtocolViolation) e).reason()).isEqualTo(DisconnectReason.FRAME_TOO_LARGE);
    }

    private static byte[] write(int max, int[] codes, byte[]... payloads) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SecureChannel writer = new SecureChannel(null, new DataOutputStream(bytes), FrameCipher.forSending(KEY),
                null, max);
        for (int i = 0; i < payloads.length; i++) {
            writer.write(codes[i], payloads[i]);
        }
        return bytes.toByteArray();
    }

    private static SecureChannel reader(byte[] wire, int max) {
        return new SecureChannel(new DataInputStream(new ByteArrayInputStream(wire)), null, null,
                FrameCipher.forReceiving(KEY), max);
    }
}
