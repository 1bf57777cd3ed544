package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * What the hand-off from a Vert.x event loop to the component's worker pool costs, the step camel-lark takes after every
 * reply so that a route never runs on an event loop: the same completions, once continued on the event loop itself and
 * once handed to a cached pool (as Camel's ExecutorServiceManager makes it), at 1 and 64 in flight. Reports the latency
 * from "reply complete on the event loop" to "route code runs", and the process CPU per completion.
 */
public final class HandOffCost {

    private static final int COUNT = 200_000;

    private HandOffCost() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        ExecutorService workers = Executors.newCachedThreadPool();
        try {
            for (int round = 0; round < 2; round++) {
                boolean report = round == 1; // the first round warms the JIT up
                for (int inFlight : new int[] { 1, 64 }) {
                    measure(vertx, null, inFlight, report);
                    measure(vertx, workers, inFlight, report);
                }
            }
        } finally {
            workers.shutdownNow();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void measure(Vertx vertx, ExecutorService workers, int inFlight, boolean report) throws Exception {
        long[] latencies = new long[COUNT];
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(COUNT);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            permits.acquire();
            int index = i;
            vertx.runOnContext(ignored -> {
                long replied = System.nanoTime();
                Runnable route = () -> {
                    latencies[index] = System.nanoTime() - replied;
                    permits.release();
                    done.countDown();
                };
                if (workers == null) {
                    route.run();
                } else {
                    workers.execute(route);
                }
            });
        }
        done.await(5, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        if (report) {
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%-22s in flight %-3d p50 %6.1f us  p99 %7.1f us  CPU %5.2f us/completion  %8.0f/s%n",
                    workers == null ? "on the event loop" : "handed to a worker", inFlight, latencies[COUNT / 2] / 1e3,
                    latencies[COUNT * 99 / 100] / 1e3, cpu / 1e3 / COUNT, COUNT / (elapsed / 1e9));
        }
    }
}
