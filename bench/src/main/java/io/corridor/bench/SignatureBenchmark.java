package io.corridor.bench;

import io.corridor.ledger.core.Ed25519;
import io.corridor.ledger.core.Hashing;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The ceiling: one Ed25519 verification (BouncyCastle), the dominant cost of applying a payment. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SignatureBenchmark {

    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void sign() {
        byte[] seed = Hashing.sha256(new byte[] {1});
        publicKey = Ed25519.publicKeyFromSeed(seed);
        message = Hashing.sha256(new byte[] {2});
        signature = Ed25519.sign(seed, message);
    }

    @Benchmark
    public boolean verifyEd25519() {
        return Ed25519.verify(publicKey, message, signature);
    }
}
