package io.corridor.consensus.scp;

import java.util.Optional;
import java.util.SortedSet;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * Everything SCP needs from its host, and the only way out of the library (after stellar-core's
 * {@code SCPDriver}). SCP calls these methods synchronously from inside {@link Scp}'s methods; time,
 * timers, signing, value semantics, quorum-set storage and the network all live behind it. Hooks with a
 * default body are notifications the host may ignore.
 */
public interface ScpDriver {
    /** Largest timeout the default {@link #computeTimeoutMs} returns, in seconds (stellar-core: 30 minutes). */
    long TIMEOUT_SECONDS_MAX_DEFAULT = 30 * 60;

    // ---------------------------------------------------------------- values

    /**
     * Checks a value for a slot. {@code nomination} is true when the value is being nominated (stricter
     * checks may apply, for example on the close time) and false when it appears in a ballot.
     */
    ValidationLevel validateValue(long slotIndex, Value value, boolean nomination);

    /**
     * Extracts a valid variant of a value that did not fully validate (for example by dropping invalid
     * upgrades), or empty when there is none.
     */
    default Optional<Value> extractValidValue(long slotIndex, Value value) {
        return Optional.empty();
    }

    /** Combines the confirmed nomination candidates (never empty, sorted) into the value to ballot on. */
    Value combineCandidates(long slotIndex, SortedSet<Value> candidates);

    // ---------------------------------------------------------------- quorum sets

    /** Looks a quorum set up by the hash statements carry; empty when it is not known (yet). */
    Optional<SCPQuorumSet> getQuorumSet(Hash quorumSetHash);

    // ---------------------------------------------------------------- envelopes

    /** Broadcasts an envelope the local node emits. Called only for validators on fully validated slots. */
    void emitEnvelope(SCPEnvelope envelope);

    /**
     * Signs an envelope of the local node: the signature over {@link ScpSignatures#payload} with the
     * network id and the envelope's statement.
     */
    Signature signEnvelope(SCPEnvelope unsignedEnvelope);

    /** Verifies an incoming envelope's signature against its statement's node id. */
    boolean verifyEnvelope(SCPEnvelope envelope);

    // ---------------------------------------------------------------- leader selection

    /**
     * Hash used for leader selection: H0 ({@code isPriority == false}) decides neighbourhood, H1 priority.
     * The result is an unsigned 64-bit number carried in a long.
     */
    default long computeHashNode(long slotIndex, Value previousValue, boolean isPriority, int roundNumber,
            NodeID nodeId) {
        return ScpHashes.hashNode(slotIndex, previousValue, isPriority, roundNumber, nodeId);
    }

    /** Hash used to choose which of a leader's values to vote for; unsigned 64-bit in a long. */
    default long computeValueHash(long slotIndex, Value previousValue, int roundNumber, Value value) {
        return ScpHashes.hashValue(slotIndex, previousValue, roundNumber, value);
    }

    /** A node's weight in a quorum set for leader selection; the local node is in every slice. */
    default long getNodeWeight(NodeID nodeId, SCPQuorumSet quorumSet, boolean isLocalNode) {
        return isLocalNode ? QuorumSets.WEIGHT_MAX : QuorumSets.nodeWeight(nodeId, quorumSet);
    }

    // ---------------------------------------------------------------- time

    /** Cap of the default timeout; override to configure. */
    default long maxTimeoutSeconds() {
        return TIMEOUT_SECONDS_MAX_DEFAULT;
    }

    /**
     * Timeout for a nomination round or a ballot counter. Default, as stellar-core's library: linear,
     * {@code min(roundNumber, maxTimeoutSeconds())} seconds.
     */
    default long computeTimeoutMs(long roundNumber) {
        return Math.min(roundNumber, maxTimeoutSeconds()) * 1000L;
    }

    /**
     * Arms (or re-arms, replacing any previous one) the slot's timer {@code timerId} to run
     * {@code callback} after {@code delayMs}. The callback must be run on the thread that drives SCP.
     */
    void setupTimer(long slotIndex, TimerId timerId, long delayMs, Runnable callback);

    /** Cancels the slot's timer {@code timerId} if armed. */
    void stopTimer(long slotIndex, TimerId timerId);

    // ---------------------------------------------------------------- outcome

    /** The slot reached consensus on {@code value}. Called exactly once per slot. */
    void valueExternalized(long slotIndex, Value value);

    // ---------------------------------------------------------------- hooks

    /** The local node votes to nominate {@code value}. */
    default void nominatingValue(long slotIndex, Value value) {
    }

    /** The composite candidate of the nomination protocol changed. */
    default void updatedCandidateValue(long slotIndex, Value value) {
    }

    /** The ballot protocol started for the slot with its first ballot. */
    default void startedBallotProtocol(long slotIndex, Ballot ballot) {
    }

    default void acceptedBallotPrepared(long slotIndex, Ballot ballot) {
    }

    default void confirmedBallotPrepared(long slotIndex, Ballot ballot) {
    }

    default void acceptedCommit(long slotIndex, Ballot ballot) {
    }

    /** A quorum (including the local node) reached the local node's ballot counter. */
    default void ballotDidHearFromQuorum(long slotIndex, Ballot ballot) {
    }
}
