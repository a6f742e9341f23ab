package io.corridor.ledger.core.op;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.MIN_BALANCE;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.createAccountOp;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.opResult;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.tx.ResultCodes;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.AccountMergeOperation;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.ManageDataOperation;
import org.stellar.sdk.SetOptionsOperation;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountEntryExtensionV1;
import org.stellar.sdk.xdr.AccountEntryExtensionV2;
import org.stellar.sdk.xdr.AccountMergeResult;
import org.stellar.sdk.xdr.AccountMergeResultCode;
import org.stellar.sdk.xdr.CryptoKeyType;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.Liabilities;
import org.stellar.sdk.xdr.MuxedAccount;
import org.stellar.sdk.xdr.Operation;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SponsorshipDescriptor;
import org.stellar.sdk.xdr.TransactionResultCode;
import org.stellar.sdk.xdr.Uint256;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;

/**
 * ACCOUNT_MERGE, each result code and their precedence: first the operation alone against a hand-built state
 * (sponsoring accounts, balances near INT64_MAX, sequence numbers at the ledger's start), then through ledger
 * closes, where the merged amount is what is left after the fee.
 */
class AccountMergeOpFrameTest {

    private final KeyPair source = key("source");
    private final KeyPair destination = key("destination");

    static AccountMergeResultCode mergeCode(OperationResult result) {
        assertThat(result.getDiscriminant()).isEqualTo(OperationResultCode.opINNER);
        return result.getTr().getAccountMergeResult().getDiscriminant();
    }

    static long mergedAmount(OperationResult result) {
        AccountMergeResult merge = result.getTr().getAccountMergeResult();
        assertThat(merge.getDiscriminant()).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
        return merge.getSourceAccountBalance().getInt64();
    }

    private static AccountMergeOperation mergeInto(KeyPair to) {
        return new AccountMergeOperation.Builder(to.getAccountId()).build();
    }

    private static void update(OperationHarness h, KeyPair key, Consumer<AccountEntry> change) {
        var entry = h.state.load(LedgerFixture.accountKey(key)).orElseThrow();
        change.accept(entry.getData().getAccount());
        h.state.put(entry);
    }

    private OperationHarness harness(long sourceBalance, long destinationBalance) {
        return new OperationHarness().account(source, sourceBalance).account(destination, destinationBalance);
    }

