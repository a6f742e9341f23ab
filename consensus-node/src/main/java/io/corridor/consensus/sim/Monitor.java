package io.corridor.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;

import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.Value;

/**
 * The checker. It sees every statement honest nodes emit and every value they externalize, and records
 * {@link Failure}s: two intact nodes externalizing different values for a slot; an honest node emitting a
 * ballot statement that does not supersede its previous one for the slot, or a nomination that drops
 * votes (its history survives restarts, so a restored node is held to what it said before); exceptions
 * from the library. Liveness is judged by the {@link Simulation} at the deadline from {@link #missing()}.
 */
final class Monitor {
    private final Topology topology;
    private final SortedSet<Integer> intact;
    private final int slots;
    private final EventQueue queue;
    private final List<TreeMap<Long, Value>> externalized = new ArrayList<>();
    private final TreeMap<Long, Value> agreed = new TreeMap<>();
    private final TreeMap<Long, Integer> agreedBy = new TreeMap<>();
    private final List<TreeMap<Long, SCPStatement>> lastBallot = new ArrayList<>();
    private final List<TreeMap<Long, SCPStatement>> lastNomination = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private int intactDone;
    private long doneAtMs = -1;

    Monitor(Topology topology, SortedSet<Integer> intact, int slots, EventQueue queue) {
        this.topology = topology;
        this.intact = intact;
        this.slots = slots;
        this.queue = queue;
        for (int i = 0; i < topology.size(); i++) {
            externalized.add(new TreeMap<>());
            lastBallot.add(new TreeMap<>());
            lastNomination.add(new TreeMap<>());
        }
    }

    void emitted(int node, SCPEnvelope envelope) {
        SCPStatement st = envelope.getStatement();
        long slot = st.getSlotIndex().getUint64().getNumber().longValue();
        TreeMap<Long, SCPStatement> last = StatementOrder.isBallot(st) ? lastBallot.get(node) : lastNomination.get(node);
        SCPStatement previous = last.get(slot);
        if (previous != null) {
            boolean ok = StatementOrder.isBallot(st) ? StatementOrder.ballotSupersedes(previous, st)
                    : StatementOrder.nominationGrows(previous, st);
            if (!ok) {
                fail(Failure.Kind.STATEMENT_ORDER, topology.nodeName(node) + " slot " + slot + ": emitted "
                        + Describe.statement(st) + " after " + Describe.statement(previous));
            }
        }
        last.put(slot, st);
    }

    void externalized(int node, long slot, Value value) {
        Value before = externalized.get(node).put(slot, value);
        if (before != null) {
            fail(Failure.Kind.SAFETY, topology.nodeName(node) + " externalized slot " + slot + " twice: "
                    + SimValues.describe(before) + " then " + SimValues.describe(value));
        }
        if (!intact.contains(node)) {
            return;
        }
        Value first = agreed.get(slot);
        if (first == null) {
            agreed.put(slot, value);
            agreedBy.put(slot, node);
        } else if (!first.equals(value)) {
            fail(Failure.Kind.SAFETY, "slot " + slot + ": intact " + topology.nodeName(agreedBy.get(slot))
                    + " externalized " + SimValues.describe(first) + " but intact " + topology.nodeName(node)
                    + " externalized " + SimValues.describe(value));
        }
        if (slot >= 1 && slot <= slots && externalizedAll(node)) {
            intactDone++;
            if (intactDone == intact.size()) {
                doneAtMs = queue.now();
            }
        }
    }

    private boolean externalizedAll(int node) {
        return externalized.get(node).subMap(1L, true, (long) slots, true).size() == slots;
    }

    void exception(int node, String during, RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        fail(Failure.Kind.EXCEPTION, topology.nodeName(node) + " " + during + ": " + e + where);
    }

    void fail(Failure.Kind kind, String detail) {
        failures.add(new Failure(kind, queue.now(), detail));
    }

    boolean hasFailed() {
        return !failures.isEmpty();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Whether every intact node externalized every slot; vacuously true without intact nodes. */
    boolean allDone() {
        return intactDone >= intact.size();
    }

    /** When the last intact node externalized its last slot, or -1. */
    long doneAtMs() {
        return intact.isEmpty() ? 0 : doneAtMs;
    }

    /** Intact nodes and the slots they have not externalized, as text. */
    String missing() {
        StringBuilder sb = new StringBuilder();
        for (int node : intact) {
            List<Long> missing = new ArrayList<>();
            for (long s = 1; s <= slots; s++) {
                if (!externalized.get(node).containsKey(s)) {
                    missing.add(s);
                }
            }
            if (!missing.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(topology.nodeName(node)).append(" slots ").append(missing);
            }
        }
        return sb.toString();
    }

    Value externalizedValue(int node, long slot) {
        return externalized.get(node).get(slot);
    }
}
