package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.CreditFixture.AUTHORIZED;
import static io.corridor.ledger.core.CreditFixture.AUTH_CLAWBACK_ENABLED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REQUIRED;
import static io.corridor.ledger.core.CreditFixture.AUTH_REVOCABLE;
import static io.corridor.ledger.core.CreditFixture.CLAWBACK;
import static io.corridor.ledger.core.CreditFixture.asset;
import static io.corridor.ledger.core.CreditFixture.changeTrustCode;
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
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.LedgerTxn;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.Asset;
import org.stellar.sdk.AssetTypeNative;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AssetType;
import org.stellar.sdk.xdr.ChangeTrustAsset;
import org.stellar.sdk.xdr.ChangeTrustResultCode;
import org.stellar.sdk.xdr.Int32;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntryType;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.TrustLineEntry;
import org.stellar.sdk.xdr.TrustLineEntryExtensionV2;

/**
 * CHANGE_TRUST, each result code: first the operation alone against a hand-built state (issuer flags, balances
 * and liabilities put in directly), then through ledger closes with the fee the transaction pays.
 */
class ChangeTrustOpFrameTest {

    private static final long RESERVE = iqq(10);

    private final KeyPair issuer = key("issuer");
    private final KeyPair holder = key("holder");
    private final Asset usd = usd(issuer);

    private OperationHarness harness(long holderBalance) {
        return new OperationHarness().account(issuer, iqq(100)).account(holder, holderBalance);
    }

    private static Optional<TrustLineEntry> line(OperationHarness h, KeyPair holder, Asset asset) {
        return CreditFixture.trustLineAfter(h.changes(), h.state, holder, asset);
    }

