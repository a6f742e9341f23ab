package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.RESERVE;
import static io.corridor.ledger.core.SponsorshipFixture.anytime;
import static io.corridor.ledger.core.SponsorshipFixture.balance;
import static io.corridor.ledger.core.SponsorshipFixture.balanceEntry;
import static io.corridor.ledger.core.SponsorshipFixture.balanceId;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.claimant;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceCode;
import static io.corridor.ledger.core.SponsorshipFixture.createBalanceOp;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.hex;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsoring;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.ClaimableBalances;
import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.tx.ResultCodes;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Predicate;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.ClaimPredicate;
import org.stellar.sdk.xdr.ClaimPredicateType;
import org.stellar.sdk.xdr.Claimant;
import org.stellar.sdk.xdr.CreateClaimableBalanceResultCode;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/** CREATE_CLAIMABLE_BALANCE, each result code, through ledger closes with every invariant after every operation. */
class CreateClaimableBalanceOpFrameTest {

    private LedgerFixture ledger;
    private KeyPair bank;
    private KeyPair alice;
    private KeyPair bob;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        bank = ledger.fundedAccount("bank", iqq(1_000));
        alice = ledger.fundedAccount("alice", iqq(100));
        bob = ledger.fundedAccount("bob", iqq(100));
    }

    private OperationResult checkValid(Operation op) {
        return OperationFrame.of(op, Accounts.parse(bank.getAccountId())).doCheckValid(ledger.nextContext());
    }

    private static Operation nativeOp(long amount, org.stellar.sdk.Claimant... claimants) {
        return createBalanceOp(new AssetTypeNative(), amount, claimants).toXdr();
    }

    private static ClaimPredicate nested(int depth) {
        ClaimPredicate p = new Predicate.Unconditional().toXdr();
        for (int i = 1; i < depth; i++) {
            ClaimPredicate not = new ClaimPredicate();
            not.setDiscriminant(ClaimPredicateType.CLAIM_PREDICATE_NOT);
            not.setNotPredicate(p);
            p = not;
        }
        return p;
    }

    @Test
    void malformedOperationsAreRefusedBeforeTheLedger() {
        Operation zero = nativeOp(1, anytime(alice));
        zero.getBody().getCreateClaimableBalanceOp().setAmount(new Int64(0L));
        Operation none = nativeOp(1, anytime(alice));
        none.getBody().getCreateClaimableBalanceOp().setClaimants(new Claimant[0]);
        Operation eleven = nativeOp(1, anytime(alice));
        Claimant[] many = new Claimant[11];
        for (int i = 0; i < many.length; i++) {
            many[i] = xdrClaimant(key("claimant-" + i));
        }
        eleven.getBody().getCreateClaimableBalanceOp().setClaimants(many);
        Operation twice = nativeOp(1, anytime(alice), claimant(alice, new Predicate.AbsBefore(5)));
        Operation negative = nativeOp(1, claimant(alice, new Predicate.AbsBefore(5)));
        negative.getBody().getCreateClaimableBalanceOp().getClaimants()[0].getV0().getPredicate()
                .setAbsBefore(new Int64(-1L));
        Operation deep = nativeOp(1, anytime(alice));
        deep.getBody().getCreateClaimableBalanceOp().getClaimants()[0].getV0().setPredicate(nested(5));
        Operation lonelyAnd = nativeOp(1, anytime(alice));
        ClaimPredicate and = new ClaimPredicate();
        and.setDiscriminant(ClaimPredicateType.CLAIM_PREDICATE_AND);
        and.setAndPredicates(new ClaimPredicate[] {new Predicate.Unconditional().toXdr()});
        lonelyAnd.getBody().getCreateClaimableBalanceOp().getClaimants()[0].getV0().setPredicate(and);

        for (Operation op : List.of(zero, none, eleven, twice, negative, deep, lonelyAnd)) {
            assertThat(createBalanceCode(checkValid(op)))
                    .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_MALFORMED);
        }
        Operation four = nativeOp(1, anytime(alice));
        four.getBody().getCreateClaimableBalanceOp().getClaimants()[0].getV0().setPredicate(nested(4));
        assertThat(checkValid(four)).as("four deep is the most allowed").isNull();
    }

    @Test
    void nativeBalanceTakesTheAmountAndOneReservePerClaimantFromTheCreator() {
        Transaction tx = ledger.tx(bank, createBalanceOp(new AssetTypeNative(), iqq(10), anytime(alice),
                claimant(bob, new Predicate.RelBefore(3_600))));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        OperationResult result = opResult(applied.result(), 0);
        assertThat(createBalanceCode(result)).isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_SUCCESS);
        String id = balanceId(tx, 0);
        assertThat(hex(result.getTr().getCreateClaimableBalanceResult().getBalanceID())).isEqualTo(id);
        var entry = balanceEntry(ledger, id).orElseThrow();
        assertThat(Accounts.strKey(Sponsorship.sponsor(entry))).isEqualTo(bank.getAccountId());
        assertThat(entry.getLastModifiedLedgerSeq().getUint32().getNumber()).isEqualTo(ledger.lastSequence());
        ClaimPredicate bobs = entry.getData().getClaimableBalance().getClaimants()[1].getV0().getPredicate();
        assertThat(bobs.getDiscriminant()).isEqualTo(ClaimPredicateType.CLAIM_PREDICATE_BEFORE_ABSOLUTE_TIME);
        assertThat(bobs.getAbsBefore().getInt64()).isEqualTo(ledger.lastHeader().getScpValue().getCloseTime()
                .getTimePoint().getUint64().getNumber().longValueExact() + 3_600);
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - iqq(10) - BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(2);
        assertThat(Accounts.minimumBalance(ledger.account(bank).orElseThrow(), RESERVE)).isEqualTo(4 * RESERVE);
    }

    @Test
    void relativeTimesSaturateAtInt64Max() {
        Transaction tx = ledger.tx(bank, createBalanceOp(new AssetTypeNative(), 1,
                claimant(alice, new Predicate.RelBefore(Long.MAX_VALUE))));
        ledger.apply(tx);

        assertThat(balance(ledger, balanceId(tx, 0)).orElseThrow().getClaimants()[0].getV0().getPredicate()
                .getAbsBefore().getInt64()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void moreThanTheAvailableNativeBalanceIsUnderfunded() {
        AppliedTransaction applied = ledger.apply(ledger.tx(alice, createBalanceOp(new AssetTypeNative(),
                iqq(100) - BASE_FEE - MIN_BALANCE + 1, anytime(bob))));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(createBalanceCode(opResult(applied.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_UNDERFUNDED);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
    }

    @Test
    void anAmountThatLeavesNoReserveForTheBalanceIsLowReserve() {
        long available = iqq(100) - BASE_FEE - MIN_BALANCE;
        AppliedTransaction applied = ledger.apply(ledger.tx(alice, createBalanceOp(new AssetTypeNative(),
                available - RESERVE + 1, anytime(bob))));

        assertThat(createBalanceCode(opResult(applied.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_LOW_RESERVE);
        assertThat(ResultCodes.operation(opResult(applied.result(), 0))).isEqualTo("op_low_reserve");
        assertThat(numSponsoring(ledger, alice)).isZero();

        AppliedTransaction exact = ledger.apply(ledger.tx(alice, createBalanceOp(new AssetTypeNative(),
                available - BASE_FEE - RESERVE, anytime(bob))));
        assertThat(code(exact.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ledger.balance(alice)).isEqualTo(MIN_BALANCE + RESERVE);
    }

    @Test
    void anActiveSponsorPaysTheReserveInsteadOfTheCreator() {
        Transaction tx = signedTx(ledger, bank, List.of(alice), beginOp(bank, alice),
                withSource(createBalanceOp(new AssetTypeNative(), iqq(5), anytime(bob)), alice), endOp(alice));

        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);

        var entry = balanceEntry(ledger, balanceId(tx, 1)).orElseThrow();
        assertThat(Accounts.strKey(Sponsorship.sponsor(entry))).isEqualTo(bank.getAccountId());
        assertThat(numSponsoring(ledger, bank)).isEqualTo(1);
        assertThat(numSponsoring(ledger, alice)).isZero();
        assertThat(SponsorshipFixtureAccess.numSponsored(ledger, alice)).isZero();
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - iqq(5));
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - 3 * BASE_FEE);
    }

    @Test
    void creditBalancesNeedAnAuthorizedLineWithTheAmount() {
        ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_REVOCABLE_FLAG
                | Accounts.AUTH_CLAWBACK_ENABLED_FLAG)));
        Asset usd = CreditFixture.usd(bank);

        AppliedTransaction noTrust = ledger.apply(ledger.tx(alice, createBalanceOp(usd, 1, anytime(bob))));
        assertThat(createBalanceCode(opResult(noTrust.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_NO_TRUST);

        ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, iqq(1_000))));
        ledger.apply(ledger.tx(bank, CreditFixture.paymentOp(alice, usd, iqq(20))));
        AppliedTransaction underfunded = ledger.apply(ledger.tx(alice, createBalanceOp(usd, iqq(20) + 1, anytime(bob))));
        assertThat(createBalanceCode(opResult(underfunded.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_UNDERFUNDED);

        Transaction ok = ledger.tx(alice, createBalanceOp(usd, iqq(20), anytime(bob)));
        assertThat(code(ledger.apply(ok).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, usd).orElseThrow())).isZero();
        assertThat(ClaimableBalances.isClawbackEnabled(balance(ledger, balanceId(ok, 0)).orElseThrow()))
                .as("the line is clawback-enabled").isTrue();
        assertThat(numSponsoring(ledger, alice)).isEqualTo(1);

        CreditFixture.updateTrustLine(ledger.state(), alice, usd, l -> TrustLines.setFlags(l, 0));
        AppliedTransaction frozen = ledger.apply(ledger.tx(alice, createBalanceOp(usd, 1, anytime(bob))));
        assertThat(createBalanceCode(opResult(frozen.result(), 0)))
                .isEqualTo(CreateClaimableBalanceResultCode.CREATE_CLAIMABLE_BALANCE_NOT_AUTHORIZED);
    }

    @Test
    void theIssuerMintsIntoABalanceClawbackEnabledByItsAccountFlag() {
        Asset usd = CreditFixture.usd(bank);
        Transaction plain = ledger.tx(bank, createBalanceOp(usd, iqq(1_000_000), anytime(alice)));
        assertThat(code(ledger.apply(plain).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ClaimableBalances.isClawbackEnabled(balance(ledger, balanceId(plain, 0)).orElseThrow())).isFalse();

        ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_REVOCABLE_FLAG
                | Accounts.AUTH_CLAWBACK_ENABLED_FLAG)));
        Transaction clawable = ledger.tx(bank, createBalanceOp(usd, 1, anytime(alice)));
        ledger.apply(clawable);
        assertThat(ClaimableBalances.isClawbackEnabled(balance(ledger, balanceId(clawable, 0)).orElseThrow())).isTrue();
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - 2 * BASE_FEE);
        assertThat(numSponsoring(ledger, bank)).isEqualTo(2);
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"CREATE_CLAIMABLE_BALANCE_MALFORMED", "op_malformed"},
                {"CREATE_CLAIMABLE_BALANCE_LOW_RESERVE", "op_low_reserve"},
                {"CREATE_CLAIMABLE_BALANCE_NO_TRUST", "op_no_trust"},
                {"CREATE_CLAIMABLE_BALANCE_NOT_AUTHORIZED", "op_not_authorized"},
                {"CREATE_CLAIMABLE_BALANCE_UNDERFUNDED", "op_underfunded"}};
        assertThat(expected.length + 1).isEqualTo(CreateClaimableBalanceResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(CreateClaimableBalanceOpFrame.result(
                    CreateClaimableBalanceResultCode.valueOf(pair[0])))).as(pair[0]).isEqualTo(pair[1]);
        }
        OperationFrame frame = OperationFrame.of(nativeOp(1, anytime(alice)), Accounts.parse(bank.getAccountId()));
        assertThat(ResultCodes.operation(frame.successResult())).isEqualTo("op_success");
        assertThat(frame.thresholdLevel()).isEqualTo(Accounts.THRESHOLD_MED);
    }

    private static Claimant xdrClaimant(KeyPair destination) {
        Claimant.ClaimantV0 v0 = new Claimant.ClaimantV0();
        v0.setDestination(Accounts.parse(destination.getAccountId()));
        v0.setPredicate(new Predicate.Unconditional().toXdr());
        Claimant claimant = new Claimant();
        claimant.setDiscriminant(org.stellar.sdk.xdr.ClaimantType.CLAIMANT_TYPE_V0);
        claimant.setV0(v0);
        return claimant;
    }

    static org.stellar.sdk.Operation withSource(org.stellar.sdk.Operation op, KeyPair source) {
        op.setSourceAccount(source.getAccountId());
        return op;
    }

    private static final class SponsorshipFixtureAccess {
        static long numSponsored(LedgerFixture ledger, KeyPair key) {
            return io.corridor.ledger.core.SponsorshipFixture.numSponsored(ledger, key);
        }
    }
}
