package io.github.camellark.lark.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Plays Lark's webhook pusher: posts pre-made signed requests with a fixed number in flight, times each reply. */
final class WebhookLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    EventRun run(String receiver, URI url, List<EventPayloads.SignedRequest> requests, int window, LongSupplier routed)
            throws InterruptedException {
        int count = requests.size();
        Latencies latencies = new Latencies(count);
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(window);
        CountDownLatch finished = new CountDownLatch(count);
        long routedBefore = routed.getAsLong();
        long start = System.nanoTime();
        for (EventPayloads.SignedRequest signed : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
            signed.headers().forEach(builder::header);
            HttpRequest request = builder.build();
            inFlight.acquire();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                latencies.record(System.nanoTime() - sent);
                if ((failure != null || response.statusCode() != 200) && errors.incrementAndGet() == 1) {
                    System.err.println(receiver + " webhook: first failure: "
                            + (failure != null ? failure : "HTTP " + response.statusCode() + " " + new String(response.body())));
                }
                inFlight.release();
                finished.countDown();
            });
        }
        if (!finished.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(receiver + " webhook did not answer " + count + " events in 5 min");
        }
        long nanos = System.nanoTime() - start;
        return EventRun.of(receiver, "webhook", window, count, nanos, latencies, errors.get(), routed.getAsLong() - routedBefore);
    }
}
