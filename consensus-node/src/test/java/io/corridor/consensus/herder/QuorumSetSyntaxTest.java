package io.corridor.consensus.herder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.consensus.overlay.NodeKey;
import io.corridor.consensus.scp.QuorumSets;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.SCPQuorumSet;

/** {@code corridor.quorum.set}: nested sets read and written back, and errors that say where. */
class QuorumSetSyntaxTest {
    private static final List<String> KEYS = keys(9);

    private static List<String> keys(int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) (i + 1);
            keys.add(NodeKey.fromRawSeed(seed).accountId());
        }
        return keys;
    }

    private static String orgs() {
        return "2(2(" + KEYS.get(0) + "," + KEYS.get(1) + "," + KEYS.get(2) + "), 2(" + KEYS.get(3) + ", " + KEYS.get(4)
                + "," + KEYS.get(5) + "),\n 2(" + KEYS.get(6) + "," + KEYS.get(7) + "," + KEYS.get(8) + "))";
    }

    @Test
    void anOrganisationBasedSetReadsAndFormatsBack() {
        SCPQuorumSet set = QuorumSetSyntax.parse(orgs());
        assertThat(set.getThreshold().getUint32().getNumber()).isEqualTo(2);
        assertThat(set.getValidators()).isEmpty();
        assertThat(set.getInnerSets()).hasSize(3);
        assertThat(QuorumSets.allNodes(set)).hasSize(9);
        String formatted = QuorumSetSyntax.format(set);
        assertThat(QuorumSetSyntax.parse(formatted)).isEqualTo(set);
        assertThat(QuorumChangeGuard.check(KEYS.get(0), set, null)).isEmpty();
    }

    @Test
    void aFlatSetWithValidatorsAndAnInnerSet() {
        SCPQuorumSet set = QuorumSetSyntax.parse("2(" + KEYS.get(0) + "," + KEYS.get(1) + ",1(" + KEYS.get(2) + "))");
        assertThat(set.getValidators()).hasSize(2);
        assertThat(set.getInnerSets()).hasSize(1);
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertThatThrownBy(() -> QuorumSetSyntax.parse("(" + KEYS.get(0) + ")"))
                .hasMessageContaining("threshold").hasMessageContaining("character 1");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("1(GNOTAKEY)")).hasMessageContaining("GNOTAKEY");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("1(" + KEYS.get(0))).hasMessageContaining("')'")
                .hasMessageContaining("the end");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("1(" + KEYS.get(0) + ") x")).hasMessageContaining("end of the quorum set");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("3(" + KEYS.get(0) + "," + KEYS.get(1) + ")"))
                .hasMessageContaining("not sane").hasMessageContaining("THRESHOLD_EXCEEDS_ENTRIES");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("1(" + KEYS.get(0) + "," + KEYS.get(0) + ")"))
                .hasMessageContaining("DUPLICATE_NODE");
        assertThatThrownBy(() -> QuorumSetSyntax.parse("1(1(1(1(1(1(" + KEYS.get(0) + "))))))"))
                .hasMessageContaining("nesting");
    }
}
