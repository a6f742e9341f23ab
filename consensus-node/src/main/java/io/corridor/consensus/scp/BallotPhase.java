package io.corridor.consensus.scp;

/** Phase of the ballot protocol for one slot; it only moves forward. */
public enum BallotPhase {
    PREPARE,
    CONFIRM,
    EXTERNALIZE
}
