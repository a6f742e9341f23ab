package io.corridor.consensus.scp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPNomination;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Value;

/**
 * The nomination protocol of one slot (SCP paper section 6.2, stellar-core's {@code NominationProtocol}).
 * The local node votes to nominate values of its round leaders (X, {@code votes}), accepts values by
 * federated voting (Y, {@code accepted}) and confirms them as candidates (Z, {@code candidates}); the
 * driver combines the candidates into the value the ballot protocol starts with.
 */
final class NominationProtocol {
    /**
     * Bound on values (votes plus accepted) in one nomination statement; each costs a validation. Stellar
     * nominations carry a handful: one value per leader.
     */
    static final int STATEMENT_VALUES_MAX = 256;
    /**
     * Bound on rounds skipped at once when a round would bring no new leader (stellar-core's "fast
     * timeout"); when it is reached the round number is left unchanged.
     */
    static final int FAST_TIMEOUT_ROUNDS_MAX = 100;

    private final Slot slot;
    private int roundNumber;
    private final TreeSet<Value> votes = new TreeSet<>(Xdr.VALUE_ORDER);
    private final TreeSet<Value> accepted = new TreeSet<>(Xdr.VALUE_ORDER);
    private final TreeSet<Value> candidates = new TreeSet<>(Xdr.VALUE_ORDER);
    private final Map<NodeID, SCPEnvelope> latestNominations = new TreeMap<>(Xdr.NODE_ORDER);
    private SCPEnvelope lastEnvelope;
    /** Leaders of every round so far: once a leader, always a leader for this slot. */
    private final TreeSet<NodeID> roundLeaders = new TreeSet<>(Xdr.NODE_ORDER);
    private boolean nominationStarted;
    private Value latestCompositeCandidate;
    private Value previousValue;

    NominationProtocol(Slot slot) {
        this.slot = slot;
    }

    // ------------------------------------------------------------------ ordering and sanity

    /** Sane: not empty, within bounds, both lists strictly increasing (sorted, no duplicates). */
    static boolean isSane(SCPNomination nom) {
        Value[] v = values(nom.getVotes());
        Value[] a = values(nom.getAccepted());
        int total = v.length + a.length;
        return total != 0 && total <= STATEMENT_VALUES_MAX && isStrictlySorted(v) && isStrictlySorted(a);
    }

