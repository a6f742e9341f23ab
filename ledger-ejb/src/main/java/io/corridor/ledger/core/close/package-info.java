/**
 * Closing a ledger: the transaction set and its hash, the deterministic apply order, fee processing then
 * apply, and the new header chained to the previous one. Produces a {@link
 * io.corridor.ledger.core.close.ClosedLedger} without touching durable state; the application layer commits
 * it.
 */
package io.corridor.ledger.core.close;
