/**
 * The Stellar Consensus Protocol as a library: federated voting, nomination and the ballot protocol over
 * opaque values in numbered slots. It depends only on {@code java.*} and the Stellar XDR classes; everything
 * else (time, timers, randomness, signing, value validation, quorum-set lookup, the network) goes through
 * {@link io.corridor.consensus.scp.ScpDriver}. It knows nothing of ledgers: the herder binds slots to
 * ledger numbers and values to {@code StellarValue}. Instances are not thread-safe; the caller serialises.
 */
package io.corridor.consensus.scp;
