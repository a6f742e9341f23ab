package io.corridor.consensus.scp;

/**
 * Outcome of {@link QuorumSets#checkSanity}. Stable codes: never reorder. When several problems exist the
 * first one met by a depth-first walk of the set (outer set before inner sets) is reported, then the total
 * node count is checked.
 */
public enum QuorumSetSanity {
    SANE,
    /** Inner sets are nested deeper than {@link QuorumSets#NESTING_DEPTH_MAX}. */
    NESTING_TOO_DEEP,
    /** A threshold of zero: every set of nodes would be a slice. */
    THRESHOLD_ZERO,
    /** The threshold exceeds the number of entries (validators plus inner sets). */
    THRESHOLD_EXCEEDS_ENTRIES,
    /** Extra check only: the threshold is below a simple majority, so a v-blocking set could be a slice. */
    THRESHOLD_BELOW_MAJORITY,
    /** A node appears more than once anywhere in the set. */
    DUPLICATE_NODE,
    /** The total number of nodes is not within 1..{@link QuorumSets#NODES_MAX}. */
    NODE_COUNT_OUT_OF_RANGE
}
