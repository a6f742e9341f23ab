package io.corridor.consensus.fbas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model: quorum set sanity rules, the builder, and the stellarbeat format. */
class FbasModelTest {

    @Test
    void sane_quorum_sets_have_no_problems() {
        QuorumSet set = QuorumSet.of(2, List.of("a", "b"), List.of(QuorumSet.of(1, "c", "d")));

        assertThat(set.problems()).isEmpty();
        assertThat(set.allValidators()).containsExactly("a", "b", "c", "d");
        assertThat(set.memberCount()).isEqualTo(3);
    }

    @Test
    void insane_quorum_sets_are_reported_like_stellar_core_rejects_them() {
        assertThat(QuorumSet.of(0, "a").problems()).containsExactly("threshold 0 is outside 1..1");
        assertThat(QuorumSet.of(3, "a", "b").problems()).containsExactly("threshold 3 is outside 1..2");
        assertThat(QuorumSet.of(1, List.of("a"), List.of(QuorumSet.of(1, "a"))).problems())
                .containsExactly("validator a appears more than once");
        assertThat(QuorumSet.of(1).problems()).containsExactly("threshold 1 is outside 1..0", "no validators");
        QuorumSet deep = QuorumSet.of(1, "z");
        for (int depth = 0; depth < 5; depth++) {
            deep = QuorumSet.of(1, List.of("v" + depth), List.of(deep));
        }
        assertThat(deep.problems()).containsExactly("nesting depth 5 exceeds 4 (inner set 1.1.1.1.1)");
        String[] many = new String[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = "n" + i;
        }
        assertThat(QuorumSet.of(1, many).problems()).containsExactly("1001 validators, more than the limit of 1000");
    }

    @Test
    void quorum_sets_reject_what_cannot_be_represented() {
        assertThatThrownBy(() -> QuorumSet.of(-1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuorumSet.of(1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuorumSet.includingSelf("a", QuorumSet.of(1, "a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fbas.builder().node("a", QuorumSet.of(1, "a")).node("a", QuorumSet.of(1, "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_adds_named_validators_and_reports_insane_quorum_sets() {
        Fbas fbas = Fbas.builder()
                .node("a", QuorumSet.of(2, "a", "b", "x"))
                .node("b", QuorumSet.of(0, "a"))
                .nodeWithoutQuorumSet("c")
                .build();

        assertThat(fbas.nodeIds()).containsExactly("a", "b", "c", "x");
        assertThat(fbas.effectiveQuorumSet("a")).isPresent();
        assertThat(fbas.effectiveQuorumSet("b")).isEmpty();
        assertThat(fbas.nodesWithoutSlices()).containsExactly("b", "c", "x");
        assertThat(fbas.problems()).containsExactly(
                "node b: quorum set ignored, the node has no slices: threshold 0 is outside 1..1",
                "node x: named in 1 quorum set but not described, so it has no quorum set");
    }

    @Test
    void reads_stellarbeat_nodes_with_optional_fields() {
        String json = """
                [
                  {"publicKey": "A", "name": "Alpha", "active": true,
                   "quorumSet": {"hashKey": "h", "threshold": 2, "validators": ["A", "B"],
                                 "innerQuorumSets": [{"threshold": 1, "validators": ["C"]}]}},
                  {"publicKey": "B", "quorumSet": {"threshold": 9007199254740991, "validators": [],
                                                   "innerQuorumSets": []}},
                  {"publicKey": "C", "quorumSet": null, "name": null},
                  {"publicKey": "D"}
                ]""";

        Fbas fbas = Fbas.fromStellarbeatJson(json).value();

        assertThat(fbas.nodeIds()).containsExactly("A", "B", "C", "D");
        assertThat(fbas.node("A").orElseThrow().name()).contains("Alpha");
        assertThat(fbas.node("A").orElseThrow().quorumSet()).contains(
                QuorumSet.of(2, List.of("A", "B"), List.of(QuorumSet.of(1, "C"))));
        // stellarbeat's empty placeholder means the quorum set is unknown.
        assertThat(fbas.node("B").orElseThrow().quorumSet()).isEmpty();
        assertThat(fbas.node("C").orElseThrow()).isEqualTo(new FbasNode("C", Optional.empty(), Optional.empty()));
        assertThat(fbas.problems()).isEmpty();
    }

    @Test
    void rejects_input_that_is_not_in_the_stellarbeat_format_with_positions() {
        assertFormatError("{}", InputErrorCode.FORMAT, 1, 1, "expected an array of nodes, found an object");
        assertFormatError("[1]", InputErrorCode.FORMAT, 1, 2, "expected a node object, found a number");
        assertFormatError("[{\"name\": \"x\"}]", InputErrorCode.FORMAT, 1, 2, "node object without \"publicKey\"");
        assertFormatError("[{\"publicKey\": 7}]", InputErrorCode.FORMAT, 1, 16,
                "\"publicKey\" must be a string, found a number");
        assertFormatError("[\n {\"publicKey\": \"A\",\n  \"quorumSet\": {\"threshold\": \"2\", \"validators\": []}}]",
                InputErrorCode.FORMAT, 3, 30, "quorumSet.threshold must be a non-negative integer, found a string");
        assertFormatError("[{\"publicKey\": \"A\", \"quorumSet\": {\"threshold\": 1.5}}]", InputErrorCode.FORMAT, 1,
                48, "quorumSet.threshold must be a non-negative integer, found 1.5");
        assertFormatError("[{\"publicKey\": \"A\", \"quorumSet\": {\"threshold\": 1, \"validators\": [\"B\", 3]}}]",
                InputErrorCode.FORMAT, 1, 71,
                "validators must be public keys (non-empty strings of at most 256 characters), found a number");
        assertFormatError("[{\"publicKey\": \"A\", \"quorumSet\": {\"threshold\": 1, \"innerQuorumSets\": [5]}}]",
                InputErrorCode.FORMAT, 1, 71, "quorumSet.innerQuorumSets[0] must be an object, found a number");
        assertFormatError("[{\"publicKey\": \"A\"},\n {\"publicKey\": \"A\"}]", InputErrorCode.DUPLICATE_NODE, 2, 2,
                "node A is described twice (first at line 1, column 2)");
        assertFormatError("[{\"publicKey\": \"A\"", InputErrorCode.JSON_SYNTAX, 1, 19,
                "unexpected end of text, expected ',' or '}' in object");
    }

    private static void assertFormatError(String json, InputErrorCode code, int line, int column, String message) {
        InputError error = Fbas.fromStellarbeatJson(json).error();
        assertThat(error.code()).as(json).isEqualTo(code);
        assertThat(error.message()).as(json).isEqualTo(message);
        assertThat(error.position().line()).as(json).isEqualTo(line);
        assertThat(error.position().column()).as(json).isEqualTo(column);
    }

    @Test
    void loads_the_2019_snapshot_with_named_but_undescribed_validators() {
        Fbas fbas = TestData.fbas(TestData.STELLAR_2019);

        long undescribed = fbas.problems().stream().filter(p -> p.endsWith("not described, so it has no quorum set"))
                .count();
        assertThat(fbas.size()).isEqualTo(172 + undescribed);
        assertThat(fbas.problems()).hasSize((int) undescribed);
        assertThat(fbas.node("GCGB2S2KGYARPVIA37HYZXVRM2YZUEXA6S33ZU5BUDC6THSB62LZSTYH").orElseThrow().name())
                .contains("SDF 1");
    }
}
