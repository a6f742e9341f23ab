package io.corridor.consensus.sim;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.LongFunction;

import io.corridor.consensus.scp.EnvelopeState;
import io.corridor.consensus.scp.Scp;
import io.corridor.consensus.scp.ScpDriver;
import io.corridor.consensus.scp.TimerId;
import io.corridor.consensus.scp.ValidationLevel;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * One node's SCP instance and the host around it (what the herder will be): it decodes envelopes off the
 * wire, drops those for slots far ahead, nominates its value for each slot once the previous one is
 * externalized, runs SCP's timers on the virtual clock, persists its latest envelopes as it emits them,
 * rebroadcasts them periodically, and crashes and restarts (restoring from the persisted envelopes with
 * {@link Scp#setStateFromEnvelope}). Where its envelopes go is up to its {@link Outbox}: honest nodes
 * broadcast them, a Byzantine node rewrites them per peer.
 */
final class ScpHost implements ScpDriver {
    /** Where emitted and rebroadcast envelopes go. */
    interface Outbox {
        /** A new envelope the node emitted. */
        void emitted(ScpHost host, SCPEnvelope envelope);

        /** An envelope the node already emitted, sent again. */
        void resent(ScpHost host, SCPEnvelope envelope);

        /** The node externalized a value. */
        void externalized(ScpHost host, long slot, Value value);
    }

    private final World world;
    private final int index;
    private final SimIdentity identity;
    private final SCPQuorumSet quorumSet;
    private final LongFunction<Value> proposals;
    private final Outbox outbox;
    private final TreeMap<Long, Value> externalized = new TreeMap<>();
    /** What the host persists: the latest envelopes the node sent, per slot. */
    private final TreeMap<Long, List<SCPEnvelope>> persisted = new TreeMap<>();
    private final Map<String, Long> timers = new TreeMap<>();
    private Scp scp;
    private boolean up = true;
    private long incarnation;
    private long timerGeneration;
    private long currentSlot = 1;

    ScpHost(World world, int index, SCPQuorumSet quorumSet, LongFunction<Value> proposals, Outbox outbox) {
        this.world = world;
        this.index = index;
        this.identity = world.keys().get(index);
        this.quorumSet = quorumSet;
        this.proposals = proposals;
        this.outbox = outbox;
        world.quorumSets().publish(quorumSet);
        this.scp = newScp();
    }

    private Scp newScp() {
        Scp s = new Scp(this, identity.nodeId(), true, quorumSet);
        world.quorumSets().publish(s.getLocalQuorumSet());
        return s;
    }

    int index() {
        return index;
    }

    boolean isUp() {
        return up;
    }

    long currentSlot() {
        return currentSlot;
    }

    Hash quorumSetHash() {
        return scp.getLocalQuorumSetHash();
    }

    void start() {
        nominateCurrent();
        scheduleRebroadcast();
    }

    private void nominateCurrent() {
        long slot = currentSlot;
        if (slot > world.config().slots() || externalized.containsKey(slot)) {
            return;
        }
        Value previous = slot == 1 ? SimValues.genesis() : externalized.get(slot - 1);
        guard("nominating slot " + slot, () -> scp.nominate(slot, proposals.apply(slot), previous));
    }

    void receive(byte[] bytes) {
        if (!up) {
            return;
        }
        Optional<SCPEnvelope> decoded = EnvelopeWire.decode(bytes);
        if (decoded.isEmpty()) {
            world.traffic().undecodable++;
            return;
        }
        SCPEnvelope envelope = decoded.get();
        BigInteger slot = envelope.getStatement().getSlotIndex().getUint64().getNumber();
        if (slot.bitLength() < 63 && slot.longValue() > currentSlot + world.config().slotHorizon()) {
            world.traffic().aheadOfHorizon++; // a herder ignores envelopes far ahead of the ledger it tracks
            return;
        }
        guard("receiving " + Describe.statement(envelope.getStatement()), () -> {
            if (scp.receiveEnvelope(envelope) == EnvelopeState.VALID) {
                world.traffic().accepted++;
            } else {
                world.traffic().rejected++;
            }
        });
    }

    private void scheduleRebroadcast() {
        long generation = incarnation;
        world.queue().after(world.config().rebroadcastMs(), () -> {
            if (up && generation == incarnation) {
                rebroadcast();
                scheduleRebroadcast();
            }
        });
    }

    private void rebroadcast() {
        long last = Math.min(currentSlot, world.config().slots());
        for (long slot = 1; slot <= last; slot++) {
            for (SCPEnvelope e : scp.getLatestMessagesSend(slot)) {
                outbox.resent(this, e);
            }
        }
    }

    void crash() {
        if (!up) {
            return;
        }
        up = false;
        incarnation++;
        timers.clear();
        scp = null;
    }

    void restart() {
        if (up) {
            return;
        }
        up = true;
        incarnation++;
        scp = newScp();
        for (Map.Entry<Long, List<SCPEnvelope>> e : persisted.entrySet()) {
            for (SCPEnvelope env : e.getValue()) {
                guard("restoring slot " + e.getKey(), () -> scp.setStateFromEnvelope(e.getKey(), env));
            }
        }
        nominateCurrent();
        scheduleRebroadcast();
    }

    /** Runs a call into SCP; an exception is a library failure, reported to the monitor. */
    private void guard(String during, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            world.monitor().exception(index, during, e);
        }
    }

    // ------------------------------------------------------------------ ScpDriver

    @Override
    public ValidationLevel validateValue(long slotIndex, Value value, boolean nomination) {
        return SimValues.validate(slotIndex, value);
    }

    @Override
    public Value combineCandidates(long slotIndex, SortedSet<Value> candidates) {
        return candidates.last();
    }

    @Override
    public Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash) {
        return world.quorumSets().get(quorumSetHash);
    }

    @Override
    public void emitEnvelope(SCPEnvelope envelope) {
        long slot = envelope.getStatement().getSlotIndex().getUint64().getNumber().longValue();
        persisted.put(slot, scp.getLatestMessagesSend(slot));
        outbox.emitted(this, envelope);
    }

    @Override
    public Signature signEnvelope(SCPEnvelope unsignedEnvelope) {
        return identity.sign(unsignedEnvelope.getStatement());
    }

    @Override
    public boolean verifyEnvelope(SCPEnvelope envelope) {
        return world.keys().verify(envelope);
    }

    @Override
    public void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback) {
        String key = slotIndex + "/" + timerId;
        long generation = ++timerGeneration;
        long life = incarnation;
        timers.put(key, generation);
        world.queue().after(delayMs, () -> {
            if (up && life == incarnation && Long.valueOf(generation).equals(timers.get(key))) {
                timers.remove(key);
                guard("timer " + key, callback);
            }
        });
    }

    @Override
    public void stopTimer(long slotIndex, TimerId timerId) {
        timers.remove(slotIndex + "/" + timerId);
    }

    @Override
    public void valueExternalized(long slotIndex, Value value) {
        externalized.put(slotIndex, value);
        outbox.externalized(this, slotIndex, value);
        long before = currentSlot;
        while (externalized.containsKey(currentSlot) && currentSlot <= world.config().slots()) {
            currentSlot++;
        }
        if (currentSlot != before) {
            long life = incarnation;
            long next = currentSlot;
            // the herder starts the next ledger after the close, outside SCP's call stack
            world.queue().after(1, () -> {
                if (up && life == incarnation && currentSlot == next) {
                    nominateCurrent();
                }
            });
        }
    }

    /** Ballot state of a slot, for liveness reports. */
    String describeSlot(long slot) {
        if (!up) {
            return "down";
        }
        return scp.getBallotState(slot).map(Object::toString).orElse("no ballot state");
    }
}
