package io.corridor.federation;

import java.util.Optional;

/**
 * What registering an address did. Stable codes; the admin API answers 201, 200, 409, 409 and 409.
 */
public enum RegisterOutcome {
    /** The address is new and now resolves. */
    CREATED,
    /** The address was already registered with exactly this data; nothing changed (a repeated request). */
    UNCHANGED,
    /** The address is registered with other data; remove it first to change it. */
    ADDRESS_TAKEN,
    /** The bank account of the forward already forwards to another address. */
    FORWARD_TAKEN,
    /** Another request registered the address or the forward at the same moment; ask again to learn which. */
    CONCURRENT_CHANGE;

    /**
     * The rule every directory applies, given what is already registered at the candidate's address and at its
     * forward (if it has one): the same record again changes nothing, a different one at either place is a
     * conflict, otherwise the record is created.
     */
    public static RegisterOutcome decide(FederationAddress candidate, Optional<FederationAddress> atAddress,
            Optional<FederationAddress> atForward) {
        if (atAddress.isPresent()) {
            return atAddress.get().equals(candidate) ? UNCHANGED : ADDRESS_TAKEN;
        }
        if (atForward.isPresent()) {
            return FORWARD_TAKEN;
        }
        return CREATED;
    }
}
