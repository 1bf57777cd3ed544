package io.github.camellark.lark.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a benchmark run (docs/benchmarks.md, "Profiling"): where the CPU samples are, by
 * thread group and by method (self and inclusive), and who allocates, by the nearest frame of a known layer
 * (Vert.x/Netty, JDK TLS, Camel, camel-lark client/handlers, Jackson ...). Needs only the JDK:
 * {@code java -cp camel-lark-bench/target/classes io.github.camellark.lark.bench.JfrSummary rec.jfr [thread-regex]}.
 */
public final class JfrSummary {

    private static final int TOP = 25;
    /** Layers an allocation is charged to: the first frame from the top of the stack that matches one. */
    private static final Map<String, Pattern> LAYERS = layers();

    private final Map<String, Long> threadSamples = new HashMap<>();
    private final Map<String, Long> selfSamples = new HashMap<>();
    private final Map<String, Long> inclusiveSamples = new HashMap<>();
    private final Map<String, Long> layerBytes = new HashMap<>();
    private final Map<String, Long> classBytes = new HashMap<>();
    private long cpuSamples;
    private long allocatedWeight;

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary <recording.jfr> [thread-name-regex]");
            System.exit(2);
        }
        System.out.print(summarize(Path.of(args[0]), args.length > 1 ? Pattern.compile(args[1]) : null, Instant.MIN));
    }

    /**
     * The summary of one recording, as printed text: only events from {@code since} on, and of the threads matching
     * {@code threads} (null for all).
     */
    static String summarize(Path recording, Pattern threads, Instant since) throws IOException {
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getStartTime().isBefore(since)) {
                continue;
            }
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                RecordedThread thread = event.getThread("sampledThread");
                if (matches(threads, thread)) {
                    summary.cpu(thread, event.getStackTrace());
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                if (matches(threads, event.getThread())) {
                    summary.allocation(event);
                }
            }
        }
        return summary.render();
    }

    private static boolean matches(Pattern threads, RecordedThread thread) {
        if (thread == null) {
            return threads == null;
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : String.valueOf(thread.getOSName());
        return !name.startsWith(StubLarkServer.THREAD_NAME_PREFIX) && (threads == null || threads.matcher(name).find());
    }

    private void cpu(RecordedThread thread, RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        cpuSamples++;
        String group = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("[-# ]?\\d+$", "");
        threadSamples.merge(group, 1L, Long::sum);
        List<RecordedFrame> frames = stack.getFrames();
        selfSamples.merge(method(frames.get(0)), 1L, Long::sum);
        Set<String> seen = new LinkedHashSet<>();
        for (RecordedFrame frame : frames) {
            if (seen.add(method(frame))) {
                inclusiveSamples.merge(method(frame), 1L, Long::sum);
            }
        }
    }

    private void allocation(RecordedEvent event) {
        long weight = event.getLong("weight");
        allocatedWeight += weight;
        classBytes.merge(event.getClass("objectClass").getName(), weight, Long::sum);
        String layer = "other";
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
            search:
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, Pattern> candidate : LAYERS.entrySet()) {
                    if (candidate.getValue().matcher(type + "." + frame.getMethod().getName()).find()) {
                        layer = candidate.getKey();
                        break search;
                    }
                }
            }
        }
        layerBytes.merge(layer, weight, Long::sum);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Pattern> layers() {
        Map<String, Pattern> layers = new LinkedHashMap<>();
        layers.put("camel-lark uuid (SHA-256 idempotency key)", Pattern.compile("producer\\.Uuids\\.of$"));
        layers.put("Jackson", Pattern.compile("^com\\.fasterxml\\.jackson"));
        layers.put("camel-lark transport (port and Vert.x adapter)", Pattern.compile("^io\\.github\\.camellark\\.lark\\.client\\.(http|vertx)\\."));
        layers.put("camel-lark client (LarkClient, LarkRequest, tokens)", Pattern.compile("^io\\.github\\.camellark\\.lark\\.client"));
        layers.put("camel-lark events (pipeline, crypto, transports)", Pattern.compile("^io\\.github\\.camellark\\.lark\\.event"));
        layers.put("camel-lark handlers and content", Pattern.compile("^io\\.github\\.camellark\\.lark\\.(producer|content)"));
        layers.put("JDK TLS (SSLEngine, ciphers)", Pattern.compile("^(sun\\.security\\.ssl|javax\\.net\\.ssl|com\\.sun\\.crypto|javax\\.crypto)"));
        layers.put("Camel platform-http (Vert.x)", Pattern.compile("^org\\.apache\\.camel\\.component\\.platform\\.http"));
        layers.put("Camel exchange, unit of work, routing", Pattern.compile("^org\\.apache\\.camel"));
        layers.put("Vert.x / Netty", Pattern.compile("^io\\.(vertx|netty)"));
        layers.put("official SDK (OkHttp, Gson, dispatcher)", Pattern.compile("^com\\.(lark|google\\.gson)"));
        layers.put("benchmark harness and load", Pattern.compile("^io\\.github\\.camellark\\.lark\\.(bench|testkit)"));
        return layers;
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "CPU samples: %d%n", cpuSamples));
        top(out, "threads", threadSamples, cpuSamples, 12);
        top(out, "self (CPU)", selfSamples, cpuSamples, TOP);
        top(out, "inclusive (CPU)", inclusiveSamples, cpuSamples, TOP);
        out.append(String.format(Locale.ROOT, "%nallocation samples weigh %.1f MB%n", allocatedWeight / 1e6));
        top(out, "allocated by layer", layerBytes, allocatedWeight, 15);
        top(out, "allocated classes", classBytes, allocatedWeight, 12);
        return out.toString();
    }

    private static void top(StringBuilder out, String title, Map<String, Long> counts, long total, int limit) {
        out.append("-- ").append(title).append(System.lineSeparator());
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getKey())));
    }
}
