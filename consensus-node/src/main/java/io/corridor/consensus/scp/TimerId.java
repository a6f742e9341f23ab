package io.corridor.consensus.scp;

/** The timers a slot asks the driver to run. Each slot has at most one timer of each kind. */
public enum TimerId {
    /** Fires to start the next nomination round. */
    NOMINATION,
    /** Fires to abandon the current ballot once a quorum was heard at its counter. */
    BALLOT_PROTOCOL
}
