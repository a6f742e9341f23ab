package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.balanceEntry;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.claimCode;
import static io.corridor.ledger.core.SponsorshipFixture.claimOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimant;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsoring;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.tx.ResultCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.ClaimClaimableBalanceResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.TransactionResultCode;

/** CLAIM_CLAIMABLE_BALANCE, each result code, through ledger closes with every invariant after every operation. */
class ClaimClaimableBalanceOpFrameTest {

    private LedgerFixture ledger;
    private KeyPair bank;
    private KeyPair alice;
    private KeyPair bob;
    private Asset usd;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        bank = ledger.fundedAccount("bank", iqq(1_000));
        alice = ledger.fundedAccount("alice", iqq(100));
        bob = ledger.fundedAccount("bob", iqq(100));
        usd = CreditFixture.usd(bank);
    }

    private String create(KeyPair creator, Asset asset, long amount, org.stellar.sdk.Claimant... claimants) {
        Transaction tx = ledger.tx(creator, createBalanceOp(asset, amount, claimants));
        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        return balanceId(tx, 0);
    }

    private AppliedTransaction claim(KeyPair claimant, String id) {
        return ledger.apply(ledger.tx(claimant, claimOp(id)));
    }

    @Test
    void claimingANativeBalanceCreditsItAndGivesTheReserveBack() {
        String id = create(bank, new AssetTypeNative(), iqq(30), anytime(alice), anytime(bob));
        assertThat(numSponsoring(ledger, bank)).isEqualTo(2);

        AppliedTransaction applied = claim(alice, id);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(claimCode(opResult(applied.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_SUCCESS);
        assertThat(balanceEntry(ledger, id)).isEmpty();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE + iqq(30));
        assertThat(numSponsoring(ledger, bank)).isZero();
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - iqq(30) - BASE_FEE);

        AppliedTransaction again = claim(bob, id);
        assertThat(claimCode(opResult(again.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_DOES_NOT_EXIST);
        assertThat(ResultCodes.operation(opResult(again.result(), 0))).isEqualTo("op_does_not_exist");
    }

    @Test
    void theCreatorCanClaimItsOwnBalanceBackAndItsReserveWithIt() {
        String id = create(bank, new AssetTypeNative(), iqq(30), anytime(bank));

        assertThat(code(claim(bank, id).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - 2 * BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isZero();
    }

    @Test
    void anAccountThatIsNotAClaimantCannotClaim() {
        String id = create(bank, new AssetTypeNative(), iqq(30), anytime(alice));

        AppliedTransaction applied = claim(bob, id);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(claimCode(opResult(applied.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_CANNOT_CLAIM);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(100) - BASE_FEE);
    }

    @Test
    void aPredicateThatNoLongerHoldsCannotClaim() {
        long now = ledger.nextCloseTime();
        String id = create(bank, new AssetTypeNative(), 1, claimant(alice, new Predicate.AbsBefore(now + 5)),
                claimant(bob, new Predicate.Or(java.util.List.of(new Predicate.AbsBefore(now),
                        new Predicate.Not(new Predicate.AbsBefore(now + 5))))));

        // The next ledger closes at now + 5: "before now + 5" no longer holds, its negation does.
        assertThat(claimCode(opResult(claim(alice, id).result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_CANNOT_CLAIM);
        assertThat(claimCode(opResult(claim(bob, id).result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_SUCCESS);
    }

    @Test
    void aNativeBalanceThatWouldOverflowTheClaimantIsLineFull() {
        String id = create(bank, new AssetTypeNative(), iqq(30), anytime(alice));
        ledger.updateAccount(alice, a -> a.setBalance(new Int64(Long.MAX_VALUE - iqq(30) + 1 + BASE_FEE)));

        AppliedTransaction applied = claim(alice, id);

        assertThat(claimCode(opResult(applied.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_LINE_FULL);
        ledger.updateAccount(alice, a -> a.setBalance(new Int64(iqq(100))));
    }

    @Test
    void creditBalancesNeedTheClaimantsAuthorizedLineWithRoom() {
        String id = create(bank, usd, iqq(30), anytime(alice));

        assertThat(claimCode(opResult(claim(alice, id).result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_NO_TRUST);

        ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, iqq(30) - 1)));
        assertThat(claimCode(opResult(claim(alice, id).result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_LINE_FULL);

        ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, iqq(1_000))));
        CreditFixture.updateTrustLine(ledger.state(), alice, usd, l -> TrustLines.setFlags(l, 0));
        AppliedTransaction frozen = claim(alice, id);
        assertThat(claimCode(opResult(frozen.result(), 0)))
                .isEqualTo(ClaimClaimableBalanceResultCode.CLAIM_CLAIMABLE_BALANCE_NOT_AUTHORIZED);

        CreditFixture.updateTrustLine(ledger.state(), alice, usd, l -> TrustLines.setFlags(l, TrustLines.AUTHORIZED_FLAG));
        assertThat(code(claim(alice, id).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, usd).orElseThrow()))
                .isEqualTo(iqq(30));
        assertThat(numSponsoring(ledger, bank)).isZero();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 6 * BASE_FEE);
    }

    @Test
    void theIssuerClaimingItsOwnAssetBurnsIt() {
        String id = create(alice, new AssetTypeNative(), 1, anytime(bank));
        ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, iqq(100))));
        ledger.apply(ledger.tx(bank, CreditFixture.paymentOp(alice, usd, iqq(10))));
        String usdId = create(alice, usd, iqq(10), anytime(bank));

        assertThat(code(claim(bank, usdId).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(code(claim(bank, id).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(numSponsoring(ledger, alice)).isZero();
    }

    @Test
    void resultCodesHaveHorizonsNamesAndClaimingNeedsTheLowThreshold() {
        String[][] expected = {
                {"CLAIM_CLAIMABLE_BALANCE_SUCCESS", "op_success"},
                {"CLAIM_CLAIMABLE_BALANCE_DOES_NOT_EXIST", "op_does_not_exist"},
                {"CLAIM_CLAIMABLE_BALANCE_CANNOT_CLAIM", "op_cannot_claim"},
                {"CLAIM_CLAIMABLE_BALANCE_LINE_FULL", "op_line_full"},
                {"CLAIM_CLAIMABLE_BALANCE_NO_TRUST", "op_no_trust"},
                {"CLAIM_CLAIMABLE_BALANCE_NOT_AUTHORIZED", "op_not_authorized"}};
        assertThat(expected.length).isEqualTo(ClaimClaimableBalanceResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(ClaimClaimableBalanceOpFrame.result(
                    ClaimClaimableBalanceResultCode.valueOf(pair[0])))).as(pair[0]).isEqualTo(pair[1]);
        }
        String anyId = "00000000" + "00".repeat(32);
        assertThat(OperationFrame.of(claimOp(anyId).toXdr(), Accounts.parse(alice.getAccountId())).thresholdLevel())
                .isEqualTo(Accounts.THRESHOLD_LOW);
    }
}
