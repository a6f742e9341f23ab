package io.corridor.ledger.core.close;

import io.corridor.ledger.core.Hashing;
import io.corridor.ledger.core.Xdr;
import io.corridor.ledger.core.tx.TransactionFrame;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Surge pricing of classic transaction sets, after stellar-core ({@code SurgePricingUtils},
 * {@code TxSetFrame::getBaseFee} of the legacy sets).
 *
 * <p>A transaction's <em>fee rate</em> is its fee bid per operation, a fee bump counting one operation more
 * ({@link TransactionFrame#feeOperationCount}); rates are compared exactly, by cross-multiplying, never by
 * dividing.
 *
 * <p><b>Selection.</b> When more operations are waiting than a ledger may hold, the set takes transactions
 * highest fee rate first; one that does not fit in what is left is skipped and smaller ones may still fill the
 * gap. Equal rates are ordered by the SHA-256 of the envelope XDR, higher first: stellar-core breaks such ties
 * by a per-node random seed in production and by the full hash in its tests; a fixed rule keeps every run of
 * this node reproducible, and other nodes need not agree on it since the set itself is what consensus decides.
 *
 * <p><b>Effective base fee.</b> This ledger builds Stellar's legacy transaction sets, which unlike the
 * generalized sets of protocol 20 and later have no field for a surge-pricing base fee. So it is derived from
 * the set and the previous header alone, exactly as stellar-core derived it for legacy sets (protocols 11 to
 * 19), which makes every node charge the same fees for the same set: if the set holds more than
 * {@code maxTxSetSize − 100} operations (a set within one maximal transaction of full is taken as full), the
 * base fee is the lowest fee rate in the set, rounded up; otherwise it is the header's base fee. Each
 * transaction then pays {@code min(bid, baseFee × operations)}.
 */
public final class SurgePricing {

    /** Operations one transaction may hold: the margin below {@code maxTxSetSize} that counts as full. */
    public static final int OPERATIONS_PER_TX_MAX = 100;

    private SurgePricing() {
    }

    /** Compares the fee rates of two bids: negative, zero or positive as {@code a}'s rate is lower, equal, higher. */
    public static int compareFeeRate(long feeBidA, int operationsA, long feeBidB, int operationsB) {
        BigInteger a = BigInteger.valueOf(feeBidA).multiply(BigInteger.valueOf(operationsB));
        BigInteger b = BigInteger.valueOf(feeBidB).multiply(BigInteger.valueOf(operationsA));
        return a.compareTo(b);
    }

    public static int compareFeeRate(TransactionFrame a, TransactionFrame b) {
        return compareFeeRate(a.feeBid(), a.feeOperationCount(), b.feeBid(), b.feeOperationCount());
    }

    /** Highest fee rate first; equal rates by full hash (SHA-256 of the envelope XDR), higher first. */
    public static final Comparator<TransactionFrame> HIGHEST_FEE_RATE_FIRST = (a, b) -> {
        int byRate = compareFeeRate(b, a);
        return byRate != 0 ? byRate : Arrays.compareUnsigned(fullHash(b), fullHash(a));
    };

    /** The hash stellar-core calls the full hash: SHA-256 of the whole envelope, signatures included. */
    public static byte[] fullHash(TransactionFrame frame) {
        return Hashing.sha256(Xdr.encode(frame.envelope()::toXdrByteArray));
    }

    /**
     * The transactions a set of at most {@code operationsMax} operations takes from {@code candidates}:
     * highest fee rate first, skipping any that no longer fits. Returned in selection order.
     */
    public static List<TransactionFrame> select(Collection<TransactionFrame> candidates, int operationsMax) {
        List<TransactionFrame> byRate = new ArrayList<>(candidates);
        byRate.sort(HIGHEST_FEE_RATE_FIRST);
        List<TransactionFrame> selected = new ArrayList<>();
        long left = operationsMax;
        for (TransactionFrame tx : byRate) {
            if (tx.feeOperationCount() <= left) {
                selected.add(tx);
                left -= tx.feeOperationCount();
            }
        }
        return selected;
    }

    /**
     * The base fee a ledger charges for {@code transactions}: the lowest fee rate among them (rounded up) when
     * they hold more than {@code maxTxSetSize − 100} operations, otherwise {@code headerBaseFee}.
     */
    public static long effectiveBaseFee(Collection<TransactionFrame> transactions, long headerBaseFee,
            long maxTxSetSize) {
        long operations = 0;
        long lowest = Long.MAX_VALUE;
        for (TransactionFrame tx : transactions) {
            int txOperations = Math.max(1, tx.feeOperationCount());
            operations += tx.feeOperationCount();
            lowest = Math.min(lowest, ceilDiv(tx.feeBid(), txOperations));
        }
        long surgeCutoff = maxTxSetSize >= OPERATIONS_PER_TX_MAX ? maxTxSetSize - OPERATIONS_PER_TX_MAX : 0;
        return operations > surgeCutoff ? lowest : headerBaseFee;
    }

    /**
     * The smallest fee bid with which a transaction of {@code operations} beats the fee rate of
     * {@code refFeeBid} over {@code refOperations}, as stellar-core's {@code computeBetterFee}.
     */
    public static long betterFee(int operations, long refFeeBid, int refOperations) {
        BigInteger v = BigInteger.valueOf(refFeeBid).multiply(BigInteger.valueOf(operations))
                .divide(BigInteger.valueOf(refOperations));
        return v.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) < 0 ? v.longValue() + 1 : Long.MAX_VALUE;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
