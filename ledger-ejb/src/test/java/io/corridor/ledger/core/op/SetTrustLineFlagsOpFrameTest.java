package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.CreditFixture.AUTHORIZED;
import static io.corridor.ledger.core.CreditFixture.AUTH_CLAWBACK_ENABLED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.CLAWBACK;
import static io.corridor.ledger.core.CreditFixture.MAINTAIN;
import static io.corridor.ledger.core.CreditFixture.changeTrustOp;
import static io.corridor.ledger.core.CreditFixture.flags;
import static io.corridor.ledger.core.CreditFixture.none;
import static io.corridor.ledger.core.CreditFixture.putTrustLine;
import static io.corridor.ledger.core.CreditFixture.setAccountFlags;
import static io.corridor.ledger.core.CreditFixture.setFlagsCode;
import static io.corridor.ledger.core.CreditFixture.setFlagsOp;
import static io.corridor.ledger.core.CreditFixture.setFlagsXdr;
import static io.corridor.ledger.core.CreditFixture.usd;
import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stellar.sdk.xdr.TrustLineFlags.AUTHORIZED_FLAG;
import static org.stellar.sdk.xdr.TrustLineFlags.AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG;
import static org.stellar.sdk.xdr.TrustLineFlags.TRUSTLINE_CLAWBACK_ENABLED_FLAG;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.CreditFixture;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.TrustLines;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.LedgerTxn;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.SetTrustLineFlagsResultCode;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * SET_TRUST_LINE_FLAGS, each result code: first the operation alone against a hand-built state (issuer flags
 * set on the account entry directly), then through ledger closes.
 */
class SetTrustLineFlagsOpFrameTest {

    private final KeyPair issuer = key("issuer");
    private final KeyPair holder = key("holder");
    private final Asset usd = usd(issuer);

