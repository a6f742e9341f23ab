/**
 * FBAS analysis (quorums, quorum intersection, blocking, splitting and dispensable sets, intact and
 * befouled nodes) in pure Java: this package depends on nothing but {@code java.*}, so that the
 * launcher can run {@link io.corridor.consensus.fbas.FbasCli} from the module's classes alone.
 */
package io.corridor.consensus.fbas;
