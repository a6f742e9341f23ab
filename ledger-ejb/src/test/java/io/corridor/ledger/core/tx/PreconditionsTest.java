package io.corridor.ledger.core.tx;

import static io.corridor.ledger.core.LedgerFixture.BASE_FEE;
import static io.corridor.ledger.core.LedgerFixture.applied;
import static io.corridor.ledger.core.LedgerFixture.code;
import static io.corridor.ledger.core.LedgerFixture.iqq;
import static io.corridor.ledger.core.LedgerFixture.key;
import static io.corridor.ledger.core.LedgerFixture.paymentOp;
import static org.assertj.core.api.Assertions.assertThat;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerFixture;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stellar.sdk.Account;
import org.stellar.sdk.FeeBumpTransaction;
import org.stellar.sdk.KeyPair;
import org.stellar.sdk.LedgerBounds;
import org.stellar.sdk.SignedPayloadSigner;
import org.stellar.sdk.TimeBounds;
import org.stellar.sdk.Transaction;
import org.stellar.sdk.TransactionBuilder;
import org.stellar.sdk.TransactionPreconditions;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.DecoratedSignature;
import org.stellar.sdk.xdr.Signature;
import org.stellar.sdk.xdr.SignatureHint;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.Thresholds;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * Preconditions V2 (CAP-21) and signed-payload signers (CAP-40), as stellar-core applies them: min sequence
 * number, min sequence age and ledger gap against the source's extension v3 stamp (and the stamp itself),
 * ledger bounds, extra signers, and Ed25519 signed-payload signers on an account.
 */
class PreconditionsTest {

    private LedgerFixture ledger;
    private KeyPair alice;
    private KeyPair bob;
    private final KeyPair carol = key("carol"); // a key, not an account
    private long aliceSeq;

    @BeforeEach
    void setUp() {
        ledger = new LedgerFixture();
        alice = ledger.openAccount("alice", iqq(100));
        bob = ledger.openAccount("bob", iqq(100));
        aliceSeq = ledger.seqNum(alice);
    }

    /** Alice pays bob 1 at {@code accountSeq} + 1 under {@code cond}, unsigned. */
    private Transaction alicePays(long accountSeq, TransactionPreconditions cond) {
        return new TransactionBuilder(new Account(alice.getAccountId(), accountSeq), ledger.network())
                .setBaseFee(BASE_FEE)
                .addPreconditions(cond)
                .addOperation(paymentOp(bob, iqq(1)))
                .build();
    }

    private static LedgerBounds ledgerBounds(long minLedger, long maxLedger) {
        return LedgerBounds.builder().minLedger(minLedger).maxLedger(maxLedger).build();
    }

    private static TransactionPreconditions.TransactionPreconditionsBuilder cond() {
        return TransactionPreconditions.builder().timeBounds(new TimeBounds(0, 0));
    }

    private Transaction signed(Transaction tx, KeyPair... signers) {
        for (KeyPair signer : signers) {
            tx.sign(signer);
        }
        return tx;
    }

    private TransactionResultCode checkCode(Transaction tx) {
        return code(ledger.checkValid(tx));
    }

    private AccountEntry aliceAccount() {
        return ledger.account(alice).orElseThrow();
    }

    // ------------------------------------------------------------------ min sequence number

    @Nested
    class MinSeqNum {

        @Test
        void sequenceNumberMayJumpWhenTheAccountIsAtLeastMinSeqNum() {
            Transaction jump = signed(alicePays(aliceSeq + 9, cond().minSeqNumber(aliceSeq).build()), alice);

            assertThat(jump.getSequenceNumber()).isEqualTo(aliceSeq + 10);
            assertThat(checkCode(jump)).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction applied = ledger.apply(jump);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 10);
        }

