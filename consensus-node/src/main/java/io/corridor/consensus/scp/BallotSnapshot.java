package io.corridor.consensus.scp;

/**
 * A read-only view of a slot's ballot-protocol state, for diagnostics (stellar-core's JSON info): the
 * phase and the ballots b, p, p', h and c (null when unset), and whether a quorum was heard at b's counter.
 */
public record BallotSnapshot(BallotPhase phase, Ballot current, Ballot prepared, Ballot preparedPrime,
        Ballot high, Ballot commit, boolean heardFromQuorum) {
}
