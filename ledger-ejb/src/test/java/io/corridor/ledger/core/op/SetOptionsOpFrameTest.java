package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.applied;
import static io.corridor.ledger.core.LedgerFixture.builder;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.paymentCode;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.tx.ResultCodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stellar.sdk.AbstractTransaction;
import org.stellar.sdk.BumpSequenceOperation;
import org.stellar.sdk.FeeBumpTransaction;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.SignedPayloadSigner;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountEntryExtensionV1;
import org.stellar.sdk.xdr.AccountEntryExtensionV2;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChangeType;
import org.stellar.sdk.xdr.Liabilities;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.PaymentResultCode;
import org.stellar.sdk.xdr.SetOptionsResultCode;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.SignerKeyType;
import org.stellar.sdk.xdr.SponsorshipDescriptor;
import org.stellar.sdk.xdr.String32;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.XdrString;

/**
 * SET_OPTIONS, each result code: first the operation alone against a hand-built state (accounts at the signer
 * limit, at the sub-entry limit, with AUTH_IMMUTABLE), then through ledger closes: the options a client sets,
 * the reserve a signer costs, multi-signature after raising thresholds, hash-x and pre-authorized-transaction
 * signers, and the removal of a pre-authorized signer once its transaction has been applied.
 */
class SetOptionsOpFrameTest {

    private static final long RESERVE = MIN_BALANCE / 2;

    private final KeyPair source = key("source");
    private final KeyPair alice = key("alice");
    private final KeyPair carol = key("carol"); // a key, not an account: an extra signer

