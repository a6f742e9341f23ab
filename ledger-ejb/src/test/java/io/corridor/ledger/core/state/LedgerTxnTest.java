package io.corridor.ledger.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;

/** The nested transactional view operations write through: copies, commit, rollback, net changes. */
class LedgerTxnTest {

    private final AccountID alice = Accounts.parse(LedgerFixture.key("alice").getAccountId());
    private final AccountID bob = Accounts.parse(LedgerFixture.key("bob").getAccountId());
    private final AccountID carol = Accounts.parse(LedgerFixture.key("carol").getAccountId());
    private LiveState state;

    @BeforeEach
    void setUp() {
        state = new LiveState();
        state.put(Accounts.newAccount(alice, 100, 1L << 32, 1));
        state.put(Accounts.newAccount(bob, 200, 1L << 32, 1));
    }

    private static long balance(LedgerReader reader, AccountID id) {
        return Accounts.balance(reader.load(EntryKey.account(id)).orElseThrow().getData().getAccount());
    }

    private static LedgerEntry withBalance(LedgerReader reader, AccountID id, long balance) {
        LedgerEntry entry = reader.load(EntryKey.account(id)).orElseThrow();
        entry.getData().getAccount().setBalance(new Int64(balance));
        return entry;
    }

    @Test
    void outermostScopeReadsTheLiveStateAndKeepsItsWritesToItself() {
        LedgerTxn ltx = new LedgerTxn(state);

        ltx.put(withBalance(ltx, alice, 150));

        assertThat(balance(ltx, alice)).isEqualTo(150);
        assertThat(balance(ltx, bob)).isEqualTo(200);
        assertThat(balance(state, alice)).isEqualTo(100);
    }

    @Test
    void loadsAndPutsAreCopies() {
        LedgerTxn ltx = new LedgerTxn(state);
        LedgerEntry loaded = ltx.load(EntryKey.account(alice)).orElseThrow();
        loaded.getData().getAccount().setBalance(new Int64(1L));
        assertThat(balance(ltx, alice)).isEqualTo(100);

        LedgerEntry written = withBalance(ltx, alice, 5);
        ltx.put(written);
        written.getData().getAccount().setBalance(new Int64(6L));
        assertThat(balance(ltx, alice)).isEqualTo(5);
    }

    @Test
    void changesAreNetAndInKeyOrder() {
        LedgerTxn ltx = new LedgerTxn(state);
        ltx.put(withBalance(ltx, alice, 150));
        ltx.erase(EntryKey.account(bob));
        ltx.put(Accounts.newAccount(carol, 300, 2L << 32, 2));

        List<EntryChange> changes = ltx.changes();

        assertThat(changes).extracting(EntryChange::key).isSorted().hasSize(3);
        EntryChange aliceChange = changes.stream().filter(c -> c.key().equals(EntryKey.account(alice))).findFirst()
                .orElseThrow();
        assertThat(Accounts.balance(aliceChange.before().orElseThrow().getData().getAccount())).isEqualTo(100);
        assertThat(Accounts.balance(aliceChange.after().orElseThrow().getData().getAccount())).isEqualTo(150);
        assertThat(changes.stream().filter(EntryChange::isErased).map(EntryChange::key))
                .containsExactly(EntryKey.account(bob));
        assertThat(changes.stream().filter(EntryChange::isCreated).map(EntryChange::key))
                .containsExactly(EntryKey.account(carol));
    }

    @Test
    void entryCreatedAndErasedAgainIsNoChange() {
        LedgerTxn ltx = new LedgerTxn(state);
        ltx.put(Accounts.newAccount(carol, 300, 2L << 32, 2));
        ltx.erase(EntryKey.account(carol));

        assertThat(ltx.changes()).isEmpty();
        assertThat(ltx.exists(EntryKey.account(carol))).isFalse();
    }

    @Test
    void erasingAMissingEntryIsAProgrammingError() {
        LedgerTxn ltx = new LedgerTxn(state);

        assertThatThrownBy(() -> ltx.erase(EntryKey.account(carol))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void outermostScopeIsNotCommittedThroughCommit() {
        LedgerTxn ltx = new LedgerTxn(state);

        assertThatThrownBy(ltx::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parentMayNotBeUsedWhileAChildIsOpen() {
        LedgerTxn parent = new LedgerTxn(state);
        parent.child();

        assertThatThrownBy(() -> parent.load(EntryKey.account(alice))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> parent.put(Accounts.newAccount(carol, 1, 0, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committedChildWritesReachTheParent() {
        LedgerTxn parent = new LedgerTxn(state);
        LedgerTxn child = parent.child();
        child.put(Accounts.newAccount(carol, 300, 2L << 32, 2));

        child.commit();

        assertThat(balance(parent, carol)).isEqualTo(300);
        assertThat(state.exists(EntryKey.account(carol))).isFalse();
        assertThatThrownBy(() -> child.load(EntryKey.account(carol))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rolledBackChildWritesAreGone() {
        LedgerTxn parent = new LedgerTxn(state);
        LedgerTxn child = parent.child();
        child.put(Accounts.newAccount(carol, 300, 2L << 32, 2));

        child.rollback();

        assertThat(parent.exists(EntryKey.account(carol))).isFalse();
        assertThat(parent.changes()).isEmpty();
    }

    /**
     * As stellar-core's nested {@code LedgerTxn}, a child reads through its parent while the parent is sealed for
     * direct use: every fee, sequence-number and operation scope is a child that first loads an account it has
     * not written, so without this no ledger holding a transaction could close.
     */
    @Test
    void childReadsEntriesOfItsParent() {
        LedgerTxn parent = new LedgerTxn(state);
        parent.put(withBalance(parent, alice, 150));
        LedgerTxn child = parent.child();

        assertThat(balance(child, alice)).isEqualTo(150); // written by the parent
        assertThat(balance(child, bob)).isEqualTo(200); // in the live state
        assertThat(child.exists(EntryKey.account(carol))).isFalse();
    }

    @Test
    void childChangesAreAgainstItsParentAndCommitIntoIt() {
        LedgerTxn parent = new LedgerTxn(state);
        parent.put(withBalance(parent, alice, 150));
        LedgerTxn child = parent.child();
        LedgerTxn grandChild = child.child();
        grandChild.put(withBalance(grandChild, alice, 175));

        List<EntryChange> grandChildChanges = grandChild.changes();
        grandChild.commit();
        child.commit();

        assertThat(grandChildChanges).hasSize(1);
        assertThat(Accounts.balance(grandChildChanges.get(0).before().orElseThrow().getData().getAccount()))
                .isEqualTo(150);
        assertThat(balance(parent, alice)).isEqualTo(175);
        EntryChange net = parent.changes().get(0);
        assertThat(Accounts.balance(net.before().orElseThrow().getData().getAccount())).isEqualTo(100);
        assertThat(Accounts.balance(net.after().orElseThrow().getData().getAccount())).isEqualTo(175);
    }
}
