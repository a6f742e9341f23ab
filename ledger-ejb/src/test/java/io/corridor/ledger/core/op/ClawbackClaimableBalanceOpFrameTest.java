package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.balanceEntry;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.clawbackBalanceCode;
import static io.corridor.ledger.core.SponsorshipFixture.clawbackBalanceOp;
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
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.ClawbackClaimableBalanceResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/** CLAWBACK_CLAIMABLE_BALANCE, each result code, through ledger closes with every invariant after every operation. */
class ClawbackClaimableBalanceOpFrameTest {

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

    private String create(KeyPair creator, Asset asset, long amount) {
        Transaction tx = ledger.tx(creator, createBalanceOp(asset, amount, anytime(bob)));
        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        return balanceId(tx, 0);
    }

    private void fundAlice(long amount) {
        ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, iqq(1_000))));
        ledger.apply(ledger.tx(bank, CreditFixture.paymentOp(alice, usd, amount)));
    }

    @Test
    void theIssuerClawsBackABalanceAndItsCreatorGetsTheReserveBack() {
        ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_REVOCABLE_FLAG
                | Accounts.AUTH_CLAWBACK_ENABLED_FLAG)));
        fundAlice(iqq(40));
        String id = create(alice, usd, iqq(40));
        assertThat(numSponsoring(ledger, alice)).isEqualTo(1);

        AppliedTransaction applied = ledger.apply(ledger.tx(bank, clawbackBalanceOp(id)));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(clawbackBalanceCode(opResult(applied.result(), 0)))
                .isEqualTo(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_SUCCESS);
        assertThat(balanceEntry(ledger, id)).isEmpty();
        assertThat(numSponsoring(ledger, alice)).isZero();
        assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, usd).orElseThrow())).isZero();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - 2 * BASE_FEE);
    }

    @Test
    void aBalanceThatDoesNotExistCannotBeClawedBack() {
        String missing = "00000000" + "ab".repeat(32);
        AppliedTransaction applied = ledger.apply(ledger.tx(bank, clawbackBalanceOp(missing)));

        assertThat(clawbackBalanceCode(opResult(applied.result(), 0)))
                .isEqualTo(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_DOES_NOT_EXIST);
    }

    @Test
    void onlyTheIssuerOfACreditBalanceIsIssuer() {
        String nativeId = create(alice, new AssetTypeNative(), 1);
        AppliedTransaction onNative = ledger.apply(ledger.tx(bank, clawbackBalanceOp(nativeId)));
        assertThat(clawbackBalanceCode(opResult(onNative.result(), 0)))
                .isEqualTo(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_NOT_ISSUER);
        assertThat(ResultCodes.operation(opResult(onNative.result(), 0))).isEqualTo("op_not_issuer");

        fundAlice(iqq(1));
        String usdId = create(alice, usd, iqq(1));
        AppliedTransaction byHolder = ledger.apply(ledger.tx(alice, clawbackBalanceOp(usdId)));
        assertThat(clawbackBalanceCode(opResult(byHolder.result(), 0)))
                .isEqualTo(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_NOT_ISSUER);
    }

    @Test
    void aBalanceCreatedWithoutClawbackIsNotClawbackEnabled() {
        fundAlice(iqq(1));
        String id = create(alice, usd, iqq(1));

        AppliedTransaction applied = ledger.apply(ledger.tx(bank, clawbackBalanceOp(id)));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(clawbackBalanceCode(opResult(applied.result(), 0)))
                .isEqualTo(ClawbackClaimableBalanceResultCode.CLAWBACK_CLAIMABLE_BALANCE_NOT_CLAWBACK_ENABLED);
        assertThat(balanceEntry(ledger, id)).isPresent();
        assertThat(numSponsoring(ledger, alice)).isEqualTo(1);
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"CLAWBACK_CLAIMABLE_BALANCE_SUCCESS", "op_success"},
                {"CLAWBACK_CLAIMABLE_BALANCE_DOES_NOT_EXIST", "op_does_not_exist"},
                {"CLAWBACK_CLAIMABLE_BALANCE_NOT_ISSUER", "op_not_issuer"},
                {"CLAWBACK_CLAIMABLE_BALANCE_NOT_CLAWBACK_ENABLED", "op_not_clawback_enabled"}};
        assertThat(expected.length).isEqualTo(ClawbackClaimableBalanceResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(ClawbackClaimableBalanceOpFrame.result(
                    ClawbackClaimableBalanceResultCode.valueOf(pair[0])))).as(pair[0]).isEqualTo(pair[1]);
        }
    }
}
