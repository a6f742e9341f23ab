package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregated results of a batch of runs of one topology: counts of runs and failures by kind (with the
 * failing seeds), how many runs had each kind of fault, and distributions (median, p99, max) of the virtual
 * time until every intact node externalized every slot, of the recovery time after the fault phase and of
 * the messages sent. Wall time is for information only.
 */
public final class TopologyReport {
    /** A failed run: its seed and what went wrong. */
    public record FailedRun(long seed, String kinds, String detail) {
    }

    /** Median, 99th percentile (nearest rank) and maximum. */
    public record Distribution(long median, long p99, long max) {
        static Distribution of(long[] values) {
            if (values.length == 0) {
                return new Distribution(-1, -1, -1);
            }
            long[] v = values.clone();
            Arrays.sort(v);
            return new Distribution(v[rank(v.length, 50)], v[rank(v.length, 99)], v[v.length - 1]);
        }

        private static int rank(int n, int percent) {
            return Math.max(0, (int) Math.ceil(n * percent / 100.0) - 1);
        }
    }

    private final String topology;
    private final int nodes;
    private final List<FailedRun> failed = new ArrayList<>();
    private final List<Long> doneAt = new ArrayList<>();
    private final List<Long> recovery = new ArrayList<>();
    private final List<Long> messages = new ArrayList<>();
    private int runs;
    private int safety;
    private int liveness;
    private int other;
    private int withByzantine;
    private int withPartitions;
    private int withCrashes;
    private int withLoss;
    private long messagesTotal;
    private long rejectedTotal;
    private long undecodableTotal;
    private long wallMs;

    public TopologyReport(String topology, int nodes) {
        this.topology = topology;
        this.nodes = nodes;
    }

    void add(RunResult r) {
        runs++;
        if (!r.passed()) {
            StringBuilder kinds = new StringBuilder();
            for (Failure f : r.failures()) {
                if (kinds.indexOf(f.kind().name()) < 0) {
                    kinds.append(kinds.length() == 0 ? "" : ",").append(f.kind());
                }
            }
            failed.add(new FailedRun(r.seed(), kinds.toString(), r.failures().get(0).toString()));
            if (r.safetyViolated()) {
                safety++;
            } else if (r.hasFailure(Failure.Kind.LIVENESS) || r.hasFailure(Failure.Kind.EVENT_BOUND)) {
                liveness++;
            } else {
                other++;
            }
        }
        if (r.doneAtMs() >= 0) {
            doneAt.add(r.doneAtMs());
            recovery.add(r.recoveryMs());
        }
        messages.add(r.messagesSent());
        messagesTotal += r.messagesSent();
        rejectedTotal += r.traffic().rejected();
        undecodableTotal += r.traffic().undecodable();
        FaultPlan p = r.plan();
        withByzantine += p.byzantine().isEmpty() ? 0 : 1;
        withPartitions += p.partitions().isEmpty() ? 0 : 1;
        withCrashes += p.crashes().isEmpty() ? 0 : 1;
        withLoss += p.dropPercent() > 0 ? 1 : 0;
    }

    /** A run that could not be carried out at all (a simulator error). */
    void addError(long seed, RuntimeException e) {
        runs++;
        other++;
        failed.add(new FailedRun(seed, "SIMULATOR_ERROR", String.valueOf(e)));
    }

    void addWallMs(long ms) {
        wallMs += ms;
    }

    public String topology() {
        return topology;
    }

    public int runs() {
        return runs;
    }

    public List<FailedRun> failed() {
        return List.copyOf(failed);
    }

    public int safetyViolations() {
        return safety;
    }

    public int livenessFailures() {
        return liveness;
    }

    public int otherFailures() {
        return other;
    }

    public Distribution externalizedAllMs() {
        return Distribution.of(toArray(doneAt));
    }

    public Distribution recoveryMs() {
        return Distribution.of(toArray(recovery));
    }

    public Distribution messagesPerRun() {
        return Distribution.of(toArray(messages));
    }

    public long wallMs() {
        return wallMs;
    }

    private static long[] toArray(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).toArray();
    }

    /** One row of the summary table. */
    String row() {
        Distribution d = externalizedAllMs();
        Distribution rec = recoveryMs();
        Distribution m = messagesPerRun();
        return String.format("%-9s %5d %4d %6d %6d %6d %5d  %7d %7d  %6d %6d  %7d %7d  %5.0f",
                topology, nodes, runs, failed.size(), safety, liveness, other, d.median(), d.p99(), rec.median(),
                rec.p99(), m.median(), m.p99(), wallMs / 1000.0);
    }

    static String header() {
        return String.format("%-9s %5s %4s %6s %6s %6s %5s  %7s %7s  %6s %6s  %7s %7s  %5s", "topology", "nodes",
                "runs", "failed", "safety", "live", "other", "ext-med", "ext-p99", "rec-med", "rec-p99", "msg-med",
                "msg-p99", "wall-s");
    }

    String faultCoverage() {
        return String.format("%s: runs with Byzantine nodes %d, partitions %d, crash-restarts %d, message loss %d;"
                + " messages sent %d, rejected by SCP %d, undecodable %d", topology, withByzantine, withPartitions,
                withCrashes, withLoss, messagesTotal, rejectedTotal, undecodableTotal);
    }

    String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"topology\": \"").append(topology).append("\", \"nodes\": ").append(nodes)
                .append(", \"runs\": ").append(runs).append(", \"failed\": ").append(failed.size())
                .append(", \"safety_violations\": ").append(safety).append(", \"liveness_failures\": ").append(liveness)
                .append(", \"other_failures\": ").append(other).append(", \"failed_seeds\": [");
        for (int i = 0; i < failed.size(); i++) {
            FailedRun f = failed.get(i);
            sb.append(i == 0 ? "" : ", ").append("{\"seed\": ").append(f.seed()).append(", \"kinds\": \"")
                    .append(f.kinds()).append("\", \"detail\": \"").append(escape(f.detail())).append("\"}");
        }
        sb.append("], \"externalized_all_ms\": ").append(json(externalizedAllMs()))
                .append(", \"recovery_after_faults_ms\": ").append(json(recoveryMs()))
                .append(", \"messages_per_run\": ").append(json(messagesPerRun()))
                .append(", \"messages_total\": ").append(messagesTotal)
                .append(", \"rejected_by_scp\": ").append(rejectedTotal)
                .append(", \"undecodable\": ").append(undecodableTotal)
                .append(", \"runs_with\": {\"byzantine\": ").append(withByzantine).append(", \"partitions\": ")
                .append(withPartitions).append(", \"crashes\": ").append(withCrashes).append(", \"message_loss\": ")
                .append(withLoss).append("}, \"wall_ms\": ").append(wallMs).append('}');
        return sb.toString();
    }

    private static String json(Distribution d) {
        return "{\"median\": " + d.median() + ", \"p99\": " + d.p99() + ", \"max\": " + d.max() + "}";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