        @Test
        void accountBelowMinSeqNumIsBadSeq() {
            Transaction tx = signed(alicePays(aliceSeq + 9, cond().minSeqNumber(aliceSeq + 1).build()), alice);

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txBAD_SEQ);
        }

        @Test
        void transactionAtOrBelowTheAccountsNumberIsBadSeqEvenWithMinSeqNum() {
            Transaction same = signed(alicePays(aliceSeq - 1, cond().minSeqNumber(0L).build()), alice);

            assertThat(same.getSequenceNumber()).isEqualTo(aliceSeq);
            assertThat(checkCode(same)).isEqualTo(TransactionResultCode.txBAD_SEQ);
        }
    }

    // ------------------------------------------------------------------ the sequence stamp

    @Nested
    class SequenceStamp {

        @Test
        void consumingTheSequenceNumberStampsLedgerAndCloseTime() {
            assertThat(aliceAccount().getExt().getDiscriminant()).as("opened without extensions").isZero();
            long closeTime = ledger.nextCloseTime();

            ledger.apply(signed(alicePays(aliceSeq, cond().build()), alice));

            AccountEntry after = aliceAccount();
            assertThat(AccountExtensions.seqLedger(after)).isEqualTo(ledger.lastSequence());
            assertThat(AccountExtensions.seqTime(after)).isEqualTo(BigInteger.valueOf(closeTime));
            assertThat(Accounts.sellingLiabilities(after)).isZero();
            assertThat(after.getExt().getV1().getExt().getV2().getSignerSponsoringIDs()).isEmpty();
        }

        @Test
        void failedTransactionThatConsumedItsSequenceStampsToo() {
            Transaction tooMuch = signed(new TransactionBuilder(new Account(alice.getAccountId(), aliceSeq),
                    ledger.network()).setBaseFee(BASE_FEE).addPreconditions(cond().build())
                    .addOperation(paymentOp(bob, iqq(1_000))).build(), alice);

            AppliedTransaction applied = ledger.apply(tooMuch);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFAILED);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(AccountExtensions.seqLedger(aliceAccount())).isEqualTo(ledger.lastSequence());
        }

        @Test
        void badSequenceLeavesNoStamp() {
            AppliedTransaction applied = ledger.apply(signed(alicePays(aliceSeq + 1, cond().build()), alice));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txBAD_SEQ);
            assertThat(AccountExtensions.seqLedger(aliceAccount())).isZero();
        }

        @Test
        void feeBumpStampsTheInnerSourceNotTheFeeSource() {
            KeyPair sponsor = ledger.openAccount("sponsor", iqq(100));
            FeeBumpTransaction feeBump = new FeeBumpTransaction.Builder(signed(alicePays(aliceSeq, cond().build()), alice))
                    .setBaseFee(BASE_FEE).setFeeAccount(sponsor.getAccountId()).build();
            feeBump.sign(sponsor);

            AppliedTransaction applied = ledger.apply(feeBump);

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txFEE_BUMP_INNER_SUCCESS);
            assertThat(AccountExtensions.seqLedger(aliceAccount())).isEqualTo(ledger.lastSequence());
            assertThat(AccountExtensions.seqLedger(ledger.account(sponsor).orElseThrow())).isZero();
        }
    }

    // ------------------------------------------------------------------ min sequence age and ledger gap

    @Nested
    class MinSeqAgeAndGap {

        private long stampTime;
        private int stampLedger;

        /** Alice's sequence number is consumed in a ledger of its own; the stamp records it. */
        private void stampAlice() {
            stampTime = ledger.nextCloseTime();
            ledger.apply(signed(alicePays(aliceSeq, cond().build()), alice));
            stampLedger = ledger.lastSequence();
            aliceSeq = ledger.seqNum(alice);
        }

        @Test
        void minSeqAgeCountsFromTheStampedCloseTime() {
            stampAlice();
            long age = ledger.nextCloseTime() - stampTime; // one close-time step

            Transaction ripe = signed(alicePays(aliceSeq, cond().minSeqAge(BigInteger.valueOf(age)).build()), alice);
            Transaction early = signed(alicePays(aliceSeq, cond().minSeqAge(BigInteger.valueOf(age + 1)).build()), alice);

            assertThat(checkCode(ripe)).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(early)).isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
        }

        @Test
        void minSeqLedgerGapCountsFromTheStampedLedger() {
            stampAlice();
            assertThat(ledger.lastSequence() + 1).isEqualTo(stampLedger + 1);

            Transaction ripe = signed(alicePays(aliceSeq, cond().minSeqLedgerGap(1).build()), alice);
            Transaction early = signed(alicePays(aliceSeq, cond().minSeqLedgerGap(2).build()), alice);

            assertThat(checkCode(ripe)).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(early)).isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
        }

        @Test
        void accountWithoutStampCountsFromLedgerZeroAndTimeZero() {
            long closeTime = ledger.nextCloseTime();
            int next = ledger.lastSequence() + 1;

            assertThat(checkCode(signed(alicePays(aliceSeq, cond().minSeqAge(BigInteger.valueOf(closeTime)).build()),
                    alice))).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(signed(alicePays(aliceSeq, cond().minSeqAge(BigInteger.valueOf(closeTime + 1)).build()),
                    alice))).isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
            assertThat(checkCode(signed(alicePays(aliceSeq, cond().minSeqLedgerGap(next).build()), alice)))
                    .isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(signed(alicePays(aliceSeq, cond().minSeqLedgerGap(next + 1).build()), alice)))
                    .isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
        }

        @Test
        void minSeqAgeAboveUnsignedRangeOfCloseTimesIsBadMinSeqAge() {
            BigInteger huge = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

            assertThat(checkCode(signed(alicePays(aliceSeq, cond().minSeqAge(huge).build()), alice)))
                    .isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
        }

        @Test
        void sequenceCheckComesFirst() {
            Transaction badSeqAndEarly = signed(alicePays(aliceSeq + 3,
                    cond().minSeqLedgerGap(1_000).build()), alice);

            assertThat(checkCode(badSeqAndEarly)).isEqualTo(TransactionResultCode.txBAD_SEQ);
        }

        /**
         * Two transactions of one account in one ledger: the first stamps the account with this ledger, so the
         * second, asking for a gap of one ledger, fails at apply. It pays its fee and, since validation got
         * past the sequence number, consumes it.
         */
        @Test
        void secondTransactionInTheSameLedgerFailsItsGapAtApplyPaysAndConsumesItsSequence() {
            Transaction first = signed(alicePays(aliceSeq, cond().build()), alice);
            Transaction second = signed(alicePays(aliceSeq + 1, cond().minSeqLedgerGap(1).build()), alice);
            assertThat(checkCode(second)).as("not admissible before the first applies")
                    .isEqualTo(TransactionResultCode.txBAD_SEQ);

            ClosedLedger closed = ledger.close(second, first);

            assertThat(code(applied(closed, first).result())).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction failed = applied(closed, second);
            assertThat(code(failed.result())).isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
            assertThat(failed.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 2);
            assertThat(ledger.balance(alice)).isEqualTo(iqq(99) - 2 * BASE_FEE);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(101));
        }

        @Test
        void bumpSequenceRestartsTheGap() {
            stampAlice();
            ledger.close();
            ledger.close(); // three ledgers after the stamp
            Transaction bump = signed(new TransactionBuilder(new Account(alice.getAccountId(), aliceSeq),
                    ledger.network()).setBaseFee(BASE_FEE).addPreconditions(cond().build())
                    .addOperation(new org.stellar.sdk.BumpSequenceOperation.Builder(0).build()).build(), alice);
            ledger.apply(bump);
            aliceSeq = ledger.seqNum(alice);

            Transaction gapTwo = signed(alicePays(aliceSeq, cond().minSeqLedgerGap(2).build()), alice);

            assertThat(AccountExtensions.seqLedger(aliceAccount())).isEqualTo(ledger.lastSequence());
            assertThat(checkCode(gapTwo)).isEqualTo(TransactionResultCode.txBAD_MIN_SEQ_AGE_OR_GAP);
        }
    }

    // ------------------------------------------------------------------ ledger bounds

    @Nested
    class LedgerBoundsAgainstTheNextLedger {

        private TransactionResultCode bounded(int minLedger, int maxLedger) {
            return checkCode(signed(alicePays(aliceSeq, cond().ledgerBounds(ledgerBounds(minLedger, maxLedger))
                    .build()), alice));
        }

        @Test
        void minLedgerAfterTheNextLedgerIsTooEarly() {
            int next = ledger.lastSequence() + 1;

            assertThat(bounded(next + 1, 0)).isEqualTo(TransactionResultCode.txTOO_EARLY);
            assertThat(bounded(next, 0)).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void maxLedgerIsExclusive() {
            int next = ledger.lastSequence() + 1;

            assertThat(bounded(0, next)).isEqualTo(TransactionResultCode.txTOO_LATE);
            assertThat(bounded(0, next + 1)).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(bounded(0, 0)).as("0 means no upper bound").isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void tooEarlyByLedgerWinsOverTooLateByTime() {
            long closeTime = ledger.nextCloseTime();
            int next = ledger.lastSequence() + 1;
            Transaction tx = signed(alicePays(aliceSeq, TransactionPreconditions.builder()
                    .timeBounds(new TimeBounds(0, closeTime - 1))
                    .ledgerBounds(ledgerBounds(next + 1, 0)).build()), alice);

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txTOO_EARLY);
        }

        @Test
        void expiredByLedgerAtApplyPaysButKeepsItsSequence() {
            int next = ledger.lastSequence() + 1;
            AppliedTransaction applied = ledger.apply(signed(alicePays(aliceSeq,
                    cond().ledgerBounds(ledgerBounds(0, next)).build()), alice));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txTOO_LATE);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq);
        }
    }

    // ------------------------------------------------------------------ extra signers

    @Nested
    class ExtraSigners {

        private final byte[] payload = "invoice 2026-0042".getBytes(StandardCharsets.UTF_8);

        private Transaction requiring(SignerKey... keys) {
            return alicePays(aliceSeq, cond().extraSigners(List.of(keys)).build());
        }

        @Test
        void ed25519ExtraSignerMustSign() {
            SignerKey carolKey = org.stellar.sdk.Signer.ed25519PublicKey(carol);

            assertThat(checkCode(signed(requiring(carolKey), alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(checkCode(signed(requiring(carolKey), alice, carol))).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void sourceKeyAsExtraSignerIsSatisfiedByTheSourcesOwnSignature() {
            SignerKey aliceKey = org.stellar.sdk.Signer.ed25519PublicKey(alice);

            assertThat(checkCode(signed(requiring(aliceKey), alice))).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void everyExtraSignerMustBeSatisfied() {
            byte[] preimage = "secret".getBytes(StandardCharsets.UTF_8);
            SignerKey hashX = org.stellar.sdk.Signer.sha256Hash(Hashing.sha256(preimage));
            SignerKey carolKey = org.stellar.sdk.Signer.ed25519PublicKey(carol);

            Transaction onlyCarol = signed(requiring(hashX, carolKey), alice, carol);
            Transaction both = signed(requiring(hashX, carolKey), alice, carol);
            both.addSignature(hashXSignature(preimage));

            assertThat(checkCode(onlyCarol)).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(checkCode(both)).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void signedPayloadExtraSignerNeedsASignatureOfThePayload() {
            SignerKey key = org.stellar.sdk.Signer.signedPayload(
                    new SignedPayloadSigner(carol.getPublicKey(), payload));

            Transaction payloadSigned = requiring(key);
            payloadSigned.sign(alice);
            payloadSigned.addSignature(carol.signPayloadDecorated(payload));
            Transaction txHashSigned = signed(requiring(key), alice, carol);

            assertThat(checkCode(payloadSigned)).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(checkCode(txHashSigned)).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void preAuthExtraSignerOfAnotherTransactionCannotBeSatisfied() {
            SignerKey other = org.stellar.sdk.Signer.preAuthTx(new byte[32]);

            assertThat(checkCode(signed(requiring(other), alice))).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void unsatisfiedExtraSignerAtApplyIsBadAuthAndConsumesTheSequence() {
            AppliedTransaction applied = ledger.apply(signed(requiring(org.stellar.sdk.Signer.ed25519PublicKey(carol)),
                    alice));

            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txBAD_AUTH);
            assertThat(applied.feeCharged()).isEqualTo(BASE_FEE);
            assertThat(ledger.seqNum(alice)).isEqualTo(aliceSeq + 1);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(100));
        }

        @Test
        void sameExtraSignerTwiceIsMalformed() {
            SignerKey carolKey = org.stellar.sdk.Signer.ed25519PublicKey(carol);
            TransactionEnvelope envelope = requiring(carolKey, org.stellar.sdk.Signer.ed25519PublicKey(bob))
                    .toEnvelopeXdr();
            envelope.getV1().getTx().getCond().getV2().setExtraSigners(new SignerKey[] {carolKey, carolKey});
            ledger.resign(envelope, alice, carol);

            assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txMALFORMED);
        }

        @Test
        void signedPayloadExtraSignerWithEmptyPayloadIsMalformed() {
            TransactionEnvelope envelope = requiring(org.stellar.sdk.Signer.signedPayload(
                    new SignedPayloadSigner(carol.getPublicKey(), payload))).toEnvelopeXdr();
            envelope.getV1().getTx().getCond().getV2().getExtraSigners()[0].getEd25519SignedPayload()
                    .setPayload(new byte[0]);
            ledger.resign(envelope, alice);

            assertThat(code(ledger.checkValid(envelope))).isEqualTo(TransactionResultCode.txMALFORMED);
        }

        private DecoratedSignature hashXSignature(byte[] preimage) {
            byte[] hash = Hashing.sha256(preimage);
            DecoratedSignature sig = new DecoratedSignature();
            sig.setHint(new SignatureHint(java.util.Arrays.copyOfRange(hash, 28, 32)));
            sig.setSignature(new Signature(preimage));
            return sig;
        }
    }

    // ------------------------------------------------------------------ signed-payload signers on an account

    @Nested
    class SignedPayloadAccountSigner {

        private final byte[] payload = "approval:batch-17".getBytes(StandardCharsets.UTF_8);

        /** Alice's master key no longer signs; carol's signature of {@code signerPayload} does, with weight 1. */
        private void onlyCarolsPayloadSigns(byte[] signerPayload) {
            SignerKey key = org.stellar.sdk.Signer.signedPayload(new SignedPayloadSigner(carol.getPublicKey(),
                    signerPayload));
            ledger.updateAccount(alice, a -> {
                Signer signer = new Signer();
                signer.setKey(key);
                signer.setWeight(Accounts.uint32(1));
                a.setSigners(new Signer[] {signer});
                a.setNumSubEntries(Accounts.uint32(1));
                a.setThresholds(new Thresholds(new byte[] {0, 1, 1, 1}));
            });
        }

        @Test
        void signatureOfThePayloadWithTheXoredHintSatisfiesTheSigner() {
            onlyCarolsPayloadSigns(payload);
            Transaction tx = alicePays(aliceSeq, cond().build());
            tx.addSignature(carol.signPayloadDecorated(payload));

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txSUCCESS);
            AppliedTransaction applied = ledger.apply(tx);
            assertThat(code(applied.result())).isEqualTo(TransactionResultCode.txSUCCESS);
            assertThat(ledger.balance(bob)).isEqualTo(iqq(101));
        }

        @Test
        void hintIsTheKeysLastFourBytesXorThePayloadsLastFour() {
            byte[] keyBytes = carol.getPublicKey();

            byte[] hint = SignatureChecker.signedPayloadHint(keyBytes, payload);

            for (int i = 0; i < 4; i++) {
                assertThat(hint[i]).isEqualTo((byte) (keyBytes[28 + i] ^ payload[payload.length - 4 + i]));
            }
            assertThat(hint).isEqualTo(carol.signPayloadDecorated(payload).getHint().getSignatureHint());
        }

        @Test
        void shortPayloadIsPaddedWithZerosOnTheRightForTheHint() {
            byte[] shortPayload = {0x11, 0x22};
            byte[] keyBytes = carol.getPublicKey();

            byte[] hint = SignatureChecker.signedPayloadHint(keyBytes, shortPayload);

            assertThat(hint).containsExactly((byte) (keyBytes[28] ^ 0x11), (byte) (keyBytes[29] ^ 0x22),
                    keyBytes[30], keyBytes[31]);
            onlyCarolsPayloadSigns(shortPayload);
            Transaction tx = alicePays(aliceSeq, cond().build());
            DecoratedSignature sig = new DecoratedSignature();
            sig.setHint(new SignatureHint(hint));
            sig.setSignature(new Signature(carol.sign(shortPayload)));
            tx.addSignature(sig);
            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txSUCCESS);
        }

        @Test
        void signatureWithThePlainKeyHintDoesNotMatch() {
            onlyCarolsPayloadSigns(payload);
            Transaction tx = alicePays(aliceSeq, cond().build());
            DecoratedSignature sig = new DecoratedSignature();
            sig.setHint(carol.getSignatureHint());
            sig.setSignature(new Signature(carol.sign(payload)));
            tx.addSignature(sig);

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }

        @Test
        void signatureOfTheTransactionHashDoesNotSatisfyAPayloadSigner() {
            onlyCarolsPayloadSigns(payload);
            Transaction tx = alicePays(aliceSeq, cond().build());
            DecoratedSignature sig = new DecoratedSignature();
            sig.setHint(carol.signPayloadDecorated(payload).getHint());
            sig.setSignature(new Signature(carol.sign(tx.hash())));
            tx.addSignature(sig);

            assertThat(checkCode(tx)).isEqualTo(TransactionResultCode.txBAD_AUTH);
        }
    }
}
