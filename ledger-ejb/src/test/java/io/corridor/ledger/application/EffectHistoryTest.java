package io.corridor.ledger.application;

import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.history.EffectType;
import io.corridor.ledger.core.history.Toid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;

/**
 * {@link EffectHistory} over a store that holds what a node commits: effects derived from stored operations and
 * metadata, ordered by (operation id, index), paged both ways by Horizon's tokens, per account, ledger,
 * transaction and operation, and none for a failed transaction.
 */
class EffectHistoryTest {

    private final LedgerFixture ledger = LedgerFixture.strict();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore();
    private final EffectHistory effects = new EffectHistory(store);
    private KeyPair root;
    private KeyPair alice;
    private KeyPair bob;
    private ClosedLedger paymentLedger;
    private Transaction payment;
    private Transaction failed;
    private Transaction twoOps;

    private ClosedLedger close(Transaction... txs) {
        ClosedLedger closed = ledger.close(txs);
        store.commit(closed);
        return closed;
    }

    /**
     * Ledger 2 creates alice, 3 creates bob, 4 holds alice's payment to bob and a payment of bob's that fails,
     * 5 a transaction of alice with a claimable balance for bob and a home domain.
     */
    @BeforeEach
    void history() {
        store.commit(ledger.genesis());
        root = ledger.root();
        alice = LedgerFixture.key("alice");
        bob = LedgerFixture.key("bob");
        close(ledger.tx(root, createAccountOp(alice, iqq(100))));
        close(ledger.tx(root, createAccountOp(bob, iqq(100))));
        payment = ledger.tx(alice, paymentOp(bob, iqq(5)));
        failed = ledger.tx(bob, paymentOp(alice, iqq(1_000)));
        paymentLedger = close(payment, failed);
        assertThat(LedgerFixture.applied(paymentLedger, failed).successful()).isFalse();
        twoOps = ledger.tx(alice, createBalanceOp(new AssetTypeNative(), iqq(1), anytime(bob)),
                new SetOptionsOperation.Builder().setHomeDomain("alice.example").build());
        close(twoOps);
    }

    private static List<String> summary(List<EffectRecord> records) {
        return records.stream().map(r -> r.pagingToken() + " " + r.effect().type().horizonName()).toList();
    }

    private long operationId(ClosedLedger closed, Transaction tx, int index) {
        AppliedTransaction applied = LedgerFixture.applied(closed, tx);
        return Toid.of(closed.sequence(), applied.applicationOrder(), index + 1);
    }

    private List<EffectRecord> all(boolean ascending) {
        return effects.page(HistoryFilter.ALL, null, EffectCursor.parse("", ascending), ascending,
                PageRequest.LIMIT_MAX);
    }

    @Test
    void effectsFollowOperationsAndTheirIndexAndFailedTransactionsHaveNone() {
        List<EffectRecord> records = all(true);

        long create = Toid.of(2, 1, 1);
        long pay = operationId(paymentLedger, payment, 0);
        long balance = Toid.of(5, 1, 1);
        long homeDomain = Toid.of(5, 1, 2);
        assertThat(summary(records)).containsExactly(
                create + "-1 account_created", create + "-2 account_debited", create + "-3 signer_created",
                Toid.of(3, 1, 1) + "-1 account_created", Toid.of(3, 1, 1) + "-2 account_debited",
                Toid.of(3, 1, 1) + "-3 signer_created",
                pay + "-1 account_credited", pay + "-2 account_debited",
                balance + "-1 claimable_balance_created", balance + "-2 claimable_balance_claimant_created",
                balance + "-3 account_debited", balance + "-4 claimable_balance_sponsorship_created",
                homeDomain + "-1 account_home_domain_updated");
        EffectRecord first = records.get(0);
        assertThat(first.id()).isEqualTo(String.format("%019d", create) + "-0000000001");
        assertThat(first.ledger()).isEqualTo(2);
        assertThat(first.effect().account()).isEqualTo(alice.getAccountId());
        assertThat(first.transactionHash()).isEqualTo(store.operation(create).orElseThrow().transactionHash());
        assertThat(first.closeTime()).isEqualTo(store.operation(create).orElseThrow().closeTime());
    }

