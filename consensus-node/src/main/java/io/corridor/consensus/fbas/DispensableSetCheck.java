package io.corridor.consensus.fbas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a set B is a dispensable set (D-set) in the white paper's sense: (V, Q)^B enjoys quorum
 * intersection, and V \ B is a quorum of (V, Q) or B = V.
 *
 * @param nodes                       B, sorted
 * @param quorumIntersectionDespite   whether (V, Q)^B enjoys quorum intersection
 * @param quorumAvailabilityDespite   whether V \ B is a quorum of (V, Q) or B = V
 * @param disjointQuorumsAfterDeletion two disjoint minimal quorums of (V, Q)^B when intersection fails
 * @param blockedNodes                nodes of V \ B with no slice inside V \ B, directly or because they
 *                                    need such nodes: the members of V \ B outside its largest quorum
 */
public record DispensableSetCheck(List<String> nodes, boolean quorumIntersectionDespite,
        boolean quorumAvailabilityDespite, Optional<List<List<String>>> disjointQuorumsAfterDeletion,
        List<String> blockedNodes) {

    public DispensableSetCheck {
        nodes = List.copyOf(nodes);
        blockedNodes = List.copyOf(blockedNodes);
        Objects.requireNonNull(disjointQuorumsAfterDeletion, "disjointQuorumsAfterDeletion");
        if (quorumIntersectionDespite == disjointQuorumsAfterDeletion.isPresent()) {
            throw new IllegalArgumentException("disjoint quorums are given exactly when intersection fails");
        }
        if (quorumAvailabilityDespite != blockedNodes.isEmpty()) {
            throw new IllegalArgumentException("blocked nodes are given exactly when availability fails");
        }
    }

    public boolean dispensable() {
        return quorumIntersectionDespite && quorumAvailabilityDespite;
    }
}
