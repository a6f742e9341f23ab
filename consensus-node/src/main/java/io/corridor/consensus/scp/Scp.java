package io.corridor.consensus.scp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.Value;

/**
 * The Stellar Consensus Protocol for one local node (stellar-core's {@code SCP}): a set of slots, each
 * running nomination and the ballot protocol, fed with envelopes from the network and with values to
 * nominate, and talking back only through its {@link ScpDriver}. Not thread-safe: the host calls it, and
 * runs the driver's timer callbacks, from one thread.
 */
public final class Scp {
    /**
     * Bound on slots held at once. Envelopes that would open a slot beyond it are rejected; the host keeps
     * the count low with {@link #purgeSlots} after each externalized slot.
     */
    public static final int SLOTS_MAX = 1024;

    private final ScpDriver driver;
    private final LocalNode localNode;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();

    /**
     * @param driver         the host
     * @param localNodeId    the local node's id (its Ed25519 public key)
     * @param isValidator    whether the node votes; a watcher runs the protocol but never emits
     * @param localQuorumSet the local quorum set; must be sane
     */
    public Scp(ScpDriver driver, NodeID localNodeId, boolean isValidator, SCPQuorumSet localQuorumSet) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.localNode = new LocalNode(localNodeId, isValidator, localQuorumSet);
    }

    public NodeID getLocalNodeId() {
        return Xdr.copy(localNode.nodeId());
    }

    public boolean isValidator() {
        return localNode.isValidator();
    }

    /** The local quorum set, normalised. */
    public SCPQuorumSet getLocalQuorumSet() {
        return Xdr.copy(localNode.quorumSet());
    }

    /** Hash of the normalised local quorum set, as carried in the local node's statements. */
    public Hash getLocalQuorumSetHash() {
        return new Hash(localNode.quorumSetHash().getHash().clone());
    }

    /**
     * Processes an envelope from the network. Returns {@link EnvelopeState#INVALID} for envelopes that are
     * malformed, badly signed, from the local node itself, insane, stale, carry an invalid value, or would
     * open a slot beyond {@link #SLOTS_MAX}. The host must not feed envelopes for slots it purged: a purged
     * slot would start afresh.
     */
    public EnvelopeState receiveEnvelope(SCPEnvelope envelope) {
        SCPEnvelope copy;
        try {
            // Keeps the caller's mutable object out of SCP's state and rejects incomplete objects.
            copy = Xdr.copy(envelope);
        } catch (RuntimeException e) {
            return EnvelopeState.INVALID;
        }
        SCPStatement st = copy.getStatement();
        long slotIndex = Xdr.uint64OrMinusOne(st.getSlotIndex());
        // The local node's own statements enter only as it makes them or through setStateFromEnvelope: an
        // echo from the network could otherwise make it record a statement it must then supersede.
        if (slotIndex < 0 || st.getNodeID().equals(localNode.nodeId()) || !driver.verifyEnvelope(Xdr.copy(copy))) {
            return EnvelopeState.INVALID;
        }
        Optional<Slot> slot = getSlot(slotIndex, true);
        if (slot.isEmpty()) {
            return EnvelopeState.INVALID;
        }
        return slot.get().processEnvelope(copy, false);
    }

    /**
     * Nominates {@code value} for the slot; {@code previousValue} is the value externalized in the previous
     * slot (it seeds leader selection). Returns whether the local node's nomination changed.
     */
    public boolean nominate(long slotIndex, Value value, Value previousValue) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(previousValue, "previousValue");
        return slotOrThrow(slotIndex).nominate(value, previousValue, false);
    }

    /** Stops nominating for the slot (the ballot protocol carries on). */
    public void stopNomination(long slotIndex) {
        getSlot(slotIndex, false).ifPresent(Slot::stopNomination);
    }

    /**
     * Moves the ballot protocol to the next counter with {@code value} (or the value it is locked on),
     * starting it if needed, without going through nomination. The host uses it to recover a slot it lost
     * track of; returns whether the ballot changed.
     */
    public boolean bumpState(long slotIndex, Value value) {
        Objects.requireNonNull(value, "value");
        return slotOrThrow(slotIndex).bumpState(value, true);
    }

    /** Abandons the current ballot for the next counter, as when the ballot timer fires. */
    public boolean abandonBallot(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::abandonBallot).orElse(false);
    }

    /** The local node's latest nomination and ballot envelopes (empty unless fully validated). */
    public List<SCPEnvelope> getLatestMessagesSend(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::getLatestMessagesSend).orElse(List.of());
    }

    /** Latest envelope of every node for the slot; the local node's only when the slot is fully validated. */
    public List<SCPEnvelope> getCurrentState(long slotIndex) {
        return getSlot(slotIndex, false).map(s -> s.getCurrentState(false)).orElse(List.of());
    }

    /** Like {@link #getCurrentState} but always including the local node's envelopes. */
    public List<SCPEnvelope> getEntireCurrentState(long slotIndex) {
        return getSlot(slotIndex, false).map(s -> s.getCurrentState(true)).orElse(List.of());
    }

    /** The latest envelope of {@code node} in the highest slot where it spoke. */
    public Optional<SCPEnvelope> getLatestMessage(NodeID node) {
        for (Slot s : slots.descendingMap().values()) {
            Optional<SCPEnvelope> m = s.getLatestMessage(node);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Once the slot externalized: the envelopes that support its value. */
    public List<SCPEnvelope> getExternalizingState(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::getExternalizingState).orElse(List.of());
    }

    /**
     * Drops every slot below {@code maxSlotIndex} except {@code slotToKeep}, cancelling their timers.
     */
    public void purgeSlots(long maxSlotIndex, long slotToKeep) {
        var it = slots.headMap(maxSlotIndex, false).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Slot> e = it.next();
            if (e.getKey() != slotToKeep) {
                driver.stopTimer(e.getKey(), TimerId.NOMINATION);
                driver.stopTimer(e.getKey(), TimerId.BALLOT_PROTOCOL);
                it.remove();
            }
        }
    }

    /**
     * Restores the state the local node was in when it sent {@code envelope} (its own, for this slot), so
     * that after a restart it never says anything contradicting it. Must be called before the slot does
     * anything else (per protocol: before nominating for nominations, before the ballot protocol starts
     * for ballot statements).
     *
     * @throws IllegalArgumentException when the envelope is not the local node's, not for this slot, or insane
     * @throws IllegalStateException    when the slot already started the corresponding protocol
     */
    public void setStateFromEnvelope(long slotIndex, SCPEnvelope envelope) {
        SCPEnvelope copy = Xdr.copy(envelope);
        if (Xdr.uint64OrMinusOne(copy.getStatement().getSlotIndex()) != slotIndex) {
            throw new IllegalArgumentException("envelope is for another slot");
        }
        slotOrThrow(slotIndex).setStateFromEnvelope(copy);
    }

    public boolean isSlotFullyValidated(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::isFullyValidated).orElse(false);
    }

    /** Whether the nodes heard from for the slot form a v-blocking set. */
    public boolean gotVBlocking(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::gotVBlocking).orElse(false);
    }

    public int getKnownSlotsCount() {
        return slots.size();
    }

    /** Highest slot index held, if any. */
    public Optional<Long> getHighSlotIndex() {
        return slots.isEmpty() ? Optional.empty() : Optional.of(slots.lastKey());
    }

    public Set<NodeID> getNominationLeaders(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::getNominationLeaders).orElse(Set.of());
    }

    public Optional<Value> getLatestCompositeCandidate(long slotIndex) {
        return getSlot(slotIndex, false).flatMap(Slot::latestCompositeCandidate);
    }

    /** Diagnostic view of the slot's ballot protocol. */
    public Optional<BallotSnapshot> getBallotState(long slotIndex) {
        return getSlot(slotIndex, false).map(Slot::ballotSnapshot);
    }

    private Slot slotOrThrow(long slotIndex) {
        if (slotIndex < 0) {
            throw new IllegalArgumentException("slot index must not be negative: " + slotIndex);
        }
        return getSlot(slotIndex, true)
                .orElseThrow(() -> new IllegalStateException("too many slots held: purge before starting new ones"));
    }

    private Optional<Slot> getSlot(long slotIndex, boolean create) {
        Slot s = slots.get(slotIndex);
        if (s == null && create) {
            if (slots.size() >= SLOTS_MAX) {
                return Optional.empty();
            }
            s = new Slot(slotIndex, driver, localNode);
            slots.put(slotIndex, s);
        }
        return Optional.ofNullable(s);
    }
}
