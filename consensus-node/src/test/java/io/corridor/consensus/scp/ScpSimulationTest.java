package io.corridor.consensus.scp;

import static io.corridor.consensus.scp.TestNodes.node;
import static io.corridor.consensus.scp.TestNodes.nodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * Deterministic multi-node simulation: N nodes in one JVM on a virtual clock, one seeded random source,
 * real leader-selection hashes. A safety phase injects message loss, delay, reordering, duplication and
 * crash-restarts (restored from the envelopes persisted before the crash); then the network heals and every
 * node must externalize every slot. Checked throughout: no two nodes externalize different values for a
 * slot, and no node ever emits a ballot statement that does not supersede its previous one (restarts
 * included). The seed that reproduces a failure is in every assertion message.
 */
class ScpSimulationTest {
    static final int SLOTS = 3;
    static final long SAFETY_PHASE_MS = 20_000;
    static final long DELAY_MS_MAX = 400;
    static final long REBROADCAST_MS = 2_000;
    static final long TIME_MS_MAX = 3_600_000;
    static final int EVENTS_MAX = 400_000;

    record Topology(String name, int size, SCPQuorumSet qSet) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> runs() {
        List<Topology> topologies = List.of(
                new Topology("flat4", 4, TestNodes.qSet(3, nodes(0, 1, 2, 3))),
                new Topology("core5", 5, TestNodes.qSet(4, nodes(0, 1, 2, 3, 4))),
                new Topology("tiered7", 7, TestNodes.qSet(2, new NodeID[0],
                        TestNodes.qSet(2, nodes(0, 1, 2)), TestNodes.qSet(2, nodes(3, 4)),
                        TestNodes.qSet(2, nodes(5, 6)))));
        List<Arguments> args = new ArrayList<>();
        for (Topology t : topologies) {
            for (long seed = 1; seed <= 8; seed++) {
                args.add(Arguments.of(t, seed * 7919 + t.size()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("runs")
    void nodesAgreeDespiteFaultsThenAllExternalize(Topology topology, long seed) {
        Network net = new Network(topology, seed);
        try {
            net.run();
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("simulation failed: topology=" + topology + " seed=" + seed + ": " + e, e);
        }
        for (long slot = 1; slot <= SLOTS; slot++) {
            for (int i = 0; i < topology.size(); i++) {
                assertThat(net.externalized.get(i)).as("seed %d %s node %d externalized slot %d", seed, topology,
                        i, slot).containsKey(slot);
            }
        }
    }

    /** The simulated network, clock and fault injector. */
    static final class Network {
        final Topology topology;
        final long seed;
        final Random random;
        final PriorityQueue<Event> events = new PriorityQueue<>();
        final Map<Hash, SCPQuorumSet> quorumSets = new HashMap<>();
        final SimNode[] nodes;
        final List<Map<Long, Value>> externalized = new ArrayList<>();
        long now;
        long seq;

        Network(Topology topology, long seed) {
            this.topology = topology;
            this.seed = seed;
            this.random = new Random(seed);
            this.nodes = new SimNode[topology.size()];
            for (int i = 0; i < nodes.length; i++) {
                externalized.add(new TreeMap<>());
                nodes[i] = new SimNode(this, i);
            }
        }

        boolean safetyPhase() {
            return now < SAFETY_PHASE_MS;
        }

        void schedule(long at, Runnable action) {
            events.add(new Event(at, seq++, action));
        }

        void broadcast(int from, SCPEnvelope envelope) {
            for (int to = 0; to < nodes.length; to++) {
                if (to == from) {
                    continue;
                }
                if (safetyPhase() && random.nextInt(100) < 15) {
                    continue; // lost
                }
                int copies = safetyPhase() && random.nextInt(100) < 5 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    SCPEnvelope copy = Xdr.copy(envelope);
                    int target = to;
                    schedule(now + 1 + random.nextLong(DELAY_MS_MAX), () -> nodes[target].deliver(copy));
                }
            }
        }

        void run() {
            for (SimNode n : nodes) {
                n.start();
                schedule(REBROADCAST_MS, n::rebroadcast);
            }
            // crash-restarts during the safety phase
            for (int k = 0; k < 2; k++) {
                int victim = random.nextInt(nodes.length);
                long at = 500 + random.nextLong(SAFETY_PHASE_MS / 2);
                schedule(at, nodes[victim]::crash);
                schedule(at + 1000 + random.nextLong(3000), nodes[victim]::restart);
            }
            int processed = 0;
            while (!events.isEmpty() && !allDone()) {
                Event e = events.poll();
                now = e.at();
                assertThat(now).as("virtual time bound").isLessThan(TIME_MS_MAX);
                assertThat(++processed).as("event bound").isLessThan(EVENTS_MAX);
                e.action().run();
            }
        }

        boolean allDone() {
            return externalized.stream().allMatch(m -> m.size() == SLOTS);
        }

        void onExternalized(int node, long slot, Value value) {
            for (Map<Long, Value> other : externalized) {
                Value v = other.get(slot);
                if (v != null) {
                    assertThat(value).as("safety: slot %d", slot).isEqualTo(v);
                }
            }
            assertThat(externalized.get(node).put(slot, value)).as("externalized once").isNull();
        }
    }

    record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    /** One node: its SCP instance, driver, persisted envelopes and timers. */
    static final class SimNode implements ScpDriver {
        final Network net;
        final int index;
        final NodeID id;
        Scp scp;
        boolean up = true;
        long currentSlot = 1;
        /** What the herder would persist: the latest envelopes sent, per slot. */
        final Map<Long, List<SCPEnvelope>> persisted = new HashMap<>();
        /** Last ballot statement emitted per slot, across restarts. */
        final Map<Long, SCPStatement> lastBallotEmitted = new HashMap<>();
        final Map<String, Long> timerGenerations = new HashMap<>();
        long timerGeneration;

        SimNode(Network net, int index) {
            this.net = net;
            this.index = index;
            this.id = node(index);
            net.quorumSets.put(QuorumSets.hash(net.topology.qSet()), net.topology.qSet());
            this.scp = new Scp(this, id, true, net.topology.qSet());
            net.quorumSets.put(scp.getLocalQuorumSetHash(), scp.getLocalQuorumSet());
        }

        Value proposal(long slot) {
            return TestValues.value((int) (slot * 16 + index));
        }

        Value previous(long slot) {
            return slot == 1 ? TestValues.PREVIOUS : net.externalized.get(index).get(slot - 1);
        }

        void start() {
            scp.nominate(currentSlot, proposal(currentSlot), previous(currentSlot));
        }

        void deliver(SCPEnvelope e) {
            if (up) {
                scp.receiveEnvelope(e);
            }
        }

        void rebroadcast() {
            if (up) {
                // Every slot is kept (no history catch-up here): a node that was down can still finish old slots.
                for (long slot = 1; slot <= currentSlot; slot++) {
                    for (SCPEnvelope e : scp.getLatestMessagesSend(slot)) {
                        net.broadcast(index, e);
                    }
                }
            }
            net.schedule(net.now + REBROADCAST_MS, this::rebroadcast);
        }

        void crash() {
            if (!up) {
                return;
            }
            up = false;
            timerGenerations.clear();
            scp = null;
        }

        void restart() {
            if (up) {
                return;
            }
            up = true;
            scp = new Scp(this, id, true, net.topology.qSet());
            for (Map.Entry<Long, List<SCPEnvelope>> e : persisted.entrySet()) {
                for (SCPEnvelope env : e.getValue()) {
                    scp.setStateFromEnvelope(e.getKey(), env);
                }
            }
            if (!net.externalized.get(index).containsKey(currentSlot)) {
                scp.nominate(currentSlot, proposal(currentSlot), previous(currentSlot));
            }
        }

        // ------------------------------------------------------------------ ScpDriver

        @Override
        public ValidationLevel validateValue(long slotIndex, Value value, boolean nomination) {
            return ValidationLevel.FULLY_VALIDATED;
        }

        @Override
        public Value combineCandidates(long slotIndex, SortedSet<Value> candidates) {
            return candidates.last();
        }

        @Override
        public Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash) {
            return Optional.ofNullable(net.quorumSets.get(quorumSetHash));
        }

        @Override
        public void emitEnvelope(SCPEnvelope envelope) {
            SCPStatement st = envelope.getStatement();
            long slot = st.getSlotIndex().getUint64().getNumber().longValue();
            if (st.getPledges().getDiscriminant() != SCPStatementType.SCP_ST_NOMINATE) {
                SCPStatement previous = lastBallotEmitted.get(slot);
                if (previous != null) {
                    assertThat(BallotProtocol.isNewerStatement(previous, st))
                            .as("node %d never goes back: %s then %s", index, TestEnvelopes.describe(previous),
                                    TestEnvelopes.describe(st))
                            .isTrue();
                }
                lastBallotEmitted.put(slot, st);
            }
            persisted.put(slot, scp == null ? List.of(envelope) : scp.getLatestMessagesSend(slot));
            net.broadcast(index, envelope);
        }

        @Override
        public Signature signEnvelope(SCPEnvelope unsignedEnvelope) {
            return TestEnvelopes.testSignature(unsignedEnvelope.getStatement());
        }

        @Override
        public boolean verifyEnvelope(SCPEnvelope envelope) {
            return Arrays.equals(envelope.getSignature().getSignature(),
                    TestEnvelopes.testSignature(envelope.getStatement()).getSignature());
        }

        @Override
        public void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback) {
            String key = slotIndex + "/" + timerId;
            long generation = ++timerGeneration;
            timerGenerations.put(key, generation);
            net.schedule(net.now + delayMs, () -> {
                if (up && Long.valueOf(generation).equals(timerGenerations.get(key))) {
                    timerGenerations.remove(key);
                    callback.run();
                }
            });
        }

        @Override
        public void stopTimer(long slotIndex, TimerId timerId) {
            timerGenerations.remove(slotIndex + "/" + timerId);
        }

        @Override
        public void valueExternalized(long slotIndex, Value value) {
            net.onExternalized(index, slotIndex, value);
            if (slotIndex == currentSlot && currentSlot < SLOTS) {
                currentSlot++;
                long next = currentSlot;
                // the herder starts the next ledger after the close, outside SCP's call stack
                net.schedule(net.now + 1, () -> {
                    if (up && currentSlot == next) {
                        scp.nominate(next, proposal(next), previous(next));
                    }
                });
            }
        }
    }
}
