package io.github.camellark.lark.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.java_websocket.WebSocket;

/**
 * 2. Event intake: the same signed, encrypted webhook requests into camel-lark and into the SDK's EventDispatcher, and
 * the same frames over the long connection into camel-lark and the SDK's ws.Client.
 */
final class EventSection {

    static final int WINDOW = 32;
    static final int ROUNDS = 5;
    /** The load generator against the stub's no-op receiver: what the clients could at most be measured at. */
    static final String CEILING = "ceiling (stub)";
    /** The SDK hosted the way Camel's HTTP platform runs routes: on Vert.x's worker pool. */
    static final String SDK_ON_WORKER = "official SDK (worker)";
    /** The SDK's dispatcher right on Vert.x's event loop (safe only because the benchmark's handler does nothing). */
    static final String SDK_ON_EVENT_LOOP = "official SDK (event loop)";
    /** The SDK's dispatcher on the event loop of Camel's Vert.x HTTP platform: the server camel-lark runs on. */
    static final String SDK_ON_PLATFORM = "official SDK (platform router)";

    private final Report report;
    private final boolean quick;
    private final List<EventRun> runs = new ArrayList<>();
    private final ThreadMeter meter = new ThreadMeter();

    EventSection(Report report, boolean quick) {
        this.report = report;
        this.quick = quick;
    }

    void run(StubLarkServer stub) throws Exception {
        int count = Integer.getInteger("bench.events", quick ? 2_000 : 20_000);
        // the JIT needs far more than 5,000 events to settle: with 5,000 and 20,000 the first rounds of every client
        // were up to 2x slower than the later ones
        int warmup = quick ? 1_000 : 50_000;
        if (transport("webhook")) {
            webhooks(stub, count, warmup);
        }
        if (transport("websocket")) {
            webSockets(stub, count, warmup);
        }
        render();
    }

