package io.github.camellark.lark.bench;

/** One measured event intake run: events answered per second and the latency of the answer (HTTP reply or ack). */
record EventRun(String receiver, String transport, int window, int count, double seconds, double perSecond,
        double p50Millis, double p99Millis, long errors, long routed) {

    static EventRun of(String receiver, String transport, int window, int count, long nanos, Latencies latencies,
            long errors, long routed) {
        double seconds = nanos / 1e9;
        return new EventRun(receiver, transport, window, count, seconds, count / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors, routed);
    }
}
