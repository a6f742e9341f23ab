package io.corridor.consensus.fbas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A federated Byzantine agreement system: nodes by id, each with its quorum set if known. Immutable.
 *
 * <p>Every validator named in a quorum set is a node: one that the input does not describe is added as a
 * node without quorum set. A node whose quorum set breaks stellar-core's sanity rules keeps it here (so it
 * can be shown) but has no slices for analysis, as stellar-core would discard it; {@link #problems()}
 * says which and why.
 */
public final class Fbas {

    /** Most nodes an FBAS may have, counting validators that are only referenced. */
    public static final int NODES_MAX = 10_000;

    private final SortedMap<String, FbasNode> nodes;
    private final List<String> problems;

    private Fbas(SortedMap<String, FbasNode> nodes, List<String> problems) {
        this.nodes = Collections.unmodifiableSortedMap(nodes);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the stellarbeat nodes format: a JSON array of objects with a {@code publicKey}, an optional
     * {@code name} and an optional {@code quorumSet} ({@code threshold}, {@code validators},
     * {@code innerQuorumSets}); other fields are ignored. A missing, null or empty quorum set (no
     * validators, no inner sets; stellarbeat's way of saying it is unknown) means no quorum set.
     */
    public static Parsed<Fbas> fromStellarbeatJson(String json) {
        return StellarbeatFormat.read(json);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Node ids, sorted. */
    public SortedSet<String> nodeIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(nodes.keySet()));
    }

    /** Nodes sorted by id. */
    public List<FbasNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public Optional<FbasNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    public int size() {
        return nodes.size();
    }

    /** The quorum set the analysis uses: the node's own if it is sane, none otherwise. */
    public Optional<QuorumSet> effectiveQuorumSet(String id) {
        FbasNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("unknown node " + id);
        }
        return node.quorumSet().filter(q -> q.problems().isEmpty());
    }

    /** Nodes without a quorum set the analysis can use (missing, unknown or insane), sorted. */
    public SortedSet<String> nodesWithoutSlices() {
        SortedSet<String> result = new TreeSet<>();
        for (String id : nodes.keySet()) {
            if (effectiveQuorumSet(id).isEmpty()) {
                result.add(id);
            }
        }
        return Collections.unmodifiableSortedSet(result);
    }

    /** What is odd about the input: insane quorum sets and validators that are only referenced. */
    public List<String> problems() {
        return problems;
    }

    /** Builds an FBAS in code; the order of {@code node} calls does not matter. */
    public static final class Builder {
        private final Map<String, FbasNode> nodes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder node(String id, QuorumSet quorumSet) {
            return node(FbasNode.of(id, quorumSet));
        }

        public Builder nodeWithoutQuorumSet(String id) {
            return node(FbasNode.withoutQuorumSet(id));
        }

        public Builder node(FbasNode node) {
            Objects.requireNonNull(node, "node");
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("node " + node.id() + " is described twice");
            }
            return this;
        }

        public boolean contains(String id) {
            return nodes.containsKey(id);
        }

        /** Validators named in quorum sets without a node of their own, with how many nodes name them. */
        SortedMap<String, Integer> referencedOnly() {
            SortedMap<String, Integer> result = new TreeMap<>();
            for (FbasNode node : nodes.values()) {
                if (node.quorumSet().isEmpty()) {
                    continue;
                }
                for (String validator : node.quorumSet().get().allValidators()) {
                    if (!nodes.containsKey(validator)) {
                        result.merge(validator, 1, Integer::sum);
                    }
                }
            }
            return result;
        }

        int sizeWithReferences() {
            return nodes.size() + referencedOnly().size();
        }

        public Fbas build() {
            int size = sizeWithReferences();
            if (size > NODES_MAX) {
                throw new IllegalArgumentException(size + " nodes, more than NODES_MAX " + NODES_MAX);
            }
            SortedMap<String, FbasNode> all = new TreeMap<>(nodes);
            List<String> problems = new ArrayList<>();
            for (FbasNode node : all.values()) {
                if (node.quorumSet().isEmpty()) {
                    continue;
                }
                List<String> insane = node.quorumSet().get().problems();
                if (!insane.isEmpty()) {
                    problems.add("node " + node.id() + ": quorum set ignored, the node has no slices: "
                            + String.join("; ", insane));
                }
            }
            for (Map.Entry<String, Integer> entry : referencedOnly().entrySet()) {
                all.put(entry.getKey(), FbasNode.withoutQuorumSet(entry.getKey()));
                int count = entry.getValue();
                problems.add("node " + entry.getKey() + ": named in " + count + " quorum set"
                        + (count == 1 ? "" : "s") + " but not described, so it has no quorum set");
            }
            return new Fbas(all, problems);
        }
    }
}
