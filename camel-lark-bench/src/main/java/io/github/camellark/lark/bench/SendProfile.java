package io.github.camellark.lark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One extra camel-lark run at 64 sends in flight under a JFR recording (JFR's "profile" settings, CPU sampled every
 * 2 ms), after the measured rounds so it cannot distort them and after a recorded warm-up of a quarter of its sends;
 * its {@link JfrSummary} lands in the report. Chosen by
 * {@code -Dbench.jfr=http} (the default), {@code https} or {@code off}; the recording stays in the work directory for
 * {@code jfr print} or JDK Mission Control.
 */
final class SendProfile {

    static final int CONCURRENCY = 64;

    private final Report report;
    private final SendHarness harness;

    SendProfile(Report report, SendHarness harness) {
        this.report = report;
        this.harness = harness;
    }

    void record(SendClients http, SendClients https, int count) throws Exception {
        String transport = System.getProperty("bench.jfr", "http").toUpperCase(Locale.ROOT);
        if (transport.equals("OFF") || !BenchMain.client("camel")) {
            return;
        }
        SendClients clients = transport.equals(SendRun.HTTPS) ? https : http;
        if (!List.of(SendRun.HTTP, SendRun.HTTPS).contains(transport) || clients == null || clients.camel() == null) {
            report.missing("JFR profile of the camel-lark send over " + transport + ": no such camel-lark sender"
                    + " (bench.jfr is http, https or off)");
            return;
        }
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work")).toAbsolutePath();
        Files.createDirectories(work);
        Path file = work.resolve("camel-send-" + CONCURRENCY + "-" + transport.toLowerCase(Locale.ROOT) + ".jfr");
        BenchMain.log("JFR profile: camel-lark over " + transport + ", " + count + " sends, " + CONCURRENCY + " in flight");
        SendRun run;
        Instant measured;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            // starting JFR instruments classes and deoptimises code, and each thread's first allocation sample weighs
            // all it allocated before: a recorded warm-up absorbs both, and the summary starts after it
            harness.runAsync(BenchMain.CAMEL, clients.camel(), count / 4, CONCURRENCY);
            measured = Instant.now();
            run = harness.runAsync(BenchMain.CAMEL, clients.camel(), count, CONCURRENCY);
            recording.stop();
            recording.dump(file);
        }
        String summary = JfrSummary.summarize(file, null, measured);
        report.preformatted(String.format(Locale.ROOT, "1b. Where camel-lark's send time goes: JFR over %s, %d in flight"
                        + " (%d sends at %.0f msg/s while recorded; recording %s)", transport, CONCURRENCY, count,
                run.perSecond(), file.getFileName()), summary);
        BenchMain.log("JFR recording written to " + file);
    }
}
