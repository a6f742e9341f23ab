package io.corridor.ledger.core.close;

import io.corridor.ledger.core.Accounts;
import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.LedgerContext;
import io.corridor.ledger.core.NetworkProfile;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.invariant.InvariantViolation;
import io.corridor.ledger.core.invariant.Invariants;
import io.corridor.ledger.core.state.EntryChange;
import io.corridor.ledger.core.state.LedgerTxn;
import io.corridor.ledger.core.state.LiveState;
import io.corridor.ledger.core.tx.TransactionFrame;
import io.corridor.ledger.core.tx.TransactionProcessor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.stellar.sdk.xdr.AccountID;
import org.stellar.sdk.xdr.Hash;
import org.stellar.sdk.xdr.Int64;
import org.stellar.sdk.xdr.LedgerEntry;
import org.stellar.sdk.xdr.LedgerHeader;
import org.stellar.sdk.xdr.StellarValue;
import org.stellar.sdk.xdr.StellarValueType;
import org.stellar.sdk.xdr.TimePoint;
import org.stellar.sdk.xdr.TransactionResultPair;
import org.stellar.sdk.xdr.TransactionResultSet;
import org.stellar.sdk.xdr.Uint64;
import org.stellar.sdk.xdr.UpgradeType;
import org.stellar.sdk.xdr.XdrUnsignedHyperInteger;

/**
 * Builds ledgers: the genesis ledger of a profile, and each next ledger from a transaction set and a close
 * time. Fees of all transactions are charged first, at the set's effective base fee (surge pricing,
 * {@link TxSetFrame#baseFee}), then the transactions apply in the set's apply order;
 * the header commits to the previous header, the set, the results and the resulting state.
 *
 * <p>After every ledger the invariants run ({@link Invariants}); a violation is a bug: the state is
 * reverted and {@link InvariantViolation} thrown before anything can be committed.
 */
public final class LedgerCloser {

    private static final int SKIP_1 = 50;
    private static final int SKIP_2 = 5_000;
    private static final int SKIP_3 = 50_000;
    private static final int SKIP_4 = 500_000;

    private final NetworkProfile profile;
    private final TransactionProcessor processor;
    private final Invariants invariants;
    private final Executor verificationExecutor;

    /** A closer checking the invariants after every ledger, as production nodes do. */
    public LedgerCloser(NetworkProfile profile) {
        this(profile, Invariants.production());
    }

    public LedgerCloser(NetworkProfile profile, Invariants invariants) {
        this(profile, invariants, null);
    }

    /**
     * A closer that, with a {@code verificationExecutor}, verifies a set's signatures in parallel on it before
     * applying (apply itself stays on the calling thread and in order).
     */
    public LedgerCloser(NetworkProfile profile, Invariants invariants, Executor verificationExecutor) {
        this.profile = profile;
        this.invariants = invariants;
        this.processor = new TransactionProcessor(invariants);
        this.verificationExecutor = verificationExecutor;
    }

    public NetworkProfile profile() {
        return profile;
    }

    public TransactionProcessor processor() {
        return processor;
    }

    /** The account holding the whole supply at genesis; its key derives from the passphrase. */
    public AccountID rootAccount() {
        return Accounts.accountId(Ed25519.publicKeyFromSeed(profile.rootSeed()));
    }

    /** Ledger 1: the root account with every coin, into an empty {@code state}. */
    public ClosedLedger genesis(LiveState state) {
        if (state.size() != 0) {
            throw new IllegalStateException("genesis needs an empty ledger state");
        }
        LedgerEntry root = Accounts.newAccount(rootAccount(), profile.totalCoins(), 0, 1);
        state.put(root);
        EntryChange created = new EntryChange(io.corridor.ledger.core.state.EntryKey.forEntry(root),
                java.util.Optional.empty(), java.util.Optional.of(root));
        byte[] zero = new byte[32];
        LedgerHeader header = new LedgerHeader();
        header.setLedgerVersion(Accounts.uint32(profile.protocolVersion()));
        header.setPreviousLedgerHash(new Hash(zero));
        header.setScpValue(stellarValue(zero, 0));
        header.setTxSetResultHash(new Hash(zero));
        header.setBucketListHash(new Hash(state.stateHash()));
        header.setLedgerSeq(Accounts.uint32(1));
        header.setTotalCoins(new Int64(profile.totalCoins()));
        header.setFeePool(new Int64(0L));
        header.setInflationSeq(Accounts.uint32(0));
        header.setIdPool(new Uint64(new XdrUnsignedHyperInteger(0L)));
        header.setBaseFee(Accounts.uint32(profile.baseFee()));
        header.setBaseReserve(Accounts.uint32(profile.baseReserve()));
        header.setMaxTxSetSize(Accounts.uint32(profile.maxTxSetSize()));
        header.setSkipList(new Hash[] {new Hash(zero), new Hash(zero), new Hash(zero), new Hash(zero)});
        LedgerHeader.LedgerHeaderExt ext = new LedgerHeader.LedgerHeaderExt();
        ext.setDiscriminant(0);
        header.setExt(ext);
        return new ClosedLedger(header, headerHash(header), List.of(created), List.of(),
                new TxSetFrame(zero, List.of()));
    }

