package io.corridor.consensus.scp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.stellar.sdk.xdr.NodeID;
import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.SCPEnvelope;
import org.stellar.sdk.xdr.SCPQuorumSet;
import org.stellar.sdk.xdr.SCPStatement;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementConfirm;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementExternalize;
import org.stellar.sdk.xdr.SCPStatement.SCPStatementPledges.SCPStatementPrepare;
import org.stellar.sdk.xdr.SCPStatementType;
import org.stellar.sdk.xdr.Value;

/**
 * The ballot protocol of one slot (SCP paper section 6.5, stellar-core's {@code BallotProtocol}). The local
 * state is the phase and the ballots b (current), p and p' (the two highest accepted-prepared, incompatible
 * ballots), h (highest confirmed prepared, or in CONFIRM the highest accepted committed) and c (lowest
 * ballot voted or accepted committed). Each incoming statement is recorded as its sender's latest and then
 * drives the steps in order: accept prepared, confirm prepared, accept commit, confirm commit, and finally
 * counter bumping towards a v-blocking set that is ahead.
 */
final class BallotProtocol {
    /** Bound on nested state transitions caused by one message; more means a bug. */
    static final int ADVANCE_SLOT_DEPTH_MAX = 50;

    private final Slot slot;
    private BallotPhase phase = BallotPhase.PREPARE;
    private Ballot current;
    private Ballot prepared;
    private Ballot preparedPrime;
    private Ballot high;
    private Ballot commit;
    /** Latest ballot envelope of each node, the local node included. */
    private final Map<NodeID, SCPEnvelope> latestEnvelopes = new TreeMap<>(Xdr.NODE_ORDER);
    /** Value to use when bumping: once something was confirmed prepared or accepted committed, stick to it. */
    private Value valueOverride;
    private boolean heardFromQuorum;
    private int messageLevel;
    private SCPEnvelope lastEnvelope;
    private SCPEnvelope lastEnvelopeEmit;

    BallotProtocol(Slot slot) {
        this.slot = slot;
    }

    // ------------------------------------------------------------------ statement ordering and sanity

    private boolean isNewerStatement(NodeID node, SCPStatement st) {
        SCPEnvelope old = latestEnvelopes.get(node);
        return old == null || isNewerStatement(old.getStatement(), st);
    }

