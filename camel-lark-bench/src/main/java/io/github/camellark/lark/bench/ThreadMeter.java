package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bytes allocated and CPU time used by every Java thread of this JVM between {@link #start()} and {@link #stop()},
 * except the load side's (stub, load generators, push server) and the meter's own: what the client under test cost. CPU time per message is what a
 * shared machine distorts least (other processes slow a run down but do not make its threads do more work).
 * HotSpot counts per thread only while the thread lives, so a sampler polls all threads every few milliseconds:
 * threads born during the run count from zero, and a thread that dies loses at most one polling interval (pools here
 * are long-lived, so that is noise). GC and JIT threads are not Java threads and are not counted.
 */
final class ThreadMeter {

    /** What the measured threads used. */
    record Usage(long allocatedBytes, long cpuNanos) {
    }

    private static final long POLL_MILLIS = 10;
    /** The load side of the benchmark: the stub, the load generators and the push server's threads. */
    private static final List<String> NOT_MEASURED = List.of(StubLarkServer.THREAD_NAME_PREFIX, RawHttpLoad.THREAD_NAME,
            "WebSocketSelector-", "WebSocketWorker-", "WebSocketConnectReadThread-");

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, long[]> baseline = new HashMap<>();
    private final Map<Long, long[]> latest = new HashMap<>();
    private final Set<Long> excluded = new HashSet<>();
    private final Set<Long> named = new HashSet<>();
    private volatile boolean running;
    private Thread sampler;

    ThreadMeter() {
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    void start() {
        baseline.clear();
        latest.clear();
        excluded.clear();
        named.clear();
        sample(true);
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                synchronized (this) {
                    sample(false);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-sampler");
        sampler.setDaemon(true);
        excluded.add(sampler.getId());
        sampler.start();
    }

    Usage stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            sample(false);
            long bytes = 0;
            long cpu = 0;
            for (Map.Entry<Long, long[]> entry : latest.entrySet()) {
                if (!excluded.contains(entry.getKey())) {
                    long[] before = baseline.getOrDefault(entry.getKey(), new long[2]);
                    bytes += entry.getValue()[0] - before[0];
                    cpu += entry.getValue()[1] - before[1];
                }
            }
            return new Usage(bytes, cpu);
        }
    }

    private void sample(boolean first) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0 || cpu[i] < 0) {
                continue;
            }
            long[] now = { bytes[i], cpu[i] };
            if (first) {
                baseline.put(ids[i], now);
            }
            latest.put(ids[i], now);
        }
        List<Long> fresh = new ArrayList<>();
        for (long id : ids) {
            if (named.add(id)) {
                fresh.add(id);
            }
        }
        for (ThreadInfo info : threads.getThreadInfo(fresh.stream().mapToLong(Long::longValue).toArray(), 0)) {
            if (info != null && NOT_MEASURED.stream().anyMatch(info.getThreadName()::startsWith)) {
                excluded.add(info.getThreadId());
            }
        }
    }
}
