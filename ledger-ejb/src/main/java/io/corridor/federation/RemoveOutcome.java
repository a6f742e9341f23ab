package io.corridor.federation;

/** What removing an address did. Stable codes; the admin API answers 204 and 404. */
public enum RemoveOutcome {
    REMOVED,
    NOT_FOUND
}
