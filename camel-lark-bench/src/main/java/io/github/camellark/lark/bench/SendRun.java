package io.github.camellark.lark.bench;

/** One measured run of {@code count} sends at a fixed number of sends in flight, over HTTP or HTTPS. */
record SendRun(String client, String transport, int concurrency, int count, double seconds, double perSecond,
        double p50Millis, double p99Millis, double bytesPerMessage, double cpuMicrosPerMessage, long errors) {

    static final String HTTP = "HTTP";
    static final String HTTPS = "HTTPS";

    static SendRun of(String client, int concurrency, int count, long nanos, Latencies latencies, ThreadMeter.Usage usage,
            long errors) {
        double seconds = nanos / 1e9;
        return new SendRun(client, HTTP, concurrency, count, seconds, count / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), (double) usage.allocatedBytes() / count,
                usage.cpuNanos() / 1000.0 / count, errors);
    }

    /** This run, labelled with the transport it went over. */
    SendRun over(String transport) {
        return new SendRun(client, transport, concurrency, count, seconds, perSecond, p50Millis, p99Millis, bytesPerMessage,
                cpuMicrosPerMessage, errors);
    }

    boolean is(String client, String transport, int concurrency) {
        return this.client.equals(client) && this.transport.equals(transport) && this.concurrency == concurrency;
    }
}
