/**
 * Federated Byzantine agreement for Corridor: the Stellar Consensus Protocol, the herder that binds it to
 * ledgers, the validator overlay and FBAS analysis. Pure Java: no {@code jakarta.*}, Hibernate, Camel or
 * Drools. Until the consensus issue lands a node runs as a standalone network (a quorum of one) and the
 * ledger close timer in {@code ledger-ejb} triggers each ledger.
 */
package io.corridor.consensus;
