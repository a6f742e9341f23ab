package io.corridor.ledger.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.LedgerEntry;

/** The state hash commits to the set of entries, not to how the state got there. */
class LiveStateTest {

    private static LedgerEntry account(int n, long balance) {
        byte[] seed = Hashing.sha256(("account-" + n).getBytes(StandardCharsets.UTF_8));
        return Accounts.newAccount(Accounts.accountId(Ed25519.publicKeyFromSeed(seed)), balance, 0, 1);
    }

    @Test
    void hashDoesNotDependOnInsertionOrder() {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(account(i, 1_000L + i));
        }
        LiveState forward = new LiveState();
        entries.forEach(forward::put);
        List<LedgerEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(42));
        LiveState shuffledState = new LiveState();
        shuffled.forEach(shuffledState::put);
        assertThat(shuffledState.stateHash()).isEqualTo(forward.stateHash());
        assertThat(shuffledState.size()).isEqualTo(500);
    }

    @Test
    void anyChangeOfAnyEntryChangesTheHash() {
        LiveState state = new LiveState();
        for (int i = 0; i < 50; i++) {
            state.put(account(i, 1_000));
        }
        byte[] before = state.stateHash();
        state.put(account(17, 1_001));
        byte[] changed = state.stateHash();
        assertThat(changed).isNotEqualTo(before);
        state.put(account(17, 1_000));
        assertThat(state.stateHash()).isEqualTo(before);
    }

    @Test
    void revertRestoresEntriesAndHash() {
        LiveState state = new LiveState();
        state.put(account(1, 500));
        state.put(account(2, 700));
        byte[] before = state.stateHash();
        LedgerEntry updated = account(1, 400);
        LedgerEntry created = account(3, 100);
        LedgerEntry removed = account(2, 700);
        List<EntryChange> changes = List.of(
                new EntryChange(EntryKey.forEntry(updated), Optional.of(account(1, 500)), Optional.of(updated)),
                new EntryChange(EntryKey.forEntry(created), Optional.empty(), Optional.of(created)),
                new EntryChange(EntryKey.forEntry(removed), Optional.of(removed), Optional.empty()));
        state.apply(changes);
        assertThat(state.exists(EntryKey.forEntry(created))).isTrue();
        assertThat(state.exists(EntryKey.forEntry(removed))).isFalse();
        assertThat(state.stateHash()).isNotEqualTo(before);

        state.revert(changes);
        assertThat(state.stateHash()).isEqualTo(before);
        assertThat(state.exists(EntryKey.forEntry(created))).isFalse();
        assertThat(Accounts.balance(state.load(EntryKey.forEntry(updated)).orElseThrow().getData().getAccount()))
                .isEqualTo(500);
    }

    @Test
    void loadsAreCopiesThatCannotChangeTheState() {
        LiveState state = new LiveState();
        LedgerEntry entry = account(1, 500);
        state.put(entry);
        byte[] before = state.stateHash();
        LedgerEntry loaded = state.load(EntryKey.forEntry(entry)).orElseThrow();
        loaded.getData().getAccount().setBalance(new org.stellar.sdk.xdr.Int64(1L));
        assertThat(Accounts.balance(state.load(EntryKey.forEntry(entry)).orElseThrow().getData().getAccount()))
                .isEqualTo(500);
        assertThat(state.stateHash()).isEqualTo(before);
    }
}