    /** The total order of the paper: type first, then (b, p, p', h) for PREPARE, (b, p, h) for CONFIRM. */
    static boolean isNewerStatement(SCPStatement oldSt, SCPStatement st) {
        SCPStatementType oldType = Statements.type(oldSt);
        SCPStatementType type = Statements.type(st);
        if (oldType != type) {
            return oldType.getValue() < type.getValue();
        }
        switch (type) {
            case SCP_ST_EXTERNALIZE:
                return false;
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm o = Statements.confirm(oldSt);
                SCPStatementConfirm c = Statements.confirm(st);
                int cmp = Ballot.of(o.getBallot()).compareTo(Ballot.of(c.getBallot()));
                if (cmp != 0) {
                    return cmp < 0;
                }
                long oldP = Xdr.uint32(o.getNPrepared());
                long newP = Xdr.uint32(c.getNPrepared());
                if (oldP != newP) {
                    return oldP < newP;
                }
                return Xdr.uint32(o.getNH()) < Xdr.uint32(c.getNH());
            }
            case SCP_ST_PREPARE: {
                SCPStatementPrepare o = Statements.prepare(oldSt);
                SCPStatementPrepare p = Statements.prepare(st);
                int cmp = Ballot.of(o.getBallot()).compareTo(Ballot.of(p.getBallot()));
                if (cmp != 0) {
                    return cmp < 0;
                }
                cmp = Ballot.compareNullable(Ballot.ofNullable(o.getPrepared()), Ballot.ofNullable(p.getPrepared()));
                if (cmp != 0) {
                    return cmp < 0;
                }
                cmp = Ballot.compareNullable(Ballot.ofNullable(o.getPreparedPrime()),
                        Ballot.ofNullable(p.getPreparedPrime()));
                if (cmp != 0) {
                    return cmp < 0;
                }
                return Xdr.uint32(o.getNH()) < Xdr.uint32(p.getNH());
            }
            default:
                throw new IllegalArgumentException("not a ballot statement");
        }
    }

    /** Sanity of a ballot statement; {@code self} allows the local node's b = 0 (never emitted). */
    boolean isStatementSane(SCPStatement st, boolean self) {
        Optional<SCPQuorumSet> qSet = slot.quorumSetOf(st);
        if (qSet.isEmpty() || !QuorumSets.isSane(qSet.get(), false)) {
            return false;
        }
        switch (Statements.type(st)) {
            case SCP_ST_PREPARE: {
                SCPStatementPrepare p = Statements.prepare(st);
                long b = Xdr.uint32(p.getBallot().getCounter());
                long nC = Xdr.uint32(p.getNC());
                long nH = Xdr.uint32(p.getNH());
                Ballot pp = Ballot.ofNullable(p.getPrepared());
                Ballot ppPrime = Ballot.ofNullable(p.getPreparedPrime());
                boolean ok = self || b > 0;
                ok = ok && (ppPrime == null || pp == null || ppPrime.isLessAndIncompatible(pp));
                ok = ok && (nH == 0 || (pp != null && nH <= pp.counter()));
                // c != 0 implies c <= h <= b
                ok = ok && (nC == 0 || (nH != 0 && b >= nH && nH >= nC));
                return ok;
            }
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm c = Statements.confirm(st);
                long b = Xdr.uint32(c.getBallot().getCounter());
                long nH = Xdr.uint32(c.getNH());
                return b > 0 && nH <= b && Xdr.uint32(c.getNCommit()) <= nH;
            }
            case SCP_ST_EXTERNALIZE: {
                SCPStatementExternalize e = Statements.externalize(st);
                long c = Xdr.uint32(e.getCommit().getCounter());
                return c > 0 && Xdr.uint32(e.getNH()) >= c;
            }
            default:
                return false;
        }
    }

    private ValidationLevel validateValues(SCPStatement st) {
        var values = Statements.ballotValues(st);
        if (values.isEmpty()) {
            return ValidationLevel.INVALID;
        }
        ValidationLevel res = ValidationLevel.FULLY_VALIDATED;
        for (Value v : values) {
            res = res.weakest(slot.driver().validateValue(slot.index(), Xdr.copy(v), false));
            if (res == ValidationLevel.INVALID) {
                break;
            }
        }
        return res;
    }

    // ------------------------------------------------------------------ processing

    EnvelopeState processEnvelope(SCPEnvelope envelope, boolean self) {
        SCPStatement st = envelope.getStatement();
        if (!isStatementSane(st, self)) {
            return EnvelopeState.INVALID;
        }
        if (!isNewerStatement(st.getNodeID(), st)) {
            return EnvelopeState.INVALID;
        }
        ValidationLevel validation = validateValues(st);
        if (validation == ValidationLevel.INVALID) {
            return EnvelopeState.INVALID;
        }
        if (phase != BallotPhase.EXTERNALIZE) {
            if (validation == ValidationLevel.MAYBE_VALID) {
                slot.setFullyValidated(false);
            }
            recordEnvelope(envelope);
            advanceSlot(st);
            return EnvelopeState.VALID;
        }
        // Once externalized, only statements about the externalized value are still of interest (they
        // include the local node's own final EXTERNALIZE).
        if (commit.isCompatible(Statements.workingBallot(st))) {
            recordEnvelope(envelope);
            return EnvelopeState.VALID;
        }
        return EnvelopeState.INVALID;
    }

    private void recordEnvelope(SCPEnvelope envelope) {
        latestEnvelopes.put(envelope.getStatement().getNodeID(), envelope);
    }

    private void advanceSlot(SCPStatement hint) {
        messageLevel++;
        boolean didWork = false;
        try {
            ScpInvariantException.check(messageLevel < ADVANCE_SLOT_DEPTH_MAX,
                    "maximum number of transitions reached in advanceSlot");
            // The steps run in the paper's order so that each sees the state the previous one left.
            didWork = attemptAcceptPrepared(hint) || didWork;
            didWork = attemptConfirmPrepared(hint) || didWork;
            didWork = attemptAcceptCommit(hint) || didWork;
            didWork = attemptConfirmCommit(hint) || didWork;
            // Bumping runs once the message has been fully absorbed, never from a nested transition.
            if (messageLevel == 1) {
                boolean didBump;
                do {
                    didBump = attemptBump();
                    didWork = didBump || didWork;
                } while (didBump);
                checkHeardFromQuorum();
            }
        } finally {
            messageLevel--;
        }
        if (didWork) {
            sendLatestEnvelope();
        }
    }

    // ------------------------------------------------------------------ bumping

    boolean abandonBallot(long n) {
        Value v = slot.latestCompositeCandidate().orElse(null);
        if ((v == null || v.getValue().length == 0) && current != null) {
            v = current.value();
        }
        if (v == null || v.getValue().length == 0) {
            return false;
        }
        return n == 0 ? bumpState(v, true) : bumpState(v, n);
    }

    boolean bumpState(Value value, boolean force) {
        if (!force && current != null) {
            return false;
        }
        if (current != null && current.counter() == Ballot.COUNTER_INFINITE) {
            // The infinite ballot cannot be bumped.
            return false;
        }
        return bumpState(value, current == null ? 1 : current.counter() + 1);
    }

    private boolean bumpState(Value value, long n) {
        if (phase != BallotPhase.PREPARE && phase != BallotPhase.CONFIRM) {
            return false;
        }
        Ballot newBallot = new Ballot(n, valueOverride != null ? valueOverride : value);
        boolean updated = updateCurrentValue(newBallot);
        if (updated) {
            emitCurrentStateStatement();
            checkHeardFromQuorum();
        }
        return updated;
    }

    private boolean updateCurrentValue(Ballot ballot) {
        if (phase != BallotPhase.PREPARE && phase != BallotPhase.CONFIRM) {
            return false;
        }
        boolean updated = false;
        if (current == null) {
            bumpToBallot(ballot, true);
            updated = true;
        } else {
            ScpInvariantException.check(current.compareTo(ballot) <= 0, "attempt to bump b to a smaller ballot");
            if (commit != null && !commit.isCompatible(ballot)) {
                return false;
            }
            if (current.compareTo(ballot) < 0) {
                bumpToBallot(ballot, true);
                updated = true;
            }
        }
        checkInvariants();
        return updated;
    }

    private void bumpToBallot(Ballot ballot, boolean checkMonotonic) {
        ScpInvariantException.check(phase != BallotPhase.EXTERNALIZE, "bumpToBallot after externalize");
        if (checkMonotonic) {
            ScpInvariantException.check(current == null || ballot.compareTo(current) >= 0,
                    "b must only move up");
        }
        boolean gotBumped = current == null || current.counter() != ballot.counter();
        if (current == null) {
            slot.driver().startedBallotProtocol(slot.index(), ballot);
        }
        current = ballot;
        // h and c must stay compatible with b: clear them, later messages will recompute them.
        if (high != null && !current.isCompatible(high)) {
            high = null;
            commit = null;
        }
        if (gotBumped) {
            heardFromQuorum = false;
        }
    }

    private boolean updateCurrentIfNeeded(Ballot h) {
        if (current == null || current.compareTo(h) < 0) {
            bumpToBallot(h, true);
            return true;
        }
        return false;
    }

    /**
     * Step 9: when a v-blocking set is at higher counters, move to the lowest counter for which that is no
     * longer true (EXTERNALIZE counts as an infinite counter).
     */
    private boolean attemptBump() {
        if (phase != BallotPhase.PREPARE && phase != BallotPhase.CONFIRM) {
            return false;
        }
        long localCounter = current == null ? 0 : current.counter();
        if (!hasVBlockingSubsetStrictlyAheadOf(localCounter)) {
            return false;
        }
        TreeSet<Long> counters = new TreeSet<>();
        for (SCPEnvelope e : latestEnvelopes.values()) {
            long c = Statements.ballotCounter(e.getStatement());
            if (c > localCounter) {
                counters.add(c);
            }
        }
        for (long n : counters) {
            if (!hasVBlockingSubsetStrictlyAheadOf(n)) {
                return abandonBallot(n);
            }
        }
        return false;
    }

    private boolean hasVBlockingSubsetStrictlyAheadOf(long n) {
        return QuorumSets.isVBlocking(slot.localNode().quorumSet(), latestEnvelopes,
                e -> Statements.ballotCounter(e.getStatement()) > n);
    }

    // ------------------------------------------------------------------ timer

    private void startBallotProtocolTimer() {
        long timeoutMs = slot.driver().computeTimeoutMs(current.counter());
        slot.driver().setupTimer(slot.index(), TimerId.BALLOT_PROTOCOL, timeoutMs, this::ballotProtocolTimerExpired);
    }

    private void stopBallotProtocolTimer() {
        slot.driver().stopTimer(slot.index(), TimerId.BALLOT_PROTOCOL);
    }

    void ballotProtocolTimerExpired() {
        abandonBallot(0);
    }

    /**
     * Tracks whether a quorum is at b's counter or beyond; the ballot timer runs only while that holds, so a
     * node never gives up on a ballot before a quorum had a chance to work on it.
     */
    private void checkHeardFromQuorum() {
        if (current == null) {
            return;
        }
        long counter = current.counter();
        boolean quorum = QuorumSets.isQuorum(slot.localNode().quorumSet(), latestEnvelopes,
                e -> slot.quorumSetOf(e.getStatement()),
                e -> Statements.type(e.getStatement()) != SCPStatementType.SCP_ST_PREPARE
                        || counter <= Xdr.uint32(Statements.prepare(e.getStatement()).getBallot().getCounter()));
        if (quorum) {
            boolean old = heardFromQuorum;
            heardFromQuorum = true;
            if (!old) {
                slot.driver().ballotDidHearFromQuorum(slot.index(), current);
                if (phase != BallotPhase.EXTERNALIZE) {
                    startBallotProtocolTimer();
                }
            }
            if (phase == BallotPhase.EXTERNALIZE) {
                stopBallotProtocolTimer();
            }
        } else {
            heardFromQuorum = false;
            stopBallotProtocolTimer();
        }
    }

    // ------------------------------------------------------------------ step 1: accept prepared

    /** Ballots that some statement may let us accept or confirm as prepared, given the hint. */
    private NavigableSet<Ballot> getPrepareCandidates(SCPStatement hint) {
        TreeSet<Ballot> hintBallots = new TreeSet<>();
        switch (Statements.type(hint)) {
            case SCP_ST_PREPARE -> {
                SCPStatementPrepare p = Statements.prepare(hint);
                hintBallots.add(Ballot.of(p.getBallot()));
                if (p.getPrepared() != null) {
                    hintBallots.add(Ballot.of(p.getPrepared()));
                }
                if (p.getPreparedPrime() != null) {
                    hintBallots.add(Ballot.of(p.getPreparedPrime()));
                }
            }
            case SCP_ST_CONFIRM -> {
                SCPStatementConfirm c = Statements.confirm(hint);
                hintBallots.add(new Ballot(Xdr.uint32(c.getNPrepared()), c.getBallot().getValue()));
                hintBallots.add(new Ballot(Ballot.COUNTER_INFINITE, c.getBallot().getValue()));
            }
            case SCP_ST_EXTERNALIZE -> hintBallots.add(
                    new Ballot(Ballot.COUNTER_INFINITE, Statements.externalize(hint).getCommit().getValue()));
            default -> throw new IllegalArgumentException("not a ballot statement");
        }

        TreeSet<Ballot> candidates = new TreeSet<>();
        while (!hintBallots.isEmpty()) {
            Ballot top = hintBallots.pollLast();
            for (SCPEnvelope e : latestEnvelopes.values()) {
                SCPStatement st = e.getStatement();
                switch (Statements.type(st)) {
                    case SCP_ST_PREPARE -> {
                        SCPStatementPrepare p = Statements.prepare(st);
                        addIfLessAndCompatible(candidates, Ballot.of(p.getBallot()), top);
                        addIfLessAndCompatible(candidates, Ballot.ofNullable(p.getPrepared()), top);
                        addIfLessAndCompatible(candidates, Ballot.ofNullable(p.getPreparedPrime()), top);
                    }
                    case SCP_ST_CONFIRM -> {
                        SCPStatementConfirm c = Statements.confirm(st);
                        if (top.isCompatible(Ballot.of(c.getBallot()))) {
                            candidates.add(top);
                            long nPrepared = Xdr.uint32(c.getNPrepared());
                            if (nPrepared < top.counter()) {
                                candidates.add(top.withCounter(nPrepared));
                            }
                        }
                    }
                    case SCP_ST_EXTERNALIZE -> {
                        if (top.isCompatible(Ballot.of(Statements.externalize(st).getCommit()))) {
                            candidates.add(top);
                        }
                    }
                    default -> throw new IllegalStateException("nomination recorded as a ballot statement");
                }
            }
        }
        return candidates;
    }

    private static void addIfLessAndCompatible(TreeSet<Ballot> set, Ballot b, Ballot top) {
        if (b != null && b.isLessAndCompatible(top)) {
            set.add(b);
        }
    }

    private boolean attemptAcceptPrepared(SCPStatement hint) {
        if (phase != BallotPhase.PREPARE && phase != BallotPhase.CONFIRM) {
            return false;
        }
        for (Ballot ballot : getPrepareCandidates(hint).descendingSet()) {
            if (phase == BallotPhase.CONFIRM) {
                // Only ballots that can raise p matter now; p stays compatible with c.
                if (!prepared.isLessAndCompatible(ballot) || !commit.isCompatible(ballot)) {
                    continue;
                }
            }
            // A ballot at or below p' can raise neither p nor p'.
            if (preparedPrime != null && ballot.compareTo(preparedPrime) <= 0) {
                continue;
            }
            // A ballot covered by p is already accepted prepared.
            if (prepared != null && ballot.isLessAndCompatible(prepared)) {
                continue;
            }
            boolean accepted = slot.federatedAccept(st -> votesToPrepare(ballot, st),
                    st -> hasPreparedBallot(ballot, st), latestEnvelopes);
            if (accepted) {
                return setAcceptPrepared(ballot);
            }
        }
        return false;
    }

    private static boolean votesToPrepare(Ballot ballot, SCPStatement st) {
        return switch (Statements.type(st)) {
            case SCP_ST_PREPARE -> ballot.isLessAndCompatible(Ballot.of(Statements.prepare(st).getBallot()));
            case SCP_ST_CONFIRM -> ballot.isCompatible(Ballot.of(Statements.confirm(st).getBallot()));
            case SCP_ST_EXTERNALIZE -> ballot.isCompatible(Ballot.of(Statements.externalize(st).getCommit()));
            default -> false;
        };
    }

    /** Whether the statement claims to have accepted {@code ballot} as prepared. */
    static boolean hasPreparedBallot(Ballot ballot, SCPStatement st) {
        switch (Statements.type(st)) {
            case SCP_ST_PREPARE: {
                SCPStatementPrepare p = Statements.prepare(st);
                Ballot pp = Ballot.ofNullable(p.getPrepared());
                Ballot ppPrime = Ballot.ofNullable(p.getPreparedPrime());
                return (pp != null && ballot.isLessAndCompatible(pp))
                        || (ppPrime != null && ballot.isLessAndCompatible(ppPrime));
            }
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm c = Statements.confirm(st);
                Ballot pp = new Ballot(Xdr.uint32(c.getNPrepared()), c.getBallot().getValue());
                return ballot.isLessAndCompatible(pp);
            }
            case SCP_ST_EXTERNALIZE:
                return ballot.isCompatible(Ballot.of(Statements.externalize(st).getCommit()));
            default:
                return false;
        }
    }

    private boolean setAcceptPrepared(Ballot ballot) {
        boolean didWork = setPrepared(ballot);
        // A prepared ballot above h with another value aborts the commit vote (step 1 of the paper).
        if (commit != null && high != null) {
            if ((prepared != null && high.isLessAndIncompatible(prepared))
                    || (preparedPrime != null && high.isLessAndIncompatible(preparedPrime))) {
                ScpInvariantException.check(phase == BallotPhase.PREPARE, "clearing c outside PREPARE");
                commit = null;
                didWork = true;
            }
        }
        if (didWork) {
            slot.driver().acceptedBallotPrepared(slot.index(), ballot);
            emitCurrentStateStatement();
        }
        return didWork;
    }

    /** Keeps p and p' the two highest accepted-prepared ballots with different values. */
    private boolean setPrepared(Ballot ballot) {
        if (prepared == null) {
            prepared = ballot;
            return true;
        }
        int cmp = prepared.compareTo(ballot);
        if (cmp < 0) {
            if (!prepared.isCompatible(ballot)) {
                preparedPrime = prepared;
            }
            prepared = ballot;
            return true;
        }
        if (cmp > 0 && (preparedPrime == null
                || (preparedPrime.compareTo(ballot) < 0 && !prepared.isCompatible(ballot)))) {
            preparedPrime = ballot;
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ step 2/3: confirm prepared

    private boolean attemptConfirmPrepared(SCPStatement hint) {
        if (phase != BallotPhase.PREPARE || prepared == null) {
            return false;
        }
        List<Ballot> candidates = new ArrayList<>(getPrepareCandidates(hint).descendingSet());
        int i = 0;
        Ballot newH = null;
        for (; i < candidates.size(); i++) {
            Ballot ballot = candidates.get(i);
            // Only ballots above h can raise it.
            if (high != null && high.compareTo(ballot) >= 0) {
                break;
            }
            if (slot.federatedRatify(st -> hasPreparedBallot(ballot, st), latestEnvelopes)) {
                newH = ballot;
                break;
            }
        }
        if (newH == null) {
            return false;
        }
        Ballot newC = null;
        // Step 3: vote to commit the lowest ballot of the confirmed-prepared run down to b, unless an
        // accepted-prepared ballot above h aborts it.
        if (commit == null && (prepared == null || !newH.isLessAndIncompatible(prepared))
                && (preparedPrime == null || !newH.isLessAndIncompatible(preparedPrime))) {
            for (; i < candidates.size(); i++) {
                Ballot ballot = candidates.get(i);
                if (current != null && ballot.compareTo(current) < 0) {
                    break;
                }
                if (!ballot.isLessAndCompatible(newH)) {
                    continue;
                }
                if (slot.federatedRatify(st -> hasPreparedBallot(ballot, st), latestEnvelopes)) {
                    newC = ballot;
                } else {
                    break;
                }
            }
        }
        return setConfirmPrepared(newC, newH);
    }

    private boolean setConfirmPrepared(Ballot newC, Ballot newH) {
        boolean didWork = false;
        valueOverride = newH.value();
        if (current == null || current.isCompatible(newH)) {
            if (high == null || newH.compareTo(high) > 0) {
                high = newH;
                didWork = true;
            }
            if (newC != null) {
                ScpInvariantException.check(commit == null, "c set twice in PREPARE");
                commit = newC;
                didWork = true;
            }
            if (didWork) {
                slot.driver().confirmedBallotPrepared(slot.index(), newH);
            }
        }
        // Step 8: b follows h up.
        didWork = updateCurrentIfNeeded(newH) || didWork;
        if (didWork) {
            emitCurrentStateStatement();
        }
        // Once a ballot is confirmed prepared, new nominations cannot change the outcome any more.
        slot.stopNomination();
        return didWork;
    }

    // ------------------------------------------------------------------ step 4/5: accept commit

    /** Whether the statement claims to have accepted commit for every counter of {@code [lo, hi]}. */
    private static boolean commitPredicate(Ballot ballot, long lo, long hi, SCPStatement st) {
        switch (Statements.type(st)) {
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm c = Statements.confirm(st);
                return ballot.isCompatible(Ballot.of(c.getBallot())) && Xdr.uint32(c.getNCommit()) <= lo
                        && hi <= Xdr.uint32(c.getNH());
            }
            case SCP_ST_EXTERNALIZE: {
                SCPBallot commitBallot = Statements.externalize(st).getCommit();
                return ballot.isCompatible(Ballot.of(commitBallot)) && Xdr.uint32(commitBallot.getCounter()) <= lo;
            }
            default:
                return false;
        }
    }

    /** Whether the statement votes (or accepted) to commit every counter of {@code [lo, hi]}. */
    private static boolean votesToCommit(Ballot ballot, long lo, long hi, SCPStatement st) {
        switch (Statements.type(st)) {
            case SCP_ST_PREPARE: {
                SCPStatementPrepare p = Statements.prepare(st);
                long nC = Xdr.uint32(p.getNC());
                return ballot.isCompatible(Ballot.of(p.getBallot())) && nC != 0 && nC <= lo
                        && hi <= Xdr.uint32(p.getNH());
            }
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm c = Statements.confirm(st);
                return ballot.isCompatible(Ballot.of(c.getBallot())) && Xdr.uint32(c.getNCommit()) <= lo;
            }
            case SCP_ST_EXTERNALIZE: {
                SCPBallot commitBallot = Statements.externalize(st).getCommit();
                return ballot.isCompatible(Ballot.of(commitBallot)) && Xdr.uint32(commitBallot.getCounter()) <= lo;
            }
            default:
                return false;
        }
    }

    /** Counters at which some statement starts or ends a commit range for {@code ballot}'s value. */
    private TreeSet<Long> getCommitBoundaries(Ballot ballot) {
        TreeSet<Long> res = new TreeSet<>();
        for (SCPEnvelope e : latestEnvelopes.values()) {
            SCPStatement st = e.getStatement();
            switch (Statements.type(st)) {
                case SCP_ST_PREPARE -> {
                    SCPStatementPrepare p = Statements.prepare(st);
                    if (ballot.isCompatible(Ballot.of(p.getBallot())) && Xdr.uint32(p.getNC()) != 0) {
                        res.add(Xdr.uint32(p.getNC()));
                        res.add(Xdr.uint32(p.getNH()));
                    }
                }
                case SCP_ST_CONFIRM -> {
                    SCPStatementConfirm c = Statements.confirm(st);
                    if (ballot.isCompatible(Ballot.of(c.getBallot()))) {
                        res.add(Xdr.uint32(c.getNCommit()));
                        res.add(Xdr.uint32(c.getNH()));
                    }
                }
                case SCP_ST_EXTERNALIZE -> {
                    SCPStatementExternalize x = Statements.externalize(st);
                    if (ballot.isCompatible(Ballot.of(x.getCommit()))) {
                        res.add(Xdr.uint32(x.getCommit().getCounter()));
                        res.add(Xdr.uint32(x.getNH()));
                        res.add(Ballot.COUNTER_INFINITE);
                    }
                }
                default -> throw new IllegalStateException("nomination recorded as a ballot statement");
            }
        }
        return res;
    }

    /** An interval {@code [lo, hi]} of counters; lo == 0 means none found yet. */
    private record Interval(long lo, long hi) {
        static final Interval NONE = new Interval(0, 0);

        boolean found() {
            return lo != 0;
        }
    }

    @FunctionalInterface
    private interface IntervalPredicate {
        boolean test(long lo, long hi);
    }

    /**
     * Finds the highest counter satisfying {@code pred}, then extends the interval downwards through the
     * boundaries for as long as the predicate keeps holding.
     */
    private static Interval findExtendedInterval(TreeSet<Long> boundaries, IntervalPredicate pred) {
        Interval candidate = Interval.NONE;
        for (long b : boundaries.descendingSet()) {
            Interval cur;
            if (!candidate.found()) {
                cur = new Interval(b, b);
            } else if (b > candidate.hi()) {
                continue;
            } else {
                cur = new Interval(b, candidate.hi());
            }
            if (pred.test(cur.lo(), cur.hi())) {
                candidate = cur;
            } else if (candidate.found()) {
                break;
            }
        }
        return candidate;
    }

    private static Ballot commitHintBallot(SCPStatement hint, boolean prepareCounts) {
        switch (Statements.type(hint)) {
            case SCP_ST_PREPARE: {
                SCPStatementPrepare p = Statements.prepare(hint);
                if (!prepareCounts || Xdr.uint32(p.getNC()) == 0) {
                    return null;
                }
                return new Ballot(Xdr.uint32(p.getNH()), p.getBallot().getValue());
            }
            case SCP_ST_CONFIRM: {
                SCPStatementConfirm c = Statements.confirm(hint);
                return new Ballot(Xdr.uint32(c.getNH()), c.getBallot().getValue());
            }
            case SCP_ST_EXTERNALIZE: {
                SCPStatementExternalize x = Statements.externalize(hint);
                return new Ballot(Xdr.uint32(x.getNH()), x.getCommit().getValue());
            }
            default:
                return null;
        }
    }

    private boolean attemptAcceptCommit(SCPStatement hint) {
        if (phase != BallotPhase.PREPARE && phase != BallotPhase.CONFIRM) {
            return false;
        }
        // Only the hint's value matters here; its counter is not used.
        Ballot ballot = commitHintBallot(hint, true);
        if (ballot == null) {
            return false;
        }
        if (phase == BallotPhase.CONFIRM && !ballot.isCompatible(high)) {
            return false;
        }
        TreeSet<Long> boundaries = getCommitBoundaries(ballot);
        if (boundaries.isEmpty()) {
            return false;
        }
        Interval candidate = findExtendedInterval(boundaries,
                (lo, hi) -> slot.federatedAccept(st -> votesToCommit(ballot, lo, hi, st),
                        st -> commitPredicate(ballot, lo, hi, st), latestEnvelopes));
        if (candidate.found() && (phase != BallotPhase.CONFIRM || candidate.hi() > high.counter())) {
            return setAcceptCommit(ballot.withCounter(candidate.lo()), ballot.withCounter(candidate.hi()));
        }
        return false;
    }

    private boolean setAcceptCommit(Ballot c, Ballot h) {
        boolean didWork = false;
        valueOverride = h.value();
        if (high == null || commit == null || high.compareTo(h) != 0 || commit.compareTo(c) != 0) {
            commit = c;
            high = h;
            didWork = true;
        }
        if (phase == BallotPhase.PREPARE) {
            phase = BallotPhase.CONFIRM;
            if (current != null && !h.isLessAndCompatible(current)) {
                // b must carry the committed value; this may lower b's counter, which CONFIRM allows.
                bumpToBallot(h, false);
            }
            preparedPrime = null;
            didWork = true;
        }
        if (didWork) {
            updateCurrentIfNeeded(high);
            slot.driver().acceptedCommit(slot.index(), h);
            emitCurrentStateStatement();
        }
        return didWork;
    }

    // ------------------------------------------------------------------ step 6: confirm commit

    private boolean attemptConfirmCommit(SCPStatement hint) {
        if (phase != BallotPhase.CONFIRM || high == null || commit == null) {
            return false;
        }
        Ballot ballot = commitHintBallot(hint, false);
        if (ballot == null || !ballot.isCompatible(commit)) {
            return false;
        }
        TreeSet<Long> boundaries = getCommitBoundaries(ballot);
        Interval candidate = findExtendedInterval(boundaries,
                (lo, hi) -> slot.federatedRatify(st -> commitPredicate(ballot, lo, hi, st), latestEnvelopes));
        if (!candidate.found()) {
            return false;
        }
        return setConfirmCommit(ballot.withCounter(candidate.lo()), ballot.withCounter(candidate.hi()));
    }

    private boolean setConfirmCommit(Ballot c, Ballot h) {
        commit = c;
        high = h;
        updateCurrentIfNeeded(high);
        phase = BallotPhase.EXTERNALIZE;
        emitCurrentStateStatement();
        slot.stopNomination();
        slot.driver().valueExternalized(slot.index(), commit.value());
        return true;
    }

    // ------------------------------------------------------------------ emitting

    private SCPStatement createStatement() {
        checkInvariants();
        SCPStatementPledges pl = new SCPStatementPledges();
        switch (phase) {
            case PREPARE -> {
                pl.setDiscriminant(SCPStatementType.SCP_ST_PREPARE);
                SCPStatementPrepare p = new SCPStatementPrepare();
                p.setQuorumSetHash(slot.localNode().quorumSetHash());
                // Before b is set the statement is only processed locally, never emitted.
                p.setBallot(current != null ? current.toXdr() : new Ballot(0, new Value(new byte[0])).toXdr());
                p.setPrepared(prepared == null ? null : prepared.toXdr());
                p.setPreparedPrime(preparedPrime == null ? null : preparedPrime.toXdr());
                p.setNC(Xdr.uint32(commit == null ? 0 : commit.counter()));
                p.setNH(Xdr.uint32(high == null ? 0 : high.counter()));
                pl.setPrepare(p);
            }
            case CONFIRM -> {
                ScpInvariantException.check(prepared != null, "CONFIRM without p");
                pl.setDiscriminant(SCPStatementType.SCP_ST_CONFIRM);
                SCPStatementConfirm c = new SCPStatementConfirm();
                c.setQuorumSetHash(slot.localNode().quorumSetHash());
                c.setBallot(current.toXdr());
                c.setNPrepared(Xdr.uint32(prepared.counter()));
                c.setNCommit(Xdr.uint32(commit.counter()));
                c.setNH(Xdr.uint32(high.counter()));
                pl.setConfirm(c);
            }
            case EXTERNALIZE -> {
                pl.setDiscriminant(SCPStatementType.SCP_ST_EXTERNALIZE);
                SCPStatementExternalize x = new SCPStatementExternalize();
                x.setCommit(commit.toXdr());
                x.setNH(Xdr.uint32(high.counter()));
                x.setCommitQuorumSetHash(slot.localNode().quorumSetHash());
                pl.setExternalize(x);
            }
        }
        return slot.newStatement(pl);
    }

    private void emitCurrentStateStatement() {
        SCPStatement st = createStatement();
        boolean canEmit = current != null;
        // The same statement can come out again (h moving within a counter in PREPARE only changes h's
        // value, which the statement does not carry): do not process it twice.
        SCPEnvelope lastOwn = latestEnvelopes.get(slot.localNode().nodeId());
        if (lastOwn != null && lastOwn.getStatement().equals(st)) {
            return;
        }
        SCPEnvelope envelope = slot.sign(st);
        if (slot.processEnvelope(envelope, true) != EnvelopeState.VALID) {
            // The local node produced a statement it considers invalid: its state is corrupt.
            throw new ScpInvariantException("moved to a bad state (ballot protocol): " + localState());
        }
        if (canEmit && (lastEnvelope == null || isNewerStatement(lastEnvelope.getStatement(), st))) {
            lastEnvelope = envelope;
            // No-op while nested in advanceSlot, which sends once the message is fully processed.
            sendLatestEnvelope();
        }
    }

    private void sendLatestEnvelope() {
        if (messageLevel == 0 && lastEnvelope != null && slot.isFullyValidated() && lastEnvelopeEmit != lastEnvelope) {
            lastEnvelopeEmit = lastEnvelope;
            slot.driver().emitEnvelope(Xdr.copy(lastEnvelopeEmit));
        }
    }

    // ------------------------------------------------------------------ invariants

    private void checkInvariants() {
        if (current != null) {
            ScpInvariantException.check(current.counter() != 0, "b.counter == 0");
        }
        if (prepared != null && preparedPrime != null) {
            ScpInvariantException.check(preparedPrime.isLessAndIncompatible(prepared), "p' must be < p, incompatible");
        }
        if (high != null) {
            ScpInvariantException.check(current != null && high.isLessAndCompatible(current), "h must be <= b, compatible");
        }
        if (commit != null) {
            ScpInvariantException.check(current != null && high != null, "c without b or h");
            ScpInvariantException.check(commit.isLessAndCompatible(high), "c must be <= h, compatible");
            ScpInvariantException.check(high.isLessAndCompatible(current), "h must be <= b, compatible");
        }
        switch (phase) {
            case PREPARE -> {
            }
            case CONFIRM -> ScpInvariantException.check(commit != null, "CONFIRM without c");
            case EXTERNALIZE -> ScpInvariantException.check(commit != null && high != null, "EXTERNALIZE without c, h");
        }
    }

    // ------------------------------------------------------------------ restore and queries

    /** Restores the state the local node had when it last sent {@code envelope}, before anything else ran. */
    void setStateFromEnvelope(SCPEnvelope envelope) {
        if (current != null) {
            throw new IllegalStateException("cannot restore state after the ballot protocol started");
        }
        SCPStatement st = envelope.getStatement();
        if (!isStatementSane(st, false)) {
            throw new IllegalArgumentException("cannot restore from an insane statement");
        }
        recordEnvelope(envelope);
        lastEnvelope = envelope;
        lastEnvelopeEmit = envelope;
        switch (Statements.type(st)) {
            case SCP_ST_PREPARE -> {
                SCPStatementPrepare p = Statements.prepare(st);
                Ballot b = Ballot.of(p.getBallot());
                bumpToBallot(b, true);
                prepared = Ballot.ofNullable(p.getPrepared());
                preparedPrime = Ballot.ofNullable(p.getPreparedPrime());
                long nH = Xdr.uint32(p.getNH());
                long nC = Xdr.uint32(p.getNC());
                high = nH == 0 ? null : b.withCounter(nH);
                commit = nC == 0 ? null : b.withCounter(nC);
                phase = BallotPhase.PREPARE;
            }
            case SCP_ST_CONFIRM -> {
                SCPStatementConfirm c = Statements.confirm(st);
                Ballot b = Ballot.of(c.getBallot());
                bumpToBallot(b, true);
                prepared = b.withCounter(Xdr.uint32(c.getNPrepared()));
                high = b.withCounter(Xdr.uint32(c.getNH()));
                commit = b.withCounter(Xdr.uint32(c.getNCommit()));
                phase = BallotPhase.CONFIRM;
            }
            case SCP_ST_EXTERNALIZE -> {
                SCPStatementExternalize x = Statements.externalize(st);
                Ballot c = Ballot.of(x.getCommit());
                bumpToBallot(c.withCounter(Ballot.COUNTER_INFINITE), true);
                prepared = c.withCounter(Ballot.COUNTER_INFINITE);
                high = c.withCounter(Xdr.uint32(x.getNH()));
                commit = c;
                phase = BallotPhase.EXTERNALIZE;
            }
            default -> throw new IllegalArgumentException("not a ballot statement");
        }
        // What was confirmed prepared or accepted committed before the restart stays the value to bump with,
        // so that a timeout after the restart cannot move the node to another value.
        valueOverride = high != null ? high.value() : null;
        checkInvariants();
    }

    Optional<SCPEnvelope> getLatestMessage(NodeID node) {
        return Optional.ofNullable(latestEnvelopes.get(node)).map(Xdr::copy);
    }

    Optional<SCPEnvelope> getLastMessageSend() {
        return Optional.ofNullable(lastEnvelope).map(Xdr::copy);
    }

    void collectCurrentState(List<SCPEnvelope> out, boolean forceSelf) {
        for (Map.Entry<NodeID, SCPEnvelope> e : latestEnvelopes.entrySet()) {
            if (forceSelf || !e.getKey().equals(slot.localNode().nodeId()) || slot.isFullyValidated()) {
                out.add(Xdr.copy(e.getValue()));
            }
        }
    }

    /** Envelopes that helped externalize: other nodes' statements about the value, and the local one. */
    List<SCPEnvelope> getExternalizingState() {
        List<SCPEnvelope> res = new ArrayList<>();
        if (phase != BallotPhase.EXTERNALIZE) {
            return res;
        }
        for (Map.Entry<NodeID, SCPEnvelope> e : latestEnvelopes.entrySet()) {
            if (!e.getKey().equals(slot.localNode().nodeId())) {
                if (commit.isCompatible(Statements.workingBallot(e.getValue().getStatement()))) {
                    res.add(Xdr.copy(e.getValue()));
                }
            } else if (slot.isFullyValidated()) {
                res.add(Xdr.copy(e.getValue()));
            }
        }
        return res;
    }

    BallotSnapshot snapshot() {
        return new BallotSnapshot(phase, current, prepared, preparedPrime, high, commit, heardFromQuorum);
    }

    private String localState() {
        return "i: " + slot.index() + " | " + phase + " | b: " + current + " | p: " + prepared + " | p': "
                + preparedPrime + " | h: " + high + " | c: " + commit + " | M: " + latestEnvelopes.size();
    }
}
