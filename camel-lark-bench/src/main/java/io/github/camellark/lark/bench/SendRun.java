package io.github.camellark.lark.bench;

/** One measured run of {@code count} sends at a fixed number of sends in flight. */
record SendRun(String client, int concurrency, int count, double seconds, double perSecond, double p50Millis,
        double p99Millis, double bytesPerMessage, double cpuMicrosPerMessage, long errors) {

    static SendRun of(String client, int concurrency, int count, long nanos, Latencies latencies, ThreadMeter.Usage usage,
            long errors) {
        double seconds = nanos / 1e9;
        return new SendRun(client, concurrency, count, seconds, count / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), (double) usage.allocatedBytes() / count,
                usage.cpuNanos() / 1000.0 / count, errors);
    }
}
