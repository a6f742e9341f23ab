package io.corridor.ledger.core.state;

import io.corridor.ledger.core.Hashing;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash committing to the whole ledger state, kept up to date incrementally (it takes the place of
 * stellar-core's bucket-list hash in the header).
 *
 * <p>Entries fall into {@value #BUCKETS} buckets by the first two bytes of SHA-256 of their key. A bucket's
 * hash is SHA-256 over {@code SHA-256(key) ‖ SHA-256(entry)} of its entries in key order (32 zero bytes
 * when empty); a group's hash is SHA-256 over its {@value #BUCKETS_PER_GROUP} bucket hashes; the state hash
 * is SHA-256 over the {@value #GROUPS} group hashes. Closing a ledger rehashes only the buckets and groups
 * it touched, so the cost follows the size of the change, not the size of the ledger.
 */
final class StateHasher {

    static final int BUCKETS = 65_536;
    static final int BUCKETS_PER_GROUP = 256;
    static final int GROUPS = BUCKETS / BUCKETS_PER_GROUP;
    private static final int HASH_BYTES = 32;

    /** Per bucket: key → SHA-256(key) ‖ SHA-256(entry), in key order. Buckets are created on first use. */
    @SuppressWarnings("unchecked")
    private final TreeMap<EntryKey, byte[]>[] buckets = new TreeMap[BUCKETS];
    private final byte[][] bucketHashes = new byte[BUCKETS][];
    private final byte[][] groupHashes = new byte[GROUPS][];
    private final BitSet dirtyBuckets = new BitSet(BUCKETS);
    private final BitSet dirtyGroups = new BitSet(GROUPS);
    private byte[] root;

    StateHasher() {
        byte[] empty = new byte[HASH_BYTES];
        for (int i = 0; i < BUCKETS; i++) {
            bucketHashes[i] = empty;
        }
        dirtyGroups.set(0, GROUPS);
    }

    void put(EntryKey key, byte[] entryXdr) {
        byte[] keyHash = Hashing.sha256(key.bytes());
        byte[] leaf = new byte[2 * HASH_BYTES];
        System.arraycopy(keyHash, 0, leaf, 0, HASH_BYTES);
        System.arraycopy(Hashing.sha256(entryXdr), 0, leaf, HASH_BYTES, HASH_BYTES);
        int bucket = bucketOf(keyHash);
        if (buckets[bucket] == null) {
            buckets[bucket] = new TreeMap<>();
        }
        buckets[bucket].put(key, leaf);
        markDirty(bucket);
    }

    void remove(EntryKey key) {
        int bucket = bucketOf(Hashing.sha256(key.bytes()));
        if (buckets[bucket] != null && buckets[bucket].remove(key) != null) {
            markDirty(bucket);
        }
    }

    byte[] root() {
        if (root != null) {
            return root.clone();
        }
        MessageDigest digest = Hashing.sha256Digest();
        for (int bucket = dirtyBuckets.nextSetBit(0); bucket >= 0; bucket = dirtyBuckets.nextSetBit(bucket + 1)) {
            TreeMap<EntryKey, byte[]> entries = buckets[bucket];
            if (entries == null || entries.isEmpty()) {
                bucketHashes[bucket] = new byte[HASH_BYTES];
                continue;
            }
            for (Map.Entry<EntryKey, byte[]> leaf : entries.entrySet()) {
                digest.update(leaf.getValue());
            }
            bucketHashes[bucket] = digest.digest();
        }
        dirtyBuckets.clear();
        for (int group = dirtyGroups.nextSetBit(0); group >= 0; group = dirtyGroups.nextSetBit(group + 1)) {
            for (int i = 0; i < BUCKETS_PER_GROUP; i++) {
                digest.update(bucketHashes[group * BUCKETS_PER_GROUP + i]);
            }
            groupHashes[group] = digest.digest();
        }
        dirtyGroups.clear();
        for (byte[] groupHash : groupHashes) {
            digest.update(groupHash);
        }
        root = digest.digest();
        return root.clone();
    }

    private void markDirty(int bucket) {
        dirtyBuckets.set(bucket);
        dirtyGroups.set(bucket / BUCKETS_PER_GROUP);
        root = null;
    }

    private static int bucketOf(byte[] keyHash) {
        return ((keyHash[0] & 0xff) << 8) | (keyHash[1] & 0xff);
    }
}
