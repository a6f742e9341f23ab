package io.corridor.consensus.herder;

import io.corridor.consensus.fbas.Fbas;
import io.corridor.consensus.fbas.FbasAnalysis;
import io.corridor.consensus.fbas.QuorumSet;
import io.corridor.consensus.scp.QuorumSets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * Refuses a quorum set that would let the configured network split: a validator starting with a new quorum set
 * checks, with the FBAS analysis, that quorum intersection holds both when every validator it names runs the new
 * configuration and, when it is a change, while the others still run the previous one. A network without quorum
 * intersection can externalize two different ledgers for one slot; the node starts anyway only when forced.
 */
public final class QuorumChangeGuard {
    private QuorumChangeGuard() {
    }

    /**
     * Why {@code proposed} must be refused for node {@code self}, or empty when it keeps quorum intersection.
     *
     * @param previous the quorum set the node ran with before, or null on first start
     */
    public static Optional<String> check(String self, SCPQuorumSet proposed, SCPQuorumSet previous) {
        Optional<String> all = split(self, proposed, proposed, "every validator runs the new quorum set");
        if (all.isPresent() || previous == null || QuorumSets.hash(previous).equals(QuorumSets.hash(proposed))) {
            return all;
        }
        return split(self, proposed, previous, "the other validators still run the previous quorum set "
                + describe(previous));
    }

    private static Optional<String> split(String self, SCPQuorumSet mine, SCPQuorumSet others, String scenario) {
        Set<String> nodes = new LinkedHashSet<>();
        nodes.add(self);
        for (NodeID node : QuorumSets.allNodes(mine)) {
            nodes.add(Herder.key(node));
        }
        for (NodeID node : QuorumSets.allNodes(others)) {
            nodes.add(Herder.key(node));
        }
        Fbas.Builder builder = Fbas.builder();
        for (String node : nodes) {
            builder.node(node, toFbas(node.equals(self) ? mine : others));
        }
        FbasAnalysis analysis = new FbasAnalysis(builder.build());
        if (analysis.hasQuorumIntersection()) {
            return Optional.empty();
        }
        String example = analysis.disjointQuorums().map(q -> ": for example " + q.get(0) + " and " + q.get(1)
                + " are disjoint quorums").orElse("");
        return Optional.of("quorum set " + describe(mine) + " breaks quorum intersection when " + scenario + example
                + ". Two such quorums can agree on different ledgers. Fix the threshold or the validators, or set "
                + "corridor.quorum.force=true to start anyway");
    }

    static QuorumSet toFbas(SCPQuorumSet q) {
        List<String> validators = new ArrayList<>();
        for (NodeID node : q.getValidators()) {
            validators.add(Herder.key(node));
        }
        List<QuorumSet> inner = new ArrayList<>();
        for (SCPQuorumSet set : q.getInnerSets()) {
            inner.add(toFbas(set));
        }
        return QuorumSet.of(q.getThreshold().getUint32().getNumber(), validators, inner);
    }

    static String describe(SCPQuorumSet q) {
        StringBuilder b = new StringBuilder().append(q.getThreshold().getUint32().getNumber()).append(" of {");
        List<String> parts = new ArrayList<>();
        for (NodeID node : q.getValidators()) {
            parts.add(Herder.key(node).substring(0, 5) + "…");
        }
        for (SCPQuorumSet set : q.getInnerSets()) {
            parts.add(describe(set));
        }
        return b.append(String.join(", ", parts)).append('}').toString();
    }
}
