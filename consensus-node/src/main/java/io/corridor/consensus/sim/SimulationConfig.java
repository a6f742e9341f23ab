package io.corridor.consensus.sim;

/**
 * Fixed parameters of a run (the seed varies everything else).
 *
 * @param slots           slots per run; every honest node nominates its own value in each
 * @param rebroadcastMs   period at which nodes resend their latest envelopes (the herder's job)
 * @param livenessBoundMs virtual time after the end of the fault phase by which every intact node must have
 *                        externalized every slot
 * @param eventsMax       bound on events per run (a run needing more fails, naming the bound)
 * @param slotHorizon     envelopes for slots beyond the node's current slot plus this are dropped by the host,
 *                        as a herder drops envelopes far ahead of the ledger it tracks
 */
public record SimulationConfig(int slots, long rebroadcastMs, long livenessBoundMs, long eventsMax, int slotHorizon) {
    public static final SimulationConfig DEFAULT = new SimulationConfig(3, 2_000, 300_000, 3_000_000, 8);

    public SimulationConfig {
        if (slots < 1 || rebroadcastMs < 1 || livenessBoundMs < 1 || eventsMax < 1 || slotHorizon < 0) {
            throw new IllegalArgumentException("invalid simulation config");
        }
    }
}
