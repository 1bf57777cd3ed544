package io.github.camellark.lark.bench;

/**
 * One measured event intake run: events answered per second, the latency of the answer (HTTP reply or ack), and
 * what the receiver's threads spent per event (NaN when not metered).
 */
record EventRun(String receiver, String transport, int window, int count, double seconds, double perSecond,
        double p50Millis, double p99Millis, long errors, long routed, double bytesPerEvent, double cpuMicrosPerEvent) {

    static EventRun of(String receiver, String transport, int window, int count, long nanos, Latencies latencies,
            long errors, long routed) {
        double seconds = nanos / 1e9;
        return new EventRun(receiver, transport, window, count, seconds, count / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors, routed, Double.NaN, Double.NaN);
    }

    EventRun metered(ThreadMeter.Usage usage) {
        return new EventRun(receiver, transport, window, count, seconds, perSecond, p50Millis, p99Millis, errors, routed,
                (double) usage.allocatedBytes() / count, usage.cpuNanos() / 1000.0 / count);
    }
}
