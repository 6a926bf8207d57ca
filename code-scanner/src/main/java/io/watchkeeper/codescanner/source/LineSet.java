package io.watchkeeper.codescanner.source;

import java.util.Arrays;

/** Sorted, non-overlapping ranges of 1-based line numbers (the lines a pull request adds to a file). */
public final class LineSet {

    /** Every line. */
    public static final LineSet ALL = new LineSet(new int[] {1, Integer.MAX_VALUE});

    private final int[] ranges; // start0, end0 (inclusive), start1, end1, ...

    private LineSet(int[] ranges) {
        this.ranges = ranges;
    }

    /** Builds a set from inclusive {@code [start, end]} pairs given in ascending order. */
    public static LineSet of(int... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs");
        }
        return new LineSet(pairs.clone());
    }

    /** Whether any line in {@code [start, end]} is in the set. */
    public boolean intersects(int start, int end) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] <= end && start <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(ranges);
    }
}
