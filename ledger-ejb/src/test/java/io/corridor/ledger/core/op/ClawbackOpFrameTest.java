package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.CreditFixture.AUTHORIZED;
import static io.corridor.ledger.core.CreditFixture.AUTH_CLAWBACK_ENABLED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.CLAWBACK;
import static io.corridor.ledger.core.CreditFixture.changeTrustOp;
import static io.corridor.ledger.core.CreditFixture.clawbackCode;
import static io.corridor.ledger.core.CreditFixture.clawbackOp;
import static io.corridor.ledger.core.CreditFixture.paymentOp;
import static io.corridor.ledger.core.CreditFixture.putTrustLine;
import static io.corridor.ledger.core.CreditFixture.setAccountFlags;
import static io.corridor.ledger.core.CreditFixture.usd;
import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
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
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.xdr.ClawbackResultCode;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;

/**
 * CLAWBACK, each result code: first the operation alone against a hand-built state (lines with balances and
 * liabilities put in directly), then through ledger closes.
 */
class ClawbackOpFrameTest {

    private final KeyPair issuer = key("issuer");
    private final KeyPair holder = key("holder");
    private final Asset usd = usd(issuer);

    /** A clawback-enabled issuer and a holder with a 100 USD line of the given flags. */
    private OperationHarness harness(int lineFlags) {
        OperationHarness h = new OperationHarness().account(issuer, iqq(100)).account(holder, iqq(100));
        setAccountFlags(h.state, issuer, AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED);
        putTrustLine(h.state, holder, usd, iqq(100), iqq(1_000), lineFlags);
        return h;
    }

    private TrustLineEntry line(OperationHarness h) {
        return CreditFixture.trustLineAfter(h.changes(), h.state, holder, usd).orElseThrow();
    }