    private static Signer hashXSigner(int fill) {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) fill);
        Signer signer = new Signer();
        signer.setKey(org.stellar.sdk.Signer.sha256Hash(hash));
        signer.setWeight(Accounts.uint32(1));
        return signer;
    }

    /** Extension v1 and v2 with the given liabilities and sponsoring count. */
    private static void extend(AccountEntry account, long buying, long selling, long numSponsoring) {
        AccountEntryExtensionV2 v2 = new AccountEntryExtensionV2();
        v2.setNumSponsored(Accounts.uint32(0));
        v2.setNumSponsoring(Accounts.uint32(numSponsoring));
        v2.setSignerSponsoringIDs(new SponsorshipDescriptor[Signers.of(account).length]);
        for (int i = 0; i < v2.getSignerSponsoringIDs().length; i++) {
            v2.getSignerSponsoringIDs()[i] = new SponsorshipDescriptor();
        }
        AccountEntryExtensionV2.AccountEntryExtensionV2Ext v2Ext = new AccountEntryExtensionV2.AccountEntryExtensionV2Ext();
        v2Ext.setDiscriminant(0);
        v2.setExt(v2Ext);
        AccountEntryExtensionV1.AccountEntryExtensionV1Ext v1Ext = new AccountEntryExtensionV1.AccountEntryExtensionV1Ext();
        v1Ext.setDiscriminant(2);
        v1Ext.setV2(v2);
        Liabilities liabilities = new Liabilities();
        liabilities.setBuying(new Int64(buying));
        liabilities.setSelling(new Int64(selling));
        AccountEntryExtensionV1 v1 = new AccountEntryExtensionV1();
        v1.setLiabilities(liabilities);
        v1.setExt(v1Ext);
        AccountEntry.AccountEntryExt ext = new AccountEntry.AccountEntryExt();
        ext.setDiscriminant(1);
        ext.setV1(v1);
        account.setExt(ext);
    }

    // ------------------------------------------------------------------ the operation alone

    @Test
    void successMovesTheWholeBalanceAndErasesTheSource() {
        OperationHarness h = harness(iqq(100) + 7, iqq(50));

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
        assertThat(mergedAmount(result)).isEqualTo(iqq(100) + 7);
        assertThat(h.account(source)).isEmpty();
        assertThat(h.balance(destination)).isEqualTo(iqq(150) + 7);
        assertThat(h.changes()).hasSize(2);
        assertThat(h.changes().stream().filter(EntryChange::isErased).map(EntryChange::key))
                .containsExactly(LedgerFixture.accountKey(source));
        assertThat(h.changes().stream().filter(c -> !c.isErased()).findFirst().orElseThrow().after().orElseThrow()
                .getLastModifiedLedgerSeq().getUint32().getNumber()).isEqualTo(OperationHarness.LEDGER_SEQ);
    }

    @Test
    void anAccountWithSignersMayBeMergedAndItsSignersGoWithIt() {
        OperationHarness h = harness(iqq(100), iqq(50));
        update(h, source, a -> {
            a.setSigners(new Signer[] {hashXSigner(1), hashXSigner(2)});
            a.setNumSubEntries(Accounts.uint32(2));
        });

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
        assertThat(mergedAmount(result)).isEqualTo(iqq(100));
        assertThat(h.account(source)).isEmpty();
        assertThat(h.balance(destination)).isEqualTo(iqq(150));
    }

    @Test
    void anAccountBelowItsMinimumBalanceMayStillBeMerged() {
        OperationHarness h = harness(1, iqq(50));

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergedAmount(result)).isEqualTo(1);
        assertThat(h.balance(destination)).isEqualTo(iqq(50) + 1);
    }

    @Test
    void mergingIntoOneselfIsMalformed() {
        OperationHarness h = harness(iqq(100), iqq(50));

        OperationResult result = h.run(mergeInto(source), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_MALFORMED);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void mergingIntoAMultiplexedAddressOfOneselfIsMalformed() {
        OperationHarness h = harness(iqq(100), iqq(50));
        Operation op = mergeInto(destination).toXdr();
        MuxedAccount muxed = new MuxedAccount();
        muxed.setDiscriminant(CryptoKeyType.KEY_TYPE_MUXED_ED25519);
        MuxedAccount.MuxedAccountMed25519 med = new MuxedAccount.MuxedAccountMed25519();
        med.setId(new Uint64(new XdrUnsignedHyperInteger(42L)));
        med.setEd25519(new Uint256(source.getPublicKey()));
        muxed.setMed25519(med);
        op.getBody().setDestination(muxed);

        OperationResult result = OperationFrame.of(op, OperationHarness.id(source)).doCheckValid(h.ctx);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_MALFORMED);
    }

    @Test
    void missingDestinationIsNoAccount() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_NO_ACCOUNT);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(source)).isEqualTo(iqq(100));
    }

    @Test
    void noAccountIsCheckedBeforeImmutableSet() {
        OperationHarness h = new OperationHarness().account(source, iqq(100));
        update(h, source, a -> a.setFlags(Accounts.uint32(Accounts.AUTH_IMMUTABLE_FLAG)));

        assertThat(mergeCode(h.run(mergeInto(destination), source)))
                .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_NO_ACCOUNT);
    }

    @Test
    void sourceWithAuthImmutableIsImmutableSet() {
        OperationHarness h = harness(iqq(100), iqq(50));
        update(h, source, a -> {
            a.setFlags(Accounts.uint32(Accounts.AUTH_IMMUTABLE_FLAG));
            a.setNumSubEntries(Accounts.uint32(1)); // would also be HAS_SUB_ENTRIES, which comes later
        });

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_IMMUTABLE_SET);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void subEntriesOtherThanSignersAreHasSubEntries() {
        OperationHarness h = harness(iqq(100), iqq(50));
        update(h, source, a -> {
            a.setSigners(new Signer[] {hashXSigner(1)});
            a.setNumSubEntries(Accounts.uint32(2)); // the signer and, say, a data entry
            a.setSeqNum(new SequenceNumber(new Int64(7L << 32))); // also too far, checked later
        });

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_HAS_SUB_ENTRIES);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(destination)).isEqualTo(iqq(50));
    }

    @Test
    void sequenceNumberAtTheLedgersStartingSequenceIsSeqnumTooFar() {
        OperationHarness h = harness(iqq(100), iqq(50));
        long startingSeq = h.ctx.startingSequenceNumber(); // ledger 7 << 32
        update(h, source, a -> {
            a.setSeqNum(new SequenceNumber(new Int64(startingSeq)));
            extend(a, 0, 0, 1); // also a sponsor, which is checked later
        });

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SEQNUM_TOO_FAR);
        assertThat(ResultCodes.operation(result)).isEqualTo("op_seq_num_too_far");
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void sequenceNumberJustBelowTheLedgersStartIsFine() {
        OperationHarness h = harness(iqq(100), iqq(50));
        update(h, source, a -> a.setSeqNum(new SequenceNumber(
                new Int64(h.ctx.startingSequenceNumber() - 1))));

        assertThat(mergeCode(h.run(mergeInto(destination), source)))
                .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
    }

    @Test
    void sourceThatSponsorsReservesIsIsSponsor() {
        OperationHarness h = harness(iqq(100), Long.MAX_VALUE - 1); // the destination is also full, checked later
        update(h, source, a -> extend(a, 0, 0, 1));

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_IS_SPONSOR);
        assertThat(h.changes()).isEmpty();
    }

    @Test
    void destinationThatCannotHoldTheBalanceIsDestFull() {
        OperationHarness h = harness(iqq(100), Long.MAX_VALUE - iqq(100) + 1);

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergeCode(result)).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_DEST_FULL);
        assertThat(h.changes()).isEmpty();
        assertThat(h.balance(source)).isEqualTo(iqq(100));
    }

    @Test
    void destinationMayBeFilledToExactlyInt64Max() {
        OperationHarness h = harness(iqq(100), Long.MAX_VALUE - iqq(100));

        OperationResult result = h.run(mergeInto(destination), source);

        assertThat(mergedAmount(result)).isEqualTo(iqq(100));
        assertThat(h.balance(destination)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void destinationsBuyingLiabilitiesCountAgainstWhatItCanHold() {
        OperationHarness h = harness(iqq(100), iqq(50));
        long buying = Long.MAX_VALUE - iqq(150) + 1;
        update(h, destination, a -> extend(a, buying, 0, 0));

        assertThat(mergeCode(h.run(mergeInto(destination), source)))
                .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_DEST_FULL);

        update(h, destination, a -> extend(a, buying - 1, 0, 0));
        assertThat(mergeCode(h.run(mergeInto(destination), source)))
                .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
    }

    @Test
    void aSponsoredSourceIsABrokenLedgerAndThrows() {
        OperationHarness h = harness(iqq(100), iqq(50));
        update(h, source, a -> {
            extend(a, 0, 0, 0);
            a.getExt().getV1().getExt().getV2().setNumSponsored(Accounts.uint32(1));
        });

        assertThatThrownBy(() -> h.run(mergeInto(destination), source)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sponsored");
    }

    @Test
    void mergeNeedsTheHighThresholdAndItsPlaceholderSuccessEncodes() throws Exception {
        OperationFrame frame = OperationFrame.of(mergeInto(destination).toXdr(), OperationHarness.id(source));

        assertThat(frame.thresholdLevel()).isEqualTo(Accounts.THRESHOLD_HIGH);
        OperationResult placeholder = frame.successResult();
        assertThat(mergedAmount(placeholder)).isZero();
        assertThat(OperationResult.fromXdrByteArray(placeholder.toXdrByteArray())).isEqualTo(placeholder);
    }

    @Test
    void resultCodesHaveHorizonsNames() {
        String[][] expected = {
                {"ACCOUNT_MERGE_MALFORMED", "op_malformed"},
                {"ACCOUNT_MERGE_NO_ACCOUNT", "op_no_account"},
                {"ACCOUNT_MERGE_IMMUTABLE_SET", "op_immutable_set"},
                {"ACCOUNT_MERGE_HAS_SUB_ENTRIES", "op_has_sub_entries"},
                {"ACCOUNT_MERGE_SEQNUM_TOO_FAR", "op_seq_num_too_far"},
                {"ACCOUNT_MERGE_DEST_FULL", "op_dest_full"},
                {"ACCOUNT_MERGE_IS_SPONSOR", "op_is_sponsor"}};
        assertThat(expected.length).isEqualTo(AccountMergeResultCode.values().length - 1);
        for (String[] pair : expected) {
            assertThat(ResultCodes.operation(AccountMergeOpFrame.result(AccountMergeResultCode.valueOf(pair[0]))))
                    .as(pair[0]).isEqualTo(pair[1]);
        }
        OperationFrame frame = OperationFrame.of(mergeInto(destination).toXdr(), OperationHarness.id(source));
        assertThat(ResultCodes.operation(frame.successResult())).isEqualTo("op_success");
    }

    // ------------------------------------------------------------------ through ledger closes

    @Nested
    class ThroughALedgerClose {

        private LedgerFixture ledger;
        private KeyPair root;
        private KeyPair alice;

        @BeforeEach
        void setUp() {
            ledger = new LedgerFixture();
            root = ledger.root();
            alice = ledger.fundedAccount("alice", iqq(100));
        }

        @Test
        void successMovesWhatIsLeftAfterTheFeeAndDeletesTheAccount() {
            long rootBalance = ledger.balance(root);

            AppliedTransaction applied = ledger.apply(ledger.tx(alice, mergeInto(root)));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(mergedAmount(opResult(applied.result(), 0))).isEqualTo(iqq(100) - BASE_FEE);
            assertThat(ledger.exists(alice)).isFalse();
            assertThat(ledger.balance(root)).isEqualTo(rootBalance + iqq(100) - BASE_FEE);
            assertThat(ledger.totalBalances() + ledger.feePool()).isEqualTo(ledger.profile().totalCoins());
        }

        @Test
        void anotherAccountsMergeAsAnOperationSourceNeedsItsSignature() {
            KeyPair bob = ledger.fundedAccount("bob", iqq(30));
            long rootBalance = ledger.balance(root);
            org.stellar.sdk.Operation mergeBob = new AccountMergeOperation.Builder(alice.getAccountId())
                    .setSourceAccount(bob.getAccountId()).build();

            AppliedTransaction unsigned = ledger.apply(ledger.tx(root, mergeBob));
            assertThat(opResult(unsigned.result(), 0).getDiscriminant()).isEqualTo(OperationResultCode.opBAD_AUTH);
            assertThat(ledger.exists(bob)).isTrue();

            Transaction signed = ledger.builder(root).addOperation(mergeBob).build();
            signed.sign(root);
            signed.sign(bob);
            AppliedTransaction applied = ledger.apply(signed);

            assertThat(mergedAmount(opResult(applied.result(), 0))).isEqualTo(iqq(30));
            assertThat(ledger.exists(bob)).isFalse();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(130));
            assertThat(ledger.balance(root)).isEqualTo(rootBalance - 2 * BASE_FEE);
        }

        @Test
        void operationsOfTheMergedAccountAfterTheMergeAreNoAccount() {
            org.stellar.sdk.Operation aliceMerges = new AccountMergeOperation.Builder(root.getAccountId())
                    .setSourceAccount(alice.getAccountId()).build();
            org.stellar.sdk.Operation alicePays = new org.stellar.sdk.PaymentOperation.Builder(root.getAccountId(),
                    new org.stellar.sdk.AssetTypeNative(), LedgerFixture.amount(1))
                    .setSourceAccount(alice.getAccountId()).build();
            Transaction tx = ledger.builder(root).addOperation(aliceMerges).addOperation(alicePays).build();
            tx.sign(root);
            tx.sign(alice);

            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(mergeCode(opResult(applied.result(), 0))).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SUCCESS);
            assertThat(opResult(applied.result(), 1).getDiscriminant()).isEqualTo(OperationResultCode.opNO_ACCOUNT);
            assertThat(ledger.exists(alice)).as("the failed transaction is rolled back").isTrue();
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100));
        }

        @Test
        void mergingIntoOneselfIsMalformedAtAdmission() {
            Transaction tx = ledger.tx(alice, mergeInto(alice));

            assertThat(mergeCode(opResult(ledger.checkValid(tx), 0))).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_MALFORMED);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void missingDestinationIsNoAccount() {
            AppliedTransaction applied = ledger.apply(ledger.tx(alice, mergeInto(key("nobody"))));

            assertThat(mergeCode(opResult(applied.result(), 0))).isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_NO_ACCOUNT);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(100) - BASE_FEE);
        }

        @Test
        void accountThatSetAuthImmutableCanNeverBeMerged() {
            ledger.apply(ledger.tx(alice, new SetOptionsOperation.Builder()
                    .setSetFlags(Accounts.AUTH_IMMUTABLE_FLAG).build()));

            AppliedTransaction applied = ledger.apply(ledger.tx(alice, mergeInto(root)));

            assertThat(mergeCode(opResult(applied.result(), 0)))
                    .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_IMMUTABLE_SET);
            assertThat(ledger.exists(alice)).isTrue();
        }

        @Test
        void accountWithADataEntryHasSubEntriesUntilTheEntryIsDeleted() {
            ledger.apply(ledger.tx(alice, new ManageDataOperation.Builder("kyc", new byte[] {1}).build()));

            AppliedTransaction blocked = ledger.apply(ledger.tx(alice, mergeInto(root)));
            assertThat(mergeCode(opResult(blocked.result(), 0)))
                    .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_HAS_SUB_ENTRIES);

            ledger.apply(ledger.tx(alice, new ManageDataOperation.Builder("kyc", null).build()));
            AppliedTransaction merged = ledger.apply(ledger.tx(alice, mergeInto(root)));
            assertThat(code(merged.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(mergedAmount(opResult(merged.result(), 0))).isEqualTo(iqq(100) - 4 * BASE_FEE);
            assertThat(ledger.exists(alice)).isFalse();
        }

        @Test
        void accountCreatedInThisLedgerIsSeqnumTooFar() {
            KeyPair bob = key("bob");
            org.stellar.sdk.Operation bobMerges = new AccountMergeOperation.Builder(root.getAccountId())
                    .setSourceAccount(bob.getAccountId()).build();
            Transaction tx = ledger.builder(root).addOperation(createAccountOp(bob, MIN_BALANCE))
                    .addOperation(bobMerges).build();
            tx.sign(root);
            tx.sign(bob);

            AppliedTransaction applied = ledger.apply(tx);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(mergeCode(opResult(applied.result(), 1)))
                    .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SEQNUM_TOO_FAR);
            assertThat(ledger.exists(bob)).isFalse();
        }

        @Test
        void accountThatBumpedItsSequenceIntoThisLedgerIsSeqnumTooFar() {
            long nextLedgerStart = ((long) ledger.lastSequence() + 1) << 32;

            AppliedTransaction applied = ledger.apply(ledger.tx(alice,
                    new org.stellar.sdk.BumpSequenceOperation.Builder(nextLedgerStart).build(), mergeInto(root)));

            assertThat(mergeCode(opResult(applied.result(), 1)))
                    .isEqualTo(AccountMergeResultCode.ACCOUNT_MERGE_SEQNUM_TOO_FAR);
            assertThat(ledger.exists(alice)).isTrue();
            assertThat(ledger.seqNum(alice)).as("the failed transaction keeps only its own sequence number")
                    .isEqualTo((2L << 32) + 1);
        }

        @Test
        void mergedAccountCanBeRecreatedAndStartsAtTheNewLedgersSequence() {
            ledger.apply(ledger.tx(alice, mergeInto(root)));

            AppliedTransaction recreated = ledger.apply(ledger.createAccount(root, alice, iqq(20)));

            assertThat(code(recreated.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo((long) ledger.lastSequence() << 32);
            assertThat(ledger.account(alice).orElseThrow().getSigners()).isEmpty();
        }

        @Test
        void paymentToAMergedAccountFindsNoDestination() {
            ledger.apply(ledger.tx(alice, mergeInto(root)));

            AppliedTransaction applied = ledger.apply(ledger.tx(root, paymentOp(alice, 1)));

            assertThat(LedgerFixture.paymentCode(opResult(applied.result(), 0)))
                    .isEqualTo(org.stellar.sdk.xdr.PaymentResultCode.PAYMENT_NO_DESTINATION);
        }
    }
}
