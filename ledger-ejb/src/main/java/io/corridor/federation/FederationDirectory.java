package io.corridor.federation;

import java.util.List;
import java.util.Optional;

/**
 * The node's register of federation records (port). Lookups by address ignore the case of the name
 * ({@link StellarAddress#lookupKey()}); an account's addresses come in the order they were registered.
 */
public interface FederationDirectory {

    /** Addresses returned for one account at most. */
    int ADDRESSES_PER_ACCOUNT_MAX = 200;

    /** Registers {@code address}, following {@link RegisterOutcome#decide}. */
    RegisterOutcome register(FederationAddress address);

    /** Removes the record of {@code address} (any case of the name). */
    RemoveOutcome remove(StellarAddress address);

    Optional<FederationAddress> byAddress(StellarAddress address);

    /**
     * The addresses of {@code accountId}, oldest registration first, at most {@code limit} (1 to
     * {@link #ADDRESSES_PER_ACCOUNT_MAX}).
     */
    List<FederationAddress> byAccountId(String accountId, int limit);

    Optional<FederationAddress> byForward(ForwardKey key);
}
