package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.SponsorshipFixture.beginOp;
import static io.corridor.ledger.core.SponsorshipFixture.endCode;
import static io.corridor.ledger.core.SponsorshipFixture.endOp;
import static io.corridor.ledger.core.SponsorshipFixture.signedTx;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.tx.ResultCodes;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.EndSponsoringFutureReservesResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;

/** END_SPONSORING_FUTURE_RESERVES, each result code, through ledger closes with strict invariants. */
class EndSponsoringFutureReservesOpFrameTest {

    private LedgerFixture ledger;
    private KeyPair sponsor;
    private KeyPair alice;

    @BeforeEach
    void setUp() {
        ledger = LedgerFixture.strict();
        sponsor = ledger.fundedAccount("sponsor", iqq(100));
        alice = ledger.fundedAccount("alice", iqq(100));
    }

    @Test
    void endingASponsorshipTheSponsoredAccountHasIsSuccessAndChangesNoEntry() {
        AppliedTransaction applied = ledger.apply(signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice),
                endOp(alice)));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(endCode(opResult(applied.result(), 1)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_SUCCESS);
        assertThat(applied.meta().getV2().getOperations()).hasSize(2)
                .allSatisfy(m -> assertThat(m.getChanges().getLedgerEntryChanges()).isEmpty());
        assertThat(ledger.balance(sponsor)).isEqualTo(iqq(100) - 2 * BASE_FEE);
    }

    @Test
    void endingWithoutASponsorshipIsNotSponsored() {
        AppliedTransaction applied = ledger.apply(ledger.tx(alice, endOp(alice)));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(endCode(opResult(applied.result(), 0)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED);
        assertThat(ResultCodes.operation(opResult(applied.result(), 0))).isEqualTo("op_not_sponsored");
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
    }

    @Test
    void onlyTheSponsoredAccountCanEndItsSponsorship() {
        AppliedTransaction applied = ledger.apply(signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice),
                endOp(sponsor), endOp(alice)));

        assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(endCode(opResult(applied.result(), 1)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED);
    }

    @Test
    void endingTwiceIsNotSponsoredTheSecondTime() {
        AppliedTransaction applied = ledger.apply(signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice),
                endOp(alice), endOp(alice)));

        assertThat(endCode(opResult(applied.result(), 2)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED);
    }

    @Test
    void aSponsorshipEndedByAFailedTransactionLeavesNothingForTheNext() {
        // The first transaction fails at its end; the second must not find its sponsorship.
        ledger.apply(signedTx(ledger, sponsor, List.of(alice), beginOp(sponsor, alice), endOp(sponsor)));
        AppliedTransaction next = ledger.apply(ledger.tx(alice, endOp(alice)));

        assertThat(endCode(opResult(next.result(), 0)))
                .isEqualTo(EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED);
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        assertThat(EndSponsoringFutureReservesResultCode.values()).hasSize(2);
        assertThat(ResultCodes.operation(EndSponsoringFutureReservesOpFrame.result(
                EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_SUCCESS))).isEqualTo("op_success");
        assertThat(ResultCodes.operation(EndSponsoringFutureReservesOpFrame.result(
                EndSponsoringFutureReservesResultCode.END_SPONSORING_FUTURE_RESERVES_NOT_SPONSORED)))
                .isEqualTo("op_not_sponsored");
    }
}
