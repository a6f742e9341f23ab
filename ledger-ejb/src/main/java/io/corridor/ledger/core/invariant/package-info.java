/**
 * Ledger invariants, named and pluggable as stellar-core's {@code src/invariant}: properties of the state
 * that no operation and no ledger may break. They run after every ledger in production and, in tests,
 * after every operation too. A violation is a bug: it stops the node from closing further ledgers and
 * names the invariant and where it broke.
 */
package io.corridor.ledger.core.invariant;
