package io.corridor.ledger.application;

import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.LedgerCloser;
import io.corridor.ledger.core.close.SurgePricing;
import io.corridor.ledger.core.close.TxSetFrame;
import io.corridor.ledger.core.invariant.InvariantViolation;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.state.EntryKey;
import io.corridor.ledger.core.state.LiveState;
import io.corridor.ledger.core.tx.TransactionFrame;
import io.corridor.ledger.core.tx.TransactionProcessor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.TransactionEnvelope;
import org.stellar.sdk.xdr.TransactionResult;
import org.stellar.sdk.xdr.TransactionResultCode;

/**
 * One node's ledger: the last closed ledger in memory, the queue of admitted transactions, and the close
 * of the next ledger. Thread-safe: submissions and reads may come from any thread, closes are serialized,
 * and readers never see a half-applied ledger.
 *
 * <p>A ledger becomes visible (to readers, listeners and waiting submitters) only after the store committed
 * it. If the commit fails, the in-memory state is reverted and the node stays at the previous ledger; the
 * next close tries again.
 *
 * <p>With a {@link HistoryRetention}, the close that makes a pruning pass due runs it after the ledger is
 * committed and published, in a store transaction of its own ({@link LedgerStore#pruneHistory}): a pass that
 * fails or is cut short by a crash leaves the committed ledger as it is, and the next close tries again.
 */
public final class LedgerNode {

    private static final Logger LOG = Logger.getLogger(LedgerNode.class.getName());

    private final NetworkProfile profile;
    private final LedgerStore store;
    private final Clock clock;
    private final LedgerCloser closer;
    private final TransactionQueue queue;
    private final LiveState state = new LiveState();
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    private final Object closeLock = new Object();
    private final List<LedgerListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<TransactionEnvelope>> admissionListeners = new CopyOnWriteArrayList<>();
    private final HistoryRetention retention;
    /** The store's history elder ledger, read at start and moved by each pruning pass. */
    private volatile int historyElder = LedgerHistory.GENESIS_LEDGER;
    private volatile LedgerHeader lastHeader;
    private volatile byte[] lastHash;
    private volatile String haltReason;

    public LedgerNode(NetworkProfile profile, LedgerStore store, Clock clock, int queueTransactionsMax) {
        this(profile, store, clock, queueTransactionsMax, Invariants.production());
    }

    public LedgerNode(NetworkProfile profile, LedgerStore store, Clock clock, int queueTransactionsMax,
            Invariants invariants) {
        this(profile, store, clock, queueTransactionsMax, invariants, null);
    }

    /** With a {@code verificationExecutor}, each ledger's signatures are verified on it in parallel first. */
    public LedgerNode(NetworkProfile profile, LedgerStore store, Clock clock, int queueTransactionsMax,
            Invariants invariants, Executor verificationExecutor) {
        this(profile, store, clock, queueTransactionsMax, invariants, verificationExecutor, HistoryRetention.KEEP_ALL);
    }

    /** With a {@code retention}, history older than it is pruned as ledgers close. */
    public LedgerNode(NetworkProfile profile, LedgerStore store, Clock clock, int queueTransactionsMax,
            Invariants invariants, Executor verificationExecutor, HistoryRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.profile = profile;
        this.store = store;
        this.clock = clock;
        this.closer = new LedgerCloser(profile, invariants, verificationExecutor);
        this.queue = new TransactionQueue(queueTransactionsMax);
    }

    /** Why the node stopped closing ledgers, if a ledger invariant broke; empty while healthy. */
    public Optional<String> haltReason() {
        return Optional.ofNullable(haltReason);
    }

    /**
     * Resumes from the last committed ledger, or creates and commits the genesis ledger on an empty store.
     * The rebuilt state must hash to what the last header committed to; if not, storage is damaged and the
     * node refuses to start.
     */
    public void start() {
        synchronized (closeLock) {
            Optional<LedgerHeader> latest = store.latestHeader();
            if (latest.isEmpty()) {
                ClosedLedger genesis = closer.genesis(state);
                store.commit(genesis);
                lastHeader = genesis.header();
                lastHash = genesis.hash();
                historyElder = store.historyElderLedger();
                LOG.info(() -> "created genesis ledger " + genesis.hashHex() + " for network '"
                        + profile.passphrase() + "'");
                return;
            }
            store.loadEntries(state::put);
            LedgerHeader header = latest.get();
            byte[] expected = header.getBucketListHash().getHash();
            if (!Arrays.equals(expected, state.stateHash())) {
                throw new IllegalStateException("stored ledger state does not match ledger "
                        + header.getLedgerSeq().getUint32().getNumber() + " (state hash "
                        + Hashing.hex(state.stateHash()) + ", header says " + Hashing.hex(expected)
                        + "); the database is damaged or was changed by hand");
            }
            lastHeader = header;
            lastHash = LedgerCloser.headerHash(header);
            historyElder = store.historyElderLedger();
            LOG.info(() -> "resumed at ledger " + sequence() + " (" + state.size() + " entries, history from ledger "
                    + historyElder + ")");
        }
    }