    private static boolean isStrictlySorted(Value[] values) {
        for (int i = 1; i < values.length; i++) {
            if (Xdr.VALUE_ORDER.compare(values[i - 1], values[i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Newer when both lists only grew and at least one of them strictly. */
    static boolean isNewerStatement(SCPNomination oldNom, SCPNomination nom) {
        Set<Value> oldVotes = new HashSet<>(Arrays.asList(values(oldNom.getVotes())));
        Set<Value> newVotes = new HashSet<>(Arrays.asList(values(nom.getVotes())));
        Set<Value> oldAccepted = new HashSet<>(Arrays.asList(values(oldNom.getAccepted())));
        Set<Value> newAccepted = new HashSet<>(Arrays.asList(values(nom.getAccepted())));
        if (!newVotes.containsAll(oldVotes) || !newAccepted.containsAll(oldAccepted)) {
            return false;
        }
        return newVotes.size() > oldVotes.size() || newAccepted.size() > oldAccepted.size();
    }

    private boolean isNewerStatement(NodeID node, SCPNomination nom) {
        SCPEnvelope old = latestNominations.get(node);
        return old == null || isNewerStatement(old.getStatement().getPledges().getNominate(), nom);
    }

    private static Value[] values(Value[] v) {
        return v == null ? new Value[0] : v;
    }

    private static boolean contains(Value[] values, Value v) {
        for (Value x : values(values)) {
            if (x.equals(v)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ processing

    EnvelopeState processEnvelope(SCPEnvelope envelope) {
        SCPStatement st = envelope.getStatement();
        SCPNomination nom = st.getPledges().getNominate();
        if (!isSane(nom)) {
            return EnvelopeState.INVALID;
        }
        // A quorum set that is known but insane marks the sender as broken; an unknown one only keeps the
        // sender out of quorums until the set is known.
        Optional<SCPQuorumSet> qSet = slot.quorumSetOf(st);
        if (qSet.isPresent() && !QuorumSets.isSane(qSet.get(), false)) {
            return EnvelopeState.INVALID;
        }
        if (!isNewerStatement(st.getNodeID(), nom)) {
            return EnvelopeState.INVALID;
        }
        latestNominations.put(st.getNodeID(), envelope);

        if (!nominationStarted) {
            return EnvelopeState.VALID;
        }
        boolean modified = false;
        boolean newCandidates = false;

        // Promote votes to accepted.
        for (Value v : values(nom.getVotes())) {
            if (accepted.contains(v)) {
                continue;
            }
            boolean accept = slot.federatedAccept(
                    s -> contains(s.getPledges().getNominate().getVotes(), v),
                    s -> contains(s.getPledges().getNominate().getAccepted(), v), latestNominations);
            if (!accept) {
                continue;
            }
            if (validate(v) == ValidationLevel.FULLY_VALIDATED) {
                accepted.add(v);
                votes.add(v);
                modified = true;
            } else {
                // The value made it far; vote for a variant of it that the local node considers valid.
                Optional<Value> toVote = extractValidValue(v);
                if (toVote.isPresent() && votes.add(toVote.get())) {
                    modified = true;
                }
            }
        }

        // Promote accepted values to candidates.
        for (Value a : new ArrayList<>(accepted)) {
            if (candidates.contains(a)) {
                continue;
            }
            if (slot.federatedRatify(s -> contains(s.getPledges().getNominate().getAccepted(), a),
                    latestNominations)) {
                candidates.add(a);
                newCandidates = true;
                // With a candidate the node must stop voting for new values, so no new round is needed.
                slot.driver().stopTimer(slot.index(), TimerId.NOMINATION);
            }
        }

        // Take the leaders' values only while still looking for a candidate.
        if (candidates.isEmpty() && roundLeaders.contains(st.getNodeID())) {
            Value newVote = getNewValueFromNomination(nom);
            if (newVote != null) {
                votes.add(newVote);
                modified = true;
                slot.driver().nominatingValue(slot.index(), Xdr.copy(newVote));
            }
        }

        if (modified) {
            emitNomination();
        }
        if (newCandidates) {
            SortedSet<Value> snapshot = new TreeSet<>(Xdr.VALUE_ORDER);
            candidates.forEach(c -> snapshot.add(Xdr.copy(c)));
            Value composite = slot.driver().combineCandidates(slot.index(), Collections.unmodifiableSortedSet(snapshot));
            ScpInvariantException.check(composite != null && composite.getValue() != null,
                    "driver combined candidates into no value");
            latestCompositeCandidate = Xdr.copy(composite);
            slot.driver().updatedCandidateValue(slot.index(), Xdr.copy(composite));
            slot.bumpState(composite, false);
        }
        return EnvelopeState.VALID;
    }

    private ValidationLevel validate(Value v) {
        return slot.driver().validateValue(slot.index(), Xdr.copy(v), true);
    }

    private Optional<Value> extractValidValue(Value v) {
        return slot.driver().extractValidValue(slot.index(), Xdr.copy(v)).map(Xdr::copy);
    }

    /**
     * The value of a leader's statement to vote for next: the highest-hashing valid value not yet voted for,
     * taken from its accepted values, or from its votes when none of those is valid.
     */
    private Value getNewValueFromNomination(SCPNomination nom) {
        Value[] best = {null};
        long[] bestHash = {0};
        boolean foundValid = pickFrom(values(nom.getAccepted()), best, bestHash);
        if (!foundValid) {
            pickFrom(values(nom.getVotes()), best, bestHash);
        }
        return best[0];
    }

    private boolean pickFrom(Value[] values, Value[] best, long[] bestHash) {
        boolean foundValid = false;
        for (Value value : values) {
            Value toNominate = validate(value) == ValidationLevel.FULLY_VALIDATED
                    ? value
                    : extractValidValue(value).orElse(null);
            if (toNominate == null) {
                continue;
            }
            foundValid = true;
            if (!votes.contains(toNominate)) {
                long h = hashValue(toNominate);
                if (Long.compareUnsigned(h, bestHash[0]) >= 0) {
                    bestHash[0] = h;
                    best[0] = toNominate;
                }
            }
        }
        return foundValid;
    }

    // ------------------------------------------------------------------ nominating

    /**
     * Starts or continues nominating {@code value}: a new round with its leaders, the leaders' values added
     * to the votes, and the timer for the next round armed.
     */
    boolean nominate(Value value, Value previousValue, boolean timedOut) {
        // With a candidate, the paper forbids voting for new values.
        if (!candidates.isEmpty()) {
            return false;
        }
        if (timedOut && !nominationStarted) {
            return false;
        }
        nominationStarted = true;
        this.previousValue = Xdr.copy(previousValue);
        roundNumber++;
        updateRoundLeaders();

        boolean updated = false;
        for (NodeID leader : roundLeaders) {
            SCPEnvelope latest = latestNominations.get(leader);
            if (latest != null) {
                Value v = getNewValueFromNomination(latest.getStatement().getPledges().getNominate());
                if (v != null) {
                    votes.add(v);
                    updated = true;
                    slot.driver().nominatingValue(slot.index(), Xdr.copy(v));
                }
            }
        }
        // A leader adds its own value when it has no other vote yet.
        if (roundLeaders.contains(slot.localNode().nodeId()) && votes.isEmpty()) {
            if (votes.add(Xdr.copy(value))) {
                updated = true;
                slot.driver().nominatingValue(slot.index(), Xdr.copy(value));
            }
        }

        Value nominated = Xdr.copy(value);
        Value previous = Xdr.copy(previousValue);
        slot.driver().setupTimer(slot.index(), TimerId.NOMINATION, slot.driver().computeTimeoutMs(roundNumber),
                () -> slot.nominate(nominated, previous, true));

        if (updated) {
            emitNomination();
        }
        return updated;
    }

    void stopNomination() {
        if (nominationStarted) {
            nominationStarted = false;
            slot.driver().stopTimer(slot.index(), TimerId.NOMINATION);
        }
    }

    /**
     * Adds the leaders of the current round: the neighbours (and the local node) of highest priority. A
     * round where nobody has priority is skipped at once rather than waited out.
     */
    private void updateRoundLeaders() {
        NodeID localId = slot.localNode().nodeId();
        SCPQuorumSet myQSet = QuorumSets.normalize(slot.localNode().quorumSet(), localId);
        List<NodeID> neighbours = QuorumSets.allNodes(myQSet);
        int leaderCountMax = 1 + neighbours.size();
        int startRound = roundNumber;
        for (int attempt = 0; roundLeaders.size() < leaderCountMax && attempt < FAST_TIMEOUT_ROUNDS_MAX; attempt++) {
            Set<NodeID> newLeaders = new TreeSet<>(Xdr.NODE_ORDER);
            newLeaders.add(localId);
            long topPriority = getNodePriority(localId, myQSet);
            for (NodeID cur : neighbours) {
                long w = getNodePriority(cur, myQSet);
                if (Long.compareUnsigned(w, topPriority) > 0) {
                    topPriority = w;
                    newLeaders.clear();
                }
                if (w == topPriority && w != 0) {
                    newLeaders.add(cur);
                }
            }
            if (topPriority == 0) {
                // Nobody has priority: every node would pick itself and time out. Try the next round now.
                newLeaders.clear();
            }
            int before = roundLeaders.size();
            roundLeaders.addAll(newLeaders);
            if (roundLeaders.size() != before) {
                return;
            }
            roundNumber++;
        }
        // No new leader within the bound (or every node already led): stay in the round that timed out
        // rather than skipping ahead to a long timeout for nothing.
        roundNumber = startRound;
    }

    private long getNodePriority(NodeID node, SCPQuorumSet qSet) {
        long w = slot.driver().getNodeWeight(node, qSet, node.equals(slot.localNode().nodeId()));
        if (w != 0 && Long.compareUnsigned(hashNode(false, node), w) <= 0) {
            return hashNode(true, node);
        }
        return 0;
    }

    private long hashNode(boolean isPriority, NodeID node) {
        ScpInvariantException.check(previousValue != null, "leader selection before nomination started");
        return slot.driver().computeHashNode(slot.index(), Xdr.copy(previousValue), isPriority, roundNumber,
                Xdr.copy(node));
    }

    private long hashValue(Value value) {
        ScpInvariantException.check(previousValue != null, "value hash before nomination started");
        return slot.driver().computeValueHash(slot.index(), Xdr.copy(previousValue), roundNumber, Xdr.copy(value));
    }

    private void emitNomination() {
        SCPNomination nom = new SCPNomination();
        nom.setQuorumSetHash(slot.localNode().quorumSetHash());
        nom.setVotes(votes.stream().map(Xdr::copy).toArray(Value[]::new));
        nom.setAccepted(accepted.stream().map(Xdr::copy).toArray(Value[]::new));
        SCPStatementPledges pl = new SCPStatementPledges();
        pl.setDiscriminant(SCPStatementType.SCP_ST_NOMINATE);
        pl.setNominate(nom);
        SCPStatement st = slot.newStatement(pl);
        SCPEnvelope envelope = slot.sign(st);
        if (slot.processEnvelope(envelope, true) != EnvelopeState.VALID) {
            throw new ScpInvariantException("moved to a bad state (nomination)");
        }
        if (lastEnvelope == null
                || isNewerStatement(lastEnvelope.getStatement().getPledges().getNominate(), nom)) {
            lastEnvelope = envelope;
            if (slot.isFullyValidated()) {
                slot.driver().emitEnvelope(Xdr.copy(envelope));
            }
        }
    }

    // ------------------------------------------------------------------ restore and queries

    void setStateFromEnvelope(SCPEnvelope envelope) {
        if (nominationStarted) {
            throw new IllegalStateException("cannot restore state after nomination started");
        }
        SCPNomination nom = envelope.getStatement().getPledges().getNominate();
        if (!isSane(nom)) {
            throw new IllegalArgumentException("cannot restore from an insane nomination");
        }
        latestNominations.put(envelope.getStatement().getNodeID(), envelope);
        for (Value a : values(nom.getAccepted())) {
            accepted.add(Xdr.copy(a));
        }
        for (Value v : values(nom.getVotes())) {
            votes.add(Xdr.copy(v));
        }
        lastEnvelope = envelope;
    }

    Optional<Value> latestCompositeCandidate() {
        return Optional.ofNullable(latestCompositeCandidate).map(Xdr::copy);
    }

    Set<NodeID> getLeaders() {
        Set<NodeID> res = new TreeSet<>(Xdr.NODE_ORDER);
        roundLeaders.forEach(n -> res.add(Xdr.copy(n)));
        return res;
    }

    int roundNumber() {
        return roundNumber;
    }

    Optional<SCPEnvelope> getLatestMessage(NodeID node) {
        return Optional.ofNullable(latestNominations.get(node)).map(Xdr::copy);
    }

    Optional<SCPEnvelope> getLastMessageSend() {
        return Optional.ofNullable(lastEnvelope).map(Xdr::copy);
    }

    void collectCurrentState(List<SCPEnvelope> out, boolean forceSelf) {
        for (Map.Entry<NodeID, SCPEnvelope> e : latestNominations.entrySet()) {
            if (forceSelf || !e.getKey().equals(slot.localNode().nodeId()) || slot.isFullyValidated()) {
                out.add(Xdr.copy(e.getValue()));
            }
        }
    }
}
