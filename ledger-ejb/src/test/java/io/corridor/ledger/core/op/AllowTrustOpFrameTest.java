package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.CreditFixture.AUTHORIZED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.CLAWBACK;
import static io.corridor.ledger.core.CreditFixture.MAINTAIN;
import static io.corridor.ledger.core.CreditFixture.allowTrustCode;
import static io.corridor.ledger.core.CreditFixture.allowTrustOp;
import static io.corridor.ledger.core.CreditFixture.allowTrustXdr;
import static io.corridor.ledger.core.CreditFixture.changeTrustOp;
import static io.corridor.ledger.core.CreditFixture.putTrustLine;
import static io.corridor.ledger.core.CreditFixture.setAccountFlags;
import static io.corridor.ledger.core.CreditFixture.usd;
import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.Asset;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.AllowTrustResultCode;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;

/**
 * ALLOW_TRUST, each result code: first the operation alone against a hand-built state (issuer flags set on
 * the account entry directly), then through ledger closes.
 */
class AllowTrustOpFrameTest {

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
    void allowTrustNeedsOnlyTheLowThreshold() {
        assertThat(OperationFrame.of(allowTrustOp(holder, "USD", true).toXdr(), OperationHarness.id(issuer))
                .thresholdLevel()).isEqualTo(Accounts.THRESHOLD_LOW);
    }

    @Nested
    class Success {

        @Test
        void authorizeSetsAuthorizedAndKeepsBalanceAndClawbackFlag() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, CLAWBACK);

            OperationResult result = run(h, allowTrustOp(holder, "USD", true), issuer);

