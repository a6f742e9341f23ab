package io.corridor.ledger.core.tx;

import io.corridor.ledger.core.AccountExtensions;
import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.Signers;
import io.corridor.ledger.core.Sponsorship;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.op.OperationFrame;
import io.corridor.ledger.core.op.OperationId;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LedgerReader;
import io.corridor.ledger.core.state.LedgerTxn;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.CompletableFuture;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.stellar.sdk.xdr.AccountEntry;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.InnerTransactionResult;
import org.stellar.sdk.xdr.InnerTransactionResultPair;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerEntryChange;
import org.stellar.sdk.xdr.LedgerEntryChangeType;
import org.stellar.sdk.xdr.LedgerEntryChanges;
import org.stellar.sdk.xdr.OperationMeta;
import org.stellar.sdk.xdr.OperationResult;
import org.stellar.sdk.xdr.OperationResultCode;
import org.stellar.sdk.xdr.PreconditionType;
import org.stellar.sdk.xdr.Preconditions;
import org.stellar.sdk.xdr.SequenceNumber;
import org.stellar.sdk.xdr.Signer;
import org.stellar.sdk.xdr.SignerKey;
import org.stellar.sdk.xdr.Transaction;
import org.stellar.sdk.xdr.TransactionMeta;
import org.stellar.sdk.xdr.TransactionMetaV2;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * Validity and application of transactions, following stellar-core's {@code TransactionFrame} and
 * {@code FeeBumpTransactionFrame}:
 *
 * <ul>
 *   <li>{@link #checkValid} decides admission against the last closed ledger. Its checks, in stellar-core's
 *       order: extra signers well formed, operation count, nothing Soroban ({@link TransactionConditions}),
 *       time and ledger bounds (too early before too late), fee ≥ base fee × operations, source account
 *       exists, sequence number (or min sequence number), then, with the sequence number consumed at apply:
 *       min sequence age and ledger gap, signatures reach the source's low threshold, every extra signer is
 *       satisfied, the source can pay the fee, every operation is signed for and well formed, and no
 *       signature is left unused.</li>
 *   <li>{@link #processFee} charges the fee before any transaction of the ledger applies, so a transaction
 *       that then fails still pays. The base fee it charges with is the ledger's effective one, which surge
 *       pricing may raise above the header's ({@code TxSetFrame#baseFee}).</li>
 *   <li>{@link #apply} re-checks validity against the state of the moment, consumes the sequence number
 *       once the check has passed it, and applies the operations all-or-nothing.</li>
 * </ul>
 */
public final class TransactionProcessor {

    private final Invariants invariants;
    /** Shared by admission and apply: a signature verified once is not verified again. */
    private final VerifiedSignatures verifiedSignatures = new VerifiedSignatures();

    /** A processor that checks the production invariants (per ledger, by the closer) only. */
    public TransactionProcessor() {
        this(Invariants.production());
    }

    /** A processor that, if {@code invariants} ask for it, checks them after every successful operation. */
    public TransactionProcessor(Invariants invariants) {
        this.invariants = invariants;
    }

    /** Operations a transaction may carry. */
    public static final int OPERATIONS_MAX = 100;

    /** What a validity check found; {@code seqConsumed} says whether apply must still bump the sequence. */
    private record Check(TransactionResultCode code, boolean seqConsumed, OperationResult[] opResults, Check inner) {
        Check(TransactionResultCode code, boolean seqConsumed, OperationResult[] opResults) {
            this(code, seqConsumed, opResults, null);
        }

        boolean ok() {
            return code == TransactionResultCode.txSUCCESS;
        }

        Check withInner(Check innerCheck) {
            return new Check(code, seqConsumed, opResults, innerCheck);
        }
    }

    private static final Check OK = new Check(TransactionResultCode.txSUCCESS, true, null);

    /** Admission check against the last closed ledger; {@code txSUCCESS} when the transaction may be queued. */
    public TransactionResult checkValid(LedgerReader state, LedgerContext ctx, TransactionFrame frame) {
        long fee = minimumFee(ctx, frame);
        if (frame.isFeeBump()) {
            Check check = checkFeeBump(state, ctx, frame, false);
            if (check.ok() || check.code() == TransactionResultCode.txFEE_BUMP_INNER_FAILED) {
                return feeBumpResult(frame, check.inner() == null ? OK : check.inner(), fee);
            }
            return plainResult(check, fee);
        }
        Check check = checkPlain(state, ctx, frame, new SignatureChecker(frame.hash(), frame.signatures(), verifiedSignatures),
                false, false);
        return plainResult(check, fee);
    }

    /**
     * Verifies, on {@code executor} and in parallel, every Ed25519 signature of {@code frames} against the keys
     * that could have made it (the master keys and ed25519 signers of the transaction's, fee source's and
     * operations' source accounts whose hint matches), so that apply finds them verified. Only a speed-up:
     * apply checks signatures as always.
     */
    public void preverify(Collection<TransactionFrame> frames, LedgerReader state, Executor executor) {
        List<CompletableFuture<Void>> work = new ArrayList<>(frames.size());
        for (TransactionFrame frame : frames) {
            work.add(CompletableFuture.runAsync(() -> preverify(frame, state), executor));
        }
        work.forEach(CompletableFuture::join);
    }

    private void preverify(TransactionFrame frame, LedgerReader state) {
        verifyAgainstAccounts(frame, List.of(frame.feeSource()), state);
        TransactionFrame inner = frame.inner();
        List<AccountID> sources = new ArrayList<>();
        sources.add(inner.sourceAccount());
        for (var op : inner.operations()) {
            if (op.getSourceAccount() != null) {
                sources.add(Accounts.fromMuxed(op.getSourceAccount()));
            }
        }
        verifyAgainstAccounts(inner, sources, state);
    }

    private void verifyAgainstAccounts(TransactionFrame frame, List<AccountID> accounts, LedgerReader state) {
        List<byte[]> keys = new ArrayList<>();
        for (AccountID id : accounts) {
            keys.add(Accounts.keyBytes(id));
            state.load(Accounts.key(id)).ifPresent(entry -> {
                var signers = entry.getData().getAccount().getSigners();
                for (var signer : signers == null ? new org.stellar.sdk.xdr.Signer[0] : signers) {
                    if (signer.getKey().getDiscriminant() == org.stellar.sdk.xdr.SignerKeyType.SIGNER_KEY_TYPE_ED25519) {
                        keys.add(signer.getKey().getEd25519().getUint256());
                    }
                }
            });
        }
        byte[] hash = frame.hash();
        for (var signature : frame.signatures()) {
            byte[] hint = signature.getHint().getSignatureHint();
            for (byte[] key : keys) {
                if (hint != null && hint.length == 4 && java.util.Arrays.equals(hint, 0, 4, key, key.length - 4, key.length)) {
                    verifiedSignatures.verify(key, hash, signature.getSignature().getSignature());
                }
            }
        }
    }

    /** The fee the ledger charges: base fee × operations (a fee bump counts one more). */
    public long minimumFee(LedgerContext ctx, TransactionFrame frame) {
        return Math.multiplyExact(ctx.baseFee(), (long) frame.feeOperationCount());
    }

    /**
     * Charges the fee from the fee source: {@code baseFee} × operations (at least one), never more than the bid,
     * and never more than what is left of the balance. {@code baseFee} is the ledger's effective base fee: the
     * header's, or the surge-pricing one of the transaction set. Returns the fee charged and the entry changes
     * (fee meta); the caller adds the fee to the ledger's fee pool.
     */
    public FeeCharge processFee(LedgerTxn ltx, LedgerContext ctx, TransactionFrame frame, long baseFee) {
        LedgerTxn scope = ltx.child();
        Optional<LedgerEntry> found = scope.load(Accounts.key(frame.feeSource()));
        if (found.isEmpty()) {
            // Only possible for a set built elsewhere; apply reports txNO_ACCOUNT.
            scope.commit();
            return new FeeCharge(0, new LedgerEntryChanges(new LedgerEntryChange[0]));
        }
        LedgerEntry entry = found.get();
        AccountEntry account = entry.getData().getAccount();
        long fee = Math.min(frame.feeBid(), Math.multiplyExact(baseFee, (long) Math.max(1, frame.feeOperationCount())));
        long charged = Math.min(Accounts.balance(account), fee);
        account.setBalance(new Int64(Accounts.balance(account) - charged));
        entry.setLastModifiedLedgerSeq(Accounts.uint32(ctx.ledgerSeq()));
        scope.put(entry);
        LedgerEntryChanges changes = toXdr(scope.changes());
        scope.commit();
        return new FeeCharge(charged, changes);
    }

    /** The fee taken from a transaction's fee source, with the entry changes it made. */
    public record FeeCharge(long charged, LedgerEntryChanges changes) {
    }

    /** Applies a transaction whose fee has been processed; its effects go to {@code ltx}. */
    public Applied apply(LedgerTxn ltx, LedgerContext ctx, TransactionFrame frame, long feeCharged) {
        if (!frame.isFeeBump()) {
            PlainApplied applied = applyPlain(ltx, ctx, frame, false);
            TransactionResult result = plainResult(applied.check, feeCharged);
            return new Applied(result, applied.meta, applied.check.ok());
        }
        Check outer = checkFeeBumpOuter(ltx, ctx, frame, true);
        // As stellar-core's FeeBumpTransactionFrame::apply, the fee source's pre-authorized signer for the
        // fee bump itself is spent whatever happens next; the outer check above still counted it.
        LedgerTxn feeSourceScope = ltx.child();
        removeOneTimeSigners(feeSourceScope, ctx, frame.hash(), List.of(frame.feeSource()));
        LedgerEntryChanges feeSourceChanges = toXdr(feeSourceScope.changes());
        feeSourceScope.commit();
        if (!outer.ok()) {
            return new Applied(plainResult(outer, feeCharged), meta(feeSourceChanges, new OperationMeta[0]), false);
        }
        PlainApplied inner = applyPlain(ltx, ctx, frame.inner(), true);
        TransactionResult result = feeBumpResult(frame, inner.check, feeCharged);
        return new Applied(result, withChangesFirst(feeSourceChanges, inner.meta), inner.check.ok());
    }

    /** The result and metadata of an applied transaction. */
    public record Applied(TransactionResult result, TransactionMeta meta, boolean successful) {
    }

    private record PlainApplied(Check check, TransactionMeta meta) {
    }

    private PlainApplied applyPlain(LedgerTxn ltx, LedgerContext ctx, TransactionFrame frame, boolean innerOfFeeBump) {
        LedgerTxn txScope = ltx.child();
        SignatureChecker checker = new SignatureChecker(frame.hash(), frame.signatures(), verifiedSignatures);
        Check check = checkPlain(txScope, ctx, frame, checker, true, innerOfFeeBump);
        LedgerTxn seqScope = txScope.child();
        if (check.seqConsumed()) {
            LedgerEntry sourceEntry = seqScope.load(Accounts.key(frame.sourceAccount())).orElseThrow();
            sourceEntry.getData().getAccount().setSeqNum(new SequenceNumber(new Int64(frame.seqNum())));
            AccountExtensions.stampSequenceUpdate(sourceEntry.getData().getAccount(), ctx);
            sourceEntry.setLastModifiedLedgerSeq(Accounts.uint32(ctx.ledgerSeq()));
            seqScope.put(sourceEntry);
        }
        // A pre-authorized-transaction signer authorizes this one transaction only, so it is spent as soon as
        // the transaction is applied, whatever the outcome; left in place it would keep weight that nothing
        // can use and a reserve the owner cannot get back. stellar-core removes it from the transaction's
        // and the operations' source accounts once the signatures have been checked and before the
        // operations run (TransactionFrame::processSignatures, removeOneTimeSignerFromAllSourceAccounts),
        // even when the transaction fails validity at apply (protocol 13 and later). The check above has
        // already counted it, and the removal shows in the transaction's changes before its operations.
        removeOneTimeSigners(seqScope, ctx, frame.hash(), sourceAccounts(frame));
        LedgerEntryChanges seqChanges = toXdr(seqScope.changes());
        seqScope.commit();
        if (!check.ok()) {
            txScope.commit();
            return new PlainApplied(check, meta(seqChanges, new OperationMeta[0]));
        }

        LedgerTxn opsScope = txScope.child();
        List<OperationResult> results = new ArrayList<>();
        List<OperationMeta> opMetas = new ArrayList<>();
        boolean success = true;
        for (var operation : frame.operations()) {
            // Its place in the transaction gives an operation the ids of what it creates (claimable balances).
            OperationFrame op = OperationFrame.of(operation,
                    new OperationId(frame.sourceAccount(), frame.seqNum(), results.size()));
            LedgerTxn opScope = opsScope.child();
            OperationResult result;
            if (!opScope.exists(Accounts.key(op.sourceAccount()))) {
                result = OperationFrame.outer(OperationResultCode.opNO_ACCOUNT);
            } else {
                result = op.doCheckValid(ctx);
                if (result == null) {
                    result = op.doApply(opScope, ctx);
                }
            }
            results.add(result);
            if (success && OperationFrame.isSuccess(result)) {
                OperationMeta opMeta = new OperationMeta();
                List<EntryChange> opChanges = opScope.changes();
                invariants.checkOperation(operation, result, opChanges, ctx, "ledger " + ctx.ledgerSeq()
                        + ", transaction " + frame.hashHex() + ", operation " + (results.size() - 1));
                opMeta.setChanges(toXdr(opChanges));
                opMetas.add(opMeta);
                opScope.commit();
            } else {
                success = false;
                opScope.rollback();
            }
        }
        OperationResult[] resultArray = results.toArray(new OperationResult[0]);
        if (!success) {
            opsScope.rollback();
            txScope.commit();
            return new PlainApplied(new Check(TransactionResultCode.txFAILED, true, resultArray),
                    meta(seqChanges, new OperationMeta[0]));
        }
        if (opsScope.hasFutureReservesSponsorships()) {
            // Sponsorship (CAP-33): every BEGIN_SPONSORING_FUTURE_RESERVES must be ended by the sponsored
            // account in the same transaction, or the whole transaction fails, as stellar-core checks after
            // its operations succeeded (TransactionFrame::applyOperations).
            opsScope.rollback();
            txScope.commit();
            return new PlainApplied(new Check(TransactionResultCode.txBAD_SPONSORSHIP, true, null),
                    meta(seqChanges, new OperationMeta[0]));
        }
        opsScope.commit();
        txScope.commit();
        return new PlainApplied(new Check(TransactionResultCode.txSUCCESS, true, resultArray),
                meta(seqChanges, opMetas.toArray(new OperationMeta[0])));
    }

    /** The transaction's source account and every operation's, each once, in key order. */
    private static Collection<AccountID> sourceAccounts(TransactionFrame frame) {
        TreeMap<EntryKey, AccountID> accounts = new TreeMap<>();
        accounts.put(Accounts.key(frame.sourceAccount()), frame.sourceAccount());
        for (var operation : frame.operations()) {
            AccountID source = OperationFrame.of(operation, frame.sourceAccount()).sourceAccount();
            accounts.put(Accounts.key(source), source);
        }
        return accounts.values();
    }

    /**
     * Removes the pre-authorized-transaction signer of {@code txHash} from each of {@code accounts} that
     * has it, with the sub-entry it counted for. An account that does not exist (an operation's source that
     * an earlier transaction merged away, say) is skipped.
     */
    private static void removeOneTimeSigners(LedgerTxn scope, LedgerContext ctx, byte[] txHash,
            Collection<AccountID> accounts) {
        SignerKey key = Signers.preAuthTx(txHash);
        for (AccountID id : accounts) {
            Optional<LedgerEntry> found = scope.load(Accounts.key(id));
            // Sponsorship (CAP-33): a sponsored one-time signer gives its sponsor's reserve back.
            if (found.isPresent() && Sponsorship.removeSigner(scope, ctx, found.get().getData().getAccount(), key)) {
                LedgerEntry entry = found.get();
                entry.setLastModifiedLedgerSeq(Accounts.uint32(ctx.ledgerSeq()));
                scope.put(entry);
            }
        }
    }

    /** {@code meta} with {@code changes} in front of its changes before the operations. */
    private static TransactionMeta withChangesFirst(LedgerEntryChanges changes, TransactionMeta meta) {
        LedgerEntryChange[] first = changes.getLedgerEntryChanges();
        if (first.length == 0) {
            return meta;
        }
        LedgerEntryChange[] rest = meta.getV2().getTxChangesBefore().getLedgerEntryChanges();
        LedgerEntryChange[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return meta(new LedgerEntryChanges(all), meta.getV2().getOperations());
    }

    private Check checkFeeBump(LedgerReader state, LedgerContext ctx, TransactionFrame frame, boolean applying) {
        TransactionFrame inner = frame.inner();
        if (inner.operationCount() == 0) {
            return new Check(TransactionResultCode.txMISSING_OPERATION, false, null);
        }
        if (inner.operationCount() > OPERATIONS_MAX) {
            return new Check(TransactionResultCode.txMALFORMED, false, null);
        }
        BigInteger outerBid = BigInteger.valueOf(frame.feeBid());
        BigInteger innerBid = BigInteger.valueOf(inner.feeBid());
        boolean belowMinimum = frame.feeBid() < minimumFee(ctx, frame);
        // The outer fee rate (per operation, the bump counting as one) must not be below the inner one.
        boolean belowInnerRate = outerBid.multiply(BigInteger.valueOf(inner.operationCount()))
                .compareTo(innerBid.multiply(BigInteger.valueOf(frame.feeOperationCount()))) < 0;
        if (belowMinimum || belowInnerRate) {
            return new Check(TransactionResultCode.txINSUFFICIENT_FEE, false, null);
        }
        Optional<LedgerEntry> feeSourceEntry = state.load(Accounts.key(frame.feeSource()));
        if (feeSourceEntry.isEmpty()) {
            return new Check(TransactionResultCode.txNO_ACCOUNT, false, null);
        }
        AccountEntry feeSource = feeSourceEntry.get().getData().getAccount();
        SignatureChecker checker = new SignatureChecker(frame.hash(), frame.signatures(), verifiedSignatures);
        if (!checker.checkSignature(feeSource, Accounts.threshold(feeSource, Accounts.THRESHOLD_LOW))) {
            return new Check(TransactionResultCode.txBAD_AUTH, false, null);
        }
        if (Accounts.availableBalance(feeSource, ctx.baseReserve()) < frame.feeBid()) {
            return new Check(TransactionResultCode.txINSUFFICIENT_BALANCE, false, null);
        }
        Check innerCheck = checkPlain(state, ctx, inner, new SignatureChecker(inner.hash(), inner.signatures(), verifiedSignatures),
                applying, true);
        if (!innerCheck.ok()) {
            return new Check(TransactionResultCode.txFEE_BUMP_INNER_FAILED, false, innerCheck.opResults())
                    .withInner(innerCheck);
        }
        if (!checker.allSignaturesUsed()) {
            return new Check(TransactionResultCode.txBAD_AUTH_EXTRA, false, null);
        }
        return OK;
    }

    private Check checkFeeBumpOuter(LedgerReader state, LedgerContext ctx, TransactionFrame frame, boolean applying) {
        Optional<LedgerEntry> feeSource = state.load(Accounts.key(frame.feeSource()));
        if (feeSource.isEmpty()) {
            return new Check(TransactionResultCode.txNO_ACCOUNT, false, null);
        }
        SignatureChecker checker = new SignatureChecker(frame.hash(), frame.signatures(), verifiedSignatures);
        AccountEntry account = feeSource.get().getData().getAccount();
        if (!checker.checkSignature(account, Accounts.threshold(account, Accounts.THRESHOLD_LOW))) {
            return new Check(TransactionResultCode.txBAD_AUTH, false, null);
        }
        if (!checker.allSignaturesUsed()) {
            return new Check(TransactionResultCode.txBAD_AUTH_EXTRA, false, null);
        }
        return OK;
    }

    private Check checkPlain(LedgerReader state, LedgerContext ctx, TransactionFrame frame, SignatureChecker checker,
            boolean applying, boolean innerOfFeeBump) {
        Transaction tx = frame.transaction();
        int opCount = frame.operationCount();
        TransactionResultCode extraSignersShape = TransactionConditions.checkExtraSignersShape(tx);
        if (extraSignersShape != null) {
            return new Check(extraSignersShape, false, null);
        }
        if (opCount == 0) {
            return new Check(TransactionResultCode.txMISSING_OPERATION, false, null);
        }
        if (opCount > OPERATIONS_MAX) {
            return new Check(TransactionResultCode.txMALFORMED, false, null);
        }
        TransactionResultCode classicOnly = TransactionConditions.checkClassicOnly(tx);
        if (classicOnly != null) {
            return new Check(classicOnly, false, null);
        }
        TransactionResultCode bounds = TransactionConditions.checkBounds(tx, ctx);
        if (bounds != null) {
            return new Check(bounds, false, null);
        }
        if (!applying && !innerOfFeeBump && frame.feeBid() < minimumFee(ctx, frame)) {
            return new Check(TransactionResultCode.txINSUFFICIENT_FEE, false, null);
        }
        Optional<LedgerEntry> sourceEntry = state.load(Accounts.key(frame.sourceAccount()));
        if (sourceEntry.isEmpty()) {
            return new Check(TransactionResultCode.txNO_ACCOUNT, false, null);
        }
        AccountEntry source = sourceEntry.get().getData().getAccount();
        if (isBadSeq(tx, source, ctx, frame.seqNum())) {
            return new Check(TransactionResultCode.txBAD_SEQ, false, null);
        }
        TransactionResultCode seqAgeOrGap = TransactionConditions.checkMinSeqAgeAndGap(tx, source, ctx);
        if (seqAgeOrGap != null) {
            return new Check(seqAgeOrGap, true, null);
        }
        if (!checker.checkSignature(source, Accounts.threshold(source, Accounts.THRESHOLD_LOW))) {
            return new Check(TransactionResultCode.txBAD_AUTH, true, null);
        }
        List<Signer> extraSigners = TransactionConditions.extraSigners(tx);
        if (!extraSigners.isEmpty() && !checker.checkSignature(extraSigners, extraSigners.size())) {
            return new Check(TransactionResultCode.txBAD_AUTH, true, null);
        }
        if (!applying && !innerOfFeeBump
                && Accounts.availableBalance(source, ctx.baseReserve()) < frame.feeBid()) {
            return new Check(TransactionResultCode.txINSUFFICIENT_BALANCE, true, null);
        }
        OperationResult[] opResults = new OperationResult[opCount];
        boolean opsValid = true;
        for (int i = 0; i < opCount; i++) {
            OperationFrame op = OperationFrame.of(frame.operations().get(i), frame.sourceAccount());
            OperationResult result = checkOperationSignature(state, op, checker);
            if (result == null && !applying) {
                result = op.doCheckValid(ctx);
            }
            opResults[i] = result == null ? successPlaceholder(op) : result;
            opsValid &= result == null;
        }
        if (!opsValid) {
            return new Check(TransactionResultCode.txFAILED, true, opResults);
        }
        if (!checker.allSignaturesUsed()) {
            return new Check(TransactionResultCode.txBAD_AUTH_EXTRA, true, null);
        }
        return OK;
    }

    /**
     * An operation's signatures: its source's signers must reach the operation's threshold. A source that
     * does not exist yet (created earlier in the same transaction) must have signed with its own key.
     */
    private OperationResult checkOperationSignature(LedgerReader state, OperationFrame op, SignatureChecker checker) {
        Optional<LedgerEntry> source = state.load(Accounts.key(op.sourceAccount()));
        if (source.isPresent()) {
            AccountEntry account = source.get().getData().getAccount();
            if (!checker.checkSignature(account, Accounts.threshold(account, op.thresholdLevel()))) {
                return OperationFrame.outer(OperationResultCode.opBAD_AUTH);
            }
            return null;
        }
        if (!op.hasExplicitSource()) {
            return OperationFrame.outer(OperationResultCode.opNO_ACCOUNT);
        }
        AccountEntry keyOnly = Accounts.newAccount(op.sourceAccount(), 0, 0, 1).getData().getAccount();
        if (!checker.checkSignature(keyOnly, 0)) {
            return OperationFrame.outer(OperationResultCode.opBAD_AUTH);
        }
        return null;
    }

    /** Results of valid operations in a transaction that failed validation elsewhere read as their success. */
    private static OperationResult successPlaceholder(OperationFrame op) {
        return op.successResult();
    }

    private static boolean isBadSeq(Transaction tx, AccountEntry source, LedgerContext ctx, long txSeq) {
        long accountSeq = Accounts.seqNum(source);
        // A transaction may not use the starting sequence number of the current ledger: an account merged
        // and re-created in the same ledger must not replay old transactions.
        if (txSeq == ctx.startingSequenceNumber()) {
            return true;
        }
        Preconditions cond = tx.getCond();
        if (cond.getDiscriminant() == PreconditionType.PRECOND_V2 && cond.getV2().getMinSeqNum() != null) {
            long minSeq = cond.getV2().getMinSeqNum().getSequenceNumber().getInt64();
            return accountSeq < minSeq || accountSeq >= txSeq;
        }
        return accountSeq == Long.MAX_VALUE || txSeq != accountSeq + 1;
    }

    private static TransactionResult plainResult(Check check, long feeCharged) {
        TransactionResult result = new TransactionResult();
        result.setFeeCharged(new Int64(feeCharged));
        TransactionResult.TransactionResultResult body = new TransactionResult.TransactionResultResult();
        body.setDiscriminant(check.code());
        if (check.code() == TransactionResultCode.txSUCCESS || check.code() == TransactionResultCode.txFAILED) {
            body.setResults(check.opResults() == null ? new OperationResult[0] : check.opResults());
        }
        result.setResult(body);
        TransactionResult.TransactionResultExt ext = new TransactionResult.TransactionResultExt();
        ext.setDiscriminant(0);
        result.setExt(ext);
        return result;
    }

    /**
     * A fee bump's result: {@code txFEE_BUMP_INNER_SUCCESS} or {@code txFEE_BUMP_INNER_FAILED} wrapping the
     * inner transaction's own result ({@code InnerTransactionResultPair}), as stellar-core always reports it.
     */
    private static TransactionResult feeBumpResult(TransactionFrame frame, Check innerCheck, long feeCharged) {
        InnerTransactionResult inner = new InnerTransactionResult();
        inner.setFeeCharged(new Int64(0L));
        InnerTransactionResult.InnerTransactionResultResult innerBody =
                new InnerTransactionResult.InnerTransactionResultResult();
        innerBody.setDiscriminant(innerCheck.code());
        if (innerCheck.code() == TransactionResultCode.txSUCCESS || innerCheck.code() == TransactionResultCode.txFAILED) {
            innerBody.setResults(innerCheck.opResults() == null ? new OperationResult[0] : innerCheck.opResults());
        }
        inner.setResult(innerBody);
        InnerTransactionResult.InnerTransactionResultExt innerExt = new InnerTransactionResult.InnerTransactionResultExt();
        innerExt.setDiscriminant(0);
        inner.setExt(innerExt);
        InnerTransactionResultPair pair = new InnerTransactionResultPair();
        pair.setTransactionHash(new Hash(frame.inner().hash()));
        pair.setResult(inner);

        TransactionResult result = new TransactionResult();
        result.setFeeCharged(new Int64(feeCharged));
        TransactionResult.TransactionResultResult body = new TransactionResult.TransactionResultResult();
        body.setDiscriminant(innerCheck.ok() ? TransactionResultCode.txFEE_BUMP_INNER_SUCCESS
                : TransactionResultCode.txFEE_BUMP_INNER_FAILED);
        body.setInnerResultPair(pair);
        result.setResult(body);
        TransactionResult.TransactionResultExt ext = new TransactionResult.TransactionResultExt();
        ext.setDiscriminant(0);
        result.setExt(ext);
        return result;
    }

    /** Whether a result admits or applied the transaction: {@code txSUCCESS}, or a fee bump's inner success. */
    public static boolean isSuccess(TransactionResult result) {
        TransactionResultCode code = result.getResult().getDiscriminant();
        return code == TransactionResultCode.txSUCCESS || code == TransactionResultCode.txFEE_BUMP_INNER_SUCCESS;
    }

    private static TransactionMeta meta(LedgerEntryChanges before, OperationMeta[] operations) {
        TransactionMetaV2 v2 = new TransactionMetaV2();
        v2.setTxChangesBefore(before);
        v2.setOperations(operations);
        v2.setTxChangesAfter(new LedgerEntryChanges(new LedgerEntryChange[0]));
        TransactionMeta meta = new TransactionMeta();
        meta.setDiscriminant(2);
        meta.setV2(v2);
        return meta;
    }

    /** Stellar's change list: created, or state then updated, or state then removed. */
    public static LedgerEntryChanges toXdr(List<EntryChange> changes) {
        List<LedgerEntryChange> out = new ArrayList<>();
        for (EntryChange change : changes) {
            if (change.before().isPresent()) {
                LedgerEntryChange state = new LedgerEntryChange();
                state.setDiscriminant(LedgerEntryChangeType.LEDGER_ENTRY_STATE);
                state.setState(change.before().get());
                out.add(state);
            }
            LedgerEntryChange next = new LedgerEntryChange();
            if (change.isCreated()) {
                next.setDiscriminant(LedgerEntryChangeType.LEDGER_ENTRY_CREATED);
                next.setCreated(change.after().get());
            } else if (change.isErased()) {
                next.setDiscriminant(LedgerEntryChangeType.LEDGER_ENTRY_REMOVED);
                next.setRemoved(change.key().toLedgerKey());
            } else {
                next.setDiscriminant(LedgerEntryChangeType.LEDGER_ENTRY_UPDATED);
                next.setUpdated(change.after().get());
            }
            out.add(next);
        }
        return new LedgerEntryChanges(out.toArray(new LedgerEntryChange[0]));
    }
}
