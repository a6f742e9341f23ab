package io.corridor.consensus.sim;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line of the simulator.
 *
 * <pre>
 * SimulationCli [--topology NAME|all] [--seeds N] [--first-seed S | --random] [--progress K] [--json]
 * SimulationCli --topology NAME --seed S
 * </pre>
 *
 * A batch runs seeds S..S+N-1 of each topology (default: all, 1000 seeds from 1), prints a progress line every
 * K seeds and every failure with the command that replays it (on stderr), then a summary table (or JSON) on
 * stdout. {@code --random} picks the first seed at random and prints it. {@code --seed} replays one run and
 * describes its faults and outcome. Exit status: 0 when every run passed, 1 when one failed, 2 on a usage
 * error.
 */
public final class SimulationCli {
    static final String MAIN = SimulationCli.class.getName();

    private SimulationCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (o.help) {
            out.println(usage());
            return 0;
        }
        List<Topology> topologies = new ArrayList<>();
        for (String name : o.topology.equals("all") ? Topologies.all() : List.of(o.topology.split(","))) {
            Optional<Topology> t = Topologies.byName(name.trim());
            if (t.isEmpty()) {
                err.println("simulate: unknown topology '" + name + "'; known: " + String.join(", ", Topologies.all())
                        + ", split4 (unsafe), orgs-N, orgs67-N");
                return 2;
            }
            topologies.add(t.get());
        }
        if (o.replaySeed != null) {
            if (topologies.size() != 1) {
                err.println("simulate: --seed replays one run: name one topology");
                return 2;
            }
            return replay(topologies.get(0), o.replaySeed, out);
        }
        long firstSeed = o.firstSeed;
        if (o.random) {
            firstSeed = new SecureRandom().nextLong() & ((1L << 48) - 1);
        }
        err.println("simulate: topologies " + names(topologies) + ", seeds " + firstSeed + ".." + (firstSeed + o.seeds - 1)
                + " (" + o.seeds + " per topology), started " + Instant.now());
        BatchRunner runner = new BatchRunner(SimulationConfig.DEFAULT, o.progress, err::println,
                r -> err.println("FAIL " + r.topology() + " seed " + r.seed() + ": " + r.failures().get(0)
                        + "\n  reproduce: " + replayCommand(r)));
        List<TopologyReport> reports = new ArrayList<>();
        for (Topology t : topologies) {
            reports.add(runner.run(t, firstSeed, o.seeds));
        }
        boolean failed = reports.stream().anyMatch(r -> !r.failed().isEmpty());
        if (o.json) {
            out.println(json(reports, firstSeed, o.seeds));
        } else {
            out.println(table(reports, firstSeed, o.seeds));
        }
        return failed ? 1 : 0;
    }

    private static int replay(Topology topology, long seed, PrintStream out) {
        RunResult r = Simulation.run(topology, seed);
        out.println("topology " + topology.name() + " (" + topology.size() + " nodes), seed " + seed);
        out.print(r.plan().describe(topology));
        out.println("intact nodes held to safety and liveness: " + topology.names(r.intact()));
        out.println("virtual time all intact nodes externalized all slots: " + r.doneAtMs() + " ms (recovery after"
                + " faults: " + r.recoveryMs() + " ms)");
        out.println("messages sent " + r.messagesSent() + ", delivered " + r.messagesDelivered() + ", events "
                + r.events() + ", " + r.traffic());
        if (r.passed()) {
            out.println("PASSED");
            return 0;
        }
        for (Failure f : r.failures()) {
            out.println("FAILED " + f);
        }
        out.println("reproduce: " + replayCommand(r));
        return 1;
    }

    /** The full command that replays a run, with this JVM's class path. */
    static String replayCommand(RunResult r) {
        return "java -cp " + System.getProperty("java.class.path") + " " + MAIN + " " + r.replayArguments();
    }

    private static String names(List<Topology> topologies) {
        List<String> n = new ArrayList<>();
        topologies.forEach(t -> n.add(t.name()));
        return String.join(", ", n);
    }

    static String table(List<TopologyReport> reports, long firstSeed, int seeds) {
        StringBuilder sb = new StringBuilder();
        sb.append("seeds ").append(firstSeed).append("..").append(firstSeed + seeds - 1)
                .append("; times in virtual ms: ext = all intact nodes externalized all slots, rec = that after the"
                        + " fault phase ended\n");
        sb.append(TopologyReport.header()).append('\n');
        for (TopologyReport r : reports) {
            sb.append(r.row()).append('\n');
        }
        for (TopologyReport r : reports) {
            sb.append(r.faultCoverage()).append('\n');
            for (TopologyReport.FailedRun f : r.failed()) {
                sb.append("  failed seed ").append(f.seed()).append(" (").append(f.kinds()).append("): ")
                        .append(f.detail()).append('\n');
            }
        }
        return sb.toString();
    }

    static String json(List<TopologyReport> reports, long firstSeed, int seeds) {
        StringBuilder sb = new StringBuilder("{\"first_seed\": " + firstSeed + ", \"seeds\": " + seeds
                + ", \"topologies\": [");
        for (int i = 0; i < reports.size(); i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ").append(reports.get(i).toJson());
        }
        return sb.append("\n]}").toString();
    }

    static String usage() {
        return """
                usage: SimulationCli [--topology NAME|all] [--seeds N] [--first-seed S | --random] [--progress K] [--json]
                       SimulationCli --topology NAME --seed S      replay one run
                topologies: 3f+1-f1 3f+1-f2 3f+1-f3 figure3 orgs orgs67 (= all); orgs-N, orgs67-N; split4 (unsafe)
                defaults: --topology all --seeds 1000 --first-seed 1 --progress 100
                exit status: 0 all runs passed, 1 a run failed, 2 usage error""";
    }

    /** Parsed arguments. */
    private static final class Options {
        String topology = "all";
        int seeds = 1000;
        long firstSeed = 1;
        boolean random;
        Long replaySeed;
        int progress = 100;
        boolean json;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            boolean firstSeedGiven = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--topology" -> o.topology = value(args, ++i, a);
                    case "--seeds" -> o.seeds = (int) number(value(args, ++i, a), a, 1, 100_000_000);
                    case "--first-seed" -> {
                        o.firstSeed = number(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
                        firstSeedGiven = true;
                    }
                    case "--seed" -> o.replaySeed = number(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--random" -> o.random = true;
                    case "--progress" -> o.progress = (int) number(value(args, ++i, a), a, 0, Integer.MAX_VALUE);
                    case "--json" -> o.json = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (o.random && firstSeedGiven) {
                throw new IllegalArgumentException("--random and --first-seed exclude each other");
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static long number(String s, String flag, long min, long max) {
            try {
                long v = Long.parseLong(s);
                if (v < min || v > max) {
                    throw new IllegalArgumentException(flag + " must be in " + min + ".." + max);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs a number: '" + s + "'");
            }
        }
    }
}
