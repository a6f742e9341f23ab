package io.corridor.consensus.fbas;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Command line for FBAS analysis of stellarbeat node files: {@code analyze FILE} and {@code intact FILE
 * --faulty IDS | --dset IDS}. Prints JSON on stdout. Exit codes: 0 done, 2 bad input or usage (message on
 * stderr), 3 a search bound was exceeded (message names the bound), 1 an internal error. Depends on the JDK only, so that
 * {@code java -cp consensus-node/target/classes} runs it (deployments/corridor fbas).
 */
public final class FbasCli {

    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_BOUND_EXCEEDED = 3;

    /** Largest input file read, in bytes; UTF-8 needs at least one byte per char. */
    static final long FILE_BYTES_MAX = JsonReader.TEXT_CHARS_MAX;
    /** Stack for the searches: they recurse about twice per node of the largest cluster. */
    private static final long SEARCH_STACK_BYTES = 512L * 1024 * 1024;

    private static final String USAGE = """
            usage: FbasCli analyze FILE [--splitting-scope core|quorum_nodes] [--names] [--search-steps-max N]
                                       [--timings]
                   FbasCli intact FILE --faulty ID[,ID...] [--names] [--search-steps-max N]
                   FbasCli intact FILE --dset ID[,ID...] [--names] [--search-steps-max N]
                   FbasCli help

              FILE is a stellarbeat nodes JSON file (an array of {"publicKey", "quorumSet", ...}).
              analyze  quorum intersection, minimal quorums, minimal blocking and splitting sets, top tier
              intact   --faulty: befouled and intact nodes when the given nodes are ill-behaved
                       --dset:   whether the given nodes form a dispensable set (D-set), and why
              IDs are public keys. --names prints node names instead of public keys where a name is
              given and unique. --splitting-scope: core (default) counts splits of the top tier's
              component, quorum_nodes also splits that cut off other nodes (docs/FBAS.md).
              --search-steps-max bounds every search (default %d). --timings prints the time of each
              step on stderr.
              Exit status: 0 done, 2 bad input or usage, 3 a search bound was exceeded, 1 a bug.
            """.formatted(FbasLimits.DEFAULT.searchStepsMax());

    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier nanoClock;

    FbasCli(PrintStream out, PrintStream err, LongSupplier nanoClock) {
        this.out = out;
        this.err = err;
        this.nanoClock = nanoClock;
    }

    public static void main(String[] args) throws InterruptedException {
        // Stays 1 if the worker dies of an unexpected error (a bug): its stack trace is on stderr then.
        int[] status = {1};
        Thread worker = new Thread(null,
                () -> status[0] = new FbasCli(System.out, System.err, System::nanoTime).run(args),
                "fbas-cli", SEARCH_STACK_BYTES);
        worker.start();
        worker.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /** Runs one command; returns the exit status. */
    int run(String[] args) {
        try {
            Options options = Options.parse(args);
            if (options.command.equals("help")) {
                out.print(USAGE);
                return EXIT_OK;
            }
            return execute(options);
        } catch (BadInput e) {
            err.println("fbas: " + e.error.code().code() + ": " + e.error.describe());
            if (e.error.code() == InputErrorCode.USAGE) {
                err.print(USAGE);
            }
            return EXIT_BAD_INPUT;
        } catch (SearchBoundExceededException e) {
            err.println("fbas: " + e.getMessage() + " (raise it with --search-steps-max)");
            return EXIT_BOUND_EXCEEDED;
        }
    }

    /** Carries an expected failure from the option and file handling to {@link #run}. */
    private static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;
        final InputError error;

        BadInput(InputError error) {
            super(error.describe(), null, false, false);
            this.error = error;
        }

        BadInput(InputErrorCode code, String message) {
            this(InputError.of(code, message));
        }
    }