            assertThat(allowTrustCode(result)).isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED | CLAWBACK);
            assertThat(TrustLines.balance(line())).isEqualTo(iqq(25));
            assertThat(TrustLines.limit(line())).isEqualTo(iqq(1_000));
            // Only the line changes: the issuer's account is read, not written.
            assertThat(ltx.changes()).singleElement().satisfies(c -> assertThat(
                    c.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(OperationHarness.LEDGER_SEQ));
        }

        @Test
        void revokeClearsAuthorizationButKeepsTheBalance() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, AUTHORIZED | CLAWBACK);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", false), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(CLAWBACK);
            assertThat(TrustLines.balance(line())).isEqualTo(iqq(25));
        }

        @Test
        void authorizeToMaintainLiabilitiesReplacesAuthorized() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, AUTHORIZED);

            assertThat(allowTrustCode(run(h, allowTrustXdr(holder, "USD", MAINTAIN), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(MAINTAIN);
        }

        @Test
        void unauthorizedLineMayBeRaisedToMaintainLiabilitiesWithoutRevocable() {
            OperationHarness h = harness(AUTH_REQUIRED, 0);

            assertThat(allowTrustCode(run(h, allowTrustXdr(holder, "USD", MAINTAIN), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);

            assertThat(TrustLines.flags(line())).isEqualTo(MAINTAIN);
        }

        @Test
        void issuerWithoutAuthRequiredMayAuthorizeSoTrustNotRequiredIsNoLongerReturned() {
            OperationHarness h = harness(AUTH_REVOCABLE, 0);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", true), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @Test
        void revokingAHolderAtItsMinimumBalanceSucceedsSoLowReserveCannotAriseWithoutOffers() {
            // LOW_RESERVE only comes from redeeming pool shares on revocation; this ledger has none.
            OperationHarness h = new OperationHarness().account(issuer, iqq(100))
                    .account(holder, MIN_BALANCE + iqq(10));
            setAccountFlags(h.state, issuer, AUTH_REQUIRED | AUTH_REVOCABLE);
            putTrustLine(h.state, holder, usd, iqq(25), iqq(1_000), AUTHORIZED);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", false), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);
            assertThat(TrustLines.flags(line())).isZero();
            assertThat(balance(holder)).isEqualTo(MIN_BALANCE + iqq(10));
        }
    }

    @Nested
    class Failures {

        @Test
        void revokingWithoutAuthRevocableIsCantRevoke() {
            OperationHarness h = harness(AUTH_REQUIRED, AUTHORIZED);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", false), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE);
            assertThat(ltx.changes()).isEmpty();
            assertThat(TrustLines.flags(line())).isEqualTo(AUTHORIZED);
        }

        @Test
        void reducingAuthorizedToMaintainLiabilitiesWithoutAuthRevocableIsCantRevoke() {
            OperationHarness h = harness(AUTH_REQUIRED, AUTHORIZED);

            assertThat(allowTrustCode(run(h, allowTrustXdr(holder, "USD", MAINTAIN), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void cantRevokeIsCheckedBeforeTheTrustLine() {
            OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));
            setAccountFlags(h.state, issuer, AUTH_REQUIRED);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", false), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE);
        }

        @Test
        void missingLineIsNoTrustLine() {
            OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));
            setAccountFlags(h.state, issuer, AUTH_REQUIRED | AUTH_REVOCABLE);

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", true), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_NO_TRUST_LINE);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void lineForAnotherIssuersCodeIsNoTrustLine() {
            // The code names the source's own asset; the holder's line is for the other issuer's USD.
            KeyPair other = key("other-issuer");
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0).account(other, iqq(100));

            assertThat(allowTrustCode(run(h, allowTrustOp(holder, "USD", true), other)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_NO_TRUST_LINE);
        }

        @ParameterizedTest
        @ValueSource(longs = {3, 4, 0x80000000L})
        void authorizeAboveMaintainLiabilitiesIsMalformed(long authorize) {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0);

            assertThat(allowTrustCode(run(h, allowTrustXdr(holder, "USD", authorize), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void issuerNamingItselfIsMalformed() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0);

            assertThat(allowTrustCode(run(h, allowTrustOp(issuer, "USD", true), issuer)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }

        @Test
        void invalidCodeIsMalformed() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0);
            Operation op = allowTrustOp(holder, "USD", true).toXdr();
            op.getBody().getAllowTrustOp().getAsset().getAssetCode4()
                    .setAssetCode4(Arrays.copyOf("U-D".getBytes(StandardCharsets.US_ASCII), 4));

            assertThat(allowTrustCode(run(h, op, issuer))).isEqualTo(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }

        @Test
        void nativeAssetCodeIsMalformed() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0);
            Operation op = allowTrustOp(holder, "USD", true).toXdr();
            op.getBody().getAllowTrustOp().getAsset().setDiscriminant(AssetType.ASSET_TYPE_NATIVE);

            assertThat(allowTrustCode(run(h, op, issuer))).isEqualTo(AllowTrustResultCode.ALLOW_TRUST_MALFORMED);
        }

        @Test
        void applyWithoutValidationStillRefusesTheIssuerWithSelfNotAllowed() {
            OperationHarness h = harness(AUTH_REQUIRED | AUTH_REVOCABLE, 0);
            OperationFrame frame = OperationFrame.of(allowTrustOp(issuer, "USD", true).toXdr(),
                    OperationHarness.id(issuer));
            LedgerTxn ltx = new LedgerTxn(h.state);

            assertThat(allowTrustCode(frame.doApply(ltx, h.ctx)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SELF_NOT_ALLOWED);
            assertThat(ltx.changes()).isEmpty();
        }
    }

    @Test
    void resultCodesCarryHorizonsNames() {
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(AllowTrustResultCode.ALLOW_TRUST_MALFORMED)))
                .isEqualTo("op_malformed");
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(AllowTrustResultCode.ALLOW_TRUST_NO_TRUST_LINE)))
                .isEqualTo("op_no_trust");
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(
                AllowTrustResultCode.ALLOW_TRUST_TRUST_NOT_REQUIRED))).isEqualTo("op_not_required");
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(AllowTrustResultCode.ALLOW_TRUST_CANT_REVOKE)))
                .isEqualTo("op_cant_revoke");
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(
                AllowTrustResultCode.ALLOW_TRUST_SELF_NOT_ALLOWED))).isEqualTo("op_self_not_allowed");
        assertThat(ResultCodes.operation(AllowTrustOpFrame.result(AllowTrustResultCode.ALLOW_TRUST_LOW_RESERVE)))
                .isEqualTo("op_low_reserve");
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
        void issuerAuthorizesThenRevokesAndPaysOnlyTheFees() {
            AppliedTransaction authorize = ledger.apply(ledger.tx(bank, allowTrustOp(alice, "USD", true)));

            assertThat(code(authorize.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(allowTrustCode(opResult(authorize.result(), 0)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_SUCCESS);
            assertThat(TrustLines.flags(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isEqualTo(AUTHORIZED);

            AppliedTransaction revoke = ledger.apply(ledger.tx(bank, allowTrustOp(alice, "USD", false)));

            assertThat(code(revoke.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(TrustLines.flags(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isZero();
            assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void missingLineFailsTheTransactionWithHorizonsNoTrust() {
            KeyPair bob = ledger.fundedAccount("bob", iqq(100));

            AppliedTransaction applied = ledger.apply(ledger.tx(bank, allowTrustOp(bob, "USD", true)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(allowTrustCode(opResult(applied.result(), 0)))
                    .isEqualTo(AllowTrustResultCode.ALLOW_TRUST_NO_TRUST_LINE);
            assertThat(ResultCodes.operations(applied.result())).containsExactly("op_no_trust");
            assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - BASE_FEE);
        }
    }
}