    /**
     * Applies {@code txSet} on top of {@code previous} and applies the resulting changes to {@code state}
     * (the caller reverts them with {@link LiveState#revert} if the ledger cannot be committed).
     *
     * @param closeTime Unix seconds; must be later than the previous ledger's
     */
    public ClosedLedger close(LedgerHeader previous, byte[] previousHash, LiveState state, TxSetFrame txSet,
            long closeTime) {
        long previousCloseTime = previous.getScpValue().getCloseTime().getTimePoint().getUint64().getNumber()
                .longValueExact();
        if (closeTime <= previousCloseTime) {
            throw new IllegalArgumentException("close time " + closeTime + " is not after " + previousCloseTime);
        }
        if (!java.util.Arrays.equals(txSet.previousLedgerHash(), previousHash)) {
            throw new IllegalArgumentException("transaction set was built on another ledger");
        }
        int seq = (int) (long) previous.getLedgerSeq().getUint32().getNumber() + 1;
        long baseFee = previous.getBaseFee().getUint32().getNumber();
        long baseReserve = previous.getBaseReserve().getUint32().getNumber();
        LedgerContext ctx = new LedgerContext(profile, seq, closeTime, baseFee, baseReserve);

        if (verificationExecutor != null) {
            processor.preverify(txSet.transactions(), state, verificationExecutor);
        }
        LedgerTxn ltx = new LedgerTxn(state);
        List<TransactionFrame> order = txSet.applyOrder();
        List<TransactionProcessor.FeeCharge> fees = new ArrayList<>(order.size());
        long feePool = previous.getFeePool().getInt64();
        long effectiveBaseFee = txSet.baseFee(previous);
        for (TransactionFrame tx : order) {
            TransactionProcessor.FeeCharge fee = processor.processFee(ltx, ctx, tx, effectiveBaseFee);
            fees.add(fee);
            feePool = Math.addExact(feePool, fee.charged());
        }
        List<AppliedTransaction> applied = new ArrayList<>(order.size());
        List<TransactionResultPair> resultPairs = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            TransactionFrame tx = order.get(i);
            long charged = fees.get(i).charged();
            TransactionProcessor.Applied outcome = processor.apply(ltx, ctx, tx, charged);
            applied.add(new AppliedTransaction(tx, i + 1, outcome.result(), outcome.meta(), fees.get(i).changes(),
                    charged, outcome.successful()));
            TransactionResultPair pair = new TransactionResultPair();
            pair.setTransactionHash(new Hash(tx.hash()));
            pair.setResult(outcome.result());
            resultPairs.add(pair);
        }
        List<EntryChange> changes = ltx.changes();

        TransactionResultSet resultSet = new TransactionResultSet();
        resultSet.setResults(resultPairs.toArray(new TransactionResultPair[0]));
        state.apply(changes);

        LedgerHeader header = new LedgerHeader();
        header.setLedgerVersion(previous.getLedgerVersion());
        header.setPreviousLedgerHash(new Hash(previousHash));
        header.setScpValue(stellarValue(txSet.hash(), closeTime));
        header.setTxSetResultHash(new Hash(Hashing.sha256(Xdr.encode(resultSet::toXdrByteArray))));
        header.setBucketListHash(new Hash(state.stateHash()));
        header.setLedgerSeq(Accounts.uint32(seq));
        header.setTotalCoins(previous.getTotalCoins());
        header.setFeePool(new Int64(feePool));
        header.setInflationSeq(previous.getInflationSeq());
        header.setIdPool(previous.getIdPool());
        header.setBaseFee(previous.getBaseFee());
        header.setBaseReserve(previous.getBaseReserve());
        header.setMaxTxSetSize(previous.getMaxTxSetSize());
        header.setSkipList(previous.getSkipList().clone());
        header.setExt(previous.getExt());
        updateSkipList(header);
        try {
            invariants.checkLedger(previous, header, changes, "ledger " + seq);
        } catch (InvariantViolation e) {
            state.revert(changes);
            throw e;
        }
        return new ClosedLedger(header, headerHash(header), changes, applied, txSet);
    }

    public static byte[] headerHash(LedgerHeader header) {
        return Hashing.sha256(Xdr.encode(header::toXdrByteArray));
    }

    private static StellarValue stellarValue(byte[] txSetHash, long closeTime) {
        StellarValue value = new StellarValue();
        value.setTxSetHash(new Hash(txSetHash));
        value.setCloseTime(new TimePoint(new Uint64(new XdrUnsignedHyperInteger(BigInteger.valueOf(closeTime)))));
        value.setUpgrades(new UpgradeType[0]);
        StellarValue.StellarValueExt ext = new StellarValue.StellarValueExt();
        ext.setDiscriminant(StellarValueType.STELLAR_VALUE_BASIC);
        value.setExt(ext);
        return value;
    }

    /** stellar-core's skip list: hashes of ledgers 50, 5,000, 50,000 and 500,000 back, for fast catch-up. */
    private static void updateSkipList(LedgerHeader header) {
        long seq = header.getLedgerSeq().getUint32().getNumber();
        Hash[] skip = header.getSkipList();
        if (seq % SKIP_1 != 0) {
            return;
        }
        long v = seq - SKIP_1;
        if (v > 0 && v % SKIP_2 == 0) {
            long v2 = seq - SKIP_2 - SKIP_1;
            if (v2 > 0 && v2 % SKIP_3 == 0) {
                long v3 = seq - SKIP_3 - SKIP_2 - SKIP_1;
                if (v3 > 0 && v3 % SKIP_4 == 0) {
                    skip[3] = skip[2];
                }
                skip[2] = skip[1];
            }
            skip[1] = skip[0];
        }
        skip[0] = header.getBucketListHash();
    }
}