    private record Options(String command, String file, boolean names, long searchStepsMax, boolean timings,
            SplittingScope splittingScope, List<String> faulty, List<String> dset) {

        static Options parse(String[] args) throws BadInput {
            if (args.length == 0) {
                throw new BadInput(InputErrorCode.USAGE, "missing command");
            }
            String command = args[0];
            if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
                if (args.length > 1) {
                    throw new BadInput(InputErrorCode.USAGE, "help takes no arguments");
                }
                return new Options("help", null, false, 0, false, SplittingScope.CORE, null, null);
            }
            if (!command.equals("analyze") && !command.equals("intact")) {
                throw new BadInput(InputErrorCode.USAGE, "unknown command '" + command + "'");
            }
            String file = null;
            boolean names = false;
            boolean timings = false;
            long stepsMax = FbasLimits.DEFAULT.searchStepsMax();
            SplittingScope splittingScope = SplittingScope.CORE;
            List<String> faulty = null;
            List<String> dset = null;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--names" -> names = true;
                    case "--timings" -> {
                        if (!command.equals("analyze")) {
                            throw new BadInput(InputErrorCode.USAGE, "--timings belongs to analyze");
                        }
                        timings = true;
                    }
                    case "--search-steps-max" -> stepsMax = positiveLong(arg, value(args, ++i, arg));
                    case "--splitting-scope" -> {
                        if (!command.equals("analyze")) {
                            throw new BadInput(InputErrorCode.USAGE, "--splitting-scope belongs to analyze");
                        }
                        splittingScope = splittingScope(value(args, ++i, arg));
                    }
                    case "--faulty", "--dset" -> {
                        if (!command.equals("intact")) {
                            throw new BadInput(InputErrorCode.USAGE, arg + " belongs to intact");
                        }
                        if (faulty != null || dset != null) {
                            throw new BadInput(InputErrorCode.USAGE, "give either --faulty or --dset, once");
                        }
                        List<String> ids = idList(arg, value(args, ++i, arg));
                        if (arg.equals("--faulty")) {
                            faulty = ids;
                        } else {
                            dset = ids;
                        }
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new BadInput(InputErrorCode.USAGE, "unknown option '" + arg + "'");
                        }
                        if (file != null) {
                            throw new BadInput(InputErrorCode.USAGE, "unexpected argument '" + arg + "'");
                        }
                        file = arg;
                    }
                }
            }
            if (file == null) {
                throw new BadInput(InputErrorCode.USAGE, command + " needs a FILE");
            }
            if (command.equals("intact") && faulty == null && dset == null) {
                throw new BadInput(InputErrorCode.USAGE, "intact needs --faulty ID[,ID...] or --dset ID[,ID...]");
            }
            return new Options(command, file, names, stepsMax, timings, splittingScope, faulty, dset);
        }

        private static SplittingScope splittingScope(String text) throws BadInput {
            for (SplittingScope scope : SplittingScope.values()) {
                if (scope.code().equals(text)) {
                    return scope;
                }
            }
            throw new BadInput(InputErrorCode.USAGE, "--splitting-scope is core or quorum_nodes, not '" + text + "'");
        }

        private static String value(String[] args, int i, String option) throws BadInput {
            if (i >= args.length) {
                throw new BadInput(InputErrorCode.USAGE, option + " needs a value");
            }
            return args[i];
        }

        private static long positiveLong(String option, String text) throws BadInput {
            try {
                long value = Long.parseLong(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Reported below with the option's name.
            }
            throw new BadInput(InputErrorCode.USAGE, option + " needs a positive integer, not '" + text + "'");
        }

        private static List<String> idList(String option, String text) throws BadInput {
            Set<String> ids = new LinkedHashSet<>();
            for (String part : text.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw new BadInput(InputErrorCode.USAGE, option + " needs comma-separated node ids, got '"
                            + text + "'");
                }
                ids.add(id);
            }
            return List.copyOf(ids);
        }
    }

    private int execute(Options options) throws BadInput {
        long start = nanoClock.getAsLong();
        Fbas fbas = load(Path.of(options.file));
        List<String> timings = new ArrayList<>();
        timings.add("load " + millis(start));
        FbasAnalysis analysis = new FbasAnalysis(fbas,
                FbasLimits.DEFAULT.withSearchStepsMax(options.searchStepsMax));
        Labels labels = new Labels(fbas, options.names);
        String json;
        if (options.command.equals("analyze")) {
            json = analyze(fbas, analysis, labels, options.splittingScope, timings);
        } else if (options.faulty != null) {
            json = intact(analysis, labels, known(fbas, options.faulty, "--faulty", options.file));
        } else {
            json = dset(analysis, labels, known(fbas, options.dset, "--dset", options.file));
        }
        out.print(json);
        out.flush();
        if (options.timings) {
            err.println("fbas: timings: " + String.join(", ", timings) + ", total " + millis(start));
        }
        return EXIT_OK;
    }

    private String millis(long since) {
        return (nanoClock.getAsLong() - since) / 1_000_000 + " ms";
    }

    private static Fbas load(Path path) throws BadInput {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new BadInput(InputErrorCode.FILE_UNREADABLE, path + " is a directory, not a file");
            }
            long size = Files.size(path);
            if (size > FILE_BYTES_MAX) {
                throw new BadInput(InputErrorCode.JSON_TOO_LARGE, path + " has " + size
                        + " bytes, more than the limit of " + FILE_BYTES_MAX);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BadInput(InputErrorCode.FILE_UNREADABLE, "no such file: " + path);
        } catch (IOException e) {
            throw new BadInput(InputErrorCode.FILE_UNREADABLE, "cannot read " + path + ": " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInput(InputErrorCode.FILE_UNREADABLE, path + " is not valid UTF-8");
        }
        Parsed<Fbas> parsed = Fbas.fromStellarbeatJson(text);
        if (!parsed.isOk()) {
            InputError error = parsed.error();
            throw new BadInput(new InputError(error.code(), path + ": " + error.message(), error.position()));
        }
        return parsed.value();
    }

    private static List<String> known(Fbas fbas, List<String> ids, String option, String file) throws BadInput {
        for (String id : ids) {
            if (!fbas.contains(id)) {
                throw new BadInput(InputErrorCode.UNKNOWN_NODE, option + ": node '" + id + "' is not in " + file
                        + " (give public keys)");
            }
        }
        return ids;
    }

    private String analyze(Fbas fbas, FbasAnalysis analysis, Labels labels, SplittingScope splittingScope,
            List<String> timings) {
        long t = nanoClock.getAsLong();
        boolean intersection = analysis.hasQuorumIntersection();
        timings.add("quorum intersection " + millis(t));
        t = nanoClock.getAsLong();
        List<List<String>> minimalQuorums = analysis.minimalQuorums();
        timings.add("minimal quorums " + millis(t));
        t = nanoClock.getAsLong();
        List<List<String>> blocking = analysis.minimalBlockingSets();
        timings.add("minimal blocking sets " + millis(t));
        t = nanoClock.getAsLong();
        List<List<String>> splitting = analysis.minimalSplittingSets(splittingScope);
        timings.add("minimal splitting sets " + millis(t));
        List<String> topTier = analysis.topTier();
        List<String> inNoQuorum = analysis.nodesInNoQuorum();

        Map<String, Map<String, Object>> summary = new LinkedHashMap<>();
        summary.put("minimal_quorums", describe(minimalQuorums));
        summary.put("minimal_blocking_sets", describe(blocking));
        summary.put("minimal_splitting_sets", describe(splitting));
        return new JsonOutput()
                .value("node_count", fbas.size())
                .value("nodes_without_slices", fbas.nodesWithoutSlices().size())
                .value("nodes_in_no_quorum", inNoQuorum.size())
                .strings("problems", fbas.problems())
                .value("has_quorum_intersection", intersection)
                .sets("disjoint_quorums", analysis.disjointQuorums().map(labels::sets).orElse(null))
                .value("splitting_scope", splittingScope.code())
                .value("top_tier_size", topTier.size())
                .strings("top_tier", labels.set(topTier))
                .summary("summary", summary)
                .sets("minimal_quorums", labels.sets(minimalQuorums))
                .sets("minimal_blocking_sets", labels.sets(blocking))
                .sets("minimal_splitting_sets", labels.sets(splitting))
                .finish();
    }

    private static Map<String, Object> describe(List<List<String>> sets) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("count", sets.size());
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (List<String> set : sets) {
            sizes.merge(set.size(), 1, Integer::sum);
        }
        description.put("min_size", sets.isEmpty() ? null : sets.get(0).size());
        description.put("max_size", sets.isEmpty() ? null : sets.get(sets.size() - 1).size());
        Map<String, Object> bySize = new LinkedHashMap<>();
        sizes.forEach((size, count) -> bySize.put(String.valueOf(size), count));
        description.put("count_by_size", bySize);
        return description;
    }

    private String intact(FbasAnalysis analysis, Labels labels, List<String> faulty) {
        BefouledNodes result = analysis.befouled(faulty);
        Set<String> inNoQuorum = new LinkedHashSet<>(analysis.nodesInNoQuorum());
        List<String> collateral = new ArrayList<>();
        for (String node : result.befouled()) {
            if (!result.illBehaved().contains(node) && !inNoQuorum.contains(node)) {
                collateral.add(node);
            }
        }
        return new JsonOutput()
                .strings("ill_behaved", labels.set(result.illBehaved()))
                .value("has_quorum_intersection", analysis.hasQuorumIntersection())
                .value("befouled_is_dispensable", result.befouledIsDispensable())
                .value("befouled_count", result.befouled().size())
                .value("intact_count", result.intact().size())
                .value("nodes_in_no_quorum", inNoQuorum.size())
                .strings("collaterally_befouled", labels.set(collateral))
                .strings("befouled", labels.set(result.befouled()))
                .strings("intact", labels.set(result.intact()))
                .finish();
    }

    private String dset(FbasAnalysis analysis, Labels labels, List<String> nodes) {
        DispensableSetCheck check = analysis.dispensable(nodes);
        List<String> reasons = new ArrayList<>();
        if (check.dispensable()) {
            reasons.add("(V, Q) with the set deleted enjoys quorum intersection, and "
                    + (check.blockedNodes().isEmpty() && check.nodes().size() == analysis.fbas().size()
                            ? "the set is V" : "V minus the set is a quorum"));
        }
        if (!check.quorumIntersectionDespite()) {
            reasons.add("no quorum intersection despite the set: deleting it leaves two disjoint quorums"
                    + " (disjoint_quorums_after_deletion)");
        }
        if (!check.quorumAvailabilityDespite()) {
            reasons.add("no quorum availability despite the set: V minus the set is not a quorum, "
                    + check.blockedNodes().size() + " node(s) outside the set have no slice among the rest"
                    + " (blocked_nodes), " + inNoQuorum(analysis, check.blockedNodes())
                    + " of them are in no quorum of the FBAS at all");
        }
        return new JsonOutput()
                .strings("dset", labels.set(check.nodes()))
                .value("dispensable", check.dispensable())
                .value("quorum_intersection_despite", check.quorumIntersectionDespite())
                .value("quorum_availability_despite", check.quorumAvailabilityDespite())
                .strings("why", reasons)
                .sets("disjoint_quorums_after_deletion",
                        check.disjointQuorumsAfterDeletion().map(labels::sets).orElse(null))
                .strings("blocked_nodes", labels.set(check.blockedNodes()))
                .value("blocked_nodes_in_no_quorum_anyway", inNoQuorum(analysis, check.blockedNodes()))
                .finish();
    }

    /** How many of the nodes are in no quorum of (V, Q) at all, whatever fails. */
    private static long inNoQuorum(FbasAnalysis analysis, List<String> nodes) {
        Set<String> dead = new HashSet<>(analysis.nodesInNoQuorum());
        return nodes.stream().filter(dead::contains).count();
    }

    /**
     * How nodes are printed: public keys, or with --names the node's name where it has one that no other
     * node has. Sets and lists of sets are re-sorted by the printed labels.
     */
    private static final class Labels {
        private final Map<String, String> labels = new HashMap<>();

        Labels(Fbas fbas, boolean names) {
            Map<String, Integer> nameCounts = new HashMap<>();
            if (names) {
                for (FbasNode node : fbas.nodes()) {
                    node.name().ifPresent(name -> nameCounts.merge(name, 1, Integer::sum));
                }
                for (FbasNode node : fbas.nodes()) {
                    String name = node.name().orElse(null);
                    boolean usable = name != null && nameCounts.get(name) == 1 && !fbas.contains(name);
                    labels.put(node.id(), usable ? name : node.id());
                }
            }
        }

        String label(String id) {
            return labels.getOrDefault(id, id);
        }

        List<String> set(List<String> ids) {
            List<String> result = new ArrayList<>(ids.size());
            for (String id : ids) {
                result.add(label(id));
            }
            result.sort(Comparator.naturalOrder());
            return result;
        }

        List<List<String>> sets(List<List<String>> sets) {
            List<List<String>> result = new ArrayList<>(sets.size());
            for (List<String> set : sets) {
                result.add(set(set));
            }
            result.sort(BY_SIZE_THEN_LEXICOGRAPHIC);
            return result;
        }
    }

    static final Comparator<List<String>> BY_SIZE_THEN_LEXICOGRAPHIC = (a, b) -> {
        int bySize = Integer.compare(a.size(), b.size());
        if (bySize != 0) {
            return bySize;
        }
        for (int i = 0; i < a.size(); i++) {
            int byMember = a.get(i).compareTo(b.get(i));
            if (byMember != 0) {
                return byMember;
            }
        }
        return 0;
    };
}
