/**
 * Ledger state: entry keys, the live state of the last closed ledger with its incremental state hash,
 * and nested transactional overlays ({@link io.corridor.ledger.core.state.LedgerTxn}) that operations
 * write through. Pure Java; entries are Stellar XDR.
 */
package io.corridor.ledger.core.state;
