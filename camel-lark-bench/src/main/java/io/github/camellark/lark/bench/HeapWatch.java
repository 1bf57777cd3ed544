package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * How much the heap grows while one transfer runs, counting only what is live. Raw peak usage would count young-gen
 * garbage (a streamed copy churns through 64 KB buffers), so three live-set views are combined, and the largest wins:
 * <ul>
 * <li>a sampler that forces a GC every {@value #SAMPLE_MILLIS} ms during the transfer and reads the heap right after;</li>
 * <li>the heap after every collection the JVM ran on its own (GC notifications);</li>
 * <li>the peak of the old-generation pools, where G1 puts humongous arrays (a whole file in a byte[] lands there
 * even if it dies before any sample).</li>
 * </ul>
 * Baseline: the heap after two full collections before the transfer.
 */
final class HeapWatch implements AutoCloseable {

    static final long SAMPLE_MILLIS = 100;

    /** What one transfer did to the heap, in bytes above the baseline. */
    record Growth(long peakLive, long sampledLive, long afterGc, long oldGenPeak, long rawPeak, int samples) {
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final List<MemoryPoolMXBean> oldPools = heapPools.stream()
            .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxSampled = new AtomicLong();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            // the GC reports every pool, metaspace and code cache included: keep the heap's
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heapPoolNames.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
            maxAfterGc.accumulateAndGet(used, Math::max);
        }
    };
    private long baseline;
    private long oldBaseline;
    private volatile boolean sampling;
    private Thread sampler;
    private int samples;

    HeapWatch() {
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
    }

    void start() {
        System.gc();
        System.gc();
        baseline = used();
        oldBaseline = oldUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        maxAfterGc.set(baseline);
        maxSampled.set(baseline);
        samples = 0;
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                maxSampled.accumulateAndGet(used(), Math::max);
                samples++;
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Growth stop() throws InterruptedException {
        sampling = false;
        sampler.interrupt();
        sampler.join();
        long oldPeak = oldPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - oldBaseline;
        long rawPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - baseline;
        long sampled = maxSampled.get() - baseline;
        long afterGc = maxAfterGc.get() - baseline;
        long peakLive = Math.max(0, Math.max(sampled, Math.max(afterGc, oldPeak)));
        return new Growth(peakLive, sampled, afterGc, oldPeak, rawPeak, samples);
    }

    private long used() {
        return heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private long oldUsed() {
        return oldPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    @Override
    public void close() throws Exception {
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(gc -> {
                    try {
                        ((NotificationEmitter) gc).removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // never added
                    }
                });
    }
}
