package io.corridor.consensus.scp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.Value;

/**
 * One consensus instance: the nomination and ballot protocols of a slot, plus the federated-voting
 * primitives both use.
 */
final class Slot {
    private final long slotIndex;
    private final ScpDriver driver;
    private final LocalNode localNode;
    private final NominationProtocol nomination;
    private final BallotProtocol ballot;
    /** False while some value seen in this slot could not be fully validated; the slot then stays silent. */
    private boolean fullyValidated;
    private boolean gotVBlocking;

    Slot(long slotIndex, ScpDriver driver, LocalNode localNode) {
        this.slotIndex = slotIndex;
        this.driver = driver;
        this.localNode = localNode;
        this.fullyValidated = localNode.isValidator();
        this.nomination = new NominationProtocol(this);
        this.ballot = new BallotProtocol(this);
    }

    long index() {
        return slotIndex;
    }

    ScpDriver driver() {
        return driver;
    }

    LocalNode localNode() {
        return localNode;
    }

    NominationProtocol nomination() {
        return nomination;
    }

    BallotProtocol ballot() {
        return ballot;
    }

    boolean isFullyValidated() {
        return fullyValidated;
    }

    void setFullyValidated(boolean value) {
        fullyValidated = value;
    }

    boolean gotVBlocking() {
        return gotVBlocking;
    }

    EnvelopeState processEnvelope(SCPEnvelope envelope, boolean self) {
        SCPStatement st = envelope.getStatement();
        ScpInvariantException.check(Xdr.uint64OrMinusOne(st.getSlotIndex()) == slotIndex,
                "envelope routed to the wrong slot");
        boolean heardBefore = getLatestMessage(st.getNodeID()).isPresent();
        EnvelopeState res = Statements.type(st) == SCPStatementType.SCP_ST_NOMINATE
                ? nomination.processEnvelope(envelope)
                : ballot.processEnvelope(envelope, self);
        if (!heardBefore && res == EnvelopeState.VALID) {
            maybeSetGotVBlocking();
        }
        return res;
    }

    boolean nominate(Value value, Value previousValue, boolean timedOut) {
        return nomination.nominate(value, previousValue, timedOut);
    }

    void stopNomination() {
        nomination.stopNomination();
    }

    boolean bumpState(Value value, boolean force) {
        return ballot.bumpState(value, force);
    }

    boolean abandonBallot() {
        return ballot.abandonBallot(0);
    }

    Optional<Value> latestCompositeCandidate() {
        return nomination.latestCompositeCandidate();
    }

    /** The quorum set a statement's sender declared; EXTERNALIZE implies the sender alone. */
    Optional<SCPQuorumSet> quorumSetOf(SCPStatement st) {
        if (Statements.type(st) == SCPStatementType.SCP_ST_EXTERNALIZE) {
            return Optional.of(QuorumSets.singleton(st.getNodeID()));
        }
        var hash = Statements.companionQuorumSetHash(st);
        if (localNode.quorumSetHash().equals(hash)) {
            return Optional.of(localNode.quorumSet());
        }
        return driver.getQuorumSet(hash);
    }

    /** A new statement of the local node for this slot with the given pledges. */
    SCPStatement newStatement(SCPStatementPledges pledges) {
        SCPStatement st = new SCPStatement();
        st.setNodeID(Xdr.copy(localNode.nodeId()));
        st.setSlotIndex(Xdr.uint64(slotIndex));
        st.setPledges(pledges);
        return st;
    }

    SCPEnvelope sign(SCPStatement statement) {
        // The driver gets a copy so that nothing it does can alter the statement the slot keeps.
        SCPEnvelope unsigned = new SCPEnvelope();
        unsigned.setStatement(Xdr.copy(statement));
        Signature signature = driver.signEnvelope(unsigned);
        ScpInvariantException.check(signature != null && signature.getSignature() != null,
                "driver returned no signature");
        SCPEnvelope envelope = new SCPEnvelope();
        envelope.setStatement(statement);
        envelope.setSignature(new Signature(signature.getSignature().clone()));
        return envelope;
    }

    /**
     * Federated accept: a v-blocking set claims to accept, or a quorum (including the local node) votes for
     * or accepts.
     */
    boolean federatedAccept(Predicate<SCPStatement> voted, Predicate<SCPStatement> accepted,
            Map<NodeID, SCPEnvelope> latest) {
        if (QuorumSets.isVBlocking(localNode.quorumSet(), latest, e -> accepted.test(e.getStatement()))) {
            return true;
        }
        return QuorumSets.isQuorum(localNode.quorumSet(), latest, e -> quorumSetOf(e.getStatement()),
                e -> accepted.test(e.getStatement()) || voted.test(e.getStatement()));
    }

    /** Federated ratify (used to confirm): a quorum including the local node satisfies {@code voted}. */
    boolean federatedRatify(Predicate<SCPStatement> voted, Map<NodeID, SCPEnvelope> latest) {
        return QuorumSets.isQuorum(localNode.quorumSet(), latest, e -> quorumSetOf(e.getStatement()),
                e -> voted.test(e.getStatement()));
    }

    Optional<SCPEnvelope> getLatestMessage(NodeID node) {
        Optional<SCPEnvelope> m = ballot.getLatestMessage(node);
        return m.isPresent() ? m : nomination.getLatestMessage(node);
    }

    List<SCPEnvelope> getLatestMessagesSend() {
        List<SCPEnvelope> res = new ArrayList<>();
        if (fullyValidated) {
            nomination.getLastMessageSend().ifPresent(res::add);
            ballot.getLastMessageSend().ifPresent(res::add);
        }
        return res;
    }

    /** Latest envelopes of every node, the local node's only when the slot is fully validated (or forced). */
    List<SCPEnvelope> getCurrentState(boolean forceSelf) {
        List<SCPEnvelope> res = new ArrayList<>();
        nomination.collectCurrentState(res, forceSelf);
        ballot.collectCurrentState(res, forceSelf);
        return res;
    }

    List<SCPEnvelope> getExternalizingState() {
        return ballot.getExternalizingState();
    }

    Set<NodeID> getNominationLeaders() {
        return nomination.getLeaders();
    }

    void setStateFromEnvelope(SCPEnvelope envelope) {
        SCPStatement st = envelope.getStatement();
        if (!st.getNodeID().equals(localNode.nodeId()) || Xdr.uint64OrMinusOne(st.getSlotIndex()) != slotIndex) {
            throw new IllegalArgumentException("can only restore the local node's own envelope for this slot");
        }
        boolean heardBefore = getLatestMessage(st.getNodeID()).isPresent();
        if (Statements.type(st) == SCPStatementType.SCP_ST_NOMINATE) {
            nomination.setStateFromEnvelope(envelope);
        } else {
            ballot.setStateFromEnvelope(envelope);
        }
        if (!heardBefore) {
            maybeSetGotVBlocking();
        }
    }

    private void maybeSetGotVBlocking() {
        if (gotVBlocking) {
            return;
        }
        List<NodeID> heard = new ArrayList<>();
        for (NodeID n : QuorumSets.allNodes(localNode.quorumSet())) {
            if (getLatestMessage(n).isPresent()) {
                heard.add(n);
            }
        }
        gotVBlocking = QuorumSets.isVBlocking(localNode.quorumSet(), heard);
    }

    BallotSnapshot ballotSnapshot() {
        return ballot.snapshot();
    }
}
