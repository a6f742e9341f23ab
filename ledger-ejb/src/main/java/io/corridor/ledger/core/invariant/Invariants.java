package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.state.EntryChange;
import java.util.List;
import java.util.Optional;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;

/**
 * The set of invariants a ledger runs, and whether they also run after each operation (tests, and nodes
 * started with {@code corridor.invariants.per-operation=true}) or only after each ledger (production).
 */
public final class Invariants {

    private final List<Invariant> invariants;
    private final boolean perOperation;

    public Invariants(List<Invariant> invariants, boolean perOperation) {
        this.invariants = List.copyOf(invariants);
        this.perOperation = perOperation;
    }

    /** Every built-in invariant. */
    public static List<Invariant> all() {
        return List.of(new ConservationOfNativeAsset(), new BalancesAreNonNegative(), new MinimumBalanceHeld(),
                new SubEntryCountMatchesEntries(), new SponsorshipCountsAreConsistent(), new LedgerEntryIsValid());
    }

    public static Invariants production() {
        return new Invariants(all(), false);
    }

    public static Invariants strict() {
        return new Invariants(all(), true);
    }

    public List<Invariant> list() {
        return invariants;
    }

    public boolean perOperation() {
        return perOperation;
    }

    /** Throws {@link InvariantViolation} naming the first invariant the operation broke. */
    public void checkOperation(Operation operation, OperationResult result, List<EntryChange> changes,
            LedgerContext ctx, String where) {
        if (!perOperation) {
            return;
        }
        for (Invariant invariant : invariants) {
            Optional<String> breach = invariant.checkOnOperationApply(operation, result, changes, ctx);
            if (breach.isPresent()) {
                throw new InvariantViolation(invariant.name(), where, breach.get());
            }
        }
    }

    /** Throws {@link InvariantViolation} naming the first invariant the ledger broke. */
    public void checkLedger(LedgerHeader previous, LedgerHeader next, List<EntryChange> changes, String where) {
        for (Invariant invariant : invariants) {
            Optional<String> breach = invariant.checkOnLedgerClose(previous, next, changes);
            if (breach.isPresent()) {
                throw new InvariantViolation(invariant.name(), where, breach.get());
            }
        }
    }
}
