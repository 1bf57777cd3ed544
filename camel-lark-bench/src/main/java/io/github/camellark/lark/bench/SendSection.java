package io.github.camellark.lark.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 1. Send throughput and latency: the same text message through a raw socket (the stub's capacity), the bare JDK
 * HttpClient (the ceiling of any java.net.http client), the official SDK and a camel-lark route, at each number of
 * sends in flight.
 */
final class SendSection {

    static final int[] CONCURRENCY = { 1, 16, 64, 256 };

    private final Report report;
    private final boolean quick;
    private final SendHarness harness = new SendHarness();

    SendSection(Report report, boolean quick) {
        this.report = report;
        this.quick = quick;
    }

    void run(StubLarkServer stub) throws Exception {
        int count = quick ? 2_000 : 20_000;
        int warmup = quick ? 2_000 : 10_000;
        URI base = stub.baseUri();
        BareHttpClientSender bare = new BareHttpClientSender(base);
        SdkSender sdk = new SdkSender(base);
        CamelSender camel = null;
        try {
            camel = new CamelSender(base);
        } catch (Exception e) {
            report.missing("camel-lark sends: the lark:message producer could not start (" + e.getMessage() + ")");
            BenchMain.log("camel-lark sender unavailable: " + e);
        }
        try {
            BenchMain.log("warm-up: " + warmup + " sends per client, 16 in flight");
            long tokens = stub.tokenRequests.sum();
            if (BenchMain.client("bare")) {
                harness.runAsync(BenchMain.BARE, bare, warmup, 16);
            }
            if (BenchMain.client("sdk")) {
                harness.runBlocking(BenchMain.SDK, sdk, warmup, 16);
            }
            long sdkTokens = stub.tokenRequests.sum() - tokens;
            tokens = stub.tokenRequests.sum();
            if (camel != null && BenchMain.client("camel")) {
                harness.runAsync(BenchMain.CAMEL, camel, warmup, 16);
            }
            long camelTokens = stub.tokenRequests.sum() - tokens;
            report.note("Token requests made by the first 16 concurrent sends (the bare client fetched its one token"
                    + " before): SDK " + sdkTokens + ", camel-lark " + camelTokens + ".");
            // rounds interleave the clients, so a burst of load from elsewhere on the machine hits all of them alike;
            // each (client, in-flight) cell reports its median-throughput round
            int rounds = quick ? 1 : 3;
            List<SendRun> all = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                BenchMain.log("round " + round + " of " + rounds);
                for (int concurrency : CONCURRENCY) {
                    if (BenchMain.client("raw")) {
                        all.add(logged(rawSocketSends(stub, count, concurrency)));
                    }
                    if (BenchMain.client("bare")) {
                        all.add(logged(harness.runAsync(BenchMain.BARE, bare, count, concurrency)));
                    }
                    if (BenchMain.client("sdk")) {
                        all.add(logged(harness.runBlocking(BenchMain.SDK, sdk, count, concurrency)));
                    }
                    if (camel != null && BenchMain.client("camel")) {
                        all.add(logged(harness.runAsync(BenchMain.CAMEL, camel, count, concurrency)));
                    }
                }
            }
            List<SendRun> runs = new ArrayList<>();
            for (int concurrency : CONCURRENCY) {
                for (String client : List.of(BenchMain.RAW, BenchMain.BARE, BenchMain.SDK, BenchMain.CAMEL)) {
                    List<SendRun> cell = all.stream().filter(r -> r.client().equals(client) && r.concurrency() == concurrency)
                            .sorted(Comparator.comparingDouble(SendRun::perSecond)).toList();
                    if (!cell.isEmpty()) {
                        runs.add(cell.get(cell.size() / 2));
                    }
                }
            }
            reportSends(runs, rounds, stub);
        } finally {
            if (camel != null) {
                camel.close();
            }
        }
    }

    /**
     * The stub's capacity: pre-encoded message POSTs from blocking keep-alive sockets, one thread per request in flight.
     * No client does less per request, so the gap between this and the bare HttpClient is the HTTP client's own cost.
     */
    private static SendRun rawSocketSends(StubLarkServer stub, int count, int concurrency) throws InterruptedException {
        URI url = URI.create(stub.baseUri() + "/open-apis/im/v1/messages?receive_id_type=chat_id");
        List<RawHttpLoad.Encoded> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(RawHttpLoad.encode(url, BenchApp.messageJson(i).getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + StubLarkServer.TENANT_TOKEN)));
        }
        EventRun run = new RawHttpLoad().run(BenchMain.RAW, url, requests, concurrency, () -> 0);
        return new SendRun(BenchMain.RAW, concurrency, count, run.seconds(), run.perSecond(), run.p50Millis(), run.p99Millis(),
                Double.NaN, Double.NaN, run.errors());
    }

    private SendRun logged(SendRun run) {
        BenchMain.log(String.format(Locale.ROOT, "%-16s c=%-3d %8.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  %7.0f B/msg  %5.0f us CPU/msg  errors %d",
                run.client(), run.concurrency(), run.perSecond(), run.p50Millis(), run.p99Millis(), run.bytesPerMessage(),
                run.cpuMicrosPerMessage(), run.errors()));
        System.gc();
        return run;
    }

    private void reportSends(List<SendRun> runs, int rounds, StubLarkServer stub) {
        List<List<String>> rows = new ArrayList<>();
        for (SendRun run : runs) {
            rows.add(List.of(run.client(), String.valueOf(run.concurrency()), String.valueOf(run.count()),
                    Report.fmt(run.perSecond(), 0), Report.fmt(run.p50Millis(), 2), Report.fmt(run.p99Millis(), 2),
                    Report.fmt(run.bytesPerMessage(), 0), Report.fmt(run.cpuMicrosPerMessage(), 0), String.valueOf(run.errors())));
        }
        report.section("1. Send throughput and latency (text message, POST /open-apis/im/v1/messages; median of " + rounds
                + " interleaved rounds)",
                List.of("client", "in flight", "messages", "msg/s", "p50 ms", "p99 ms", "alloc B/msg", "CPU us/msg", "errors"),
                rows);
        report.note("Stub answered " + stub.messageRequests.sum() + " message sends and " + stub.tokenRequests.sum()
                + " token requests.");
        SendRun camel = find(runs, BenchMain.CAMEL, 64);
        SendRun sdk = find(runs, BenchMain.SDK, 64);
        SendRun bare = find(runs, BenchMain.BARE, 64);
        String missing = camel == null ? "the camel-lark client did not run" : sdk == null || bare == null
                ? "a reference client was left out (bench.clients)" : null;
        if (missing != null) {
            report.goalNotMeasured("1", "throughput >= 1.2x SDK at 64 in flight", missing);
            report.goalNotMeasured("1", "throughput >= 0.8x bare HttpClient at 64", missing);
            report.goalNotMeasured("1", "fewer allocated bytes/msg than the SDK", missing);
            return;
        }
        report.goal("1", "throughput >= 1.2x SDK at 64 in flight",
                Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(sdk.perSecond(), 0) + " msg/s",
                camel.perSecond() / sdk.perSecond(), 1.2, false);
        report.goal("1", "throughput >= 0.8x bare HttpClient at 64",
                Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(bare.perSecond(), 0) + " msg/s",
                camel.perSecond() / bare.perSecond(), 0.8, false);
        report.goal("1", "fewer allocated bytes/msg than the SDK (at 64)",
                Report.fmt(camel.bytesPerMessage(), 0) + " vs " + Report.fmt(sdk.bytesPerMessage(), 0) + " B/msg",
                camel.bytesPerMessage() / sdk.bytesPerMessage(), 1.0, true);
    }

    private static SendRun find(List<SendRun> runs, String client, int concurrency) {
        return runs.stream().filter(r -> r.client().equals(client) && r.concurrency() == concurrency).findFirst().orElse(null);
    }
}