    /** An issuer with {@code issuerFlags} and a holder with a 25 USD line of the given flags. */
    private OperationHarness harness(int issuerFlags, int lineFlags) {
        OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));
        setAccountFlags(h.state, issuer, issuerFlags);
        putTrustLine(h.state, holder, usd, iqq(25), iqq(1_000), lineFlags);
        return h;
    }

    /** The scope of the last {@link #run}, holding what it changed. */
    private LedgerTxn ltx;

    /** Checks, then applies if well formed, as a transaction does; the changes stay in {@link #ltx}. */
    private OperationResult run(OperationHarness h, org.stellar.sdk.Operation op, KeyPair source) {
        return run(h, op.toXdr(), source);
    }

    private OperationResult run(OperationHarness h, Operation op, KeyPair source) {
        OperationFrame frame = OperationFrame.of(op, OperationHarness.id(source));
        ltx = new LedgerTxn(h.state);
        OperationResult invalid = frame.doCheckValid(h.ctx);
        return invalid != null ? invalid : frame.doApply(ltx, h.ctx);
    }

    private TrustLineEntry line() {
        return CreditFixture.trustLine(ltx, holder, usd).orElseThrow();
    }

    private long balance(KeyPair account) {
        return Accounts.balance(ltx.load(LedgerFixture.accountKey(account)).orElseThrow().getData().getAccount());
    }

    @Test
    void setTrustLineFlagsNeedsOnlyTheLowThreshold() {
        assertThat(OperationFrame.of(setFlagsOp(holder, usd, none(), flags(AUTHORIZED_FLAG)).toXdr(),
                OperationHarness.id(issuer)).thresholdLevel()).isEqualTo(Accounts.THRESHOLD_LOW);
    }

    @Nested
    class Success {

        @Test
        void settingAuthorizedAuthorizesAndKeepsBalanceAndClawback() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED, CLAWBACK);

            OperationResult result = run(h, setFlagsOp(holder, usd, none(), flags(AUTHORIZED_FLAG)), issuer);

            assertThat(setFlagsCode(result)).isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED | CLAWBACK);
            assertThat(TrustLines.balance(line())).isEqualTo(iqq(25));
            assertThat(TrustLines.limit(line())).isEqualTo(iqq(1_000));
            assertThat(ltx.changes()).singleElement().satisfies(c -> assertThat(
                    c.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(OperationHarness.LEDGER_SEQ));
        }

        @Test
        void clearingAuthorizedFreezesTheLine() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, AUTHORIZED | CLAWBACK);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_FLAG), none()), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(CLAWBACK);
            assertThat(TrustLines.balance(line())).isEqualTo(iqq(25));
        }

        @Test
        void authorizedMayBeSwappedForMaintainLiabilities() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_FLAG),
                    flags(AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG)), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(MAINTAIN);
        }

        @Test
        void maintainLiabilitiesMayBeRaisedToAuthorizedWithoutRevocable() {
            OperationHarness h = harness(AUTH_REQUIRED, MAINTAIN);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG),
                    flags(AUTHORIZED_FLAG)), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @Test
        void clawbackMayBeClearedButNeverSet() {
            OperationHarness h = harness(AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED, AUTHORIZED | CLAWBACK);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(TRUSTLINE_CLAWBACK_ENABLED_FLAG), none()),
                    issuer))).isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, none(), flags(TRUSTLINE_CLAWBACK_ENABLED_FLAG)),
                    issuer))).isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
        }

        @Test
        void clearingTheClawbackFlagNeedsNoRevocable() {
            OperationHarness h = harness(AUTH_CLAWBACK_ENABLED, AUTHORIZED | CLAWBACK);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(TRUSTLINE_CLAWBACK_ENABLED_FLAG), none()),
                    issuer))).isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @Test
        void deauthorizingAHolderAtItsMinimumBalanceSucceedsSoLowReserveCannotAriseWithoutOffers() {
            // LOW_RESERVE only comes from redeeming pool shares on revocation; this ledger has none.
            OperationHarness h = new OperationHarness().account(issuer, iqq(100))
                    .account(holder, MIN_BALANCE + iqq(10));
            setAccountFlags(h.state, issuer, AUTH_REVOCABLE);
            putTrustLine(h.state, holder, usd, iqq(25), iqq(1_000), MAINTAIN);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG),
                    none()), issuer))).isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_SUCCESS);
            assertThat(TrustLines.flags(line())).isZero();
            assertThat(balance(holder)).isEqualTo(MIN_BALANCE + iqq(10));
        }
    }

    @Nested
    class Failures {

        @ParameterizedTest(name = "clear {0}, set {1}")
        @CsvSource({"1, 0", "2, 0", "1, 2", "3, 0"})
        void clearingAuthorizationWithoutRevocableIsCantRevoke(int clear, int set) {
            OperationHarness h = harness(AUTH_REQUIRED, AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsXdr(holder, usd, clear, set), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_CANT_REVOKE);
            assertThat(ltx.changes()).isEmpty();
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @Test
        void cantRevokeIsCheckedBeforeTheTrustLine() {
            OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_FLAG), none()), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_CANT_REVOKE);
        }

        @Test
        void missingLineIsNoTrustLine() {
            OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, none(), flags(AUTHORIZED_FLAG)), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_NO_TRUST_LINE);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void endingWithBothAuthorizationFlagsIsInvalidState() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, none(),
                    flags(AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG)), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_INVALID_STATE);
            assertThat(ltx.changes()).isEmpty();
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @ParameterizedTest(name = "clear {0}, set {1}")
        @CsvSource({
            "1, 1",   // the same flag set and cleared
            "0, 3",   // both authorization flags set
            "0, 4",   // clawback may only be cleared
            "0, 8",   // unknown flag set
            "8, 0",   // unknown flag cleared
        })
        void invalidFlagWordsAreMalformed(long clear, long set) {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsXdr(holder, usd, clear, set), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void sourceThatIsNotTheIssuerIsMalformed() {
            KeyPair other = key("other");
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED).account(other, iqq(100));

            assertThat(setFlagsCode(run(h, setFlagsOp(holder, usd, flags(AUTHORIZED_FLAG), none()), other)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
        }

        @Test
        void issuerNamingItselfIsMalformed() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);

            assertThat(setFlagsCode(run(h, setFlagsOp(issuer, usd, none(), flags(AUTHORIZED_FLAG)), issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
        }

        @Test
        void nativeAssetIsMalformed() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);
            Operation op = setFlagsOp(holder, usd, none(), flags(AUTHORIZED_FLAG)).toXdr();
            op.getBody().getSetTrustLineFlagsOp().setAsset(new AssetTypeNative().toXdr());

            assertThat(setFlagsCode(run(h, op, issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
        }

        @Test
        void invalidAssetCodeIsMalformed() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);
            Operation op = setFlagsOp(holder, usd, none(), flags(AUTHORIZED_FLAG)).toXdr();
            op.getBody().getSetTrustLineFlagsOp().getAsset().getAlphaNum4().getAssetCode()
                    .setAssetCode4(Arrays.copyOf("\0USD".getBytes(StandardCharsets.US_ASCII), 4));

            assertThat(setFlagsCode(run(h, op, issuer)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED);
        }

        @Test
        void applyingAnUnvalidatedSelfReferenceIsABug() {
            OperationHarness h = harness(AUTH_REVOCABLE, AUTHORIZED);
            OperationFrame frame = OperationFrame.of(setFlagsOp(issuer, usd, none(), flags(AUTHORIZED_FLAG)).toXdr(),
                    OperationHarness.id(issuer));

            assertThatThrownBy(() -> frame.doApply(new LedgerTxn(h.state), h.ctx))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void resultCodesCarryHorizonsNames() {
        assertThat(ResultCodes.operation(SetTrustLineFlagsOpFrame.result(
                SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_MALFORMED))).isEqualTo("op_malformed");
        assertThat(ResultCodes.operation(SetTrustLineFlagsOpFrame.result(
                SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_NO_TRUST_LINE))).isEqualTo("op_no_trust");
        assertThat(ResultCodes.operation(SetTrustLineFlagsOpFrame.result(
                SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_CANT_REVOKE))).isEqualTo("op_cant_revoke");
        assertThat(ResultCodes.operation(SetTrustLineFlagsOpFrame.result(
                SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_INVALID_STATE))).isEqualTo("op_invalid_state");
        assertThat(ResultCodes.operation(SetTrustLineFlagsOpFrame.result(
                SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_LOW_RESERVE))).isEqualTo("op_low_reserve");
    }

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair bank;
        private KeyPair alice;
        private Asset dollar;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            bank = ledger.fundedAccount("bank", iqq(100));
            alice = ledger.fundedAccount("alice", iqq(100));
            dollar = usd(bank);
            ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(AUTH_REQUIRED | AUTH_REVOCABLE)));
            AppliedTransaction trust = ledger.apply(ledger.tx(alice, changeTrustOp(dollar, iqq(1_000))));
            assertThat(code(trust.result())).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void issuerAuthorizesThenFreezesThroughLedgers() {
            AppliedTransaction authorize = ledger.apply(ledger.tx(bank,
                    setFlagsOp(alice, dollar, none(), flags(AUTHORIZED_FLAG))));

            assertThat(code(authorize.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(TrustLines.flags(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isEqualTo(AUTHORIZED);

            AppliedTransaction freeze = ledger.apply(ledger.tx(bank,
                    setFlagsOp(alice, dollar, flags(AUTHORIZED_FLAG), none())));

            assertThat(code(freeze.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(TrustLines.flags(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isZero();
            assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 2 * BASE_FEE);
        }

        @Test
        void invalidStateFailsTheTransaction() {
            ledger.apply(ledger.tx(bank, setFlagsOp(alice, dollar, none(), flags(AUTHORIZED_FLAG))));

            AppliedTransaction applied = ledger.apply(ledger.tx(bank,
                    setFlagsOp(alice, dollar, none(), flags(AUTHORIZED_TO_MAINTAIN_LIABILITIES_FLAG))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(setFlagsCode(opResult(applied.result(), 0)))
                    .isEqualTo(SetTrustLineFlagsResultCode.SET_TRUST_LINE_FLAGS_INVALID_STATE);
            assertThat(ResultCodes.operations(applied.result())).containsExactly("op_invalid_state");
            assertThat(TrustLines.flags(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isEqualTo(AUTHORIZED);
        }
    }
}
