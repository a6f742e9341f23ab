package io.corridor.ledger.application;

import io.corridor.ledger.core.close.AppliedTransaction;
import io.corridor.ledger.core.close.ClosedLedger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Fee statistics as Horizon's {@code /fee_stats} reports them: the distribution of fee charged and of the
 * maximum fee offered, per operation, over the transactions of the last {@value #LEDGERS} ledgers, and the
 * last ledger's capacity usage. Kept up to date as a {@link LedgerListener}.
 */
public final class FeeStats implements LedgerListener {

    /** Ledgers the distributions cover, as Horizon. */
    public static final int LEDGERS = 5;

    private record LedgerFees(int sequence, long baseFee, long[] chargedPerOp, long[] maxPerOp, double capacityUsage) {
    }

    /** A snapshot; percentile arrays hold p10, p20, ..., p90, p95, p99. */
    public record Snapshot(int lastLedger, long lastLedgerBaseFee, double capacityUsage, Distribution feeCharged,
            Distribution maxFee) {
    }

    public record Distribution(long min, long max, long mode, long[] percentiles) {
        public static final int[] PERCENTILES = {10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99};
    }

    private final Deque<LedgerFees> recent = new ArrayDeque<>();

    @Override
    public synchronized void ledgerClosed(ClosedLedger ledger) {
        List<Long> charged = new ArrayList<>();
        List<Long> max = new ArrayList<>();
        for (AppliedTransaction tx : ledger.transactions()) {
            int ops = tx.frame().feeOperationCount();
            charged.add(tx.feeCharged() / ops);
            max.add(tx.frame().feeBid() / ops);
        }
        long capacity = ledger.header().getMaxTxSetSize().getUint32().getNumber();
        recent.addLast(new LedgerFees(ledger.sequence(), ledger.header().getBaseFee().getUint32().getNumber(),
                charged.stream().mapToLong(Long::longValue).toArray(), max.stream().mapToLong(Long::longValue).toArray(),
                capacity == 0 ? 0 : (double) ledger.operationCount() / capacity));
        while (recent.size() > LEDGERS) {
            recent.removeFirst();
        }
    }

    /** Statistics now; with no transactions in the window every figure is the base fee, as Horizon reports. */
    public synchronized Snapshot snapshot(int lastLedger, long baseFee) {
        LedgerFees last = recent.peekLast();
        long[] charged = recent.stream().flatMapToLong(f -> Arrays.stream(f.chargedPerOp())).toArray();
        long[] max = recent.stream().flatMapToLong(f -> Arrays.stream(f.maxPerOp())).toArray();
        return new Snapshot(lastLedger, last == null ? baseFee : last.baseFee(),
                last == null ? 0 : last.capacityUsage(), distribution(charged, baseFee), distribution(max, baseFee));
    }

    private static Distribution distribution(long[] values, long baseFee) {
        int[] ps = Distribution.PERCENTILES;
        long[] percentiles = new long[ps.length];
        if (values.length == 0) {
            Arrays.fill(percentiles, baseFee);
            return new Distribution(baseFee, baseFee, baseFee, percentiles);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < ps.length; i++) {
            int index = (int) Math.ceil(ps[i] / 100.0 * sorted.length) - 1;
            percentiles[i] = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
        long mode = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                mode = sorted[i];
            }
            i = j;
        }
        return new Distribution(sorted[0], sorted[sorted.length - 1], mode, percentiles);
    }
}
