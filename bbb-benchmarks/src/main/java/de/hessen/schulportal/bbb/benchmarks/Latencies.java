// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed-capacity, thread-safe latency recorder; samples beyond the capacity are dropped. */
public final class Latencies {
    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();

    /** @param capacity the most samples kept */
    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    /** @param value one latency in nanoseconds */
    public void record(long value) {
        int i = next.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = value;
        }
    }

    /** @return the number of samples recorded (including dropped ones) */
    public int count() {
        return next.get();
    }

    /**
     * A percentile in milliseconds.
     *
     * @param p 0 to 100
     * @return the value
     */
    public double percentileMillis(double p) {
        int n = Math.min(next.get(), nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int idx = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
        return sorted[idx] / 1e6;
    }
}
