package io.corridor.consensus.sim;

import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

import io.corridor.consensus.scp.QuorumSets;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.SCPQuorumSet;

/**
 * Quorum sets by hash, as nodes would fetch them from peers. Hash-addressed, so whoever publishes a set
 * (Byzantine nodes publish insane ones) cannot change what an existing hash means.
 */
final class QuorumSetDirectory {
    private final TreeMap<String, SCPQuorumSet> byHash = new TreeMap<>();

    Hash publish(SCPQuorumSet qSet) {
        Hash hash = QuorumSets.hash(qSet);
        byHash.putIfAbsent(HexFormat.of().formatHex(hash.getHash()), qSet);
        return hash;
    }

    Optional<SCPQuorumSet> get(Hash hash) {
        if (hash == null || hash.getHash() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(HexFormat.of().formatHex(hash.getHash())));
    }
}
