package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.RESERVE;
import static io.corridor.ledger.core.SponsorshipFixture.beginCode;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.minimumBalance;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsored;
import static io.corridor.ledger.core.SponsorshipFixture.numSponsoring;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static io.corridor.ledger.core.SponsorshipFixture.sponsorOf;
import static io.corridor.ledger.core.SponsorshipFixture.subEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.tx.ResultCodes;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Asset;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Operation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.BeginSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * BEGIN_SPONSORING_FUTURE_RESERVES, each result code, through ledger closes with every invariant checked after
 * every operation; and what a sponsorship does to the trust lines and signers created inside it, and to their
 * removal.
 */
class BeginSponsoringFutureReservesOpFrameTest {

    private LedgerFixture ledger;
    private KeyPair sponsor;
    private KeyPair alice;
    private KeyPair bob;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        sponsor = ledger.fundedAccount("sponsor", iqq(100));
        alice = ledger.fundedAccount("alice", iqq(100));
        bob = ledger.fundedAccount("bob", iqq(100));
    }

    @Test
    void sponsoringOneselfIsMalformedAtAdmissionAndAtApply() {
        Operation self = beginOp(sponsor, sponsor);
        OperationResultAssert.malformed(OperationFrame.of(self.toXdr(), SponsorshipIds.id(sponsor))
                .doCheckValid(ledger.nextContext()));

        Transaction tx = ledger.tx(sponsor, self);
        assertThat(code(ledger.checkValid(tx))).isEqualTo(TransactionResultCode.txFAILED);
        AppliedTransaction applied = ledger.apply(tx);
        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(beginCode(opResult(applied.result(), 0)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_MALFORMED);
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - BASE_FEE);
    }

    @Test
    void anAccountAlreadySponsoredInTheTransactionIsAlreadySponsored() {
        Transaction tx = signedTx(ledger, sponsor, List.of(alice, bob), beginOp(sponsor, alice), beginOp(bob, alice),
                endOp(alice));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(beginCode(opResult(applied.result(), 0)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_SUCCESS);
        assertThat(beginCode(opResult(applied.result(), 1)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_ALREADY_SPONSORED);
        assertThat(ResultCodes.operation(opResult(applied.result(), 1))).isEqualTo("op_already_sponsored");
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 3 * BASE_FEE);
    }

    @Test
    void aSponsoredSourceCannotSponsorIsRecursive() {
        Transaction tx = signedTx(ledger, sponsor, List.of(alice, bob), beginOp(sponsor, alice), beginOp(alice, bob),
                endOp(bob), endOp(alice));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(beginCode(opResult(applied.result(), 1)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_RECURSIVE);
        assertThat(ResultCodes.operation(opResult(applied.result(), 1))).isEqualTo("op_recursive");
    }

    @Test
    void sponsoringAnAccountThatIsSponsoringIsRecursive() {
        Transaction tx = signedTx(ledger, sponsor, List.of(alice, bob), beginOp(alice, bob), beginOp(sponsor, alice),
                endOp(alice), endOp(bob));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(beginCode(opResult(applied.result(), 1)))
                .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_RECURSIVE);
    }

    @Test
    void oneSponsorMaySponsorSeveralAccountsInOneTransaction() {
        Transaction tx = signedTx(ledger, sponsor, List.of(alice, bob), beginOp(sponsor, alice), beginOp(sponsor, bob),
                endOp(alice), endOp(bob));

        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(numSponsoring(ledger, sponsor)).isZero();
    }

    @Test
    void trustLinesAndSignersCreatedInsideArePaidByTheSponsorAndReleasedOnRemoval() {
        KeyPair issuer = ledger.fundedAccount("issuer", iqq(100));
        Asset usd = CreditFixture.usd(issuer);
        KeyPair cosigner = key("cosigner");
        Operation trust = withSource(CreditFixture.changeTrustOp(usd, iqq(1_000)), alice);
        Operation signer = new SetOptionsOperation.Builder().setSigner(Signers.ed25519(SponsorshipIds.id(cosigner)), 1)
                .setSourceAccount(alice.getAccountId()).build();
        Transaction tx = signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice), trust, signer,
                endOp(alice));

        assertThat(code(ledger.apply(tx).result())).isEqualTo(TransactionResultCode.txSUCCESS);

        assertThat(sponsorOf(ledger, CreditFixture.trustLineKey(alice, usd))).isEqualTo(sponsor.getAccountId());
        AccountEntry account = ledger.account(alice).orElseThrow();
        assertThat(Accounts.strKey(Sponsorship.signerSponsor(account, 0))).isEqualTo(sponsor.getAccountId());
        assertThat(subEntries(ledger, alice)).isEqualTo(2);
        assertThat(numSponsored(ledger, alice)).isEqualTo(2);
        assertThat(minimumBalance(ledger, alice)).isEqualTo(2 * RESERVE);
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(2);
        assertThat(minimumBalance(ledger, sponsor)).isEqualTo(4 * RESERVE);
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 4 * BASE_FEE);

        // Alice removes both on her own; the sponsor's reserves come back.
        assertThat(code(ledger.apply(ledger.tx(alice, CreditFixture.changeTrustOp(usd, 0))).result()))
                .isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(numSponsoring(ledger, sponsor)).isEqualTo(1);
        assertThat(numSponsored(ledger, alice)).isEqualTo(1);
        assertThat(subEntries(ledger, alice)).isEqualTo(1);
        assertThat(code(ledger.apply(ledger.tx(alice, new SetOptionsOperation.Builder()
                .setSigner(Signers.ed25519(SponsorshipIds.id(cosigner)), 0).build())).result()))
                .isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(numSponsoring(ledger, sponsor)).isZero();
        assertThat(numSponsored(ledger, alice)).isZero();
        assertThat(subEntries(ledger, alice)).isZero();
        assertThat(Signers.of(ledger.account(alice).orElseThrow())).isEmpty();
        assertThat(minimumBalance(ledger, sponsor)).isEqualTo(2 * RESERVE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
    }

    @Test
    void aSponsorWithoutTheReserveMakesTheSponsoredCreationLowReserve() {
        KeyPair poor = ledger.fundedAccount("poor", LedgerFixture.MIN_BALANCE + RESERVE - 1 + BASE_FEE);
        KeyPair issuer = ledger.fundedAccount("issuer", iqq(100));
        Operation trust = withSource(CreditFixture.changeTrustOp(CreditFixture.usd(issuer), iqq(1)), alice);
        Transaction tx = signedTx(ledger, poor, List.of(alice), beginOp(poor, alice), trust, endOp(alice));

        AppliedTransaction applied = ledger.apply(tx);

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(CreditFixture.changeTrustCode(opResult(applied.result(), 1)))
                .isEqualTo(org.stellar.sdk.xdr.ChangeTrustResultCode.CHANGE_TRUST_LOW_RESERVE);
        assertThat(subEntries(ledger, alice)).isZero();
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"BEGIN_SPONSORING_FUTURE_RESERVES_SUCCESS", "op_success"},
                {"BEGIN_SPONSORING_FUTURE_RESERVES_MALFORMED", "op_malformed"},
                {"BEGIN_SPONSORING_FUTURE_RESERVES_ALREADY_SPONSORED", "op_already_sponsored"},
                {"BEGIN_SPONSORING_FUTURE_RESERVES_RECURSIVE", "op_recursive"}};
        assertThat(expected.length).isEqualTo(BeginSponsoringFutureReservesResultCode.values().length);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(BeginSponsoringFutureReservesOpFrame.result(
                    BeginSponsoringFutureReservesResultCode.valueOf(pair[0])))).as(pair[0]).isEqualTo(pair[1]);
        }
        assertThat(ResultCodes.transaction(TransactionResultCode.txBAD_SPONSORSHIP)).isEqualTo("tx_bad_sponsorship");
        assertThat(ResultCodes.operation(OperationFrame.outer(org.stellar.sdk.xdr.OperationResultCode.opTOO_MANY_SPONSORING)))
                .isEqualTo("op_too_many_sponsoring");
    }

    static Operation withSource(Operation op, KeyPair source) {
        op.setSourceAccount(source.getAccountId());
        return op;
    }

    /** Small helpers shared by the sponsorship tests of this package. */
    static final class SponsorshipIds {
        static org.stellar.sdk.xdr.AccountID id(KeyPair key) {
            return Accounts.parse(key.getAccountId());
        }
    }

    static final class OperationResultAssert {
        static void malformed(org.stellar.sdk.xdr.OperationResult result) {
            assertThat(beginCode(result))
                    .isEqualTo(BeginSponsoringFutureReservesResultCode.BEGIN_SPONSORING_FUTURE_RESERVES_MALFORMED);
        }
    }
}
