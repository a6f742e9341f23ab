package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Everything that goes wrong in one run, drawn from the seed before the run starts. Until
 * {@link #faultEndMs()} messages are dropped, duplicated and delayed (reordered), partitions come and go
 * and honest nodes crash and restart; from then on every message arrives (after a short random delay),
 * every partition has healed and every crashed node is back. Byzantine nodes misbehave for the whole run.
 *
 * @param faultEndMs       end of the fault phase
 * @param dropPercent      chance a message is lost during the fault phase
 * @param duplicatePercent chance a message is delivered twice during the fault phase
 * @param delayMaxFaultMs  largest delivery delay during the fault phase (uniform, so messages reorder)
 * @param delayMaxCalmMs   largest delivery delay afterwards
 * @param partitions       partitions, each ending by the end of the fault phase
 * @param crashes          crash-restarts of honest nodes, each restarting by the end of the fault phase
 * @param byzantine        Byzantine nodes (indices)
 * @param byzantineProfile how they misbehave
 */
public record FaultPlan(long faultEndMs, int dropPercent, int duplicatePercent, long delayMaxFaultMs,
        long delayMaxCalmMs, List<Partition> partitions, List<Crash> crashes, SortedSet<Integer> byzantine,
        ByzantineProfile byzantineProfile) {

    /**
     * A partition: while active, messages between nodes of different groups are lost. Group -1 bridges
     * every group (only Byzantine nodes are put there: an adversary talking to both sides).
     */
    public record Partition(long startMs, long endMs, List<Integer> groupOf) {
        public Partition {
            groupOf = List.copyOf(groupOf);
        }

        boolean separates(int a, int b, long now) {
            if (now < startMs || now >= endMs) {
                return false;
            }
            int ga = groupOf.get(a);
            int gb = groupOf.get(b);
            return ga >= 0 && gb >= 0 && ga != gb;
        }
    }

    /** Honest node {@code node} crashes at {@code atMs} and restarts at {@code restartMs}. */
    public record Crash(int node, long atMs, long restartMs) {
    }

    /**
     * @param equivocatePercent chance a Byzantine node sends a peer a version of its statement with other values
     * @param silentPercent     chance it sends a peer nothing
     * @param attackIntervalMs  mean time between its forged or garbage messages
     */
    public record ByzantineProfile(int equivocatePercent, int silentPercent, long attackIntervalMs) {
        public static final ByzantineProfile NONE = new ByzantineProfile(0, 0, 1_000);
    }

    public FaultPlan {
        partitions = List.copyOf(partitions);
        crashes = List.copyOf(crashes);
        byzantine = Collections.unmodifiableSortedSet(new TreeSet<>(byzantine));
        for (Partition p : partitions) {
            if (p.endMs() > faultEndMs) {
                throw new IllegalArgumentException("partitions must heal by the end of the fault phase");
            }
        }
        for (Crash c : crashes) {
            if (c.restartMs() > faultEndMs || c.restartMs() <= c.atMs() || byzantine.contains(c.node())) {
                throw new IllegalArgumentException("honest nodes restart by the end of the fault phase: " + c);
            }
        }
    }

    /** No faults at all: a fault phase of zero length. */
    public static FaultPlan none() {
        return new FaultPlan(0, 0, 0, 1, 100, List.of(), List.of(), new TreeSet<>(), ByzantineProfile.NONE);
    }

    /**
     * A random mix of faults for the topology: each kind is present or not by chance, with random
     * parameters. Byzantine sets are drawn among those the topology tolerates.
     */
    public static FaultPlan random(Topology topology, SplittableRandom r) {
        int n = topology.size();
        long faultEnd = 5_000 + r.nextLong(25_001);
        int drop = r.nextInt(100) < 75 ? r.nextInt(31) : 0;
        int dup = r.nextInt(100) < 50 ? r.nextInt(11) : 0;
        long delayFault = 20 + r.nextLong(1_481);
        long delayCalm = 5 + r.nextLong(196);

        List<SortedSet<Integer>> admissible = topology.admissibleByzantineSets();
        // Without quorum intersection nothing is admissible, not even the empty set: the run will be refused.
        int largest = admissible.isEmpty() ? 0 : admissible.get(admissible.size() - 1).size();
        int size = r.nextInt(largest + 1);
        List<SortedSet<Integer>> ofSize = new ArrayList<>();
        for (SortedSet<Integer> s : admissible) {
            if (s.size() == size) {
                ofSize.add(s);
            }
        }
        SortedSet<Integer> byzantine = ofSize.isEmpty() ? new TreeSet<>() : ofSize.get(r.nextInt(ofSize.size()));
        ByzantineProfile profile = new ByzantineProfile(r.nextInt(101), r.nextInt(31), 100 + r.nextLong(1_901));

        List<Integer> honest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!byzantine.contains(i)) {
                honest.add(i);
            }
        }
        List<Partition> partitions = new ArrayList<>();
        if (r.nextInt(100) < 60) {
            int count = 1 + r.nextInt(2);
            for (int k = 0; k < count; k++) {
                long start = r.nextLong(faultEnd - 1_000);
                long end = start + 1_000 + r.nextLong(faultEnd - start - 1_000 + 1);
                int groups = 2 + r.nextInt(2);
                List<Integer> groupOf = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    groupOf.add(byzantine.contains(i) && r.nextBoolean() ? -1 : r.nextInt(groups));
                }
                partitions.add(new Partition(start, end, groupOf));
            }
        }
        List<Crash> crashes = new ArrayList<>();
        if (r.nextInt(100) < 60 && !honest.isEmpty()) {
            int count = 1 + r.nextInt(Math.min(3, honest.size()));
            for (int k = 0; k < count; k++) {
                int node = honest.get(r.nextInt(honest.size()));
                long at = r.nextLong(faultEnd - 500);
                long restart = at + 100 + r.nextLong(faultEnd - at - 100 + 1);
                crashes.add(new Crash(node, at, restart));
            }
        }
        return new FaultPlan(faultEnd, drop, dup, delayFault, delayCalm, partitions, crashes, byzantine, profile);
    }

    /** One line per fault, for reports. */
    public String describe(Topology topology) {
        StringBuilder sb = new StringBuilder();
        sb.append("fault phase until ").append(faultEndMs).append(" ms: drop ").append(dropPercent)
                .append("%, duplicate ").append(duplicatePercent).append("%, delay 1..").append(delayMaxFaultMs)
                .append(" ms (then 1..").append(delayMaxCalmMs).append(" ms)\n");
        sb.append("byzantine: ").append(topology.names(byzantine));
        if (!byzantine.isEmpty()) {
            sb.append(" (equivocate ").append(byzantineProfile.equivocatePercent()).append("%, silent ")
                    .append(byzantineProfile.silentPercent()).append("%, forged/garbage every ~")
                    .append(byzantineProfile.attackIntervalMs()).append(" ms)");
        }
        sb.append('\n');
        for (Partition p : partitions) {
            sb.append("partition ").append(p.startMs()).append("..").append(p.endMs()).append(" ms:");
            List<List<String>> groups = new ArrayList<>();
            List<String> bridges = new ArrayList<>();
            for (int i = 0; i < p.groupOf().size(); i++) {
                int g = p.groupOf().get(i);
                if (g < 0) {
                    bridges.add(topology.nodeName(i));
                    continue;
                }
                while (groups.size() <= g) {
                    groups.add(new ArrayList<>());
                }
                groups.get(g).add(topology.nodeName(i));
            }
            for (List<String> g : groups) {
                sb.append(' ').append(g);
            }
            if (!bridges.isEmpty()) {
                sb.append(" bridged by ").append(bridges);
            }
            sb.append('\n');
        }
        for (Crash c : crashes) {
            sb.append("crash ").append(topology.nodeName(c.node())).append(" at ").append(c.atMs())
                    .append(" ms, restart at ").append(c.restartMs()).append(" ms\n");
        }
        return sb.toString();
    }
}