    static SetOptionsResultCode setOptionsCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getSetOptionsResult().getDiscriminant();
    }

    private static SetOptionsOperation.Builder options() {
        return new SetOptionsOperation.Builder();
    }

    private static SignerKey hashX(int fill) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) fill);
        return org.stellar.sdk.Signer.sha256Hash(hash);
    }

    private static SignerKey ed25519Raw(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        SignerKey key = new SignerKey();
        key.setDiscriminant(SignerKeyType.SIGNER_KEY_TYPE_ED25519);
        key.setEd25519(new Uint256(bytes));
        return key;
    }

    private static SignerKey signedPayload(KeyPair signer, byte... payload) {
        return org.stellar.sdk.Signer.signedPayload(new SignedPayloadSigner(signer.getPublicKey(), payload));
    }

    private static void update(OperationHarness h, KeyPair key, Consumer<AccountEntry> change) {
        var entry = h.state.load(LedgerFixture.accountKey(key)).orElseThrow();
        change.accept(entry.getData().getAccount());
        h.state.put(entry);
    }

    /** Runs and, on success, keeps the changes in the harness state, so that operations build on each other. */
    private static OperationResult runAndKeep(OperationHarness h, org.stellar.sdk.Operation op, KeyPair source) {
        OperationResult result = h.run(op, source);
        if (OperationFrame.isSuccess(result)) {
            h.state.apply(h.changes());
        }
        return result;
    }

    private static OperationResult checkValid(OperationHarness h, Operation op, KeyPair source) {
        return OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);
    }

    private static long weight(Signer signer) {
        return signer.getWeight().getUint32().getNumber();
    }

    private static String homeDomain(AccountEntry account) {
        return new String(account.getHomeDomain().getString32().getBytes(), StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ the operation alone

    @Test
    void successWritesEveryOptionAndStampsTheAccount() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(alice, iqq(10));

        OperationResult result = h.run(options()
                .setInflationDestination(alice.getAccountId())
                .setSetFlags(Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG)
                .setMasterKeyWeight(3)
                .setLowThreshold(1)
                .setMediumThreshold(2)
                .setHighThreshold(3)
                .setHomeDomain("corridor.example")
                .build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry account = h.account(source).orElseThrow();
        assertThat(Accounts.strKey(account.getInflationDest())).isEqualTo(alice.getAccountId());
        assertThat(Accounts.flags(account)).isEqualTo(0x3);
        assertThat(account.getThresholds().getThresholds()).containsExactly(3, 1, 2, 3);
        assertThat(homeDomain(account)).isEqualTo("corridor.example");
        assertThat(account.getSigners()).isEmpty();
        assertThat(Accounts.numSubEntries(account)).isZero();
        assertThat(Accounts.balance(account)).isEqualTo(iqq(100));
        assertThat(h.changes()).singleElement().satisfies(change -> {
            assertThat(change.key()).isEqualTo(LedgerFixture.accountKey(source));
            assertThat(change.after().orElseThrow().getLastModifiedLedgerSeq().getUint32().getNumber())
                    .isEqualTo(OperationHarness.LEDGER_SEQ);
        });
    }

    @Test
    void clearFlagsAndAnEmptyHomeDomainUndoEarlierOptions() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> {
            a.setFlags(Accounts.uint32(Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG));
            a.setHomeDomain(new String32(new XdrString("old.example")));
        });

        OperationResult result = h.run(options().setClearFlags(Accounts.AUTH_REQUIRED_FLAG).setHomeDomain("")
                .build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry account = h.account(source).orElseThrow();
        assertThat(Accounts.flags(account)).isEqualTo(Accounts.AUTH_REVOCABLE_FLAG);
        assertThat(homeDomain(account)).isEmpty();
    }

    @Test
    void inflationDestinationMayBeTheAccountItself() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(options().setInflationDestination(source.getAccountId()).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.strKey(h.account(source).orElseThrow().getInflationDest()))
                .isEqualTo(source.getAccountId());
    }

    @Test
    void missingInflationDestinationIsInvalidInflation() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(options().setInflationDestination(alice.getAccountId()).setHomeDomain("x.io")
                .build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_INVALID_INFLATION);
        assertThat(h.changes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0x10, 0x80, 0x8000_0000L, 0xFFFF_FFFFL})
    void unknownFlagBitsAreUnknownFlag(long bits) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation setting = options().setHomeDomain("x.io").build().toXdr();
        setting.getBody().getSetOptionsOp().setSetFlags(Accounts.uint32(bits));
        Operation clearing = options().setHomeDomain("x.io").build().toXdr();
        clearing.getBody().getSetOptionsOp().setClearFlags(Accounts.uint32(bits | 1));

        assertThat(setOptionsCode(checkValid(h, setting, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_UNKNOWN_FLAG);
        assertThat(setOptionsCode(checkValid(h, clearing, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_UNKNOWN_FLAG);
    }

    @Test
    void unknownFlagIsCheckedBeforeBadFlags() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = checkValid(h, options().setSetFlags(0x11).setClearFlags(0x1).build().toXdr(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_UNKNOWN_FLAG);
    }

    @Test
    void aFlagBothSetAndClearedIsBadFlags() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(options().setSetFlags(Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG)
                .setClearFlags(Accounts.AUTH_REVOCABLE_FLAG).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_FLAGS);
        assertThat(setOptionsCode(h.run(options().setSetFlags(Accounts.AUTH_REQUIRED_FLAG)
                .setClearFlags(Accounts.AUTH_REVOCABLE_FLAG).build(), source)))
                .as("disjoint sets are fine").isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void weightOrThresholdAbove255IsThresholdOutOfRange(int which) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = options().setHomeDomain("x.io").build().toXdr();
        var body = op.getBody().getSetOptionsOp();
        switch (which) {
            case 0 -> body.setMasterWeight(Accounts.uint32(256));
            case 1 -> body.setLowThreshold(Accounts.uint32(256));
            case 2 -> body.setMedThreshold(Accounts.uint32(256));
            default -> body.setHighThreshold(Accounts.uint32(0xFFFF_FFFFL));
        }

        assertThat(setOptionsCode(checkValid(h, op, source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_THRESHOLD_OUT_OF_RANGE);
    }

    @Test
    void weightsAndThresholdsOf255AreInRange() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(options().setMasterKeyWeight(255).setLowThreshold(255).setMediumThreshold(255)
                .setHighThreshold(255).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry account = h.account(source).orElseThrow();
        for (int which = 0; which < 4; which++) {
            assertThat(Accounts.threshold(account, which)).isEqualTo(255);
        }
    }

    @Test
    void theAccountsOwnKeyAsSignerIsBadSigner() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(source), 1)
                .build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_SIGNER);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void theOperationSourcesKeyNotTheTransactionSourcesIsBadSigner() {
        OperationHarness h = new OperationHarness().account(source, iqq(100)).account(alice, iqq(100));
        Operation op = options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(alice), 1)
                .setSourceAccount(alice.getAccountId()).build().toXdr();

        assertThat(setOptionsCode(checkValid(h, op, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_SIGNER);
    }

    @Test
    void signerWeightAbove255IsBadSigner() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1).build().toXdr();
        op.getBody().getSetOptionsOp().getSigner().setWeight(Accounts.uint32(256));

        assertThat(setOptionsCode(checkValid(h, op, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_SIGNER);
    }

    @Test
    void signedPayloadLongerThan64BytesIsBadSigner() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = options().setSigner(signedPayload(carol, (byte) 1), 1).build().toXdr();
        op.getBody().getSetOptionsOp().getSigner().getKey().getEd25519SignedPayload().setPayload(new byte[65]);

        assertThat(setOptionsCode(checkValid(h, op, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_SIGNER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\ndomain", "tab\tdomain", "caf\u00e9.example", "del\u007f", "0123456789012345678901234567890123"})
    void homeDomainThatIsNotPrintableAsciiOfAtMost32BytesIsInvalidHomeDomain(String domain) {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        Operation op = options().setHomeDomain("x").build().toXdr();
        op.getBody().getSetOptionsOp().setHomeDomain(new String32(new XdrString(domain.getBytes(StandardCharsets.UTF_8))));

        assertThat(setOptionsCode(checkValid(h, op, source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_INVALID_HOME_DOMAIN);
    }

    @Test
    void homeDomainOfExactly32PrintableBytesIsValid() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        String domain = "~ !\"#$%&'()*+,-./0123456789:;<=>";

        OperationResult result = h.run(options().setHomeDomain(domain).build(), source);

        assertThat(domain).hasSize(32);
        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(homeDomain(h.account(source).orElseThrow())).isEqualTo(domain);
    }

    @Test
    void immutableAccountCannotSetOrClearAuthFlags() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_IMMUTABLE_FLAG | Accounts.AUTH_REQUIRED_FLAG)));

        for (SetOptionsOperation op : List.of(
                options().setSetFlags(Accounts.AUTH_REVOCABLE_FLAG).build(),
                options().setClearFlags(Accounts.AUTH_REQUIRED_FLAG).build(),
                options().setClearFlags(Accounts.AUTH_IMMUTABLE_FLAG).build(),
                options().setSetFlags(Accounts.AUTH_REVOCABLE_FLAG | Accounts.AUTH_CLAWBACK_ENABLED_FLAG).build())) {
            assertThat(setOptionsCode(h.run(op, source))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_CANT_CHANGE);
            assertThat(h.changes()).isEmpty();
        }
    }

    @Test
    void immutableAccountMayStillChangeEverythingElse() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_IMMUTABLE_FLAG)));

        OperationResult result = h.run(options().setHomeDomain("still.example").setMasterKeyWeight(2)
                .setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.flags(h.account(source).orElseThrow())).isEqualTo(Accounts.AUTH_IMMUTABLE_FLAG);
    }

    @Test
    void invalidInflationIsCheckedBeforeCantChange() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_IMMUTABLE_FLAG)));

        OperationResult result = h.run(options().setInflationDestination(alice.getAccountId())
                .setSetFlags(Accounts.AUTH_REQUIRED_FLAG).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_INVALID_INFLATION);
    }

    @Test
    void clawbackWithoutRevocableIsAuthRevocableRequired() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        assertThat(setOptionsCode(h.run(options().setSetFlags(Accounts.AUTH_CLAWBACK_ENABLED_FLAG).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_AUTH_REVOCABLE_REQUIRED);
        assertThat(h.changes()).isEmpty();

        assertThat(setOptionsCode(runAndKeep(h, options()
                .setSetFlags(Accounts.AUTH_CLAWBACK_ENABLED_FLAG | Accounts.AUTH_REVOCABLE_FLAG).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.flags(h.account(source).orElseThrow())).isEqualTo(0xA);

        assertThat(setOptionsCode(h.run(options().setClearFlags(Accounts.AUTH_REVOCABLE_FLAG).build(), source)))
                .as("revocable cannot be cleared while clawback is enabled")
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_AUTH_REVOCABLE_REQUIRED);
        assertThat(setOptionsCode(h.run(options().setClearFlags(0xA).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.flags(h.account(source).orElseThrow())).isZero();
    }

    @Test
    void addingASignerCountsASubEntryAndChangingItsWeightDoesNot() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        SignerKey carolKey = org.stellar.sdk.Signer.ed25519PublicKey(carol);

        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(carolKey, 1).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry added = h.account(source).orElseThrow();
        assertThat(added.getSigners()).singleElement().satisfies(s -> {
            assertThat(s.getKey()).isEqualTo(carolKey);
            assertThat(weight(s)).isEqualTo(1);
        });
        assertThat(Accounts.numSubEntries(added)).isEqualTo(1);
        assertThat(Accounts.minimumBalance(added, RESERVE)).isEqualTo(3 * RESERVE);

        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(carolKey, 200).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry reweighed = h.account(source).orElseThrow();
        assertThat(reweighed.getSigners()).singleElement().satisfies(s -> assertThat(weight(s)).isEqualTo(200));
        assertThat(Accounts.numSubEntries(reweighed)).isEqualTo(1);

        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(carolKey, 0).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry removed = h.account(source).orElseThrow();
        assertThat(removed.getSigners()).isEmpty();
        assertThat(Accounts.numSubEntries(removed)).isZero();
        assertThat(Accounts.balance(removed)).isEqualTo(iqq(100));
    }

    @Test
    void removingASignerTheAccountDoesNotHaveSucceedsWithoutEffect() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        runAndKeep(h, options().setSigner(hashX(7), 1).build(), source);

        OperationResult result = h.run(options().setSigner(hashX(8), 0).build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        AccountEntry account = h.account(source).orElseThrow();
        assertThat(account.getSigners()).extracting(Signer::getKey).containsExactly(hashX(7));
        assertThat(Accounts.numSubEntries(account)).isEqualTo(1);
    }

    @Test
    void signersAreKeptInStellarCoresKeyOrder() {
        OperationHarness h = new OperationHarness().account(source, iqq(1_000));
        // Key type first (ed25519 0, pre-auth 1, hash-x 2, signed payload 3), then bytes compared unsigned;
        // payloads of one key compare lexicographically, so {1, 5} comes before {2}.
        SignerKey payload2 = signedPayload(carol, (byte) 2);
        SignerKey payload15 = signedPayload(carol, (byte) 1, (byte) 5);
        SignerKey preAuth = org.stellar.sdk.Signer.preAuthTx(new byte[32]);
        List<SignerKey> added = List.of(hashX(0x80), payload2, ed25519Raw(0x80), hashX(0x01), preAuth,
                ed25519Raw(0x7F), payload15);
        for (SignerKey key : added) {
            assertThat(setOptionsCode(runAndKeep(h, options().setSigner(key, 1).build(), source)))
                    .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        }

        AccountEntry account = h.account(source).orElseThrow();
        assertThat(account.getSigners()).extracting(Signer::getKey).containsExactly(
                ed25519Raw(0x7F), ed25519Raw(0x80), preAuth, hashX(0x01), hashX(0x80), payload15, payload2);
        assertThat(account.getSigners()[5].getKey().getDiscriminant())
                .isEqualTo(SignerKeyType.SIGNER_KEY_TYPE_ED25519_SIGNED_PAYLOAD);
        assertThat(account.getSigners()[5].getKey().getEd25519SignedPayload().getPayload()).containsExactly(1, 5);
        assertThat(Accounts.numSubEntries(account)).isEqualTo(7);

        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(preAuth, 0).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(h.account(source).orElseThrow().getSigners()).extracting(Signer::getKey).containsExactly(
                ed25519Raw(0x7F), ed25519Raw(0x80), hashX(0x01), hashX(0x80), payload15, payload2);
    }

    @Test
    void signerSponsoringIdsStayParallelToSignersOnAnAccountWithExtensionV2() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> {
            AccountEntryExtensionV2 v2 = new AccountEntryExtensionV2();
            v2.setNumSponsored(Accounts.uint32(0));
            v2.setNumSponsoring(Accounts.uint32(0));
            v2.setSignerSponsoringIDs(new SponsorshipDescriptor[0]);
            AccountEntryExtensionV2.AccountEntryExtensionV2Ext v2Ext = new AccountEntryExtensionV2.AccountEntryExtensionV2Ext();
            v2Ext.setDiscriminant(0);
            v2.setExt(v2Ext);
            AccountEntryExtensionV1.AccountEntryExtensionV1Ext v1Ext = new AccountEntryExtensionV1.AccountEntryExtensionV1Ext();
            v1Ext.setDiscriminant(2);
            v1Ext.setV2(v2);
            AccountEntryExtensionV1 v1 = new AccountEntryExtensionV1();
            Liabilities liabilities = new Liabilities();
            liabilities.setBuying(new Int64(0L));
            liabilities.setSelling(new Int64(0L));
            v1.setLiabilities(liabilities);
            v1.setExt(v1Ext);
            AccountEntry.AccountEntryExt ext = new AccountEntry.AccountEntryExt();
            ext.setDiscriminant(1);
            ext.setV1(v1);
            a.setExt(ext);
        });

        runAndKeep(h, options().setSigner(hashX(2), 1).build(), source);
        runAndKeep(h, options().setSigner(hashX(1), 1).build(), source);
        AccountEntry two = h.account(source).orElseThrow();
        assertThat(two.getSigners()).extracting(Signer::getKey).containsExactly(hashX(1), hashX(2));
        assertThat(two.getExt().getV1().getExt().getV2().getSignerSponsoringIDs()).hasSize(2)
                .allSatisfy(id -> assertThat(id.getSponsorshipDescriptor()).isNull());

        runAndKeep(h, options().setSigner(hashX(1), 0).build(), source);
        AccountEntry one = h.account(source).orElseThrow();
        assertThat(one.getSigners()).extracting(Signer::getKey).containsExactly(hashX(2));
        assertThat(one.getExt().getV1().getExt().getV2().getSignerSponsoringIDs()).hasSize(1);
        assertThat(Accounts.numSubEntries(one)).isEqualTo(1);
    }

    @Test
    void twentySignersAreTheLimitAndTheTwentyFirstIsTooManySigners() {
        OperationHarness h = new OperationHarness().account(source, iqq(1_000));
        for (int i = 1; i <= 20; i++) {
            assertThat(setOptionsCode(runAndKeep(h, options().setSigner(hashX(i), 1).build(), source)))
                    .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        }

        assertThat(setOptionsCode(h.run(options().setSigner(hashX(21), 1).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_TOO_MANY_SIGNERS);
        assertThat(h.changes()).isEmpty();
        AccountEntry account = h.account(source).orElseThrow();
        assertThat(account.getSigners()).hasSize(20);
        assertThat(Accounts.numSubEntries(account)).isEqualTo(20);
        assertThat(setOptionsCode(h.run(options().setSigner(hashX(20), 9).build(), source)))
                .as("a signer the account has can still be re-weighed").isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
    }

    @Test
    void addingASignerAtTheSubEntryLimitIsTooManySubEntries() {
        OperationHarness h = new OperationHarness().account(source, iqq(20_000));
        update(h, source, a -> a.setNumSubEntries(Accounts.uint32(Accounts.SUB_ENTRIES_MAX)));

        OperationResult result = h.run(options().setSigner(hashX(1), 1).build(), source);

        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opTOO_MANY_SUBENTRIES);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_too_many_subentries");
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void addingASignerWithoutAnotherBaseReserveIsLowReserve() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE + RESERVE - 1);

        OperationResult result = h.run(options().setSigner(hashX(1), 1).setHomeDomain("x.io").build(), source);

        assertThat(setOptionsCode(result)).isEqualTo(SetOptionsResultCode.SET_OPTIONS_LOW_RESERVE);
        assertThat(h.changes()).isEmpty();
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isZero();

        h.state.put(Accounts.newAccount(OperationHarness.id(source), MIN_BALANCE + RESERVE,
                3L << 32, 3));
        assertThat(setOptionsCode(h.run(options().setSigner(hashX(1), 1).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isEqualTo(1);
    }

    @Test
    void sellingLiabilitiesCountAgainstTheReserveOfANewSigner() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE + RESERVE);
        update(h, source, a -> {
            AccountEntryExtensionV1 v1 = new AccountEntryExtensionV1();
            Liabilities liabilities = new Liabilities();
            liabilities.setBuying(new Int64(0L));
            liabilities.setSelling(new Int64(1L));
            v1.setLiabilities(liabilities);
            AccountEntryExtensionV1.AccountEntryExtensionV1Ext v1Ext = new AccountEntryExtensionV1.AccountEntryExtensionV1Ext();
            v1Ext.setDiscriminant(0);
            v1.setExt(v1Ext);
            AccountEntry.AccountEntryExt ext = new AccountEntry.AccountEntryExt();
            ext.setDiscriminant(1);
            ext.setV1(v1);
            a.setExt(ext);
        });

        assertThat(setOptionsCode(h.run(options().setSigner(hashX(1), 1).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_LOW_RESERVE);
    }

    @Test
    void reweighingOrRemovingASignerNeedsNoReserve() {
        OperationHarness h = new OperationHarness().account(source, MIN_BALANCE + RESERVE);
        runAndKeep(h, options().setSigner(hashX(1), 1).build(), source);
        update(h, source, a -> a.setBalance(new Int64(MIN_BALANCE))); // now below its own minimum

        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(hashX(1), 5).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(setOptionsCode(runAndKeep(h, options().setSigner(hashX(1), 0).build(), source)))
                .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
        assertThat(Accounts.numSubEntries(h.account(source).orElseThrow())).isZero();
    }

    @Test
    void thresholdLevelIsHighForWeightsThresholdsAndSignersAndMediumOtherwise() {
        KeyPair any = key("any");
        List<SetOptionsOperation> high = List.of(options().setMasterKeyWeight(1).build(),
                options().setLowThreshold(1).build(), options().setMediumThreshold(1).build(),
                options().setHighThreshold(1).build(), options().setSigner(hashX(1), 0).build());
        List<SetOptionsOperation> medium = List.of(options().build(), options().setHomeDomain("x.io").build(),
                options().setSetFlags(1).setClearFlags(2).build(),
                options().setInflationDestination(any.getAccountId()).build());

        for (SetOptionsOperation op : high) {
            assertThat(OperationFrame.of(op.toXdr(), OperationHarness.id(source)).thresholdLevel())
                    .isEqualTo(Accounts.THRESHOLD_HIGH);
        }
        for (SetOptionsOperation op : medium) {
            assertThat(OperationFrame.of(op.toXdr(), OperationHarness.id(source)).thresholdLevel())
                    .isEqualTo(Accounts.THRESHOLD_MED);
        }
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        assertThat(ResultCodes.operation(SetOptionsOpFrame.result(SetOptionsResultCode.SET_OPTIONS_SUCCESS)))
                .isEqualTo("op_success");
        String[][] expected = {
                {"SET_OPTIONS_LOW_RESERVE", "op_low_reserve"},
                {"SET_OPTIONS_TOO_MANY_SIGNERS", "op_too_many_signers"},
                {"SET_OPTIONS_BAD_FLAGS", "op_bad_flags"},
                {"SET_OPTIONS_INVALID_INFLATION", "op_invalid_inflation"},
                {"SET_OPTIONS_CANT_CHANGE", "op_cant_change"},
                {"SET_OPTIONS_UNKNOWN_FLAG", "op_unknown_flag"},
                {"SET_OPTIONS_THRESHOLD_OUT_OF_RANGE", "op_threshold_out_of_range"},
                {"SET_OPTIONS_BAD_SIGNER", "op_bad_signer"},
                {"SET_OPTIONS_INVALID_HOME_DOMAIN", "op_invalid_home_domain"},
                {"SET_OPTIONS_AUTH_REVOCABLE_REQUIRED", "op_auth_revocable_required"}};
        assertThat(expected.length).isEqualTo(SetOptionsResultCode.values().length - 1);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(SetOptionsOpFrame.result(SetOptionsResultCode.valueOf(pair[0]))))
                    .as(pair[0]).isEqualTo(pair[1]);
        }
    }

    // ------------------------------------------------------------------ through ledger closes

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair root;
        private KeyPair alice;
        private KeyPair bob;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            root = ledger.root();
            alice = ledger.fundedAccount("alice", iqq(100));
            bob = ledger.fundedAccount("bob", iqq(50));
        }

        private Transaction signed(KeyPair txSource, List<org.stellar.sdk.Operation> ops, KeyPair... signers) {
            Transaction tx = ledger.builder(txSource).addOperations(ops).build();
            for (KeyPair signer : signers) {
                tx.sign(signer);
            }
            return tx;
        }

        private AccountEntry account(KeyPair key) {
            return ledger.account(key).orElseThrow();
        }

        @Test
        void successWritesTheOptionsAndPaysOnlyTheFee() {
            long aliceSeq = ledger.seqNum(alice);

            AppliedTransaction applied = ledger.apply(ledger.tx(alice, options()
                    .setInflationDestination(root.getAccountId())
                    .setSetFlags(Accounts.AUTH_REQUIRED_FLAG | Accounts.AUTH_REVOCABLE_FLAG)
                    .setHomeDomain("bank.example")
                    .setMasterKeyWeight(2).setLowThreshold(1).setMediumThreshold(2).setHighThreshold(2)
                    .build()));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(setOptionsCode(opResult(applied.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
            AccountEntry account = account(alice);
            assertThat(Accounts.balance(account)).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(Accounts.seqNum(account)).isEqualTo(aliceSeq + 1);
            assertThat(Accounts.strKey(account.getInflationDest())).isEqualTo(root.getAccountId());
            assertThat(Accounts.flags(account)).isEqualTo(0x3);
            assertThat(homeDomain(account)).isEqualTo("bank.example");
            assertThat(account.getThresholds().getThresholds()).containsExactly(2, 1, 2, 2);
            assertThat(ledger.state().load(LedgerFixture.accountKey(alice)).orElseThrow().getLastModifiedLedgerSeq()
                    .getUint32().getNumber()).isEqualTo(ledger.lastSequence());
        }

        @Test
        void badFlagsFailsAtAdmissionAndAtApply() {
            Transaction tx = ledger.tx(alice, options().setSetFlags(1).setClearFlags(1).build());

            assertThat(setOptionsCode(opResult(ledger.checkValid(tx), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_FLAGS);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(setOptionsCode(opResult(applied.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_BAD_FLAGS);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void aSignerCostsOneBaseReserveThatTheAccountMustHoldAfterTheFee() {
            KeyPair poor = ledger.fundedAccount("poor", MIN_BALANCE + RESERVE + BASE_FEE - 1);

            AppliedTransaction failed = ledger.apply(ledger.tx(poor,
                    options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1).build()));

            assertThat(code(failed.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(setOptionsCode(opResult(failed.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_LOW_RESERVE);
            assertThat(account(poor).getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(account(poor))).isZero();
            assertThat(ledger.balance(poor)).isEqualTo(MIN_BALANCE + RESERVE - 1);

            ledger.apply(ledger.payment(root, poor, 1 + BASE_FEE));
            AppliedTransaction added = ledger.apply(ledger.tx(poor,
                    options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1).build()));
            assertThat(setOptionsCode(opResult(added.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
            assertThat(Accounts.numSubEntries(account(poor))).isEqualTo(1);
            assertThat(ledger.balance(poor)).isEqualTo(MIN_BALANCE + RESERVE);
        }

        @Test
        void afterAddingASignerAndRaisingThresholdsAPaymentNeedsBothSignatures() {
            AppliedTransaction setUp = ledger.apply(ledger.tx(alice, options()
                    .setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1)
                    .setLowThreshold(1).setMediumThreshold(2).setHighThreshold(2).build()));
            assertThat(code(setUp.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            AccountEntry account = account(alice);
            assertThat(account.getThresholds().getThresholds()).containsExactly(1, 1, 2, 2);
            assertThat(account.getSigners()).singleElement().satisfies(s -> {
                assertThat(s.getKey()).isEqualTo(org.stellar.sdk.Signer.ed25519PublicKey(carol));
                assertThat(weight(s)).isEqualTo(1);
            });
            assertThat(Accounts.numSubEntries(account)).isEqualTo(1);
            long aliceBalance = ledger.balance(alice);
            long bobBalance = ledger.balance(bob);

            Transaction aliceAlone = signed(alice, List.of(paymentOp(bob, iqq(10))), alice);
            assertThat(code(ledger.checkValid(aliceAlone))).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(ledger.checkValid(aliceAlone), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
            AppliedTransaction rejected = ledger.apply(aliceAlone);
            assertThat(code(rejected.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(opResult(rejected.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(bobBalance);

            Transaction both = signed(alice, List.of(paymentOp(bob, iqq(10))), alice, carol);
            assertThat(code(ledger.checkValid(both))).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction paid = ledger.apply(both);
            assertThat(code(paid.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(paymentCode(opResult(paid.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_SUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - 2 * BASE_FEE - iqq(10));
            assertThat(ledger.balance(bob)).isEqualTo(bobBalance + iqq(10));
        }

        @Test
        void raisedHighThresholdGuardsFurtherSetOptions() {
            ledger.apply(ledger.tx(alice, options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1)
                    .setHighThreshold(2).build()));

            AppliedTransaction alone = ledger.apply(ledger.tx(alice, options().setMasterKeyWeight(5).build()));
            assertThat(opResult(alone.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
            AppliedTransaction medium = ledger.apply(ledger.tx(alice, options().setHomeDomain("a.example").build()));
            assertThat(setOptionsCode(opResult(medium.result(), 0)))
                    .as("a home domain needs only the medium threshold (0)")
                    .isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
            AppliedTransaction both = ledger.apply(signed(alice, List.of(options().setMasterKeyWeight(5).build()),
                    alice, carol));
            assertThat(setOptionsCode(opResult(both.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_SUCCESS);
            assertThat(Accounts.threshold(account(alice), Accounts.THRESHOLD_MASTER_WEIGHT)).isEqualTo(5);
        }

        @Test
        void hashXSignerUnlocksTheAccountWithItsPreimage() {
            byte[] preimage = "the secret that unlocks alice".getBytes(StandardCharsets.UTF_8);
            ledger.apply(ledger.tx(alice, options()
                    .setSigner(org.stellar.sdk.Signer.sha256Hash(Hashing.sha256(preimage)), 2)
                    .setMasterKeyWeight(1).setLowThreshold(2).setMediumThreshold(2).setHighThreshold(2).build()));
            assertThat(account(alice).getSigners()).singleElement().satisfies(s ->
                    assertThat(s.getKey().getDiscriminant()).isEqualTo(SignerKeyType.SIGNER_KEY_TYPE_HASH_X));
            long aliceBalance = ledger.balance(alice);

            Transaction byMaster = signed(alice, List.of(paymentOp(bob, iqq(1))), alice);
            assertThat(code(ledger.checkValid(byMaster))).as("the master key weighs 1 of the 2 needed")
                    .isEqualTo(TransactionResultCode.txBAD_AUTH);
            Transaction wrongPreimage = ledger.builder(alice).addOperation(paymentOp(bob, iqq(1))).build();
            wrongPreimage.sign("not the secret".getBytes(StandardCharsets.UTF_8));
            assertThat(code(ledger.checkValid(wrongPreimage))).isEqualTo(TransactionResultCode.txBAD_AUTH);

            Transaction byPreimage = ledger.builder(alice).addOperation(paymentOp(bob, iqq(1))).build();
            byPreimage.sign(preimage);
            AppliedTransaction applied = ledger.apply(byPreimage);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - BASE_FEE - iqq(1));
            assertThat(account(alice).getSigners()).as("a hash-x signer stays; its preimage is public now").hasSize(1);
        }

        @Test
        void immutableAccountCannotChangeItsFlagsThroughALedger() {
            ledger.apply(ledger.tx(alice, options().setSetFlags(Accounts.AUTH_IMMUTABLE_FLAG).build()));

            AppliedTransaction applied = ledger.apply(ledger.tx(alice,
                    options().setClearFlags(Accounts.AUTH_IMMUTABLE_FLAG).build()));

            assertThat(setOptionsCode(opResult(applied.result(), 0))).isEqualTo(SetOptionsResultCode.SET_OPTIONS_CANT_CHANGE);
            assertThat(Accounts.flags(account(alice))).isEqualTo(Accounts.AUTH_IMMUTABLE_FLAG);
        }

        @Test
        void tooManySignersThroughALedger() {
            KeyPair many = ledger.fundedAccount("many", iqq(1_000));
            List<org.stellar.sdk.Operation> twenty = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                twenty.add(options().setSigner(hashX(i), 1).build());
            }
            AppliedTransaction added = ledger.apply(ledger.tx(many, twenty.toArray(org.stellar.sdk.Operation[]::new)));
            assertThat(code(added.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(many)).isEqualTo(iqq(1_000) - 20 * BASE_FEE);
            assertThat(Accounts.numSubEntries(account(many))).isEqualTo(20);
            assertThat(Accounts.minimumBalance(account(many), RESERVE)).isEqualTo(22 * RESERVE);

            AppliedTransaction applied = ledger.apply(ledger.tx(many, options().setSigner(hashX(21), 1).build()));

            assertThat(setOptionsCode(opResult(applied.result(), 0)))
                    .isEqualTo(SetOptionsResultCode.SET_OPTIONS_TOO_MANY_SIGNERS);
            assertThat(account(many).getSigners()).hasSize(20);
        }

        @Test
        void invalidInflationThroughALedger() {
            AppliedTransaction applied = ledger.apply(ledger.tx(alice,
                    options().setInflationDestination(key("nobody").getAccountId()).build()));

            assertThat(setOptionsCode(opResult(applied.result(), 0)))
                    .isEqualTo(SetOptionsResultCode.SET_OPTIONS_INVALID_INFLATION);
            assertThat(account(alice).getInflationDest()).isNull();
        }
    }

    // ------------------------------------------------------------------ pre-authorized transactions

    /**
     * A pre-authorized-transaction signer lets exactly one transaction through and is removed once that
     * transaction has been applied, from every source account (of the transaction and of its operations)
     * that lists it, whatever the transaction's outcome.
     */
    @Nested
    class PreAuthorizedTransactions {

        private LedgerFixture ledger;
        private KeyPair alice;
        private KeyPair bob;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            alice = ledger.fundedAccount("alice", iqq(100));
            bob = ledger.fundedAccount("bob", iqq(50));
        }

        /** A transaction of alice at {@code accountSeq} + 1, not signed. */
        private Transaction unsigned(long accountSeq, org.stellar.sdk.Operation... ops) {
            return builder(ledger.network(), alice, accountSeq).addOperations(List.of(ops)).build();
        }

        private void authorize(KeyPair account, AbstractTransaction preAuthorized) {
            AppliedTransaction applied = ledger.apply(ledger.tx(account,
                    options().setSigner(org.stellar.sdk.Signer.preAuthTx(preAuthorized.hash()), 1).build()));
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.account(account).orElseThrow().getSigners()).hasSize(1);
            assertThat(Accounts.numSubEntries(ledger.account(account).orElseThrow())).isEqualTo(1);
        }

        @Test
        void preAuthorizedTransactionAppliesWithoutSignaturesAndItsSignerIsRemoved() {
            long aliceSeq = ledger.seqNum(alice);
            Transaction preAuthorized = unsigned(aliceSeq + 1, paymentOp(bob, iqq(5)));
            assertThat(code(ledger.checkValid(preAuthorized))).isEqualTo(TransactionResultCode.txBAD_SEQ);
            authorize(alice, preAuthorized);
            long aliceBalance = ledger.balance(alice);

            assertThat(code(ledger.checkValid(preAuthorized))).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction applied = ledger.apply(preAuthorized);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - BASE_FEE - iqq(5));
            assertThat(ledger.balance(bob)).isEqualTo(iqq(55));
            AccountEntry account = ledger.account(alice).orElseThrow();
            assertThat(account.getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(account)).isZero();
            assertThat(Accounts.seqNum(account)).isEqualTo(aliceSeq + 2);
            // The removal belongs to the transaction's changes before its operations, with the sequence number.
            LedgerEntryChange[] before = applied.meta().getV2().getTxChangesBefore().getLedgerEntryChanges();
            assertThat(before).extracting(LedgerEntryChange::getDiscriminant)
                    .containsExactly(LedgerEntryChangeType.LEDGER_ENTRY_STATE, LedgerEntryChangeType.LEDGER_ENTRY_UPDATED);
            assertThat(before[0].getState().getData().getAccount().getSigners()).hasSize(1);
            assertThat(before[1].getUpdated().getData().getAccount().getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(before[1].getUpdated().getData().getAccount())).isZero();
        }

        @Test
        void signerIsRemovedEvenWhenThePreAuthorizedTransactionFails() {
            long aliceSeq = ledger.seqNum(alice);
            Transaction preAuthorized = unsigned(aliceSeq + 1, paymentOp(bob, iqq(1_000)));
            authorize(alice, preAuthorized);
            long aliceBalance = ledger.balance(alice);

            AppliedTransaction applied = ledger.apply(preAuthorized);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(paymentCode(opResult(applied.result(), 0))).isEqualTo(PaymentResultCode.PAYMENT_UNDERFUNDED);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - BASE_FEE);
            assertThat(ledger.account(alice).orElseThrow().getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(ledger.account(alice).orElseThrow())).isZero();
        }

        @Test
        void signerIsRemovedWhenThePreAuthorizedTransactionHasABadSequenceAtApply() {
            long aliceSeq = ledger.seqNum(alice);
            Transaction preAuthorized = unsigned(aliceSeq + 2, paymentOp(bob, iqq(5)));
            authorize(alice, preAuthorized); // alice is at aliceSeq + 1, the transaction at aliceSeq + 3
            Transaction bump = ledger.tx(alice, new BumpSequenceOperation.Builder(aliceSeq + 10).build());
            assertThat(code(ledger.checkValid(preAuthorized))).isEqualTo(TransactionResultCode.txBAD_SEQ);

            // Same source, so they apply in sequence order: the bump is valid at aliceSeq + 2 and the
            // pre-authorized transaction at aliceSeq + 3, until the bump moves the account to aliceSeq + 10.
            ClosedLedger closed = ledger.close(preAuthorized, bump);

            assertThat(code(applied(closed, bump).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(code(applied(closed, preAuthorized).result())).isEqualTo(TransactionResultCode.txBAD_SEQ);
            AccountEntry account = ledger.account(alice).orElseThrow();
            assertThat(Accounts.seqNum(account)).isEqualTo(aliceSeq + 10);
            assertThat(account.getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(account)).isZero();
        }

        @Test
        void signerIsRemovedFromAnOperationsSourceAccountToo() {
            long aliceSeq = ledger.seqNum(alice);
            org.stellar.sdk.Operation fromBob = new org.stellar.sdk.PaymentOperation.Builder(alice.getAccountId(),
                    new org.stellar.sdk.AssetTypeNative(), LedgerFixture.amount(iqq(3)))
                    .setSourceAccount(bob.getAccountId()).build();
            Transaction preAuthorized = unsigned(aliceSeq + 1, paymentOp(bob, iqq(1)), fromBob);
            authorize(alice, preAuthorized);
            authorize(bob, preAuthorized);
            long aliceBalance = ledger.balance(alice);
            long bobBalance = ledger.balance(bob);

            AppliedTransaction applied = ledger.apply(preAuthorized);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(alice)).isEqualTo(aliceBalance - 2 * BASE_FEE - iqq(1) + iqq(3));
            assertThat(ledger.balance(bob)).isEqualTo(bobBalance + iqq(1) - iqq(3));
            for (KeyPair account : List.of(alice, bob)) {
                assertThat(ledger.account(account).orElseThrow().getSigners()).isEmpty();
                assertThat(Accounts.numSubEntries(ledger.account(account).orElseThrow())).isZero();
            }
        }

        @Test
        void onlyTheAppliedTransactionsSignerIsRemoved() {
            long aliceSeq = ledger.seqNum(alice);
            Transaction first = unsigned(aliceSeq + 3, paymentOp(bob, iqq(1)));
            Transaction second = unsigned(aliceSeq + 4, paymentOp(bob, iqq(2)));
            authorize(alice, first); // at aliceSeq + 1
            ledger.apply(ledger.tx(alice, options().setSigner(org.stellar.sdk.Signer.preAuthTx(second), 1)
                    .build())); // at aliceSeq + 2
            ledger.apply(ledger.tx(alice, options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1)
                    .build())); // at aliceSeq + 3
            assertThat(Accounts.numSubEntries(ledger.account(alice).orElseThrow())).isEqualTo(3);

            assertThat(code(ledger.apply(first).result())).isEqualTo(TransactionResultCode.txSUCCESS);

            AccountEntry account = ledger.account(alice).orElseThrow();
            assertThat(account.getSigners()).extracting(Signer::getKey).containsExactly(
                    org.stellar.sdk.Signer.ed25519PublicKey(carol), org.stellar.sdk.Signer.preAuthTx(second));
            assertThat(Accounts.numSubEntries(account)).isEqualTo(2);

            assertThat(code(ledger.apply(second).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            AccountEntry after = ledger.account(alice).orElseThrow();
            assertThat(after.getSigners()).extracting(Signer::getKey)
                    .containsExactly(org.stellar.sdk.Signer.ed25519PublicKey(carol));
            assertThat(Accounts.numSubEntries(after)).isEqualTo(1);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(53));
        }

        @Test
        void feeBumpsPreAuthorizedSignerIsRemovedFromTheFeeSource() {
            KeyPair sponsor = ledger.fundedAccount("sponsor", iqq(100));
            Transaction inner = ledger.tx(alice, paymentOp(bob, iqq(2)));
            FeeBumpTransaction feeBump = new FeeBumpTransaction.Builder(inner).setBaseFee(BASE_FEE)
                    .setFeeAccount(sponsor.getAccountId()).build();
            authorize(sponsor, feeBump);
            long sponsorBalance = ledger.balance(sponsor);

            AppliedTransaction applied = ledger.apply(feeBump);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
            assertThat(ledger.balance(sponsor)).isEqualTo(sponsorBalance - 2 * BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(52));
            AccountEntry account = ledger.account(sponsor).orElseThrow();
            assertThat(account.getSigners()).isEmpty();
            assertThat(Accounts.numSubEntries(account)).isZero();
            LedgerEntryChange[] before = applied.meta().getV2().getTxChangesBefore().getLedgerEntryChanges();
            assertThat(before[1].getUpdated().getData().getAccount().getAccountID())
                    .isEqualTo(Accounts.parse(sponsor.getAccountId()));
        }

        @Test
        void anEd25519SignerIsNotOneTime() {
            ledger.apply(ledger.tx(alice, options().setSigner(org.stellar.sdk.Signer.ed25519PublicKey(carol), 1)
                    .build()));

            Transaction byCarol = ledger.builder(alice).addOperation(paymentOp(bob, 1)).build();
            byCarol.sign(carol);
            assertThat(code(ledger.apply(byCarol).result())).isEqualTo(TransactionResultCode.txSUCCESS);

            assertThat(ledger.account(alice).orElseThrow().getSigners()).hasSize(1);
            assertThat(ledger.state().load(LedgerFixture.accountKey(alice)).map(e -> e.getData().getAccount())
                    .map(Accounts::numSubEntries).orElseThrow()).isEqualTo(1);
        }
    }
}