    @Test
    void pagesOfAnySizeWalkTheSameSequenceForwardAndBackward() {
        List<EffectRecord> everything = all(true);
        List<EffectRecord> reversed = new ArrayList<>(everything);
        java.util.Collections.reverse(reversed);
        assertThat(all(false)).isEqualTo(reversed);

        for (int limit : new int[] {1, 2, 3, 5}) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<EffectRecord> walked = new ArrayList<>();
                EffectCursor cursor = EffectCursor.parse("", ascending);
                for (int pages = 0; pages < 100; pages++) {
                    List<EffectRecord> page = effects.page(HistoryFilter.ALL, null, cursor, ascending, limit);
                    assertThat(page.size()).isLessThanOrEqualTo(limit);
                    walked.addAll(page);
                    if (page.size() < limit) {
                        break;
                    }
                    cursor = EffectCursor.parse(page.get(page.size() - 1).pagingToken(), ascending);
                }
                assertThat(walked).as("limit %d, ascending %s", limit, ascending)
                        .isEqualTo(ascending ? everything : reversed);
            }
        }
    }

    @Test
    void anOperationIdAloneStandsAfterAllItsEffects() {
        long balance = Toid.of(5, 1, 1);

        String operationAlone = Long.toString(balance);
        List<EffectRecord> after = effects.page(HistoryFilter.ALL, null, EffectCursor.parse(operationAlone, true),
                true, 10);
        List<EffectRecord> before = effects.page(HistoryFilter.ALL, null, EffectCursor.parse(operationAlone, false),
                false, 2);
        List<EffectRecord> within = effects.page(HistoryFilter.ALL, null, EffectCursor.parse(balance + "-2", true),
                true, 10);

        assertThat(summary(after)).containsExactly(Toid.of(5, 1, 2) + "-1 account_home_domain_updated");
        assertThat(summary(before)).containsExactly(balance + "-4 claimable_balance_sponsorship_created",
                balance + "-3 account_debited");
        assertThat(summary(within)).startsWith(balance + "-3 account_debited").hasSize(3);
        assertThat(effects.page(HistoryFilter.ALL, null, EffectCursor.parse("now", true), true, 10)).isEmpty();
    }

    @Test
    void anAccountsEffectsAreThoseThatConcernItIncludingAClaimableBalanceItMayClaim() {
        List<EffectRecord> bobs = effects.page(HistoryFilter.forAccount(bob.getAccountId()), bob.getAccountId(),
                EffectCursor.START, true, 10);

        assertThat(bobs).allSatisfy(r -> assertThat(r.effect().account()).isEqualTo(bob.getAccountId()));
        assertThat(bobs).extracting(r -> r.effect().type()).containsExactly(EffectType.ACCOUNT_CREATED,
                EffectType.SIGNER_CREATED, EffectType.ACCOUNT_CREDITED, EffectType.CLAIMABLE_BALANCE_CLAIMANT_CREATED);
        List<EffectRecord> roots = effects.page(HistoryFilter.forAccount(root.getAccountId()), root.getAccountId(),
                EffectCursor.START, true, 1);
        assertThat(summary(roots)).containsExactly(Toid.of(2, 1, 1) + "-2 account_debited");
        List<EffectRecord> rootsNext = effects.page(HistoryFilter.forAccount(root.getAccountId()), root.getAccountId(),
                roots.get(0).position(), true, 10);
        assertThat(summary(rootsNext)).containsExactly(Toid.of(3, 1, 1) + "-2 account_debited");
    }

    @Test
    void aLedgersATransactionsAndAnOperationsEffects() {
        long balance = Toid.of(5, 1, 1);

        assertThat(effects.page(HistoryFilter.forLedger(4), null, EffectCursor.START, true, 10))
                .extracting(r -> r.effect().type())
                .containsExactly(EffectType.ACCOUNT_CREDITED, EffectType.ACCOUNT_DEBITED);
        assertThat(effects.page(HistoryFilter.forTransaction(failed.hashHex()), null, EffectCursor.START, true, 10))
                .as("a failed transaction").isEmpty();
        assertThat(effects.page(HistoryFilter.forTransaction(twoOps.hashHex()), null, EffectCursor.END, false, 2))
                .extracting(EffectRecord::pagingToken)
                .containsExactly(Toid.of(5, 1, 2) + "-1", balance + "-4");
        assertThat(effects.ofOperation(balance, EffectCursor.parse(balance + "-1", true), true, 2))
                .extracting(EffectRecord::pagingToken).containsExactly(balance + "-2", balance + "-3");
        assertThat(effects.ofOperation(balance, EffectCursor.END, false, 10)).hasSize(4);
        assertThat(effects.ofOperation(operationId(paymentLedger, failed, 0), EffectCursor.START, true, 10)).isEmpty();
        assertThat(effects.ofOperation(Toid.of(99, 1, 1), EffectCursor.START, true, 10)).isEmpty();
    }

    @Test
    void cursorsAreHorizonsPagingTokens() {
        assertThat(EffectCursor.parse("", true)).isEqualTo(EffectCursor.START);
        assertThat(EffectCursor.parse("", false)).isEqualTo(EffectCursor.END);
        assertThat(EffectCursor.parse("now", true)).isEqualTo(EffectCursor.END);
        assertThat(EffectCursor.parse("12", true)).isEqualTo(new EffectCursor(12, EffectCursor.INDEX_AFTER_ALL));
        assertThat(EffectCursor.parse("12-3", false)).isEqualTo(new EffectCursor(12, 3));
        assertThat(EffectCursor.parse("12-99999999999", true))
                .isEqualTo(new EffectCursor(12, EffectCursor.INDEX_AFTER_ALL));
        for (String bad : new String[] {"-1", "1-", "a", "1-2-3", "1--2", "99999999999999999999"}) {
            assertThatThrownBy(() -> EffectCursor.parse(bad, true)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new EffectRecord(Toid.of(5, 1, 2), 7, "h", 5, 0, all(true).get(0).effect()).id())
                .isEqualTo("0000000021474840578-0000000007");
        assertThatThrownBy(() -> effects.page(HistoryFilter.ALL, null, EffectCursor.START, true, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
