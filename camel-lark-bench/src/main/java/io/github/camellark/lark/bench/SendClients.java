package io.github.camellark.lark.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The clients of the send section against one stub, over HTTP or HTTPS: a raw socket (the stub's capacity), the bare
 * Vert.x HttpClient (the engine's ceiling), the official SDK and a camel-lark route. Each picks its transport from the
 * stub's base URI alone; HTTPS trust comes from the JVM's default trust store.
 */
final class SendClients implements AutoCloseable {

    private final String transport;
    private final URI messages;
    private final BareVertxSender bare;
    private final SdkSender sdk;
    private final CamelSender camel;
    /** camel-lark with flow control on and not limiting, measured at {@link #FLOW_CONCURRENCY} in flight over HTTP. */
    private final CamelSender camelFlow;

    static final int FLOW_CONCURRENCY = 64;

    /** @param messages the most messages one run sends (the bare client encodes that many bodies up front) */
    SendClients(String transport, URI baseUri, int messages, Report report) throws Exception {
        this.transport = transport;
        this.messages = URI.create(baseUri + "/open-apis/im/v1/messages?receive_id_type=chat_id");
        bare = BenchMain.client("bare") ? new BareVertxSender(baseUri, messages) : null;
        sdk = new SdkSender(baseUri);
        CamelSender started = null;
        try {
            started = new CamelSender(baseUri);
        } catch (Exception e) {
            report.missing("camel-lark sends over " + transport + ": the lark:message producer could not start ("
                    + e.getMessage() + ")");
            BenchMain.log("camel-lark sender over " + transport + " unavailable: " + e);
        }
        camel = started;
        camelFlow = started == null || !SendRun.HTTP.equals(transport) ? null : new CamelSender(baseUri, true);
    }

    /** The camel-lark sender, or null when it could not start. */
    CamelSender camel() {
        return camel;
    }

    /**
     * Warms every selected client up (JIT, pools, TLS sessions) at 16 in flight; returns the token requests each real
     * client made meanwhile, read from {@code tokenRequests}, the stub's counter.
     */
    Map<String, Long> warmUp(SendHarness harness, int count, LongSupplier tokenRequests) throws InterruptedException {
        BenchMain.log("warm-up over " + transport + ": " + count + " sends per client, 16 in flight");
        Map<String, Long> tokens = new LinkedHashMap<>();
        if (bare != null) {
            harness.runAsync(BenchMain.BARE, bare.at(16), count, 16);
        }
        if (BenchMain.client("sdk")) {
            long before = tokenRequests.getAsLong();
            harness.runBlocking(BenchMain.SDK, sdk, count, 16);
            tokens.put(BenchMain.SDK, tokenRequests.getAsLong() - before);
        }
        if (camel != null && BenchMain.client("camel")) {
            long before = tokenRequests.getAsLong();
            harness.runAsync(BenchMain.CAMEL, camel, count, 16);
            tokens.put(BenchMain.CAMEL, tokenRequests.getAsLong() - before);
            if (camelFlow != null) {
                harness.runAsync(BenchMain.CAMEL_FLOW, camelFlow, count, 16);
            }
        }
        return tokens;
    }

    /** One measured run of each selected client at this number of sends in flight, always in the same order. */
    List<SendRun> round(SendHarness harness, int count, int concurrency) throws InterruptedException {
        List<SendRun> runs = new ArrayList<>();
        if (BenchMain.client("raw")) {
            runs.add(logged(rawSocketSends(count, concurrency)));
        }
        if (bare != null) {
            runs.add(logged(harness.runAsync(BenchMain.BARE, bare.at(concurrency), count, concurrency)));
        }
        if (BenchMain.client("sdk")) {
            runs.add(logged(harness.runBlocking(BenchMain.SDK, sdk, count, concurrency)));
        }
        if (camel != null && BenchMain.client("camel")) {
            runs.add(logged(harness.runAsync(BenchMain.CAMEL, camel, count, concurrency)));
            if (camelFlow != null && concurrency == FLOW_CONCURRENCY) {
                runs.add(logged(harness.runAsync(BenchMain.CAMEL_FLOW, camelFlow, count, concurrency)));
            }
        }
        return runs;
    }

    /**
     * The stub's capacity: pre-encoded message POSTs from blocking keep-alive sockets (TLS ones over HTTPS), one thread
     * per request in flight. No client does less per request, so the gap between this and the bare Vert.x client is the
     * HTTP client's own cost.
     */
    private SendRun rawSocketSends(int count, int concurrency) throws InterruptedException {
        List<RawHttpLoad.Encoded> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(RawHttpLoad.encode(messages, BenchApp.messageJson(i).getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + StubLarkServer.TENANT_TOKEN)));
        }
        EventRun run = new RawHttpLoad().run(BenchMain.RAW, messages, requests, concurrency, () -> 0);
        return new SendRun(BenchMain.RAW, SendRun.HTTP, concurrency, count, run.seconds(), run.perSecond(), run.p50Millis(),
                run.p99Millis(), Double.NaN, Double.NaN, run.errors());
    }

    private SendRun logged(SendRun measured) {
        SendRun run = measured.over(transport);
        BenchMain.log(String.format(Locale.ROOT, "%-16s %-5s c=%-3d %8.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  %7.0f B/msg  %5.0f us CPU/msg  errors %d",
                run.client(), run.transport(), run.concurrency(), run.perSecond(), run.p50Millis(), run.p99Millis(),
                run.bytesPerMessage(), run.cpuMicrosPerMessage(), run.errors()));
        System.gc();
        return run;
    }

    @Override
    public void close() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (camelFlow != null) {
            camelFlow.close();
        }
        if (bare != null) {
            bare.close();
        }
    }
}
