package io.corridor.ledger.core;

import static io.corridor.ledger.core.CreditFixture.AUTHORIZED;
import static io.corridor.ledger.core.CreditFixture.AUTH_CLAWBACK_ENABLED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.CLAWBACK;
import static io.corridor.ledger.core.CreditFixture.changeTrustCode;
import static io.corridor.ledger.core.CreditFixture.changeTrustOp;
import static io.corridor.ledger.core.CreditFixture.clawbackCode;
import static io.corridor.ledger.core.CreditFixture.clawbackOp;
import static io.corridor.ledger.core.CreditFixture.flags;
import static io.corridor.ledger.core.CreditFixture.none;
import static io.corridor.ledger.core.CreditFixture.paymentOp;
import static io.corridor.ledger.core.CreditFixture.setFlagsCode;
import static io.corridor.ledger.core.CreditFixture.setFlagsOp;
import static io.corridor.ledger.core.CreditFixture.usd;
import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.opResults;
import static io.corridor.ledger.core.LedgerFixture.paymentCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stellar.sdk.xdr.TrustLineFlags.AUTHORIZED_FLAG;

import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.tx.ResultCodes;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Asset;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.ChangeTrustResultCode;
import org.stellar.sdk.xdr.ClawbackResultCode;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.SetTrustLineFlagsResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * A bank as an anchor, every step through a ledger close: it issues USD with AUTH_REQUIRED, AUTH_REVOCABLE and
 * AUTH_CLAWBACK_ENABLED, two customers open trust lines, the bank authorizes and funds them, they pay each
 * other, the bank freezes one of them, whose payment then fails, and claws its balance back. Balances, flags,
 * sub-entries, fees and result codes (XDR and Horizon's) are checked after each step.
 */
class AnchorScenarioTest {

    private static final long LIMIT = iqq(10_000);

    private final LedgerFixture ledger = new LedgerFixture();
    private final KeyPair bank = ledger.fundedAccount("bank", iqq(1_000));
    private final KeyPair alice = ledger.fundedAccount("alice", iqq(100));
    private final KeyPair bob = ledger.fundedAccount("bob", iqq(100));
    private final Asset dollar = usd(bank);

    private TrustLineEntry line(KeyPair holder) {
        return CreditFixture.trustLine(ledger.state(), holder, dollar).orElseThrow();
    }

    private long usdBalance(KeyPair holder) {
        return TrustLines.balance(line(holder));
    }

    private long subEntries(KeyPair account) {
        return Accounts.numSubEntries(ledger.account(account).orElseThrow());
    }

    @Test
    void bankIssuesAuthorizesFreezesAndClawsBack() {
        // The bank's flags are set on its account entry directly, as SET_OPTIONS would set them.
        ledger.updateAccount(bank, a -> a.setFlags(
                Accounts.uint32(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED)));

        // 1. Both customers open a USD line in the same ledger: not authorized yet, but clawback-enabled.
        Transaction aliceTrust = ledger.tx(alice, changeTrustOp(dollar, LIMIT));
        Transaction bobTrust = ledger.tx(bob, changeTrustOp(dollar, LIMIT));
        ClosedLedger trustLedger = ledger.close(aliceTrust, bobTrust);
        for (Transaction tx : new Transaction[] {aliceTrust, bobTrust}) {
            AppliedTransaction applied = LedgerFixture.applied(trustLedger, tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(changeTrustCode(opResult(applied.result(), 0)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
        }
        for (KeyPair customer : new KeyPair[] {alice, bob}) {
            assertThat(TrustLines.flags(line(customer))).isEqualTo(CLAWBACK);
            assertThat(usdBalance(customer)).isZero();
            assertThat(TrustLines.limit(line(customer))).isEqualTo(LIMIT);
            assertThat(subEntries(customer)).isEqualTo(1);
        }
        assertThat(subEntries(bank)).isZero();

        // 2. The bank cannot pay a customer it has not authorized.
        AppliedTransaction early = ledger.apply(ledger.tx(bank, paymentOp(alice, dollar, iqq(500))));
        assertThat(code(early.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(paymentCode(opResult(early.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_NOT_AUTHORIZED);
        assertThat(ResultCodes.operations(early.result())).containsExactly("op_not_authorized");
        assertThat(usdBalance(alice)).isZero();

        // 3. It authorizes both in one transaction.
        AppliedTransaction authorize = ledger.apply(ledger.tx(bank,
                setFlagsOp(alice, dollar, none(), flags(AUTHORIZED_FLAG)),
                setFlagsOp(bob, dollar, none(), flags(AUTHORIZED_FLAG))));
        assertThat(code(authorize.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(opResults(authorize.result())).allSatisfy(r -> assertThat(setFlagsCode(r))
                .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS));
        assertThat(TrustLines.flags(line(alice))).isEqualTo(AUTHORIZED | CLAWBACK);
        assertThat(TrustLines.flags(line(bob))).isEqualTo(AUTHORIZED | CLAWBACK);

        // 4. It issues 500 USD to alice and 200 USD to bob; issuing creates no line for the bank.
        AppliedTransaction issue = ledger.apply(ledger.tx(bank,
                paymentOp(alice, dollar, iqq(500)), paymentOp(bob, dollar, iqq(200))));
        assertThat(code(issue.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(ResultCodes.operations(issue.result())).containsExactly("op_success", "op_success");
        assertThat(usdBalance(alice)).isEqualTo(iqq(500));
        assertThat(usdBalance(bob)).isEqualTo(iqq(200));
        assertThat(CreditFixture.trustLine(ledger.state(), bank, dollar)).isEmpty();

        // 5. Alice pays bob.
        AppliedTransaction transfer = ledger.apply(ledger.tx(alice, paymentOp(bob, dollar, iqq(150))));
        assertThat(code(transfer.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(usdBalance(alice)).isEqualTo(iqq(350));
        assertThat(usdBalance(bob)).isEqualTo(iqq(350));

        // 6. The bank freezes bob: his line keeps its balance and clawback flag, but is no longer authorized.
        AppliedTransaction freeze = ledger.apply(ledger.tx(bank,
                setFlagsOp(bob, dollar, flags(AUTHORIZED_FLAG), none())));
        assertThat(code(freeze.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(TrustLines.flags(line(bob))).isEqualTo(CLAWBACK);
        assertThat(usdBalance(bob)).isEqualTo(iqq(350));

        // 7. Bob's payment fails; he still pays the fee.
        AppliedTransaction frozen = ledger.apply(ledger.tx(bob, paymentOp(alice, dollar, iqq(50))));
        assertThat(code(frozen.result())).isEqualTo(TransactionResultCode.txFAILED);
        assertThat(paymentCode(opResult(frozen.result(), 0)))
                .isEqualTo(PaymentResultCode.PAYMENT_SRC_NOT_AUTHORIZED);
        assertThat(ResultCodes.transaction(frozen.result())).isEqualTo("tx_failed");
        assertThat(ResultCodes.operations(frozen.result())).containsExactly("op_src_not_authorized");
        assertThat(frozen.feeCharged()).isEqualTo(BASE_FEE);
        assertThat(usdBalance(bob)).isEqualTo(iqq(350));
        assertThat(usdBalance(alice)).isEqualTo(iqq(350));

        // 8. Nor can anyone pay him.
        AppliedTransaction toFrozen = ledger.apply(ledger.tx(alice, paymentOp(bob, dollar, iqq(10))));
        assertThat(ResultCodes.operations(toFrozen.result())).containsExactly("op_not_authorized");
        assertThat(usdBalance(alice)).isEqualTo(iqq(350));

        // 9. The bank claws back all of bob's dollars; clawback needs no authorization on the line.
        AppliedTransaction clawback = ledger.apply(ledger.tx(bank, clawbackOp(bob, dollar, iqq(350))));
        assertThat(code(clawback.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(clawbackCode(opResult(clawback.result(), 0))).isEqualTo(ClawbackResultCode.CLAWBACK_SUCCESS);
        assertThat(usdBalance(bob)).isZero();
        assertThat(TrustLines.flags(line(bob))).isEqualTo(CLAWBACK);

        // 10. Bob closes his empty line, which needs no authorization either, and gets its reserve back.
        AppliedTransaction close = ledger.apply(ledger.tx(bob, changeTrustOp(dollar, 0)));
        assertThat(code(close.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        assertThat(CreditFixture.trustLine(ledger.state(), bob, dollar)).isEmpty();
        assertThat(subEntries(bob)).isZero();

        // Every fee paid, and the native asset still adds up: dollars are not part of it.
        assertThat(ledger.balance(bank)).isEqualTo(iqq(1_000) - 7 * BASE_FEE);
        assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 3 * BASE_FEE);
        assertThat(ledger.balance(bob)).isEqualTo(iqq(100) - 3 * BASE_FEE);
        long nativeTotal = ledger.balance(ledger.root()) + ledger.balance(bank) + ledger.balance(alice)
                + ledger.balance(bob);
        assertThat(nativeTotal + ledger.feePool()).isEqualTo(ledger.profile().totalCoins());
        assertThat(usdBalance(alice)).isEqualTo(iqq(350));
        assertThat(subEntries(alice)).isEqualTo(1);
    }
}
