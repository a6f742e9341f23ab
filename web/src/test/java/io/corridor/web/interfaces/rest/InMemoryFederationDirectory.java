package io.corridor.web.interfaces.rest;

import io.corridor.federation.FederationAddress;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.ForwardKey;
import io.corridor.federation.RegisterOutcome;
import io.corridor.federation.RemoveOutcome;
import io.corridor.federation.StellarAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The directory port in a list, registration order kept, with the rule every directory follows. */
public final class InMemoryFederationDirectory implements FederationDirectory {

    private final List<FederationAddress> records = new ArrayList<>();
    /** When set, the next registration reports this outcome instead of deciding, as a lost race would. */
    private RegisterOutcome forcedOutcome;

    public void forceNextOutcome(RegisterOutcome outcome) {
        this.forcedOutcome = outcome;
    }

    @Override
    public RegisterOutcome register(FederationAddress address) {
        if (forcedOutcome != null) {
            RegisterOutcome outcome = forcedOutcome;
            forcedOutcome = null;
            return outcome;
        }
        RegisterOutcome outcome = RegisterOutcome.decide(address, byAddress(address.address()),
                address.forward().flatMap(this::byForward));
        if (outcome == RegisterOutcome.CREATED) {
            records.add(address);
        }
        return outcome;
    }

    @Override
    public RemoveOutcome remove(StellarAddress address) {
        return records.removeIf(r -> r.address().lookupKey().equals(address.lookupKey()))
                ? RemoveOutcome.REMOVED : RemoveOutcome.NOT_FOUND;
    }

    @Override
    public Optional<FederationAddress> byAddress(StellarAddress address) {
        return records.stream().filter(r -> r.address().lookupKey().equals(address.lookupKey())).findFirst();
    }

    @Override
    public List<FederationAddress> byAccountId(String accountId, int limit) {
        return records.stream().filter(r -> r.accountId().equals(accountId)).limit(limit).toList();
    }

    @Override
    public Optional<FederationAddress> byForward(ForwardKey key) {
        return records.stream().filter(r -> r.forward().equals(Optional.of(key))).findFirst();
    }
}
