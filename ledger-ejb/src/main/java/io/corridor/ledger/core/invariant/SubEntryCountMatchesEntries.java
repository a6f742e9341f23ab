package io.corridor.ledger.core.invariant;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.state.EntryChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryType;

/**
 * An account's sub-entry count changes exactly as its sub-entries do: trust lines, offers and data entries
 * it owns, and its signers (stellar-core's {@code AccountSubEntriesCountIsValid}). A removed account's
 * signers go with it; any other sub-entry it still owned would show up as a mismatch.
 */
public final class SubEntryCountMatchesEntries extends ChangeSetInvariant {

    @Override
    public String name() {
        return "SubEntryCountMatchesEntries";
    }

    @Override
    Optional<String> check(List<EntryChange> changes) {
        Map<String, Long> entryDelta = new HashMap<>();
        Map<String, Long> countDelta = new HashMap<>();
        for (EntryChange change : changes) {
            if (change.key().type() == LedgerEntryType.ACCOUNT) {
                AccountEntry before = change.before().map(e -> e.getData().getAccount()).orElse(null);
                AccountEntry after = change.after().map(e -> e.getData().getAccount()).orElse(null);
                String id = Accounts.strKey((after != null ? after : before).getAccountID());
                long counted = (after == null ? 0 : Accounts.numSubEntries(after))
                        - (before == null ? 0 : Accounts.numSubEntries(before));
                long signers = signers(after) - signers(before);
                countDelta.merge(id, counted, Long::sum);
                entryDelta.merge(id, signers, Long::sum);
                continue;
            }
            LedgerEntry any = change.after().orElseGet(() -> change.before().orElseThrow());
            AccountID owner = Entries.subEntryOwner(any);
            if (owner == null) {
                continue;
            }
            long delta = (change.after().isPresent() ? 1 : 0) - (change.before().isPresent() ? 1 : 0);
            entryDelta.merge(Accounts.strKey(owner), delta, Long::sum);
        }
        for (Map.Entry<String, Long> e : entryDelta.entrySet()) {
            long counted = countDelta.getOrDefault(e.getKey(), 0L);
            if (counted != e.getValue()) {
                return Optional.of("account " + e.getKey() + ": sub-entry count changed by " + counted
                        + " but its sub-entries by " + e.getValue());
            }
        }
        for (Map.Entry<String, Long> e : countDelta.entrySet()) {
            if (!entryDelta.containsKey(e.getKey()) && e.getValue() != 0) {
                return Optional.of("account " + e.getKey() + ": sub-entry count changed by " + e.getValue()
                        + " without any sub-entry changing");
            }
        }
        return Optional.empty();
    }

    private static long signers(AccountEntry account) {
        return account == null || account.getSigners() == null ? 0 : account.getSigners().length;
    }
}
