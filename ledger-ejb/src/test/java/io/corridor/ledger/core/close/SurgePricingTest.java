package io.corridor.ledger.core.close;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.applied;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.FeeBumpTransaction;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * Surge pricing of classic sets ({@link SurgePricing}): which transactions a full set takes, and the base fee
 * a closed ledger charges them, derived from the set and the previous header as stellar-core did for legacy
 * sets. The fixture's profile is given a small {@code maxTxSetSize} so that sets fill up.
 */
class SurgePricingTest {

    /** Below 100 operations the surge cutoff is 0: every non-empty set is surge priced. */
    private static final NetworkProfile TINY = NetworkProfile.IQONIQ.withMaxTxSetSize(3);
    /** Cutoff 103 − 100 = 3 operations. */
    private static final NetworkProfile CUTOFF_THREE = NetworkProfile.IQONIQ.withMaxTxSetSize(103);

    private static Transaction pays(LedgerFixture ledger, KeyPair source, KeyPair to, long feePerOperation,
            int operations) {
        var b = builder(ledger.network(), source, ledger.seqNum(source), feePerOperation, new TimeBounds(0, 0));
        for (int i = 0; i < operations; i++) {
            b.addOperation(paymentOp(to, iqq(1)));
        }
        Transaction tx = b.build();
        tx.sign(source);
        return tx;
    }

    // ------------------------------------------------------------------ fee rates and the effective base fee

