package io.github.camellark.lark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 3. Memory on big files: a 30 MB upload and a 100 MB download to disk, each client in a JVM of its own (same heap
 * settings), with the live heap watched during the transfer.
 */
final class FileSection {

    static final long UPLOAD_BYTES = 30L * 1024 * 1024;
    static final long DOWNLOAD_BYTES = 100L * 1024 * 1024;
    static final long GOAL_BYTES = 16L * 1024 * 1024;
    static final List<String> CHILD_HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private final Report report;

    FileSection(Report report) {
        this.report = report;
    }

    void run(StubLarkServer stub) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work")).toAbsolutePath();
        Files.createDirectories(work);
        Path upload = work.resolve("upload-30mb.bin");
        writeRandomFile(upload, UPLOAD_BYTES);
        stub.downloadSize(DOWNLOAD_BYTES);
        List<String> args = new ArrayList<>(CHILD_HEAP);
        args.add("-Dbench.baseUri=" + stub.baseUri());
        args.add("-Dbench.uploadFile=" + upload);
        args.add("-Dbench.downloadDir=" + work);
        Map<String, String> camel = ChildJvm.run("files-camel", args);
        Map<String, String> sdk = ChildJvm.run("files-sdk", args);
        List<List<String>> rows = new ArrayList<>();
        addRows(rows, BenchMain.CAMEL, camel);
        addRows(rows, BenchMain.SDK, sdk);
        report.section("3. Memory on big files (30 MB upload from disk, 100 MB download to disk; fresh JVM each, "
                + String.join(" ", CHILD_HEAP) + ")",
                List.of("client", "transfer", "peak live heap growth", "sampled live", "after JVM GCs", "old-gen peak",
                        "raw peak incl. garbage", "seconds", "MB/s"), rows);
        for (String transfer : List.of("upload", "download")) {
            String key = transfer + ".peakLive";
            if (camel.containsKey("error") || !camel.containsKey(key)) {
                report.goalNotMeasured("3", transfer + " peak heap growth < 16 MB",
                        "camel-lark run failed: " + camel.getOrDefault("error", "no result"));
                continue;
            }
            long growth = Long.parseLong(camel.get(key));
            String sdkGrowth = sdk.containsKey(key) ? Report.mb(Long.parseLong(sdk.get(key))) : "failed";
            report.goal("3", transfer + " peak heap growth < 16 MB", Report.mb(growth) + " (SDK " + sdkGrowth + ")",
                    (double) growth / GOAL_BYTES, 1.0, true);
        }
        Files.deleteIfExists(upload);
        Files.deleteIfExists(work.resolve("camel-download.bin"));
        Files.deleteIfExists(work.resolve("sdk-download.bin"));
    }

    private static void addRows(List<List<String>> rows, String client, Map<String, String> result) {
        for (String transfer : List.of("upload", "download")) {
            if (!result.containsKey(transfer + ".peakLive")) {
                rows.add(List.of(client, transfer, "failed: " + result.getOrDefault("error", "no result").replace('\n', ' ').replace('|', '/'),
                        "", "", "", "", "", ""));
                continue;
            }
            double seconds = Double.parseDouble(result.get(transfer + ".seconds"));
            long bytes = transfer.equals("upload") ? UPLOAD_BYTES : DOWNLOAD_BYTES;
            rows.add(List.of(client, transfer, mb(result, transfer + ".peakLive"), mb(result, transfer + ".sampledLive"),
                    mb(result, transfer + ".afterGc"), mb(result, transfer + ".oldGenPeak"), mb(result, transfer + ".rawPeak"),
                    Report.fmt(seconds, 2), Report.fmt(bytes / 1024.0 / 1024.0 / seconds, 0)));
        }
    }

    private static String mb(Map<String, String> result, String key) {
        return Report.mb(Long.parseLong(result.get(key)));
    }

    /** Incompressible content, so no layer can shortcut it. */
    private static void writeRandomFile(Path file, long size) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
    }
}
