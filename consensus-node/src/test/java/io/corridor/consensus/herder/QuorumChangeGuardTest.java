package io.corridor.consensus.herder;

import static io.corridor.consensus.herder.HerderTestKit.key;
import static io.corridor.consensus.herder.HerderTestKit.keys;
import static io.corridor.consensus.herder.HerderTestKit.qSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.consensus.overlay.NodeKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.SCPQuorumSet;

/** The start-up check that a (new) quorum set keeps quorum intersection, as stellar-core's quorum-intersection checks. */
class QuorumChangeGuardTest {
    private static final List<NodeKey> FOUR = keys(4);
    private static final String SELF = FOUR.get(0).accountId();

    @Test
    void threeOfFourIsAccepted() {
        assertThat(QuorumChangeGuard.check(SELF, qSet(3, FOUR), null)).isEmpty();
    }

    @Test
    void twoOfFourIsRefusedNamingTwoDisjointQuorumsAndTheForceSwitch() {
        Optional<String> refusal = QuorumChangeGuard.check(SELF, qSet(2, FOUR), null);

        assertThat(refusal).isPresent();
        String message = refusal.get();
        assertThat(message).contains("breaks quorum intersection", "every validator runs the new quorum set",
                "disjoint quorums", "corridor.quorum.force");
        List<Set<String>> quorums = namedQuorums(message);
        assertThat(quorums).as("two quorums named in: " + message).hasSize(2);
        assertThat(quorums.get(0)).hasSize(2).doesNotContainAnyElementsOf(quorums.get(1));
        assertThat(quorums.get(1)).hasSize(2);
        Set<String> all = new HashSet<>(quorums.get(0));
        all.addAll(quorums.get(1));
        assertThat(all).containsExactlyInAnyOrderElementsOf(FOUR.stream().map(NodeKey::accountId).toList());
    }

    @Test
    void raisingTheThresholdFromThreeOfFourToFourOfFourIsAccepted() {
        assertThat(QuorumChangeGuard.check(SELF, qSet(4, FOUR), qSet(3, FOUR))).isEmpty();
    }

    @Test
    void keepingTheSameQuorumSetIsAccepted() {
        assertThat(QuorumChangeGuard.check(SELF, qSet(3, FOUR), qSet(3, FOUR))).isEmpty();
    }

    /**
     * Everybody was on 3-of-4 (safe). The node now trusts only itself: were every validator to follow it, all
     * quorums would contain it (safe); but while the other three still run 3-of-4, {self} and {B, C, D} are
     * disjoint quorums.
     */
    @Test
    void aChangeSafeOnlyOnceEveryoneRunsItIsRefusedWhileOthersRunThePreviousSet() {
        SCPQuorumSet onlyMe = qSet(1, List.of(FOUR.get(0)));
        SCPQuorumSet previous = qSet(3, FOUR);
        assertThat(QuorumChangeGuard.check(SELF, previous, null)).as("previous set alone").isEmpty();
        assertThat(QuorumChangeGuard.check(SELF, onlyMe, null)).as("new set run by everyone").isEmpty();

        Optional<String> refusal = QuorumChangeGuard.check(SELF, onlyMe, previous);

        assertThat(refusal).isPresent();
        assertThat(refusal.get()).contains("the other validators still run the previous quorum set",
                "corridor.quorum.force");
        List<Set<String>> quorums = namedQuorums(refusal.get());
        assertThat(quorums).containsExactlyInAnyOrder(Set.of(SELF),
                Set.of(FOUR.get(1).accountId(), FOUR.get(2).accountId(), FOUR.get(3).accountId()));
    }

    /** Tightening 2-of-5 to 3-of-5 is safe once all run it, not while the others still accept two of five. */
    @Test
    void tighteningWhileOthersStillRunALooserSetIsRefused() {
        List<NodeKey> five = keys(5);
        String self = five.get(0).accountId();
        assertThat(QuorumChangeGuard.check(self, qSet(3, five), null)).isEmpty();

        Optional<String> refusal = QuorumChangeGuard.check(self, qSet(3, five), qSet(2, five));

        assertThat(refusal).isPresent();
        assertThat(refusal.get()).contains("still run the previous quorum set 2 of {", "disjoint quorums");
        List<Set<String>> quorums = namedQuorums(refusal.get());
        assertThat(quorums).hasSize(2);
        assertThat(quorums.get(0)).doesNotContainAnyElementsOf(quorums.get(1));
    }

    /** Organisations as on Stellar's public network: 3 orgs of 3 validators, 2-of-3 inside, 2-of-3 orgs. */
    @Test
    void nestedOrganisationQuorumSetIsAccepted() {
        List<NodeKey> nine = keys(9);
        SCPQuorumSet orgs = orgs(nine, 2);
        assertThat(QuorumChangeGuard.check(nine.get(0).accountId(), orgs, null)).isEmpty();
        assertThat(QuorumChangeGuard.check(nine.get(4).accountId(), orgs, null)).isEmpty();
        // Moving a flat 7-of-9 network to the org structure keeps intersection with the stragglers too.
        assertThat(QuorumChangeGuard.check(nine.get(0).accountId(), orgs, qSet(7, nine))).isEmpty();
    }

    @Test
    void nestedSetNeedingOnlyOneOrganisationIsRefused() {
        List<NodeKey> nine = keys(9);
        Optional<String> refusal = QuorumChangeGuard.check(nine.get(0).accountId(), orgs(nine, 1), null);
        assertThat(refusal).isPresent();
        assertThat(refusal.get()).contains("1 of {2 of {", "disjoint quorums");
        List<Set<String>> quorums = namedQuorums(refusal.get());
        assertThat(quorums).hasSize(2);
        assertThat(quorums.get(0)).doesNotContainAnyElementsOf(quorums.get(1));
    }

    @Test
    void selfOutsideItsQuorumSetIsCheckedToo() {
        // A watcher-like validator trusting 3-of-4 others it is not part of: quorums of the four still intersect.
        NodeKey outsider = key(99);
        assertThat(QuorumChangeGuard.check(outsider.accountId(), qSet(3, FOUR), null)).isEmpty();
    }

    private static SCPQuorumSet orgs(List<NodeKey> nine, int orgThreshold) {
        return qSet(orgThreshold, List.of(), qSet(2, nine.subList(0, 3)), qSet(2, nine.subList(3, 6)),
                qSet(2, nine.subList(6, 9)));
    }

    /** The two node lists after "for example", each as a set of G... ids. */
    private static List<Set<String>> namedQuorums(String message) {
        int at = message.indexOf("for example");
        assertThat(at).as("message names an example: " + message).isNotNegative();
        Matcher lists = Pattern.compile("\\[([^\\]]*)\\]").matcher(message.substring(at));
        List<Set<String>> out = new ArrayList<>();
        while (lists.find() && out.size() < 2) {
            Set<String> ids = new HashSet<>();
            Matcher id = Pattern.compile("G[A-Z2-7]{55}").matcher(lists.group(1));
            while (id.find()) {
                ids.add(id.group());
            }
            out.add(ids);
        }
        return out;
    }
}