    public void addListener(LedgerListener listener) {
        listeners.add(listener);
    }

    public NetworkProfile profile() {
        return profile;
    }

    public LedgerHeader lastHeader() {
        return lastHeader;
    }

    public byte[] lastHash() {
        return lastHash.clone();
    }

    public int sequence() {
        return (int) (long) lastHeader.getLedgerSeq().getUint32().getNumber();
    }

    public int queueSize() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** An entry of the last closed ledger. */
    public Optional<LedgerEntry> load(EntryKey key) {
        stateLock.readLock().lock();
        try {
            return state.load(key);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /** An account entry with its trust lines, data entries and offers, all from the same closed ledger. */
    public record AccountView(LedgerEntry account, List<LedgerEntry> owned) {
    }

    public Optional<AccountView> account(org.stellar.sdk.xdr.AccountID id) {
        stateLock.readLock().lock();
        try {
            return state.load(EntryKey.account(id)).map(entry -> new AccountView(entry, state.ownedBy(id)));
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /**
     * Accounts of the last closed ledger whose view {@code filter} accepts, ordered by account id (the
     * {@code G...} string, as Horizon orders them), after {@code afterId} (exclusive; null for the first).
     * Scans every account: the listing has no index yet.
     */
    public List<AccountView> accounts(java.util.function.Predicate<AccountView> filter, String afterId,
            boolean ascending, int limit) {
        stateLock.readLock().lock();
        try {
            java.util.TreeMap<String, AccountView> matches = new java.util.TreeMap<>();
            for (LedgerEntry entry : state.scan(org.stellar.sdk.xdr.LedgerEntryType.ACCOUNT, e -> true)) {
                org.stellar.sdk.xdr.AccountID id = entry.getData().getAccount().getAccountID();
                String strKey = io.corridor.ledger.core.Accounts.strKey(id);
                if (afterId != null && (ascending ? strKey.compareTo(afterId) <= 0 : strKey.compareTo(afterId) >= 0)) {
                    continue;
                }
                AccountView view = new AccountView(entry, state.ownedBy(id));
                if (filter.test(view)) {
                    matches.put(strKey, view);
                }
            }
            java.util.Collection<AccountView> ordered = ascending ? matches.values() : matches.descendingMap().values();
            return ordered.stream().limit(limit).toList();
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /** Every entry of the last closed ledger of one type that {@code filter} accepts (a full scan). */
    public List<LedgerEntry> scan(org.stellar.sdk.xdr.LedgerEntryType type, java.util.function.Predicate<LedgerEntry> filter) {
        stateLock.readLock().lock();
        try {
            return state.scan(type, filter);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /** The trust lines, data entries and offers of an account in the last closed ledger. */
    public List<LedgerEntry> ownedBy(org.stellar.sdk.xdr.AccountID account) {
        stateLock.readLock().lock();
        try {
            return state.ownedBy(account);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /** A page of the last closed ledger's claimable balances, in balance-id key order. */
    public List<LedgerEntry> claimableBalances(EntryKey after, boolean ascending, int limit,
            java.util.function.Predicate<LedgerEntry> filter) {
        stateLock.readLock().lock();
        try {
            return state.claimableBalances(after, ascending, limit, filter);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    public Optional<TransactionRecord> transaction(String hashHex) {
        return store.transaction(hashHex);
    }

    /** Closed ledgers, transactions and operations, for the API. */
    public LedgerHistory history() {
        return store;
    }

    /**
     * The lowest ledger whose transactions and operations are still kept ({@link LedgerHistory#historyElderLedger}),
     * as of the last pruning pass, without asking the store.
     */
    public int historyElderLedger() {
        return historyElder;
    }

    public Optional<LedgerHeader> header(int sequence) {
        return store.header(sequence);
    }

    /** Context of the ledger a transaction submitted now would go into. */
    private LedgerContext nextLedgerContext() {
        LedgerHeader header = lastHeader;
        return new LedgerContext(profile, sequence() + 1, nextCloseTime(header),
                header.getBaseFee().getUint32().getNumber(), header.getBaseReserve().getUint32().getNumber());
    }

    private long nextCloseTime(LedgerHeader previous) {
        long previousClose = previous.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber()
                .longValueExact();
        return Math.max(clock.instant().getEpochSecond(), previousClose + 1);
    }

    /** Admits a transaction for the next ledger, or says why not. Resubmission is idempotent by hash. */
    public Submission submit(TransactionEnvelope envelope) {
        TransactionFrame frame = TransactionFrame.of(envelope, profile.networkId());
        String hash = frame.hashHex();
        Optional<TransactionRecord> applied = store.transaction(hash);
        if (applied.isPresent()) {
            return new Submission.AlreadyApplied(applied.get());
        }
        Submission.Pending admitted;
        synchronized (queue) {
            TransactionQueue.Entry existing = queue.find(hash);
            if (existing != null) {
                return new Submission.Pending(hash, existing.outcome());
            }
            if (queue.sourceHasPending(frame)) {
                // Checked before validity: the next transaction of a busy account would otherwise read as a
                // final txBAD_SEQ although it becomes valid once the pending one is applied.
                return new Submission.TryAgainLater(hash,
                        "the source account already has a transaction waiting for the next ledger");
            }
            TransactionResult result;
            stateLock.readLock().lock();
            try {
                result = closer.processor().checkValid(state, nextLedgerContext(), frame);
            } finally {
                stateLock.readLock().unlock();
            }
            if (!TransactionProcessor.isSuccess(result)) {
                return new Submission.Rejected(hash, result);
            }
            if (queue.isFull()) {
                // As stellar-core's queue: a newcomer may take the place of the queued transaction with the
                // lowest fee rate if it bids a strictly higher rate; otherwise it is told the fee it would need.
                TransactionQueue.Entry cheapest = queue.lowestFeeRate();
                if (SurgePricing.compareFeeRate(frame, cheapest.frame()) <= 0) {
                    long needed = SurgePricing.betterFee(frame.feeOperationCount(), cheapest.frame().feeBid(),
                            cheapest.frame().feeOperationCount());
                    return new Submission.Rejected(hash, insufficientFee(needed));
                }
                queue.remove(cheapest.frame().hashHex());
                long neededToStay = SurgePricing.betterFee(cheapest.frame().feeOperationCount(), frame.feeBid(),
                        frame.feeOperationCount());
                cheapest.outcome().completeExceptionally(new TransactionDroppedException(
                        cheapest.frame().hashHex(), insufficientFee(neededToStay),
                        "evicted from the full queue by a transaction with a higher fee rate"));
            }
            admitted = new Submission.Pending(hash, queue.add(frame).outcome());
        }
        for (java.util.function.Consumer<TransactionEnvelope> listener : admissionListeners) {
            try {
                listener.accept(envelope);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "admission listener failed on transaction " + hash, e);
            }
        }
        return admitted;
    }

    /**
     * Registers a listener told of every transaction newly admitted to the queue (after admission, outside the
     * queue's lock): a validator floods them to its peers.
     */
    public void addAdmissionListener(java.util.function.Consumer<TransactionEnvelope> listener) {
        admissionListeners.add(Objects.requireNonNull(listener));
    }

    /** A {@code txINSUFFICIENT_FEE} result whose fee is the bid that would have been enough. */
    private static TransactionResult insufficientFee(long feeNeeded) {
        TransactionResult result = new TransactionResult();
        result.setFeeCharged(new Int64(feeNeeded));
        TransactionResult.TransactionResultResult body = new TransactionResult.TransactionResultResult();
        body.setDiscriminant(TransactionResultCode.txINSUFFICIENT_FEE);
        result.setResult(body);
        TransactionResult.TransactionResultExt ext = new TransactionResult.TransactionResultExt();
        ext.setDiscriminant(0);
        result.setExt(ext);
        return result;
    }

    /**
     * Closes the next ledger with the queued transactions that are still valid, commits it and then makes it
     * visible. Returns the closed ledger.
     */
    public ClosedLedger closeLedger() {
        synchronized (closeLock) {
            if (haltReason != null) {
                throw new IllegalStateException("node halted, no further ledgers close: " + haltReason);
            }
            LedgerHeader previous = lastHeader;
            LedgerContext ctx = nextLedgerContext();
            return closeAndCommit(previous, proposeTransactionSet(ctx), ctx.closeTime());
        }
    }

    /**
     * The transaction set this node would close next: the queued transactions still valid against the last
     * closed ledger (those no longer valid leave the queue and their submitters are told why), at most a ledger's
     * worth by fee rate. Consensus nominates it; a standalone node closes it.
     */
    public TxSetFrame proposeTransactionSet() {
        synchronized (closeLock) {
            return proposeTransactionSet(nextLedgerContext());
        }
    }

    private TxSetFrame proposeTransactionSet(LedgerContext ctx) {
        LedgerHeader previous = lastHeader;
        List<TransactionFrame> valid = new ArrayList<>();
        List<TransactionQueue.Entry> dropped = new ArrayList<>();
        List<TransactionResult> droppedResults = new ArrayList<>();
        int operationsMax = (int) (long) previous.getMaxTxSetSize().getUint32().getNumber();
        synchronized (queue) {
            stateLock.readLock().lock();
            try {
                for (TransactionQueue.Entry entry : queue.pending()) {
                    TransactionResult check = closer.processor().checkValid(state, ctx, entry.frame());
                    if (!TransactionProcessor.isSuccess(check)) {
                        dropped.add(entry);
                        droppedResults.add(check);
                        queue.remove(entry.frame().hashHex());
                        continue;
                    }
                    valid.add(entry.frame());
                }
            } finally {
                stateLock.readLock().unlock();
            }
        }
        // More operations waiting than a ledger holds: the highest fee rates go first, and the ledger
        // charges every included transaction the surge-pricing base fee (TxSetFrame#baseFee). The rest wait.
        List<TransactionFrame> selected = SurgePricing.select(valid, operationsMax);
        for (int i = 0; i < dropped.size(); i++) {
            TransactionQueue.Entry entry = dropped.get(i);
            entry.outcome().completeExceptionally(
                    new TransactionDroppedException(entry.frame().hashHex(), droppedResults.get(i)));
        }
        return new TxSetFrame(lastHash, selected);
    }

    /**
     * The transactions ledger {@code sequence} applied (failed ones included), read back from history, in
     * application order; empty when the ledger is not kept (pruned, or not closed yet). Catch-up serves these.
     */
    public Optional<List<TransactionEnvelope>> transactionsOfLedger(int sequence) {
        if (sequence < Math.max(historyElder, LedgerHistory.GENESIS_LEDGER + 1) || sequence > sequence()) {
            return Optional.empty();
        }
        HistoryFilter filter = new HistoryFilter(null, sequence, null, false, true);
        List<TransactionEnvelope> envelopes = new ArrayList<>();
        long cursor = io.corridor.ledger.core.history.Toid.ledgerStart(sequence);
        while (true) {
            List<TransactionRecord> page = store.transactions(filter, new PageRequest(cursor, true, PageRequest.LIMIT_MAX));
            for (TransactionRecord record : page) {
                envelopes.add(io.corridor.ledger.core.Xdr.decodeTrusted(
                        java.util.Base64.getDecoder().decode(record.envelopeXdr()), TransactionEnvelope::decode));
                cursor = io.corridor.ledger.core.history.Toid.of(sequence, record.applicationOrder(), 0);
            }
            if (page.size() < PageRequest.LIMIT_MAX) {
                return Optional.of(envelopes);
            }
        }
    }

    /**
     * Checks a transaction set another validator proposes for the next ledger: built on the last closed ledger,
     * within a ledger's operation limit, at most one transaction per source account (as this node's queue
     * admits), each valid against the last closed ledger. Empty when it is acceptable, else the first problem.
     */
    public Optional<String> checkTransactionSet(byte[] previousLedgerHash, List<TransactionEnvelope> envelopes) {
        if (!java.util.Arrays.equals(previousLedgerHash, lastHash)) {
            return Optional.of("built on another ledger than " + sequence());
        }
        List<TransactionFrame> frames = new ArrayList<>(envelopes.size());
        try {
            for (TransactionEnvelope envelope : envelopes) {
                frames.add(TransactionFrame.of(envelope, profile.networkId()));
            }
            new TxSetFrame(previousLedgerHash, frames);
        } catch (RuntimeException e) {
            return Optional.of("unreadable: " + e.getMessage());
        }
        LedgerHeader previous = lastHeader;
        long operations = frames.stream().mapToLong(TransactionFrame::operationCount).sum();
        if (operations > previous.getMaxTxSetSize().getUint32().getNumber()) {
            return Optional.of(operations + " operations, more than a ledger holds");
        }
        LedgerContext ctx = nextLedgerContext();
        java.util.Set<String> sources = new java.util.HashSet<>();
        stateLock.readLock().lock();
        try {
            for (TransactionFrame frame : frames) {
                if (!sources.add(java.util.HexFormat.of().formatHex(
                        frame.sourceAccount().getAccountID().getEd25519().getUint256()))) {
                    return Optional.of("two transactions of one source account: " + frame.hashHex());
                }
                TransactionResult check = closer.processor().checkValid(state, ctx, frame);
                if (!TransactionProcessor.isSuccess(check)) {
                    return Optional.of("transaction " + frame.hashHex() + " is invalid: "
                            + check.getResult().getDiscriminant());
                }
            }
        } finally {
            stateLock.readLock().unlock();
        }
        return Optional.empty();
    }

    /**
     * Closes the next ledger with a transaction set and close time decided elsewhere (by consensus, or when
     * replaying or catching up): the transactions are applied as given, in the set's apply order, and those
     * that are no longer valid fail inside the ledger exactly as they would on every other node.
     */
    public ClosedLedger applyExternalized(List<TransactionEnvelope> envelopes, long closeTime) {
        synchronized (closeLock) {
            if (haltReason != null) {
                throw new IllegalStateException("node halted, no further ledgers close: " + haltReason);
            }
            List<TransactionFrame> frames = new ArrayList<>(envelopes.size());
            for (TransactionEnvelope envelope : envelopes) {
                frames.add(TransactionFrame.of(envelope, profile.networkId()));
            }
            return closeAndCommit(lastHeader, new TxSetFrame(lastHash, frames), closeTime);
        }
    }

    /** Applies, commits, publishes. Called with {@code closeLock} held. */
    private ClosedLedger closeAndCommit(LedgerHeader previous, TxSetFrame txSet, long closeTime) {
        ClosedLedger closed;
        stateLock.writeLock().lock();
        try {
            try {
                closed = closer.close(previous, lastHash, state, txSet, closeTime);
            } catch (InvariantViolation e) {
                // The state is already reverted; a bug in the rules must not reach another ledger.
                haltReason = e.getMessage();
                LOG.severe(() -> "HALTED: " + e.getMessage());
                throw e;
            }
            try {
                store.commit(closed);
            } catch (RuntimeException e) {
                state.revert(closed.changes());
                throw e;
            }
            lastHeader = closed.header();
            lastHash = closed.hash();
        } finally {
            stateLock.writeLock().unlock();
        }
        synchronized (queue) {
            for (AppliedTransaction tx : closed.transactions()) {
                TransactionQueue.Entry entry = queue.remove(tx.frame().hashHex());
                if (entry != null) {
                    entry.outcome().complete(TransactionRecord.of(closed, tx));
                }
            }
        }
        for (LedgerListener listener : listeners) {
            try {
                listener.ledgerClosed(closed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ledger listener failed on ledger " + closed.sequence(), e);
            }
        }
        pruneHistory(closed.sequence());
        return closed;
    }

    /**
     * Runs the pruning pass due after ledger {@code latest}, if any. Called with {@code closeLock} held, after the
     * ledger is committed and published, so that a pass delays the next close, never this one's submitters, and
     * never overlaps a commit. A failed pass is logged; the ledger stays committed and the next close retries.
     */
    private void pruneHistory(int latest) {
        OptionalInt next = retention.nextElder(latest, historyElder);
        if (next.isEmpty()) {
            return;
        }
        int elder = next.getAsInt();
        try {
            store.pruneHistory(elder);
            historyElder = elder;
            LOG.fine(() -> "history before ledger " + elder + " pruned (retention " + retention.ledgers()
                    + " ledgers, latest " + latest + ")");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pruning history before ledger " + elder + " failed; ledger " + latest
                    + " is committed and the next close retries", e);
        }
    }
}
