package io.corridor.consensus.fbas;

import java.util.Arrays;

/**
 * Node sets as bit sets over a dense index ({@code long[]} of a fixed word count). The analysis creates
 * and compares millions of small sets; plain arrays keep that cheap. Methods named {@code ...Into} write
 * into their first argument, the others return new arrays.
 */
final class Bits {

    private Bits() {
    }

    static int words(int size) {
        return (size + 63) >>> 6;
    }

    static long[] empty(int words) {
        return new long[words];
    }

    static long[] of(int words, int... indexes) {
        long[] set = new long[words];
        for (int index : indexes) {
            set(set, index);
        }
        return set;
    }

    static long[] full(int size) {
        long[] set = new long[words(size)];
        for (int i = 0; i < size; i++) {
            set(set, i);
        }
        return set;
    }

    static boolean get(long[] set, int index) {
        return (set[index >>> 6] & (1L << index)) != 0;
    }

    static void set(long[] set, int index) {
        set[index >>> 6] |= 1L << index;
    }

    static void clear(long[] set, int index) {
        set[index >>> 6] &= ~(1L << index);
    }

    static long[] with(long[] set, int index) {
        long[] copy = set.clone();
        set(copy, index);
        return copy;
    }

    static long[] without(long[] set, int index) {
        long[] copy = set.clone();
        clear(copy, index);
        return copy;
    }

    static boolean isEmpty(long[] set) {
        for (long word : set) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    static int cardinality(long[] set) {
        int count = 0;
        for (long word : set) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The lowest index at or after {@code from} in the set, or -1. */
    static int next(long[] set, int from) {
        int word = from >>> 6;
        if (word >= set.length) {
            return -1;
        }
        long bits = set[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            word++;
            if (word >= set.length) {
                return -1;
            }
            bits = set[word];
        }
    }

    static int[] toArray(long[] set) {
        int[] result = new int[cardinality(set)];
        int k = 0;
        for (int i = next(set, 0); i >= 0; i = next(set, i + 1)) {
            result[k++] = i;
        }
        return result;
    }

    static long[] or(long[] a, long[] b) {
        long[] result = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] | b[i];
        }
        return result;
    }

    static long[] and(long[] a, long[] b) {
        long[] result = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] & b[i];
        }
        return result;
    }

    static long[] andNot(long[] a, long[] b) {
        long[] result = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] & ~b[i];
        }
        return result;
    }

    static void orInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= source[i];
        }
    }

    static void andInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= source[i];
        }
    }

    static void andNotInto(long[] target, long[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] &= ~source[i];
        }
    }

    /** Whether {@code a} is a subset of {@code b}. */
    static boolean subset(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & ~b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A hashable, comparable snapshot of a set, for memo tables. */
    record Key(long[] words) {
        Key {
            words = words.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(words, key.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }

        @Override
        public String toString() {
            return Arrays.toString(words);
        }
    }
}
