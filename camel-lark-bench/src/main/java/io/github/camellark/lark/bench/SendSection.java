package io.github.camellark.lark.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 1. Send throughput and latency: the same text message through a raw socket (the stub's capacity), a bare Vert.x
 * HttpClient (the ceiling of camel-lark's engine), the official SDK and a camel-lark route, at each number of sends in
 * flight, over HTTP and (at 1 and 64 in flight) over HTTPS.
 */
final class SendSection {

    static final int[] HTTP_CONCURRENCY = { 1, 16, 64, 256 };
    static final int[] HTTPS_CONCURRENCY = { 1, 64 };
    private static final List<String> CLIENTS = List.of(BenchMain.RAW, BenchMain.BARE, BenchMain.SDK, BenchMain.CAMEL,
            BenchMain.CAMEL_FLOW);

    private final Report report;
    private final boolean quick;
    private final SendHarness harness = new SendHarness();

    SendSection(Report report, boolean quick) {
        this.report = report;
        this.quick = quick;
    }

    /** @param tlsStub the HTTPS stub, or null when it could not start (the HTTPS rows are then missing) */
    void run(StubLarkServer stub, TlsStubServer tlsStub) throws Exception {
        int count = quick ? 2_000 : 20_000;
        // one in flight measures latency, which needs fewer samples than a throughput figure, and runs slowest
        int latencyCount = quick ? 1_000 : 5_000;
        int warmup = quick ? 2_000 : 10_000;
        try (SendClients http = new SendClients(SendRun.HTTP, stub.baseUri(), count, report);
                SendClients https = tlsStub == null ? null : new SendClients(SendRun.HTTPS, tlsStub.baseUri(), count, report)) {
            Map<String, Long> tokens = http.warmUp(harness, warmup, stub.tokenRequests::sum);
            report.note("Token requests made by the first 16 concurrent sends (the bare client fetched its one token"
                    + " before): " + String.join(", ", tokens.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
            if (https != null) {
                https.warmUp(harness, warmup / 2, tlsStub.tokenRequests::sum);
            }
            // rounds interleave the clients, so a burst of load from elsewhere on the machine hits all of them alike;
            // each (client, transport, in-flight) cell reports its median-throughput round
            int rounds = quick ? 1 : 3;
            List<SendRun> all = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                BenchMain.log("round " + round + " of " + rounds);
                for (int concurrency : HTTP_CONCURRENCY) {
                    all.addAll(http.round(harness, concurrency == 1 ? latencyCount : count, concurrency));
                }
                for (int concurrency : https == null ? new int[0] : HTTPS_CONCURRENCY) {
                    all.addAll(https.round(harness, concurrency == 1 ? latencyCount : count, concurrency));
                }
            }
            List<SendRun> runs = medians(all);
            table(runs, rounds, stub, tlsStub);
            flowControlCost(runs);
            SendGoals.report(report, runs);
            new SendProfile(report, harness).record(http, https, count);
        }
    }

    private static List<SendRun> medians(List<SendRun> all) {
        List<SendRun> runs = new ArrayList<>();
        for (String transport : List.of(SendRun.HTTP, SendRun.HTTPS)) {
            for (int concurrency : transport.equals(SendRun.HTTP) ? HTTP_CONCURRENCY : HTTPS_CONCURRENCY) {
                for (String client : CLIENTS) {
                    List<SendRun> cell = all.stream().filter(r -> r.is(client, transport, concurrency))
                            .sorted(Comparator.comparingDouble(SendRun::perSecond)).toList();
                    if (!cell.isEmpty()) {
                        runs.add(cell.get(cell.size() / 2));
                    }
                }
            }
        }
        return runs;
    }

    /** What flow control costs when it does not limit: camel-lark with it against without it, at 64 in flight. */
    private void flowControlCost(List<SendRun> runs) {
        SendRun without = runs.stream().filter(r -> r.is(BenchMain.CAMEL, SendRun.HTTP, SendClients.FLOW_CONCURRENCY))
                .findFirst().orElse(null);
        SendRun with = runs.stream().filter(r -> r.is(BenchMain.CAMEL_FLOW, SendRun.HTTP, SendClients.FLOW_CONCURRENCY))
                .findFirst().orElse(null);
        if (without == null || with == null) {
            report.missing("flow control's cost: the camel-lark rows at " + SendClients.FLOW_CONCURRENCY + " in flight over HTTP");
            return;
        }
        double cost = 100 * (1 - with.perSecond() / without.perSecond());
        report.note("Flow control, on and not limiting (limits far above the stub's capacity), costs " + Report.fmt(cost, 1)
                + "% of camel-lark's send throughput at " + SendClients.FLOW_CONCURRENCY + " in flight over HTTP ("
                + Report.fmt(with.perSecond(), 0) + " against " + Report.fmt(without.perSecond(), 0)
                + " msg/s; goal: under 5%).");
    }

    private void table(List<SendRun> runs, int rounds, StubLarkServer stub, TlsStubServer tlsStub) {
        List<List<String>> rows = new ArrayList<>();
        for (SendRun run : runs) {
            rows.add(List.of(run.client(), run.transport(), String.valueOf(run.concurrency()), String.valueOf(run.count()),
                    Report.fmt(run.perSecond(), 0), Report.fmt(run.p50Millis(), 2), Report.fmt(run.p99Millis(), 2),
                    Report.fmt(run.bytesPerMessage(), 0), Report.fmt(run.cpuMicrosPerMessage(), 0), String.valueOf(run.errors())));
        }
        report.section("1. Send throughput and latency (text message, POST /open-apis/im/v1/messages; median of " + rounds
                + " interleaved rounds)",
                List.of("client", "transport", "in flight", "messages", "msg/s", "p50 ms", "p99 ms", "alloc B/msg", "CPU us/msg",
                        "errors"),
                rows);
        report.note("HTTP stub answered " + stub.messageRequests.sum() + " message sends and " + stub.tokenRequests.sum()
                + " token requests" + (tlsStub == null ? "; the HTTPS stub did not run."
                        : "; HTTPS stub " + tlsStub.messageRequests.sum() + " and " + tlsStub.tokenRequests.sum() + "."));
    }
}
