package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bytes allocated by every Java thread of this JVM between {@link #start()} and {@link #stop()}, except the stub
 * server's and the meter's own. HotSpot counts allocation per thread only while the thread lives, so a sampler polls
 * all threads every few milliseconds: threads born during the run count from zero, and a thread that dies loses at most
 * one polling interval of allocation (pools here are long-lived, so that is noise).
 */
final class AllocationMeter {

    private static final long POLL_MILLIS = 10;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> baseline = new HashMap<>();
    private final Map<Long, Long> latest = new HashMap<>();
    private final Set<Long> excluded = new HashSet<>();
    private volatile boolean running;
    private Thread sampler;

    AllocationMeter() {
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    void start() {
        baseline.clear();
        latest.clear();
        excluded.clear();
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
        }, "bench-allocation-sampler");
        sampler.setDaemon(true);
        excluded.add(sampler.getId());
        sampler.start();
    }

    /** Total bytes allocated since {@link #start()}. */
    long stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            sample(false);
            long total = 0;
            for (Map.Entry<Long, Long> entry : latest.entrySet()) {
                if (!excluded.contains(entry.getKey())) {
                    total += entry.getValue() - baseline.getOrDefault(entry.getKey(), 0L);
                }
            }
            return total;
        }
    }

    private void sample(boolean first) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0) {
                continue;
            }
            Long id = ids[i];
            if (first) {
                baseline.put(id, bytes[i]);
            }
            latest.put(id, bytes[i]);
        }
        if (first) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith(StubLarkServer.THREAD_NAME_PREFIX)) {
                    excluded.add(thread.getId());
                }
            }
        }
    }
}
