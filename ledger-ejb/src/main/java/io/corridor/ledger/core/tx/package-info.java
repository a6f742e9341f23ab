/**
 * Transactions: envelopes and their hashes, signature checking against account thresholds, validity
 * (admission and apply) and the application of a transaction with its fee, sequence number and
 * operations. Expected failures are Stellar result codes returned in results, never exceptions.
 */
package io.corridor.ledger.core.tx;