    private void webhooks(StubLarkServer stub, int count, int warmup) throws Exception {
        RawHttpLoad load = new RawHttpLoad();
        List<EventPayloads.SignedRequest> warm = EventPayloads.signedWebhooks(warmup);
        // new event ids every round: camel-lark would drop a repeated id as a duplicate, unrouted
        List<List<EventPayloads.SignedRequest>> measured = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            measured.add(EventPayloads.signedWebhooks(count));
        }
        URI ceiling = URI.create(stub.baseUri() + StubLarkServer.EVENTS_PATH);
        load.run(CEILING, ceiling, RawHttpLoad.encode(ceiling, warm), WINDOW, () -> 0);
        List<RawHttpLoad.Encoded> ceilingRequests = RawHttpLoad.encode(ceiling, measured.get(0));
        runs.add(logged(metered(() -> load.run(CEILING, ceiling, ceilingRequests, WINDOW, () -> 0))));
        List<AutoCloseable> receivers = new ArrayList<>();
        try {
            List<Contender> contenders = new ArrayList<>();
            if (BenchMain.client("sdk")) {
                for (SdkWebhookReceiver.Hosting hosting : SdkWebhookReceiver.Hosting.values()) {
                    String name = switch (hosting) {
                        case EVENT_LOOP -> SDK_ON_EVENT_LOOP;
                        case WORKER -> SDK_ON_WORKER;
                        case PLATFORM_ROUTER -> SDK_ON_PLATFORM;
                    };
                    SdkWebhookReceiver sdk = new SdkWebhookReceiver(hosting);
                    receivers.add(sdk);
                    contenders.add(webhookContender(load, name, sdk.url(), warm, measured, sdk.handled::sum));
                }
            }
            CamelEventsReceiver camel;
            try {
                camel = CamelEventsReceiver.webhook();
            } catch (Exception e) {
                BenchMain.log("camel-lark webhook receiver unavailable: " + e);
                report.missing("camel-lark webhook intake: lark:events?transport=webhook could not start: " + e.getMessage());
                camel = null;
            }
            if (camel != null) {
                receivers.add(camel);
                contenders.add(webhookContender(load, BenchMain.CAMEL, camel.webhookUrl(), warm, measured, camel.routed::sum));
            }
            rounds(contenders);
        } finally {
            closeAll(receivers);
        }
        System.gc();
    }

    /** Warmed up now; measured in the rounds. */
    private static Contender webhookContender(RawHttpLoad load, String name, URI url, List<EventPayloads.SignedRequest> warm,
                                              List<List<EventPayloads.SignedRequest>> measured, LongSupplier handled)
            throws InterruptedException {
        load.run(name, url, RawHttpLoad.encode(url, warm), WINDOW, handled);
        return new Contender(name, round -> {
            List<RawHttpLoad.Encoded> requests = RawHttpLoad.encode(url, measured.get(round));
            return () -> load.run(name, url, requests, WINDOW, handled);
        });
    }

    private void webSockets(StubLarkServer stub, int count, int warmup) throws Exception {
        List<byte[]> warm = WsPushServer.frames(EventPayloads.plaintext(warmup));
        List<List<byte[]>> measured = new ArrayList<>();
        for (int round = 0; round < rounds(); round++) {
            measured.add(WsPushServer.frames(EventPayloads.plaintext(count)));
        }
        List<AutoCloseable> receivers = new ArrayList<>();
        try (WsPushServer server = new WsPushServer()) {
            stub.webSocketUrl(server.url());
            List<Contender> contenders = new ArrayList<>();
            if (BenchMain.client("sdk")) {
                CompletableFuture<WebSocket> connected = server.expectConnection();
                SdkWsReceiver sdk = new SdkWsReceiver(stub.baseUri());
                receivers.add(sdk);
                WebSocket socket = awaitConnection(connected, BenchMain.SDK);
                server.push(BenchMain.SDK, socket, warm, WINDOW, sdk.handled::sum);
                contenders.add(new Contender(BenchMain.SDK,
                        round -> () -> server.push(BenchMain.SDK, socket, measured.get(round), WINDOW, sdk.handled::sum)));
            }
            CompletableFuture<WebSocket> connected = server.expectConnection();
            CamelEventsReceiver camel;
            try {
                camel = CamelEventsReceiver.webSocket(stub.baseUri());
            } catch (Exception e) {
                BenchMain.log("camel-lark long-connection receiver unavailable: " + e);
                report.goalNotMeasured("2", "long connection: events/s >= 1.2x SDK ws.Client", "lark:events (WebSocket) could not start: " + e.getMessage());
                return;
            }
            receivers.add(camel);
            WebSocket socket;
            try {
                socket = awaitConnection(connected, BenchMain.CAMEL);
            } catch (IllegalStateException e) {
                report.goalNotMeasured("2", "long connection: events/s >= 1.2x SDK ws.Client", "lark:events did not open the long connection in 15 s");
                return;
            }
            server.push(BenchMain.CAMEL, socket, warm, WINDOW, camel.routed::sum);
            contenders.add(new Contender(BenchMain.CAMEL,
                    round -> () -> server.push(BenchMain.CAMEL, socket, measured.get(round), WINDOW, camel.routed::sum)));
            rounds(contenders);
        } finally {
            closeAll(receivers);
        }
        System.gc();
    }

    /** One client measured in the rounds: what it runs in a round, prepared before the meter starts. */
    private record Contender(String name, IntFunction<Measured> round) {
    }

    private int rounds() {
        return quick ? 1 : ROUNDS;
    }

    /**
     * Interleaved rounds, as the send section does, so that a burst of load from elsewhere hits every client alike; each
     * client's row is its median-throughput round.
     */
    private void rounds(List<Contender> contenders) throws InterruptedException {
        List<List<EventRun>> byContender = new ArrayList<>();
        contenders.forEach(c -> byContender.add(new ArrayList<>()));
        for (int round = 0; round < rounds(); round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Measured run = contenders.get(i).round().apply(round);
                byContender.get(i).add(logged(metered(run)));
            }
        }
        for (List<EventRun> measured : byContender) {
            List<EventRun> sorted = new ArrayList<>(measured);
            sorted.sort(Comparator.comparingDouble(EventRun::perSecond));
            runs.add(sorted.get(sorted.size() / 2));
        }
    }

    private static void closeAll(List<AutoCloseable> receivers) throws Exception {
        for (AutoCloseable receiver : receivers) {
            receiver.close();
        }
    }

    /** -Dbench.eventTransports=webhook,websocket (default: both) and -Dbench.events=N narrow the section, e.g. to profile. */
    private static boolean transport(String name) {
        return List.of(System.getProperty("bench.eventTransports", "webhook,websocket").split(",")).contains(name);
    }

    private static WebSocket awaitConnection(CompletableFuture<WebSocket> connected, String client) throws InterruptedException {
        try {
            return connected.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(client + " did not open the long connection in 15 s");
        }
    }

    private interface Measured {
        EventRun run() throws InterruptedException;
    }

    private EventRun metered(Measured measured) throws InterruptedException {
        meter.start();
        EventRun run = measured.run();
        return run.metered(meter.stop());
    }

    private EventRun logged(EventRun run) {
        BenchMain.log(String.format(Locale.ROOT, "%-26s %-9s w=%-3d %8.0f events/s  p50 %6.2f ms  p99 %6.2f ms  %6.0f B/event  %5.0f us CPU/event  errors %d  routed %d",
                run.receiver(), run.transport(), run.window(), run.perSecond(), run.p50Millis(), run.p99Millis(),
                run.bytesPerEvent(), run.cpuMicrosPerEvent(), run.errors(), run.routed()));
        return run;
    }

    private void render() {
        List<List<String>> rows = new ArrayList<>();
        for (EventRun run : runs) {
            rows.add(List.of(run.receiver(), run.transport(), String.valueOf(run.window()), String.valueOf(run.count()),
                    Report.fmt(run.perSecond(), 0), Report.fmt(run.p50Millis(), 2), Report.fmt(run.p99Millis(), 2),
                    Report.fmt(run.bytesPerEvent(), 0), Report.fmt(run.cpuMicrosPerEvent(), 0), String.valueOf(run.errors()),
                    String.valueOf(run.routed())));
        }
        report.section("2. Event intake (im.message.receive_v1; webhook: AES-256-CBC encrypted and signed)",
                List.of("receiver", "transport", "in flight", "events", "events/s", "p50 ack ms", "p99 ack ms", "alloc B/event",
                        "CPU us/event", "errors", "handled by route/handler"), rows);
        webhookGoals();
        EventRun camel = find(BenchMain.CAMEL, "websocket");
        EventRun sdk = find(BenchMain.SDK, "websocket");
        if (camel == null || sdk == null) {
            return;
        }
        report.goal("2", "long connection: events/s >= 1.2x SDK ws.Client",
                Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(sdk.perSecond(), 0) + " events/s",
                camel.perSecond() / sdk.perSecond(), 1.2, false);
        report.goal("2", "long connection: p99 ack < 10 ms at that rate", Report.fmt(camel.p99Millis(), 2) + " ms (SDK "
                + Report.fmt(sdk.p99Millis(), 2) + " ms)", camel.p99Millis() / 10.0, 1.0, true);
    }

    /**
     * Against the SDK hosted on the same server as camel-lark (Camel's Vert.x HTTP platform); its hostings on a bare
     * Vert.x server, without the platform's router, are a second row.
     */
    private void webhookGoals() {
        EventRun camel = find(BenchMain.CAMEL, "webhook");
        EventRun samePlatform = find(SDK_ON_PLATFORM, "webhook");
        EventRun onLoop = find(SDK_ON_EVENT_LOOP, "webhook");
        EventRun onWorker = find(SDK_ON_WORKER, "webhook");
        if (camel == null || samePlatform == null || onLoop == null || onWorker == null) {
            return;
        }
        report.goal("2", "webhook: events/s >= 1.0x SDK EventDispatcher on the same server (Camel's Vert.x platform)",
                Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(samePlatform.perSecond(), 0) + " events/s",
                camel.perSecond() / samePlatform.perSecond(), 1.0, false);
        EventRun bare = onLoop.perSecond() >= onWorker.perSecond() ? onLoop : onWorker;
        report.goal("2", "webhook: events/s >= 1.0x SDK EventDispatcher on a bare Vert.x server (its faster hosting)",
                Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(bare.perSecond(), 0) + " events/s (" + bare.receiver() + ")",
                camel.perSecond() / bare.perSecond(), 1.0, false);
        report.goal("2", "webhook: p99 ack < 20 ms at that rate", Report.fmt(camel.p99Millis(), 2) + " ms (SDK on the same server "
                + Report.fmt(samePlatform.p99Millis(), 2) + " ms)", camel.p99Millis() / 20.0, 1.0, true);
    }

    private EventRun find(String receiver, String transport) {
        return runs.stream().filter(r -> r.receiver().equals(receiver) && r.transport().equals(transport)).findFirst()
                .orElse(null);
    }
}
