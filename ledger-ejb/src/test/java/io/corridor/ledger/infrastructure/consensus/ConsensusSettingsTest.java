package io.corridor.ledger.infrastructure.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;

/** The validator's settings from {@code corridor.properties}: defaults, the 67 % threshold, and errors naming the key. */
class ConsensusSettingsTest {
    private static final String A = KeyPair.fromSecretSeed(new byte[32]).getAccountId();
    private static final String B = KeyPair.fromSecretSeed(filled(1)).getAccountId();
    private static final String C = KeyPair.fromSecretSeed(filled(2)).getAccountId();
    private static final String D = KeyPair.fromSecretSeed(filled(3)).getAccountId();

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) value);
        return seed;
    }

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void aNodeWithoutOtherValidatorsIsAStandaloneNetwork() {
        ConsensusSettings s = ConsensusSettings.fromProperties(props(), A);
        assertThat(s.networked()).isFalse();
        assertThat(s.validators()).containsExactly(A);
        assertThat(s.threshold()).isEqualTo(1);
        assertThat(s.peerPort()).isEqualTo(ConsensusSettings.PEER_PORT_DEFAULT);
    }

    @Test
    void aNodeWithoutAKeyOrValidatorsIsStandaloneButAValidatorNeedsItsKey() {
        assertThat(ConsensusSettings.fromProperties(props(), null).networked()).isFalse();
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.validators", A + "," + B), null))
                .hasMessageContaining("corridor.node.seed.file");
    }

    @Test
    void fourValidatorsDefaultToStellarCoresSixtySevenPercent() {
        ConsensusSettings s = ConsensusSettings.fromProperties(props(
                "corridor.quorum.validators", A + "," + B + ", " + C + "," + D,
                "corridor.peers", "127.0.0.1:11725, node3.bank.example:11825",
                "corridor.peer.port", "11625"), A);
        assertThat(s.networked()).isTrue();
        assertThat(s.threshold()).isEqualTo(3);
        assertThat(s.peers()).hasSize(2);
        assertThat(s.peers().get(1).getHostString()).isEqualTo("node3.bank.example");
        assertThat(s.peers().get(1).getPort()).isEqualTo(11825);
        assertThat(s.bindHost()).isEqualTo("0.0.0.0");
        assertThat(s.force()).isFalse();
        assertThat(ConsensusNode.quorumSet(s).getValidators()).hasSize(4);
    }

    @Test
    void aNestedQuorumSetNamesTheValidatorsAndOverridesTheFlatOne() {
        ConsensusSettings s = ConsensusSettings.fromProperties(props(
                "corridor.quorum.validators", A + "," + B,
                "corridor.quorum.set", "2(1(" + A + "," + B + "), 1(" + C + "," + D + "))"), A);
        assertThat(s.networked()).isTrue();
        assertThat(s.validators()).containsExactlyInAnyOrder(A, B, C, D);
        assertThat(s.threshold()).isEqualTo(2);
        assertThat(s.quorumSet().getInnerSets()).hasSize(2);
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.set", "2(" + B + "," + C + ")"), A))
                .hasMessageContaining("must include this node");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.set", "2(" + A + ")"), A))
                .hasMessageContaining("corridor.quorum.set").hasMessageContaining("not sane");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.validators", A + ",GNOTAKEY"), A))
                .hasMessageContaining("corridor.quorum.validators").hasMessageContaining("GNOTAKEY");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.validators", B + "," + C), A))
                .hasMessageContaining("must include this node");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.validators", A + "," + A), A))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.quorum.validators", A + "," + B,
                "corridor.quorum.threshold", "3"), A)).hasMessageContaining("corridor.quorum.threshold");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.peers", "localhost"), A))
                .hasMessageContaining("corridor.peers").hasMessageContaining("host:port");
        assertThatThrownBy(() -> ConsensusSettings.fromProperties(props("corridor.peer.port", "70000"), A))
                .hasMessageContaining("corridor.peer.port");
    }
}
