package io.corridor.consensus.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * The driver of a single node under test, after stellar-core's {@code TestSCP}: it records emitted
 * envelopes, holds timers for the test to inspect and fire (no wall clock, no threads), and makes leader
 * selection predictable (priority by lookup, value hash by function).
 */
final class TestDriver implements ScpDriver {
    record Timer(long fireAtMs, long delayMs, Runnable callback) {
    }

    record TimerKey(long slot, TimerId id) {
    }

    final Scp scp;
    final Map<Hash, SCPQuorumSet> quorumSets = new HashMap<>();
    final List<SCPEnvelope> envs = new ArrayList<>();
    final Map<Long, Value> externalizedValues = new TreeMap<>();
    final Map<Long, List<Ballot>> heardFromQuorums = new TreeMap<>();
    final Map<TimerKey, Timer> timers = new HashMap<>();
    final List<Value> nominatingValues = new ArrayList<>();
    long currentTimeMs;

    /** Priority of a node in leader selection (H1); H0 is always 0, so every node is a neighbour. */
    Function<NodeID, Long> priorityLookup;
    ToLongFunction<Value> valueHash = v -> 0;
    /** When set, decides value validity; otherwise every value is fully validated. */
    ValueValidator validator;
    SortedSet<Value> expectedCandidates = new TreeSet<>(Xdr.VALUE_ORDER);
    Value compositeValue;
    long maxTimeoutSeconds = TIMEOUT_SECONDS_MAX_DEFAULT;

    @FunctionalInterface
    interface ValueValidator {
        ValidationLevel validate(long slot, Value value, boolean nomination);
    }

    TestDriver(NodeID nodeId, SCPQuorumSet qSet) {
        this(nodeId, qSet, true);
    }

    TestDriver(NodeID nodeId, SCPQuorumSet qSet, boolean validator) {
        this.scp = new Scp(this, nodeId, validator, qSet);
        this.priorityLookup = n -> n.equals(nodeId) ? 1000L : 1L;
        storeQuorumSet(qSet);
        storeQuorumSet(scp.getLocalQuorumSet());
    }

    void storeQuorumSet(SCPQuorumSet q) {
        quorumSets.put(QuorumSets.hash(q), q);
    }

    Hash localQSetHash() {
        return scp.getLocalQuorumSetHash();
    }

    EnvelopeState receive(SCPEnvelope e) {
        return scp.receiveEnvelope(e);
    }

    // ------------------------------------------------------------------ timers

    Optional<Timer> timer(long slot, TimerId id) {
        return Optional.ofNullable(timers.get(new TimerKey(slot, id)));
    }

    boolean hasBallotTimer() {
        return timer(0, TimerId.BALLOT_PROTOCOL).isPresent();
    }

    /** The ballot timer is armed and would fire in the future. */
    boolean hasBallotTimerUpcoming() {
        assertThat(hasBallotTimer()).as("ballot timer armed").isTrue();
        return currentTimeMs < timer(0, TimerId.BALLOT_PROTOCOL).orElseThrow().fireAtMs();
    }

    /** Moves virtual time further than any timeout, so armed timers are "in the past". */
    void bumpTime() {
        currentTimeMs += 5 * 3600 * 1000L;
    }

    void fireTimer(long slot, TimerId id) {
        Timer t = timers.remove(new TimerKey(slot, id));
        assertThat(t).as("timer %s of slot %d armed", id, slot).isNotNull();
        t.callback().run();
    }

    // ------------------------------------------------------------------ ScpDriver

    @Override
    public ValidationLevel validateValue(long slotIndex, Value value, boolean nomination) {
        return validator == null ? ValidationLevel.FULLY_VALIDATED : validator.validate(slotIndex, value, nomination);
    }

    @Override
    public Value combineCandidates(long slotIndex, SortedSet<Value> candidates) {
        assertThat(candidates.stream().map(TestValues::name).toList())
                .isEqualTo(expectedCandidates.stream().map(TestValues::name).toList());
        assertThat(compositeValue).as("composite value set by the test").isNotNull();
        return compositeValue;
    }

    @Override
    public Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash) {
        return Optional.ofNullable(quorumSets.get(quorumSetHash));
    }

    @Override
    public void emitEnvelope(SCPEnvelope envelope) {
        envs.add(envelope);
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
    public long computeHashNode(long slotIndex, Value previousValue, boolean isPriority, int roundNumber,
            NodeID nodeId) {
        return isPriority ? priorityLookup.apply(nodeId) : 0;
    }

    @Override
    public long computeValueHash(long slotIndex, Value previousValue, int roundNumber, Value value) {
        return valueHash.applyAsLong(value);
    }

    @Override
    public long maxTimeoutSeconds() {
        return maxTimeoutSeconds;
    }

    @Override
    public void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback) {
        timers.put(new TimerKey(slotIndex, timerId), new Timer(currentTimeMs + delayMs, delayMs, callback));
    }

    @Override
    public void stopTimer(long slotIndex, TimerId timerId) {
        timers.remove(new TimerKey(slotIndex, timerId));
    }

    @Override
    public void valueExternalized(long slotIndex, Value value) {
        assertThat(externalizedValues).as("externalized once").doesNotContainKey(slotIndex);
        externalizedValues.put(slotIndex, value);
    }

    @Override
    public void nominatingValue(long slotIndex, Value value) {
        nominatingValues.add(value);
    }

    @Override
    public void ballotDidHearFromQuorum(long slotIndex, Ballot ballot) {
        heardFromQuorums.computeIfAbsent(slotIndex, k -> new ArrayList<>()).add(ballot);
    }
}
