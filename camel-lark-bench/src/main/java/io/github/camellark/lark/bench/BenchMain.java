package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs every measurement of docs/benchmarks.md in one go and prints one report. Modes: {@code full} (the documented
 * counts), {@code quick} (small counts, a smoke check while developing); the other modes are the child JVMs it starts
 * for cold start-up and big-file heap measurements.
 */
public final class BenchMain {

    static final String RAW = "raw socket";
    static final String BARE = "bare Vert.x";
    static final String SDK = "official SDK";
    static final String CAMEL = "camel-lark";
    static final String CAMEL_FLOW = "camel-lark, flow control";

    private final boolean quick;
    private final Report report = new Report();

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
                // first thing, before any class reads the JVM's default SSLContext
                TlsCertificate certificate = trustedCertificate();
                new BenchMain(mode.equals("quick")).runAll(certificate);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode + "; use full or quick");
        }
        // the SDK's WebSocket client and OkHttp keep non-daemon threads that nothing can stop
        System.exit(0);
    }

    /** The HTTPS stub's certificate, made trusted by default; null (no HTTPS rows) when keytool fails. */
    private static TlsCertificate trustedCertificate() {
        if (!selected("send")) {
            return null;
        }
        try {
            TlsCertificate certificate = TlsCertificate.generate(
                    Path.of(System.getProperty("bench.work", "target/bench-work")).toAbsolutePath().resolve("tls"));
            certificate.trustByDefault();
            return certificate;
        } catch (Exception e) {
            log("no HTTPS rows: the stub's certificate could not be made: " + e);
            return null;
        }
    }

    private void runAll(TlsCertificate certificate) throws Exception {
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
                try (TlsStubServer tlsStub = startTlsStub(certificate)) {
                    new SendSection(report, quick).run(stub, tlsStub);
                }
            }
            if (selected("events")) {
                new EventSection(report, quick).run(stub);
            }
            if (selected("files")) {
                new FileSection(report).run(stub);
            }
            if (selected("footprint")) {
                new FootprintSection(report, quick).run(stub);
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

    private TlsStubServer startTlsStub(TlsCertificate certificate) {
        if (certificate == null) {
            report.missing("HTTPS sends: the stub's certificate could not be made (see the log)");
            return null;
        }
        try {
            return new TlsStubServer(certificate);
        } catch (Exception e) {
            report.missing("HTTPS sends: the HTTPS stub could not start (" + e.getMessage() + ")");
            log("HTTPS stub unavailable: " + e);
            return null;
        }
    }

    /** -Dbench.sections=send,events,files,footprint (default: all) picks what runs, for development. */
    private static boolean selected(String section) {
        String sections = System.getProperty("bench.sections", "all");
        return sections.equals("all") || Arrays.asList(sections.split(",")).contains(section);
    }

    /** -Dbench.clients=raw,bare,sdk,camel (default: all) narrows the send section, e.g. to profile one client. */
    static boolean client(String name) {
        String clients = System.getProperty("bench.clients", "all");
        return clients.equals("all") || Arrays.asList(clients.split(",")).contains(name);
    }

    /** The 1-minute load average: other builds on a shared machine show here. */
    static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void log(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
