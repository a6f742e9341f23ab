package io.corridor.consensus.scp;

import java.util.Objects;

import org.stellar.sdk.xdr.SCPBallot;
import org.stellar.sdk.xdr.Value;

/**
 * An SCP ballot {@code <counter, value>}: immutable, ordered by counter then by value bytes, exactly as
 * stellar-core orders {@code SCPBallot}. Two ballots are compatible when they carry the same value.
 *
 * @param counter ballot counter, a uint32; {@link #COUNTER_INFINITE} stands for the infinite ballot
 * @param value   the opaque value; defensively copied
 */
public record Ballot(long counter, Value value) implements Comparable<Ballot> {
    /** The counter of the "infinite" ballot used by CONFIRM and EXTERNALIZE. */
    public static final long COUNTER_INFINITE = Xdr.UINT32_MAX;

    public Ballot {
        if (counter < 0 || counter > COUNTER_INFINITE) {
            throw new IllegalArgumentException("ballot counter is not a uint32: " + counter);
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(value.getValue(), "value bytes");
        value = Xdr.copy(value);
    }

    public static Ballot of(SCPBallot b) {
        return new Ballot(Xdr.uint32(b.getCounter()), b.getValue());
    }

    public SCPBallot toXdr() {
        SCPBallot b = new SCPBallot();
        b.setCounter(Xdr.uint32(counter));
        b.setValue(Xdr.copy(value));
        return b;
    }

    /** The value; a copy, as {@link Value} is mutable. */
    @Override
    public Value value() {
        return Xdr.copy(value);
    }

    public Ballot withCounter(long newCounter) {
        return new Ballot(newCounter, value);
    }

    @Override
    public int compareTo(Ballot o) {
        int c = Long.compare(counter, o.counter);
        return c != 0 ? c : Xdr.VALUE_ORDER.compare(value, o.value);
    }

    public boolean isCompatible(Ballot o) {
        return value.equals(o.value);
    }

    /** {@code this <= o} and both carry the same value. */
    public boolean isLessAndCompatible(Ballot o) {
        return compareTo(o) <= 0 && isCompatible(o);
    }

    /** {@code this <= o} and they carry different values. */
    public boolean isLessAndIncompatible(Ballot o) {
        return compareTo(o) <= 0 && !isCompatible(o);
    }

    /** Compares two optional ballots, an absent ballot sorting below any present one. */
    static int compareNullable(Ballot a, Ballot b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    static Ballot ofNullable(SCPBallot b) {
        return b == null ? null : of(b);
    }

    @Override
    public String toString() {
        String n = counter == COUNTER_INFINITE ? "inf" : Long.toString(counter);
        return "(" + n + "," + Xdr.hex(value.getValue(), 4) + ")";
    }
}
