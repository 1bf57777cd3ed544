package io.github.camellark.lark.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Every latency of one run, in nanoseconds; percentiles are exact (the runs are bounded, so all samples fit). */
final class Latencies {

    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    void record(long nanos) {
        int index = count.getAndIncrement();
        if (index < samples.length) {
            samples[index] = nanos;
        }
    }

    int count() {
        return Math.min(count.get(), samples.length);
    }

    /** The p-th percentile (0..100) in milliseconds, nearest-rank. */
    double percentileMillis(double p) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1_000_000.0;
    }
}