    @Test
    void feeRatesCompareExactlyAndAFeeBumpCountsOneOperationMore() {
        LedgerFixture ledger = new LedgerFixture();
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));
        TransactionFrame twoOpsAt3000 = ledger.frame(pays(ledger, alice, bob, 3_000, 2)); // bid 6000, rate 3000
        TransactionFrame oneOpAt3000 = ledger.frame(pays(ledger, bob, alice, 3_000, 1));
        FeeBumpTransaction bump = new FeeBumpTransaction.Builder(pays(ledger, alice, bob, 1_000, 1))
                .setBaseFee(3_000).setFeeAccount(bob.getAccountId()).build(); // bid 6000 over 2 operations
        bump.sign(bob);
        TransactionFrame bumped = ledger.frame(bump);

        assertThat(SurgePricing.compareFeeRate(twoOpsAt3000, oneOpAt3000)).isZero();
        assertThat(SurgePricing.compareFeeRate(bumped, oneOpAt3000)).isZero();
        assertThat(SurgePricing.compareFeeRate(7, 3, 2, 1)).isPositive(); // 2.33 > 2
        assertThat(SurgePricing.compareFeeRate(5, 3, 2, 1)).isNegative(); // 1.67 < 2
    }

    @Test
    void effectiveBaseFeeIsTheHeadersUntilTheSetIsWithinOneTransactionOfFull() {
        LedgerFixture ledger = new LedgerFixture(CUTOFF_THREE);
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));
        TransactionFrame threeOps = ledger.frame(pays(ledger, alice, bob, 1_500, 3));
        TransactionFrame oneOp = ledger.frame(pays(ledger, bob, alice, 1_700, 1));

        assertThat(SurgePricing.effectiveBaseFee(List.of(threeOps), BASE_FEE, 103)).isEqualTo(BASE_FEE);
        assertThat(SurgePricing.effectiveBaseFee(List.of(threeOps, oneOp), BASE_FEE, 103)).isEqualTo(1_500);
        assertThat(SurgePricing.effectiveBaseFee(List.of(), BASE_FEE, 3)).isEqualTo(BASE_FEE);
    }

    @Test
    void lowestRateIsRoundedUp() {
        LedgerFixture ledger = new LedgerFixture(TINY);
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));
        Transaction threeOps = builder(ledger.network(), alice, ledger.seqNum(alice), 1_000, new TimeBounds(0, 0))
                .addOperation(paymentOp(bob, 1)).addOperation(paymentOp(bob, 1)).addOperation(paymentOp(bob, 1))
                .build();
        var envelope = threeOps.toEnvelopeXdr();
        envelope.getV1().getTx().setFee(io.corridor.ledger.core.Accounts.uint32(3_001)); // 1000.33 per operation
        ledger.resign(envelope, alice);

        assertThat(SurgePricing.effectiveBaseFee(List.of(ledger.frame(envelope)), BASE_FEE, 3)).isEqualTo(1_001);
    }

    // ------------------------------------------------------------------ selection

    @Test
    void selectionTakesHighestRatesFirstAndFillsGapsWithSmallerTransactions() {
        LedgerFixture ledger = new LedgerFixture();
        KeyPair a = ledger.openAccount("a", iqq(100));
        KeyPair b = ledger.openAccount("b", iqq(100));
        KeyPair c = ledger.openAccount("c", iqq(100));
        KeyPair d = ledger.openAccount("d", iqq(100));
        TransactionFrame best = ledger.frame(pays(ledger, a, b, 5_000, 2));
        TransactionFrame tooBig = ledger.frame(pays(ledger, b, a, 4_000, 3));
        TransactionFrame small = ledger.frame(pays(ledger, c, a, 2_000, 1));
        TransactionFrame cheapest = ledger.frame(pays(ledger, d, a, 1_000, 1));

        List<TransactionFrame> selected = SurgePricing.select(List.of(cheapest, small, tooBig, best), 4);

        assertThat(selected).containsExactly(best, small, cheapest);
    }

    @Test
    void equalRatesAreOrderedByFullHashHigherFirst() {
        LedgerFixture ledger = new LedgerFixture();
        List<TransactionFrame> frames = new ArrayList<>();
        KeyPair to = ledger.openAccount("to", iqq(100));
        for (String name : List.of("p", "q", "r", "s")) {
            KeyPair source = ledger.openAccount(name, iqq(100));
            frames.add(ledger.frame(pays(ledger, source, to, 2_000, 1)));
        }
        List<TransactionFrame> byHash = new ArrayList<>(frames);
        byHash.sort((x, y) -> Arrays.compareUnsigned(SurgePricing.fullHash(y), SurgePricing.fullHash(x)));

        assertThat(SurgePricing.select(frames, 2)).containsExactly(byHash.get(0), byHash.get(1));
        List<TransactionFrame> reversed = new ArrayList<>(frames);
        java.util.Collections.reverse(reversed);
        assertThat(SurgePricing.select(reversed, 2))
                .containsExactly(byHash.get(0), byHash.get(1));
    }

    @Test
    void betterFeeIsOneAboveTheReferenceRateScaledToTheOperations() {
        assertThat(SurgePricing.betterFee(1, BASE_FEE, 1)).isEqualTo(BASE_FEE + 1);
        assertThat(SurgePricing.betterFee(2, 3_000, 2)).isEqualTo(3_001);
        assertThat(SurgePricing.betterFee(3, 1_000, 2)).isEqualTo(1_501);
    }

    // ------------------------------------------------------------------ through a ledger close

    @Test
    void surgePricedLedgerChargesEveryTransactionTheLowestIncludedRate() {
        LedgerFixture ledger = new LedgerFixture(TINY);
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));
        KeyPair carol = ledger.openAccount("carol", iqq(100));
        Transaction aliceAt3000 = pays(ledger, alice, bob, 3_000, 1);
        Transaction bobAt2000 = pays(ledger, bob, carol, 2_000, 1);
        Transaction carolTwoAt2500 = pays(ledger, carol, alice, 2_500, 2);
        long feePoolBefore = ledger.feePool();

        ClosedLedger closed = ledger.close(aliceAt3000, bobAt2000, carolTwoAt2500);

        assertThat(closed.txSet().baseFee(ledger.genesis().header())).isEqualTo(2_000);
        assertThat(applied(closed, aliceAt3000).feeCharged()).isEqualTo(2_000);
        assertThat(applied(closed, aliceAt3000).result().getFeeCharged().getInt64()).isEqualTo(2_000);
        assertThat(applied(closed, bobAt2000).feeCharged()).isEqualTo(2_000);
        assertThat(applied(closed, carolTwoAt2500).feeCharged()).isEqualTo(4_000);
        assertThat(code(applied(closed, carolTwoAt2500).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ledger.feePool()).isEqualTo(feePoolBefore + 8_000);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - iqq(1) + iqq(2) - 2_000);
    }

    @Test
    void setBelowTheCutoffChargesTheHeadersBaseFeeAndAboveItTheLowestRate() {
        LedgerFixture ledger = new LedgerFixture(CUTOFF_THREE);
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));

        ClosedLedger notFull = ledger.close(pays(ledger, alice, bob, 1_500, 3));
        ClosedLedger full = ledger.close(pays(ledger, alice, bob, 1_500, 3), pays(ledger, bob, alice, 1_800, 1));

        assertThat(notFull.transactions().get(0).feeCharged()).isEqualTo(3 * BASE_FEE);
        assertThat(full.transactions()).extracting(AppliedTransaction::feeCharged)
                .containsExactlyInAnyOrder(3 * 1_500L, 1_500L);
    }

    @Test
    void feeBumpIsChargedTheBaseFeeForItsOperationsPlusOne() {
        LedgerFixture ledger = new LedgerFixture(TINY);
        KeyPair alice = ledger.openAccount("alice", iqq(100));
        KeyPair bob = ledger.openAccount("bob", iqq(100));
        KeyPair sponsor = ledger.openAccount("sponsor", iqq(100));
        FeeBumpTransaction bump = new FeeBumpTransaction.Builder(pays(ledger, alice, bob, 100, 1))
                .setBaseFee(4_000).setFeeAccount(sponsor.getAccountId()).build(); // rate 4000
        bump.sign(sponsor);
        Transaction bobAt1500 = pays(ledger, bob, alice, 1_500, 1);

        ClosedLedger closed = ledger.closeEnvelopes(List.of(bump.toEnvelopeXdr(), bobAt1500.toEnvelopeXdr()));

        AppliedTransaction bumped = closed.transactions().stream().filter(t -> t.frame().isFeeBump()).findFirst()
                .orElseThrow();
        assertThat(bumped.feeCharged()).isEqualTo(2 * 1_500);
        assertThat(applied(closed, bobAt1500).feeCharged()).isEqualTo(1_500);
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 3_000);
    }
}
