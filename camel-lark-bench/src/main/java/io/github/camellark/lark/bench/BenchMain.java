package io.github.camellark.lark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every measurement of docs/benchmarks.md in one go and prints one report. Modes: {@code full} (the documented
 * counts), {@code quick} (small counts, a smoke check while developing); the other modes are the child JVMs it starts
 * for cold start-up and big-file heap measurements.
 */
public final class BenchMain {

    static final int[] CONCURRENCY = { 1, 16, 64, 256 };
    static final String RAW = "raw socket";
    static final String BARE = "bare HttpClient";
    static final String SDK = "official SDK";
    static final String CAMEL = "camel-lark";

    private final boolean quick;
    private final Report report = new Report();
    private final SendHarness harness = new SendHarness();

    private BenchMain(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        String mode = Arrays.stream(args).filter(a -> !a.isBlank()).findFirst().orElse("full");
        switch (mode) {
            case "startup-camel":
                ChildModes.startupCamel();
                break;
            case "startup-sdk":
                ChildModes.startupSdk();
                break;
            case "files-camel":
                BigFiles.camel();
                break;
            case "files-sdk":
                BigFiles.sdk();
                break;
            case "quick":
            case "full":
                new BenchMain(mode.equals("quick")).runAll();
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode + "; use full or quick");
        }
        // the SDK's WebSocket client and OkHttp keep non-daemon threads that nothing can stop
        System.exit(0);
    }

    private void runAll() throws Exception {
        long started = System.nanoTime();
        String loadAtStart = load();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.note(String.format(Locale.ROOT, "Machine: %d CPUs, %.1f GB RAM, %s %s, JVM %s %s.",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / 1e9, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.vm.name"), System.getProperty("java.vm.version")));
        log("camel-lark benchmark, mode " + (quick ? "quick" : "full") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, JVM " + System.getProperty("java.vm.version") + ", args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (StubLarkServer stub = new StubLarkServer(Integer.getInteger("bench.stubThreads", 1))) {
            log("load average " + load());
            if (selected("send")) {
                sendThroughput(stub);
            }
            if (selected("events")) {
                new EventSection(report, quick).run(stub);
            }
            if (selected("files")) {
                new FileSection(report).run(stub);
            }
            if (selected("footprint")) {
                footprintAndStart(stub);
            }
        }
        report.note(String.format(Locale.ROOT, "Total benchmark time: %.0f s. Load average at the start %s, at the end %s.",
                (System.nanoTime() - started) / 1e9, loadAtStart, load()));
        String rendered = report.render();
        System.out.println();
        System.out.println(rendered);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), "Run of " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    + "\n\n" + rendered);
            log("report written to " + out);
        }
    }

    /** -Dbench.sections=send,events,files,footprint (default: all) picks what runs, for development. */
    private static boolean selected(String section) {
        String sections = System.getProperty("bench.sections", "all");
        return sections.equals("all") || Arrays.asList(sections.split(",")).contains(section);
    }

    /** -Dbench.clients=bare,sdk,camel (default: all) narrows the send section, e.g. to profile one client. */
    static boolean client(String name) {
        String clients = System.getProperty("bench.clients", "all");
        return clients.equals("all") || Arrays.asList(clients.split(",")).contains(name);
    }

    // ---- 1. send throughput and latency ------------------------------------------------------------------------

    private void sendThroughput(StubLarkServer stub) throws Exception {
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
            log("camel-lark sender unavailable: " + e);
        }
        try {
            log("warm-up: " + warmup + " sends per client, 16 in flight");
            long tokens = stub.tokenRequests.sum();
            if (client("bare")) {
                harness.runAsync(BARE, bare, warmup, 16);
            }
            if (client("sdk")) {
                harness.runBlocking(SDK, sdk, warmup, 16);
            }
            long sdkTokens = stub.tokenRequests.sum() - tokens;
            tokens = stub.tokenRequests.sum();
            if (camel != null && client("camel")) {
                harness.runAsync(CAMEL, camel, warmup, 16);
            }
            long camelTokens = stub.tokenRequests.sum() - tokens;
            report.note("Token requests made by the first 16 concurrent sends (the bare client fetched its one token"
                    + " before): SDK " + sdkTokens + ", camel-lark " + camelTokens + ".");
            // rounds interleave the clients, so a burst of load from elsewhere on the machine hits all of them alike;
            // each (client, in-flight) cell reports its median-throughput round
            int rounds = quick ? 1 : 3;
            List<SendRun> all = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                log("round " + round + " of " + rounds);
                for (int concurrency : CONCURRENCY) {
                    if (client("raw")) {
                        all.add(logged(rawSocketSends(stub, count, concurrency)));
                    }
                    if (client("bare")) {
                        all.add(logged(harness.runAsync(BARE, bare, count, concurrency)));
                    }
                    if (client("sdk")) {
                        all.add(logged(harness.runBlocking(SDK, sdk, count, concurrency)));
                    }
                    if (camel != null && client("camel")) {
                        all.add(logged(harness.runAsync(CAMEL, camel, count, concurrency)));
                    }
                }
            }
            List<SendRun> runs = new ArrayList<>();
            for (int concurrency : CONCURRENCY) {
                for (String client : List.of(RAW, BARE, SDK, CAMEL)) {
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
        EventRun run = new RawHttpLoad().run(RAW, url, requests, concurrency, () -> 0);
        return new SendRun(RAW, concurrency, count, run.seconds(), run.perSecond(), run.p50Millis(), run.p99Millis(),
                Double.NaN, Double.NaN, run.errors());
    }

    private SendRun logged(SendRun run) {
        log(String.format(Locale.ROOT, "%-16s c=%-3d %8.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  %7.0f B/msg  %5.0f us CPU/msg  errors %d",
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
        SendRun camel = find(runs, CAMEL, 64);
        SendRun sdk = find(runs, SDK, 64);
        SendRun bare = find(runs, BARE, 64);
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

    // ---- 4. footprint and start ----------------------------------------------------------------------------

    private void footprintAndStart(StubLarkServer stub) throws Exception {
        footprint();
        List<String> childArgs = List.of("-Xmx256m", "-Dbench.baseUri=" + stub.baseUri());
        int repeats = quick ? 1 : 3;
        long[] camel = new long[repeats];
        long[] sdk = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            camel[i] = startupMillis("startup-camel", childArgs);
            sdk[i] = startupMillis("startup-sdk", childArgs);
        }
        long camelMedian = median(camel);
        long sdkMedian = median(sdk);
        report.section("4b. Cold start to first message sent (fresh JVM, token fetch included; median of " + repeats + ")",
                List.of("client", "from", "first message sent after", "runs"),
                List.of(List.of(CAMEL, "new DefaultCamelContext() + start + route", camelMedian + " ms", Arrays.toString(camel)),
                        List.of(SDK, "Client.newBuilder(...).build()", sdkMedian + " ms", Arrays.toString(sdk))));
        report.info("4", "cold start to first message sent, vs the SDK", camelMedian + " vs " + sdkMedian + " ms",
                (double) camelMedian / sdkMedian);
    }

    private long startupMillis(String mode, List<String> args) throws Exception {
        Map<String, String> result = ChildJvm.run(mode, args);
        if (result.containsKey("error") || !result.containsKey("first-message-ms")) {
            throw new IllegalStateException(mode + " failed: " + result.get("error"));
        }
        long millis = Long.parseLong(result.get("first-message-ms"));
        log(mode + ": " + millis + " ms (JVM up " + result.get("jvm-uptime-ms") + " ms at first message)");
        return millis;
    }

    private void footprint() throws IOException {
        Path tree = Path.of(System.getProperty("bench.tree", "target/dependency-tree.txt"));
        Path repository = Path.of(System.getProperty("bench.m2", System.getProperty("user.home") + "/.m2/repository"));
        Path componentJar = Path.of(System.getProperty("bench.componentJar", "../camel-lark-component/target/none.jar"));
        Footprint footprint = new Footprint(tree, repository);
        List<Footprint.Jar> component = footprint.closureOf("camel-lark-component",
                Files.exists(componentJar) ? componentJar : null);
        List<Footprint.Jar> sdk = footprint.closureOf("oapi-sdk", null);
        Set<String> core = footprint.camelCoreAndJackson();
        List<Footprint.Jar> componentExtra = component.stream().filter(j -> !core.contains(j.name())).toList();
        long componentBytes = Footprint.total(componentExtra);
        long sdkBytes = Footprint.total(sdk);
        List<List<String>> rows = new ArrayList<>();
        for (Footprint.Jar jar : component) {
            rows.add(List.of(CAMEL, jar.name(), Report.mb(jar.bytes()),
                    core.contains(jar.name()) ? "already in every Camel app" : "added"));
        }
        for (Footprint.Jar jar : sdk) {
            rows.add(List.of(SDK, jar.name(), Report.mb(jar.bytes()), "added"));
        }
        report.section("4a. Footprint: runtime jars", List.of("client", "jar", "size", "counts as"), rows);
        report.note("camel-lark adds " + componentExtra.size() + " jars, " + Report.mb(componentBytes)
                + " (component jar included) on top of camel-core and Jackson; its whole closure is "
                + Report.mb(Footprint.total(component)) + ". The SDK adds " + sdk.size() + " jars, " + Report.mb(sdkBytes) + ".");
        report.goal("4", "added jars vs the SDK's (~24 MB)", Report.mb(componentBytes) + " vs " + Report.mb(sdkBytes),
                (double) componentBytes / sdkBytes, 1.0, true);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The 1-minute load average: other builds on a shared machine show here. */
    static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void log(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