    private static OperationResult checkValid(OperationHarness h, Operation op, KeyPair source) {
        return OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);
    }

    @Test
    void clawbackNeedsTheMediumThreshold() {
        assertThat(OperationFrame.of(clawbackOp(holder, usd, 1).toXdr(), OperationHarness.id(issuer))
                .thresholdLevel()).isEqualTo(Accounts.THRESHOLD_MED);
    }

    @Nested
    class Success {

        @Test
        void clawbackBurnsFromTheHoldersLine() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);

            OperationResult result = h.run(clawbackOp(holder, usd, iqq(30)), issuer);

            assertThat(clawbackCode(result)).isEqualTo(ClawbackResultCode.CLAWBACK_SUCCESS);
            assertThat(TrustLines.balance(line(h))).isEqualTo(iqq(70));
            assertThat(TrustLines.flags(line(h))).isEqualTo(AUTHORIZED | CLAWBACK);
            assertThat(TrustLines.limit(line(h))).isEqualTo(iqq(1_000));
            // Burnt, not moved: neither account changes.
            assertThat(h.changes()).singleElement().satisfies(c -> assertThat(
                    c.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(OperationHarness.LEDGER_SEQ));
            assertThat(h.balance(issuer)).isEqualTo(iqq(100));
            assertThat(h.balance(holder)).isEqualTo(iqq(100));
        }

        @Test
        void frozenLinesCanBeClawedBackToZero() {
            OperationHarness h = harness(CLAWBACK);

            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, iqq(100)), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_SUCCESS);

            assertThat(TrustLines.balance(line(h))).isZero();
            assertThat(TrustLines.flags(line(h))).isEqualTo(CLAWBACK);
        }
    }

    @Nested
    class Failures {

        @Test
        void missingLineIsNoTrust() {
            KeyPair stranger = key("stranger");
            OperationHarness h = harness(AUTHORIZED | CLAWBACK).account(stranger, iqq(100));

            assertThat(clawbackCode(h.run(clawbackOp(stranger, usd, 1), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_NO_TRUST);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void lineWithoutTheClawbackFlagIsNotClawbackEnabled() {
            OperationHarness h = harness(AUTHORIZED);

            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, 1), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_NOT_CLAWBACK_ENABLED);
            assertThat(h.changes()).isEmpty();
            assertThat(TrustLines.balance(line(h))).isEqualTo(iqq(100));
        }

        @Test
        void moreThanTheBalanceIsUnderfunded() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);

            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, iqq(100) + 1), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_UNDERFUNDED);
            assertThat(h.changes()).isEmpty();
            assertThat(TrustLines.balance(line(h))).isEqualTo(iqq(100));
        }

        @Test
        void sellingLiabilitiesCannotBeClawedBack() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);
            CreditFixture.updateTrustLine(h.state, holder, usd, l -> TrustLines.setLiabilities(l, 0, iqq(40)));

            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, iqq(60) + 1), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_UNDERFUNDED);
            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, iqq(60)), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_SUCCESS);
            assertThat(TrustLines.balance(line(h))).isEqualTo(iqq(40));
            assertThat(TrustLines.sellingLiabilities(line(h))).isEqualTo(iqq(40));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void amountBelowOneIsMalformed(long amount) {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);
            Operation op = clawbackOp(holder, usd, 1).toXdr();
            op.getBody().getClawbackOp().setAmount(new Int64(amount));

            assertThat(clawbackCode(checkValid(h, op, issuer))).isEqualTo(ClawbackResultCode.CLAWBACK_MALFORMED);
        }

        @Test
        void clawingBackFromOneselfIsMalformed() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);

            assertThat(clawbackCode(h.run(clawbackOp(issuer, usd, 1), issuer)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_MALFORMED);
        }

        @Test
        void sourceThatIsNotTheIssuerIsMalformed() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);

            assertThat(clawbackCode(h.run(clawbackOp(holder, usd, 1), holder)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_MALFORMED);
        }

        @Test
        void nativeAssetIsMalformed() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);
            Operation op = clawbackOp(holder, usd, 1).toXdr();
            op.getBody().getClawbackOp().setAsset(new AssetTypeNative().toXdr());

            assertThat(clawbackCode(checkValid(h, op, issuer))).isEqualTo(ClawbackResultCode.CLAWBACK_MALFORMED);
        }

        @Test
        void invalidAssetCodeIsMalformed() {
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);
            Operation op = clawbackOp(holder, usd, 1).toXdr();
            op.getBody().getClawbackOp().getAsset().getAlphaNum4().getAssetCode()
                    .setAssetCode4(Arrays.copyOf("US.D".getBytes(StandardCharsets.US_ASCII), 4));

            assertThat(clawbackCode(checkValid(h, op, issuer))).isEqualTo(ClawbackResultCode.CLAWBACK_MALFORMED);
        }

        @Test
        void multiplexedFormOfTheIssuerPassesValidationAndFindsNoLine() {
            // stellar-core compares the multiplexed account itself with the source, so only the plain form is
            // malformed; the issuer never has a line for its own asset.
            OperationHarness h = harness(AUTHORIZED | CLAWBACK);
            Operation op = clawbackOp(holder, usd, 1).toXdr();
            MuxedAccount.MuxedAccountMed25519 med = new MuxedAccount.MuxedAccountMed25519();
            med.setEd25519(new Uint256(Accounts.keyBytes(OperationHarness.id(issuer))));
            med.setId(new Uint64(new XdrUnsignedHyperInteger(7L)));
            MuxedAccount muxed = new MuxedAccount();
            muxed.setDiscriminant(CryptoKeyType.KEY_TYPE_MUXED_ED25519);
            muxed.setMed25519(med);
            op.getBody().getClawbackOp().setFrom(muxed);
            OperationFrame frame = OperationFrame.of(op, OperationHarness.id(issuer));

            assertThat(frame.doCheckValid(h.ctx)).isNull();
            assertThat(clawbackCode(frame.doApply(new LedgerTxn(h.state), h.ctx)))
                    .isEqualTo(ClawbackResultCode.CLAWBACK_NO_TRUST);
        }
    }

    @Test
    void resultCodesCarryHorizonsNames() {
        assertThat(ResultCodes.operation(ClawbackOpFrame.result(ClawbackResultCode.CLAWBACK_MALFORMED)))
                .isEqualTo("op_malformed");
        assertThat(ResultCodes.operation(ClawbackOpFrame.result(ClawbackResultCode.CLAWBACK_NOT_CLAWBACK_ENABLED)))
                .isEqualTo("op_not_clawback_enabled");
        assertThat(ResultCodes.operation(ClawbackOpFrame.result(ClawbackResultCode.CLAWBACK_NO_TRUST)))
                .isEqualTo("op_no_trust");
        assertThat(ResultCodes.operation(ClawbackOpFrame.result(ClawbackResultCode.CLAWBACK_UNDERFUNDED)))
                .isEqualTo("op_underfunded");
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
            ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED)));
            ledger.apply(ledger.tx(alice, changeTrustOp(dollar, iqq(1_000))));
            ledger.apply(ledger.tx(bank, paymentOp(alice, dollar, iqq(50))));
            assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isEqualTo(iqq(50));
        }

        @Test
        void issuerClawsBackAndOnlyPaysTheFee() {
            AppliedTransaction applied = ledger.apply(ledger.tx(bank, clawbackOp(alice, dollar, iqq(20))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(clawbackCode(opResult(applied.result(), 0))).isEqualTo(ClawbackResultCode.CLAWBACK_SUCCESS);
            assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow()))
                    .isEqualTo(iqq(30));
            assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - 2 * BASE_FEE);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void lineCreatedBeforeTheIssuerEnabledClawbackIsNotClawbackEnabled() {
            KeyPair bob = ledger.fundedAccount("bob", iqq(100));
            ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(0)));
            ledger.apply(ledger.tx(bob, changeTrustOp(dollar, iqq(1_000))));
            ledger.apply(ledger.tx(bank, paymentOp(bob, dollar, iqq(10))));
            ledger.updateAccount(bank, a -> a.setFlags(Accounts.uint32(AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED)));

            AppliedTransaction applied = ledger.apply(ledger.tx(bank, clawbackOp(bob, dollar, iqq(10))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(ResultCodes.operations(applied.result())).containsExactly("op_not_clawback_enabled");
            assertThat(TrustLines.balance(CreditFixture.trustLine(ledger.state(), bob, dollar).orElseThrow()))
                    .isEqualTo(iqq(10));
        }
    }
}