    private static OperationResult checkValid(OperationHarness h, Operation op, KeyPair source) {
        return OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);
    }

    @Test
    void changeTrustNeedsTheMediumThreshold() {
        assertThat(OperationFrame.of(changeTrustOp(usd, 1).toXdr(), OperationHarness.id(holder)).thresholdLevel())
                .isEqualTo(Accounts.THRESHOLD_MED);
    }

    @Nested
    class Create {

        @Test
        void newLineIsAuthorizedWhenTheIssuerDoesNotRequireAuthorization() {
            OperationHarness h = harness(iqq(100));

            OperationResult result = h.run(changeTrustOp(usd, iqq(1_000)), holder);

            assertThat(changeTrustCode(result)).isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            TrustLineEntry line = line(h, holder, usd).orElseThrow();
            assertThat(TrustLines.balance(line)).isZero();
            assertThat(TrustLines.limit(line)).isEqualTo(iqq(1_000));
            assertThat(TrustLines.flags(line)).isEqualTo(AUTHORIZED);
            assertThat(TrustLines.buyingLiabilities(line)).isZero();
            assertThat(TrustLines.sellingLiabilities(line)).isZero();
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isEqualTo(1);
            assertThat(h.balance(holder)).isEqualTo(iqq(100));
            assertThat(h.changes()).hasSize(2).allSatisfy(change -> assertThat(
                    change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(OperationHarness.LEDGER_SEQ));
            assertThat(h.changes().stream().filter(EntryChange::isCreated).map(c -> c.key().type()))
                    .containsExactly(LedgerEntryType.TRUSTLINE);
        }

        @Test
        void newLineStartsUnauthorizedWhenTheIssuerRequiresAuthorization() {
            OperationHarness h = harness(iqq(100));
            setAccountFlags(h.state, issuer, AUTH_REQUIRED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1_000)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);

            assertThat(TrustLines.flags(line(h, holder, usd).orElseThrow())).isZero();
        }

        @Test
        void newLineIsClawbackEnabledWhenTheIssuerHasClawback() {
            OperationHarness h = harness(iqq(100));
            setAccountFlags(h.state, issuer, AUTH_REQUIRED | AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1_000)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);

            assertThat(TrustLines.flags(line(h, holder, usd).orElseThrow())).isEqualTo(CLAWBACK);
        }

        @Test
        void clawbackWithoutAuthRequiredGivesAnAuthorizedClawbackEnabledLine() {
            OperationHarness h = harness(iqq(100));
            setAccountFlags(h.state, issuer, AUTH_REVOCABLE | AUTH_CLAWBACK_ENABLED);

            h.run(changeTrustOp(usd, iqq(1_000)), holder);

            assertThat(TrustLines.flags(line(h, holder, usd).orElseThrow())).isEqualTo(AUTHORIZED | CLAWBACK);
        }

        @Test
        void alphanum12AssetsGetLinesToo() {
            OperationHarness h = harness(iqq(100));
            Asset bond = asset("BOND2030", issuer);

            assertThat(changeTrustCode(h.run(changeTrustOp(bond, Long.MAX_VALUE), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);

            assertThat(TrustLines.limit(line(h, holder, bond).orElseThrow())).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void zeroLimitForANewLineIsInvalidLimit() {
            OperationHarness h = harness(iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void missingIssuerIsNoIssuer() {
            OperationHarness h = new OperationHarness().account(holder, iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1_000)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_NO_ISSUER);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void invalidLimitIsCheckedBeforeTheIssuer() {
            OperationHarness h = new OperationHarness().account(holder, iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
        }

        @Test
        void balanceThatCannotCarryOneMoreReserveIsLowReserve() {
            // Two base reserves for the account and one for the new line.
            OperationHarness h = harness(MIN_BALANCE + RESERVE - 1);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1_000)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_LOW_RESERVE);
            assertThat(h.changes()).isEmpty();
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isZero();
        }

        @Test
        void balanceOfExactlyTheNewMinimumIsEnough() {
            OperationHarness h = harness(MIN_BALANCE + RESERVE);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1_000)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            assertThat(h.balance(holder)).isEqualTo(MIN_BALANCE + RESERVE);
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isEqualTo(1);
        }

        @Test
        void accountWithTheMaximumOfSubEntriesGetsTooManySubEntries() {
            OperationHarness h = harness(iqq(100_000));
            CreditFixture.updateAccount(h.state, holder,
                    a -> a.setNumSubEntries(Accounts.uint32(Accounts.SUB_ENTRIES_MAX)));

            OperationResult result = h.run(changeTrustOp(usd, iqq(1_000)), holder);

            assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opTOO_MANY_SUBENTRIES);
            assertThat(h.changes()).isEmpty();
        }
    }

    @Nested
    class ChangeLimit {

        @Test
        void limitMayBeRaisedOrLoweredDownToTheBalance() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, iqq(50), iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(50)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);

            TrustLineEntry line = line(h, holder, usd).orElseThrow();
            assertThat(TrustLines.limit(line)).isEqualTo(iqq(50));
            assertThat(TrustLines.balance(line)).isEqualTo(iqq(50));
            assertThat(TrustLines.flags(line)).isEqualTo(AUTHORIZED);
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isEqualTo(1);
            // Only the line changes; the holder's account is not touched.
            assertThat(h.changes()).singleElement().satisfies(c -> assertThat(c.key().type())
                    .isEqualTo(LedgerEntryType.TRUSTLINE));
        }

        @Test
        void limitBelowTheBalanceIsInvalidLimit() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, iqq(50), iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(50) - 1), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
            assertThat(h.changes()).isEmpty();
            assertThat(TrustLines.limit(line(h, holder, usd).orElseThrow())).isEqualTo(iqq(100));
        }

        @Test
        void limitBelowBalancePlusBuyingLiabilitiesIsInvalidLimit() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, iqq(50), iqq(100), AUTHORIZED);
            CreditFixture.updateTrustLine(h.state, holder, usd, l -> TrustLines.setLiabilities(l, iqq(30), 0));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(80) - 1), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(80)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            TrustLineEntry line = line(h, holder, usd).orElseThrow();
            assertThat(TrustLines.limit(line)).isEqualTo(iqq(80));
            assertThat(TrustLines.buyingLiabilities(line)).isEqualTo(iqq(30));
        }

        @Test
        void changingTheLimitOfALineWhoseIssuerIsGoneIsNoIssuer() {
            OperationHarness h = new OperationHarness().account(holder, iqq(100));
            putTrustLine(h.state, holder, usd, 0, iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(200)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_NO_ISSUER);
            assertThat(h.changes()).isEmpty();
        }
    }

    @Nested
    class Delete {

        @Test
        void zeroLimitDeletesAnEmptyLineAndReleasesItsReserve() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, 0, iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);

            assertThat(line(h, holder, usd)).isEmpty();
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isZero();
            assertThat(h.balance(holder)).isEqualTo(iqq(100));
            assertThat(h.changes()).hasSize(2).anySatisfy(c -> assertThat(c.isErased()).isTrue());
        }

        @Test
        void deletingNeedsNoIssuer() {
            OperationHarness h = new OperationHarness().account(holder, iqq(100));
            putTrustLine(h.state, holder, usd, 0, iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            assertThat(line(h, holder, usd)).isEmpty();
        }

        @Test
        void deletingALineWithABalanceIsInvalidLimit() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, 1, iqq(100), AUTHORIZED);

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
            assertThat(h.changes()).isEmpty();
            assertThat(TrustLines.balance(line(h, holder, usd).orElseThrow())).isEqualTo(1);
            assertThat(Accounts.numSubEntries(h.account(holder).orElseThrow())).isEqualTo(1);
        }

        @Test
        void deletingALineWithBuyingLiabilitiesIsInvalidLimit() {
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, 0, iqq(100), AUTHORIZED);
            CreditFixture.updateTrustLine(h.state, holder, usd, l -> TrustLines.setLiabilities(l, 1, 0));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void deletingALineALiquidityPoolUsesIsCannotDelete() {
            // No pool can use a line on this ledger; the line is built by hand as stellar-core would hold it.
            OperationHarness h = harness(iqq(100));
            putTrustLine(h.state, holder, usd, 0, iqq(100), AUTHORIZED);
            CreditFixture.updateTrustLine(h.state, holder, usd, l -> {
                TrustLines.setLiabilities(l, 0, 0);
                TrustLineEntryExtensionV2 v2 = new TrustLineEntryExtensionV2();
                v2.setLiquidityPoolUseCount(new Int32(1));
                TrustLineEntryExtensionV2.TrustLineEntryExtensionV2Ext v2Ext =
                        new TrustLineEntryExtensionV2.TrustLineEntryExtensionV2Ext();
                v2Ext.setDiscriminant(0);
                v2.setExt(v2Ext);
                l.getExt().getV1().getExt().setDiscriminant(2);
                l.getExt().getV1().getExt().setV2(v2);
            });

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, 0), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_CANNOT_DELETE);
            assertThat(h.changes()).isEmpty();
        }
    }

    @Nested
    class Malformed {

        @Test
        void negativeLimitIsMalformed() {
            OperationHarness h = harness(iqq(100));
            Operation op = changeTrustOp(usd, 1).toXdr();
            op.getBody().getChangeTrustOp().setLimit(new Int64(-1L));

            assertThat(changeTrustCode(checkValid(h, op, holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }

        @Test
        void nativeAssetIsMalformed() {
            OperationHarness h = harness(iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(new AssetTypeNative(), iqq(1)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
            assertThat(h.changes()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\0\0\0\0", "U\0SD", "US$\0", "USD ", "\u00c4SD"})
        void invalidAlphanum4CodeIsMalformed(String code) {
            OperationHarness h = harness(iqq(100));
            Operation op = changeTrustOp(usd, iqq(1)).toXdr();
            op.getBody().getChangeTrustOp().getLine().getAlphaNum4().getAssetCode()
                    .setAssetCode4(Arrays.copyOf(code.getBytes(StandardCharsets.ISO_8859_1), 4));

            assertThat(changeTrustCode(checkValid(h, op, holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }

        @Test
        void alphanum12CodeOfFourCharactersIsMalformed() {
            OperationHarness h = harness(iqq(100));
            Operation op = changeTrustOp(asset("BOND2030", issuer), iqq(1)).toXdr();
            op.getBody().getChangeTrustOp().getLine().getAlphaNum12().getAssetCode()
                    .setAssetCode12(Arrays.copyOf("BOND".getBytes(StandardCharsets.US_ASCII), 12));

            assertThat(changeTrustCode(checkValid(h, op, holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
        }

        @Test
        void shortCodesPaddedWithZerosAreValid() {
            OperationHarness h = harness(iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(asset("X", issuer), iqq(1)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            assertThat(changeTrustCode(h.run(changeTrustOp(asset("abc12", issuer), iqq(1)), holder)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
        }

        @Test
        void issuerTrustingItsOwnAssetIsMalformedSinceProtocol16() {
            OperationHarness h = harness(iqq(100));

            assertThat(changeTrustCode(h.run(changeTrustOp(usd, iqq(1)), issuer)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
            assertThat(h.changes()).isEmpty();
        }

        @Test
        void applyWithoutValidationStillRefusesTheIssuerWithSelfNotAllowed() {
            // stellar-core keeps the older apply-time check behind the protocol-16 validity check.
            OperationHarness h = harness(iqq(100));
            OperationFrame frame = OperationFrame.of(changeTrustOp(usd, iqq(1)).toXdr(), OperationHarness.id(issuer));
            LedgerTxn ltx = new LedgerTxn(h.state);

            assertThat(changeTrustCode(frame.doApply(ltx, h.ctx)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SELF_NOT_ALLOWED);
            assertThat(ltx.changes()).isEmpty();
        }

        @Test
        void poolShareLinesAreNotSupported() {
            // Pool shares are the only lines that can be TRUST_LINE_MISSING or NOT_AUTH_MAINTAIN_LIABILITIES.
            OperationHarness h = harness(iqq(100));
            Operation op = changeTrustOp(usd, iqq(1)).toXdr();
            ChangeTrustAsset poolShare = new ChangeTrustAsset();
            poolShare.setDiscriminant(AssetType.ASSET_TYPE_POOL_SHARE);
            op.getBody().getChangeTrustOp().setLine(poolShare);

            OperationResult result = checkValid(h, op, holder);

            assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opNOT_SUPPORTED);
        }
    }

    @Test
    void resultCodesCarryHorizonsNames() {
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED)))
                .isEqualTo("op_malformed");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(ChangeTrustResultCode.CHANGE_TRUST_NO_ISSUER)))
                .isEqualTo("op_no_issuer");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_INVALID_LIMIT))).isEqualTo("op_invalid_limit");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_LOW_RESERVE))).isEqualTo("op_low_reserve");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_SELF_NOT_ALLOWED))).isEqualTo("op_self_not_allowed");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_TRUST_LINE_MISSING))).isEqualTo("op_trust_line_missing");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_CANNOT_DELETE))).isEqualTo("op_cannot_delete");
        assertThat(ResultCodes.operation(ChangeTrustOpFrame.result(
                ChangeTrustResultCode.CHANGE_TRUST_NOT_AUTH_MAINTAIN_LIABILITIES)))
                .isEqualTo("op_not_aut_maintain_liabilities");
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
        }

        @Test
        void changeTrustCreatesTheLineAndChargesTheFee() {
            AppliedTransaction applied = ledger.apply(ledger.tx(alice, changeTrustOp(dollar, iqq(1_000))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(changeTrustCode(opResult(applied.result(), 0)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_SUCCESS);
            TrustLineEntry line = CreditFixture.trustLine(ledger.state(), alice, dollar).orElseThrow();
            assertThat(TrustLines.limit(line)).isEqualTo(iqq(1_000));
            assertThat(TrustLines.balance(line)).isZero();
            assertThat(TrustLines.flags(line)).isEqualTo(AUTHORIZED);
            assertThat(lineStamp()).isEqualTo(ledger.lastSequence());
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(Accounts.numSubEntries(ledger.account(alice).orElseThrow())).isEqualTo(1);
            assertThat(ledger.seqNum(alice)).isEqualTo((3L << 32) + 1);
        }

        private long lineStamp() {
            return ledger.state().load(CreditFixture.trustLineKey(alice, dollar)).orElseThrow()
                    .getLastModifiedLedgerSeq().getUint32().getNumber();
        }

        @Test
        void createAndDeleteInOneTransactionLeavesNoLine() {
            Transaction tx = ledger.tx(alice, changeTrustOp(dollar, iqq(1_000)), changeTrustOp(dollar, 0));

            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(CreditFixture.trustLine(ledger.state(), alice, dollar)).isEmpty();
            assertThat(Accounts.numSubEntries(ledger.account(alice).orElseThrow())).isZero();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - 2 * BASE_FEE);
        }

        @Test
        void feeTakenFirstCanLeaveTooLittleForTheReserve() {
            KeyPair carol = ledger.fundedAccount("carol", MIN_BALANCE + RESERVE);

            AppliedTransaction applied = ledger.apply(ledger.tx(carol, changeTrustOp(dollar, iqq(1_000))));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(changeTrustCode(opResult(applied.result(), 0)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_LOW_RESERVE);
            assertThat(ResultCodes.operations(applied.result())).containsExactly("op_low_reserve");
            assertThat(CreditFixture.trustLine(ledger.state(), carol, dollar)).isEmpty();
            assertThat(ledger.balance(carol)).isEqualTo(MIN_BALANCE + RESERVE - BASE_FEE);
            assertThat(Accounts.numSubEntries(ledger.account(carol).orElseThrow())).isZero();
        }

        @Test
        void issuerTrustingItselfFailsAdmissionAndApply() {
            Transaction tx = ledger.tx(bank, changeTrustOp(dollar, iqq(1_000)));

            TransactionResult check = ledger.checkValid(tx);
            assertThat(code(check)).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(changeTrustCode(opResult(check, 0))).isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);

            AppliedTransaction applied = ledger.apply(tx);
            assertThat(changeTrustCode(opResult(applied.result(), 0)))
                    .isEqualTo(ChangeTrustResultCode.CHANGE_TRUST_MALFORMED);
            assertThat(ledger.balance(bank)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(Accounts.numSubEntries(ledger.account(bank).orElseThrow())).isZero();
        }
    }
}
