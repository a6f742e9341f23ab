/**
 * A deterministic simulator for the SCP library ({@code io.corridor.consensus.scp}): whole networks of
 * nodes in one thread, on a virtual clock, driven by a single seed. It injects message loss, delay,
 * reordering and duplication, partitions that heal, crash-restarts from persisted envelopes and Byzantine
 * nodes (equivocation and garbage), and checks safety of the intact nodes (computed with
 * {@code io.corridor.consensus.fbas}) and their liveness once the faults end. {@link
 * io.corridor.consensus.sim.SimulationCli} runs thousands of seeds; docs/SCP.md ("Simulation") describes it.
 * Pure Java: the JDK, the SDK's XDR classes, the SCP library and the FBAS analysis only.
 */
package io.corridor.consensus.sim;
