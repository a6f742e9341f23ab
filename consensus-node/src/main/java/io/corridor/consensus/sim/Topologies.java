package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.corridor.consensus.fbas.QuorumSet;

/**
 * The named topologies of the simulation. Names are stable (they appear in docs and reproduction commands):
 * <ul>
 * <li>{@code 3f+1-f1}, {@code 3f+1-f2}, {@code 3f+1-f3}: 3f+1 nodes, each trusting "2f+1 of all", up to f
 * Byzantine;</li>
 * <li>{@code figure3}: the tiered system of Figure 3 of the SCP white paper (v1..v10, slices containing their
 * node, as in the FBAS tests' {@code PaperExamplesTest.figure3()});</li>
 * <li>{@code orgs} (= {@code orgs-5}), {@code orgs-N}: N organisations of 3 nodes, 2 of 3 inside each, a
 * majority of organisations outside;</li>
 * <li>{@code orgs67} (= {@code orgs67-5}), {@code orgs67-N}: the same with stellar-core's recommended
 * outer threshold of 67% (ceil(2N/3)), which tolerates Byzantine nodes where a simple majority does not.</li>
 * </ul>
 * {@code split4} (not in {@link #all()}) is deliberately unsafe: 4 nodes trusting "2 of all", so two disjoint
 * pairs are both quorums; tests use it to show the checker fails.
 */
public final class Topologies {
    /** Organisations in {@code orgs} and {@code orgs67} when the name gives no count. */
    public static final int ORGS_DEFAULT = 5;

    private Topologies() {
    }

    /** The topologies {@code all} runs, in order. */
    public static List<String> all() {
        return List.of("3f+1-f1", "3f+1-f2", "3f+1-f3", "figure3", "orgs", "orgs67");
    }

    /** The topology of that name, if it is one. */
    public static Optional<Topology> byName(String name) {
        switch (name) {
            case "3f+1-f1":
                return Optional.of(threeFPlusOne(1));
            case "3f+1-f2":
                return Optional.of(threeFPlusOne(2));
            case "3f+1-f3":
                return Optional.of(threeFPlusOne(3));
            case "figure3":
                return Optional.of(figure3());
            case "orgs":
                return Optional.of(orgs(ORGS_DEFAULT));
            case "orgs67":
                return Optional.of(orgs67(ORGS_DEFAULT));
            case "split4":
                return Optional.of(split4());
            default:
                break;
        }
        for (String prefix : List.of("orgs67-", "orgs-")) {
            if (name.startsWith(prefix)) {
                try {
                    int n = Integer.parseInt(name.substring(prefix.length()));
                    if (n >= 2 && n <= 20) {
                        return Optional.of(prefix.equals("orgs-") ? orgs(n) : orgs67(n));
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** 3f+1 nodes {@code n0..}, each with the quorum set "2f+1 of all nodes"; up to f Byzantine. */
    public static Topology threeFPlusOne(int f) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 3 * f + 1; i++) {
            nodes.add("n" + i);
        }
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        for (String n : nodes) {
            q.put(n, QuorumSet.of(2L * f + 1, nodes, List.of()));
        }
        return new Topology("3f+1-f" + f, nodes, q, f);
    }

    /**
     * Figure 3 of the white paper: top tier v1..v4 (itself and 2 other top-tier nodes), middle tier v5..v8
     * (itself and 2 top-tier nodes), leaves v9, v10 (itself and 2 middle-tier nodes). Byzantine sets of up to
     * 2 nodes are considered; those befouling an honest node (such as {v5, v6}, which befouls the leaves) are
     * never used.
     */
    public static Topology figure3() {
        List<String> top = List.of("v1", "v2", "v3", "v4");
        List<String> middle = List.of("v5", "v6", "v7", "v8");
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            nodes.add("v" + i);
        }
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        for (String n : top) {
            List<String> others = new ArrayList<>(top);
            others.remove(n);
            q.put(n, QuorumSet.includingSelf(n, QuorumSet.of(2, others, List.of())));
        }
        for (String n : middle) {
            q.put(n, QuorumSet.includingSelf(n, QuorumSet.of(2, top, List.of())));
        }
        for (String n : List.of("v9", "v10")) {
            q.put(n, QuorumSet.includingSelf(n, QuorumSet.of(2, middle, List.of())));
        }
        return new Topology("figure3", nodes, q, 2);
    }

    /** {@code orgCount} organisations of 3 nodes, 2 of 3 inside, a majority of organisations outside. */
    public static Topology orgs(int orgCount) {
        return organisations("orgs-" + orgCount, orgCount, orgCount / 2 + 1);
    }

    /** {@code orgCount} organisations of 3 nodes, 2 of 3 inside, ceil(2/3) of the organisations outside. */
    public static Topology orgs67(int orgCount) {
        return organisations("orgs67-" + orgCount, orgCount, (2 * orgCount + 2) / 3);
    }

    private static Topology organisations(String name, int orgCount, int outerThreshold) {
        String displayName = name.equals("orgs-" + ORGS_DEFAULT) ? "orgs"
                : name.equals("orgs67-" + ORGS_DEFAULT) ? "orgs67" : name;
        List<String> nodes = new ArrayList<>();
        List<QuorumSet> inner = new ArrayList<>();
        for (int o = 0; o < orgCount; o++) {
            char org = (char) ('a' + o);
            List<String> members = List.of(org + "1", org + "2", org + "3");
            nodes.addAll(members);
            inner.add(QuorumSet.of(2, members, List.of()));
        }
        QuorumSet outer = QuorumSet.of(outerThreshold, List.of(), inner);
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        for (String n : nodes) {
            q.put(n, outer);
        }
        return new Topology(displayName, nodes, q, 2);
    }

    /** Deliberately unsafe: 4 nodes trusting "2 of all", so {n0, n1} and {n2, n3} are disjoint quorums. */
    public static Topology split4() {
        List<String> nodes = List.of("n0", "n1", "n2", "n3");
        Map<String, QuorumSet> q = new LinkedHashMap<>();
        for (String n : nodes) {
            q.put(n, QuorumSet.of(2, nodes, List.of()));
        }
        return new Topology("split4", nodes, q, 0);
    }
}
