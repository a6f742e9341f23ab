package io.corridor.consensus.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.StrKey;

/** Node keys: RFC 8032 Ed25519 vectors through the JDK, and Stellar's strkey encodings. */
class NodeKeyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc8032_test_1_public_key_and_signature() {
        NodeKey key = NodeKey.fromRawSeed(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(HEX.formatHex(key.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974"
                + "d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void strkeys_round_trip() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        NodeKey key = NodeKey.fromRawSeed(seed);
        NodeKey fromSecret = NodeKey.fromSecretSeed(new String(StrKey.encodeEd25519SecretSeed(seed)));

        assertThat(key.accountId()).startsWith("G").isEqualTo(fromSecret.accountId());
        assertThat(key.accountId()).isEqualTo(StrKey.encodeEd25519PublicKey(key.publicKey()));
        assertThat(NodeKey.decodeAccountId(key.accountId())).isEqualTo(key.publicKey());
        assertThat(key.toString()).doesNotContain(new String(StrKey.encodeEd25519SecretSeed(seed)));
        assertThatThrownBy(() -> NodeKey.decodeAccountId("GNOTAKEY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_rejects_other_keys_and_altered_messages() {
        SecureRandom random = new SecureRandom();
        NodeKey key = NodeKey.random(random);
        NodeKey other = NodeKey.random(random);
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);

        assertThat(NodeKey.verify(key.publicKey(), message, signature)).isTrue();
        assertThat(NodeKey.verify(other.publicKey(), message, signature)).isFalse();
        assertThat(NodeKey.verify(key.publicKey(), "hellO".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(NodeKey.verify(key.publicKey(), message, new byte[3])).isFalse();
    }
}
