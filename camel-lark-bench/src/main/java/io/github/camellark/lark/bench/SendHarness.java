package io.github.camellark.lark.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives a client at a fixed number of sends in flight and measures throughput, latency and allocation. Asynchronous
 * clients get a semaphore (a send starts as soon as one finishes); blocking clients get a pool of that many threads,
 * which is how the SDK is used.
 */
final class SendHarness {

    /** Sends message {@code i} and reports the outcome (null = success) exactly once, from any thread. */
    interface AsyncClient {
        void send(int i, Consumer<Throwable> done);
    }

    /** Sends message {@code i} on the calling thread; throws on failure. */
    interface BlockingClient {
        void send(int i) throws Exception;
    }

    private static final long RUN_TIMEOUT_MINUTES = 5;

    private final ThreadMeter meter = new ThreadMeter();

    SendRun runAsync(String name, AsyncClient client, int count, int concurrency) throws InterruptedException {
        Latencies latencies = new Latencies(count);
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch finished = new CountDownLatch(count);
        meter.start();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.send(i, failure -> {
                latencies.record(System.nanoTime() - sent);
                if (failure != null && errors.incrementAndGet() == 1) {
                    System.err.println(name + ": first failure: " + failure);
                }
                inFlight.release();
                finished.countDown();
            });
        }
        if (!finished.await(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + " did not finish " + count + " sends in " + RUN_TIMEOUT_MINUTES + " min");
        }
        long nanos = System.nanoTime() - start;
        return SendRun.of(name, concurrency, count, nanos, latencies, meter.stop(), errors.get());
    }

    SendRun runBlocking(String name, BlockingClient client, int count, int concurrency) throws InterruptedException {
        Latencies latencies = new Latencies(count);
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "bench-caller");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // threads exist before the clock starts, as in an application whose pool is warm
            CountDownLatch ready = new CountDownLatch(concurrency);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(concurrency);
            for (int t = 0; t < concurrency; t++) {
                pool.execute(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        int i;
                        while ((i = next.getAndIncrement()) < count) {
                            long sent = System.nanoTime();
                            try {
                                client.send(i);
                            } catch (Exception e) {
                                if (errors.incrementAndGet() == 1) {
                                    System.err.println(name + ": first failure: " + e);
                                }
                            }
                            latencies.record(System.nanoTime() - sent);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                });
            }
            ready.await();
            meter.start();
            long start = System.nanoTime();
            go.countDown();
            if (!finished.await(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + " did not finish " + count + " sends in " + RUN_TIMEOUT_MINUTES + " min");
            }
            long nanos = System.nanoTime() - start;
            return SendRun.of(name, concurrency, count, nanos, latencies, meter.stop(), errors.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
