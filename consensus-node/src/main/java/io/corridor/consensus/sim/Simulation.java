package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One deterministic run: a topology, a seed and the faults drawn from it. Everything random comes from one
 * {@link SplittableRandom} seeded with the seed (split into independent streams for the plan, the network
 * and each Byzantine node), time is virtual and events run in (time, sequence) order, so the same
 * topology and seed always give the same run.
 *
 * <p>The intact nodes are computed from the Byzantine set with the FBAS analysis (white paper, section 3);
 * a plan whose Byzantine set befouls an honest node is refused, since nothing could then be required of
 * that node. The run ends when every intact node has externalized every slot, at the first failure, or at
 * the liveness deadline (end of the fault phase plus {@link SimulationConfig#livenessBoundMs()}).
 */
public final class Simulation {
    private final Topology topology;
    private final long seed;
    private final FaultPlan plan;
    private final SimulationConfig config;
    private final SortedSet<Integer> intact;
    private final SplittableRandom random;

    private Simulation(Topology topology, long seed, FaultPlan plan, SimulationConfig config,
            SortedSet<Integer> intact, SplittableRandom random) {
        this.topology = topology;
        this.seed = seed;
        this.plan = plan;
        this.config = config;
        this.intact = intact;
        this.random = random;
    }

    /** The run of the topology for the seed, with faults drawn from the seed. */
    public static RunResult run(Topology topology, long seed) {
        return run(topology, seed, SimulationConfig.DEFAULT);
    }

    public static RunResult run(Topology topology, long seed, SimulationConfig config) {
        SplittableRandom random = new SplittableRandom(seed);
        FaultPlan plan = FaultPlan.random(topology, random.split());
        return prepare(topology, seed, plan, config, Optional.empty(), random).execute();
    }

    /**
     * A run with a given plan. Refused ({@link IllegalArgumentException}) when the Byzantine set leaves some
     * honest node befouled, unless {@code assumedIntact} names the nodes to hold to safety and liveness
     * anyway (tests use that to show the checker catches what an unsafe configuration does).
     */
    public static RunResult run(Topology topology, long seed, FaultPlan plan, SimulationConfig config,
            Optional<SortedSet<Integer>> assumedIntact) {
        SplittableRandom random = new SplittableRandom(seed);
        random.split(); // the plan's stream, unused: keeps the other streams as in a seeded run
        return prepare(topology, seed, plan, config, assumedIntact, random).execute();
    }

    private static Simulation prepare(Topology topology, long seed, FaultPlan plan, SimulationConfig config,
            Optional<SortedSet<Integer>> assumedIntact, SplittableRandom random) {
        SortedSet<Integer> intact;
        if (assumedIntact.isPresent()) {
            intact = new TreeSet<>(assumedIntact.get());
        } else {
            intact = topology.intact(plan.byzantine());
            SortedSet<Integer> honest = new TreeSet<>();
            for (int i = 0; i < topology.size(); i++) {
                if (!plan.byzantine().contains(i)) {
                    honest.add(i);
                }
            }
            if (!intact.containsAll(honest)) {
                honest.removeAll(intact);
                throw new IllegalArgumentException("topology " + topology.name() + " does not tolerate Byzantine nodes "
                        + topology.names(plan.byzantine()) + ": honest nodes " + topology.names(honest)
                        + " would be befouled (white paper section 3), so neither safety nor liveness can be required of them");
            }
        }
        return new Simulation(topology, seed, plan, config, intact, random);
    }

    private RunResult execute() {
        EventQueue queue = new EventQueue();
        Network network = new Network(queue, plan, random.split());
        Monitor monitor = new Monitor(topology, intact, config.slots(), queue);
        World world = new World(topology, config, queue, network, new KeyRing(topology.identities()),
                new QuorumSetDirectory(), monitor, new Traffic.Counter());

        Network.Peer[] peers = new Network.Peer[topology.size()];
        List<HonestNode> honest = new ArrayList<>();
        List<ByzantineNode> byzantine = new ArrayList<>();
        ScpHost[] hosts = new ScpHost[topology.size()];
        for (int i = 0; i < topology.size(); i++) {
            if (plan.byzantine().contains(i)) {
                ByzantineNode b = new ByzantineNode(world, i, random.split(), plan.byzantineProfile());
                byzantine.add(b);
                peers[i] = b;
            } else {
                HonestNode h = new HonestNode(world, i);
                honest.add(h);
                hosts[i] = h.host();
                peers[i] = h;
            }
        }
        network.attach(peers);
        for (HonestNode h : honest) {
            queue.at(0, h.host()::start);
        }
        for (ByzantineNode b : byzantine) {
            queue.at(0, b::start);
        }
        for (FaultPlan.Crash c : plan.crashes()) {
            queue.at(c.atMs(), hosts[c.node()]::crash);
            queue.at(c.restartMs(), hosts[c.node()]::restart);
        }

        long deadline = plan.faultEndMs() + config.livenessBoundMs();
        while (!monitor.hasFailed() && !monitor.allDone()) {
            if (queue.isEmpty() || queue.nextTime() > deadline) {
                break;
            }
            if (queue.processed() >= config.eventsMax()) {
                monitor.fail(Failure.Kind.EVENT_BOUND, "more than " + config.eventsMax() + " events; still missing: "
                        + monitor.missing());
                break;
            }
            queue.runNext();
        }
        if (!monitor.hasFailed() && !monitor.allDone()) {
            StringBuilder states = new StringBuilder();
            for (int node : intact) {
                ScpHost h = hosts[node];
                if (h != null && h.currentSlot() <= config.slots()) {
                    states.append("; ").append(topology.nodeName(node)).append(" at slot ").append(h.currentSlot())
                            .append(": ").append(h.describeSlot(h.currentSlot()));
                }
            }
            monitor.fail(Failure.Kind.LIVENESS, "not externalized by " + deadline + " ms (fault phase ended at "
                    + plan.faultEndMs() + " ms): " + monitor.missing() + states);
        }
        return new RunResult(topology.name(), seed, plan, intact, monitor.failures(), monitor.doneAtMs(),
                plan.faultEndMs(), network.sent(), network.delivered(), queue.processed(), world.traffic().snapshot());
    }
}
