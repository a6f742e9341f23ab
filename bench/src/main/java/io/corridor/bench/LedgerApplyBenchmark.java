package io.corridor.bench;

import io.corridor.ledger.core.close.ClosedLedger;
import io.corridor.ledger.core.close.TxSetFrame;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Native payments applied per second by the ledger core in memory, signature verification included: one
 * benchmark operation closes a ledger of {@code paymentsPerLedger} signed payments between distinct
 * accounts of a ledger holding {@code accounts} accounts. Signing happens in the per-invocation set-up and
 * is not measured. Payments/s = ops/s × paymentsPerLedger.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LedgerApplyBenchmark {

    @Param({"10000", "1000000"})
    public int accounts;

    @Param({"1000"})
    public int paymentsPerLedger;

    /**
     * How signatures are verified: {@code inline} during apply; {@code parallel} by the closer on two threads
     * ahead of apply; {@code admitted} beforehand (as the node does when it admits each transaction), so the
     * close finds them verified.
     */
    @Param({"inline", "parallel", "admitted"})
    public String signatures;

    private ExecutorService verifier;
    private SyntheticLedger ledger;
    private TxSetFrame next;

    @Setup(Level.Trial)
    public void createLedger() {
        verifier = Executors.newFixedThreadPool(2);
        ledger = new SyntheticLedger(accounts, signatures.equals("parallel") ? verifier : null, entry -> { });
    }

    @Setup(Level.Invocation)
    public void signNextLedger() {
        next = ledger.nextTxSet(paymentsPerLedger);
        if (signatures.equals("admitted")) {
            ledger.closer.processor().preverify(next.transactions(), ledger.state, verifier);
        }
    }

    @TearDown(Level.Trial)
    public void stopVerifier() {
        verifier.shutdownNow();
    }

    @Benchmark
    public ClosedLedger closeLedgerOfPayments() {
        return ledger.close(next);
    }
}
