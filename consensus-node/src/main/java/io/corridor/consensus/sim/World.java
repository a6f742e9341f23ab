package io.corridor.consensus.sim;

/** What every simulated node shares: the clock, the network, the keys, the quorum sets and the checker. */
record World(Topology topology, SimulationConfig config, EventQueue queue, Network network, KeyRing keys,
        QuorumSetDirectory quorumSets, Monitor monitor,
        Traffic.Counter traffic) {
}
