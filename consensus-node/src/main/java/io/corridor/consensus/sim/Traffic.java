package io.corridor.consensus.sim;

/**
 * What happened to the messages nodes received (Byzantine nodes' honest cores included): accepted by SCP,
 * rejected by SCP ({@code INVALID}: stale, insane, badly signed, invalid value...), not decodable as an
 * envelope, or dropped by the host as too far ahead.
 */
public record Traffic(long accepted, long rejected, long undecodable, long aheadOfHorizon) {

    /** Counters of a running simulation. */
    static final class Counter {
        long accepted;
        long rejected;
        long undecodable;
        long aheadOfHorizon;

        Traffic snapshot() {
            return new Traffic(accepted, rejected, undecodable, aheadOfHorizon);
        }
    }
}
