package io.github.camellark.lark.bench;

import java.util.List;

/** The send goals of issue 13, camel-lark against the official SDK, over HTTP and over HTTPS. */
final class SendGoals {

    private SendGoals() {
    }

    static void report(Report report, List<SendRun> runs) {
        for (String transport : List.of(SendRun.HTTP, SendRun.HTTPS)) {
            String at64 = "send over " + transport + ", 64 in flight: ";
            SendRun camel = find(runs, BenchMain.CAMEL, transport, 64);
            SendRun sdk = find(runs, BenchMain.SDK, transport, 64);
            if (camel == null || sdk == null) {
                String why = missing(camel);
                report.goalNotMeasured("1", at64 + "msg/s >= 1.5x SDK", why);
                report.goalNotMeasured("1", at64 + "CPU/msg <= 0.6x SDK", why);
                report.goalNotMeasured("1", at64 + "allocated B/msg <= SDK", why);
            } else {
                report.goal("1", at64 + "msg/s >= 1.5x SDK",
                        Report.fmt(camel.perSecond(), 0) + " vs " + Report.fmt(sdk.perSecond(), 0) + " msg/s",
                        camel.perSecond() / sdk.perSecond(), 1.5, false);
                report.goal("1", at64 + "CPU/msg <= 0.6x SDK",
                        Report.fmt(camel.cpuMicrosPerMessage(), 0) + " vs " + Report.fmt(sdk.cpuMicrosPerMessage(), 0) + " us/msg",
                        camel.cpuMicrosPerMessage() / sdk.cpuMicrosPerMessage(), 0.6, true);
                report.goal("1", at64 + "allocated B/msg <= SDK",
                        Report.fmt(camel.bytesPerMessage(), 0) + " vs " + Report.fmt(sdk.bytesPerMessage(), 0) + " B/msg",
                        camel.bytesPerMessage() / sdk.bytesPerMessage(), 1.0, true);
            }
        }
        for (String transport : List.of(SendRun.HTTP, SendRun.HTTPS)) {
            String goal = "send over " + transport + ", 1 in flight: p50 latency <= SDK";
            SendRun camel = find(runs, BenchMain.CAMEL, transport, 1);
            SendRun sdk = find(runs, BenchMain.SDK, transport, 1);
            if (camel == null || sdk == null) {
                report.goalNotMeasured("1", goal, missing(camel));
            } else {
                report.goal("1", goal, Report.fmt(camel.p50Millis(), 2) + " vs " + Report.fmt(sdk.p50Millis(), 2) + " ms",
                        camel.p50Millis() / sdk.p50Millis(), 1.0, true);
            }
        }
    }

    private static String missing(SendRun camel) {
        return camel == null ? "the camel-lark client did not run" : "the SDK was left out (bench.clients) or did not run";
    }

    private static SendRun find(List<SendRun> runs, String client, String transport, int concurrency) {
        return runs.stream().filter(r -> r.is(client, transport, concurrency)).findFirst().orElse(null);
    }
}
