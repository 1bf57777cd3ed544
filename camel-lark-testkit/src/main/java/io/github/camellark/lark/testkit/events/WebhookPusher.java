package io.github.camellark.lark.testkit.events;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lark's outgoing side for webhooks: sends event pushes over HTTP, judges each answer against the response
 * budget, schedules redeliveries and records every attempt.
 * <p>
 * Threads: a fixed pool of {@code maxConcurrentPushes} senders and one timer for redeliveries, all named
 * {@code testkit-webhook-*} and all stopped by {@link #close()}, which also aborts requests in flight.
 * Requests are written by hand ({@link PushConnection}) so they carry Lark's headers only; a JDK client would add its
 * own, and {@code java.net.http.HttpClient} cannot even be closed on Java 17 (its selector thread would stay behind).
 */
public final class WebhookPusher implements AutoCloseable {

    private static final int MAX_RECORDED_RESPONSE = 1 << 20;

    private final ExecutorService senders;
    private final ScheduledExecutorService redeliveryTimer;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final Set<PushConnection> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public WebhookPusher() {
        this(4);
    }

    public WebhookPusher(int maxConcurrentPushes) {
        this.senders = Executors.newFixedThreadPool(maxConcurrentPushes, named("testkit-webhook-sender-"));
        this.redeliveryTimer = Executors.newSingleThreadScheduledExecutor(named("testkit-webhook-timer-"));
    }

    /** A webhook URL with Lark's defaults: plaintext, 3 s budget, {@link RetrySchedule#lark()}. */
    public Webhook webhook(URI url) {
        return new Webhook(this, url);
    }

    public Webhook webhook(String url) {
        return webhook(URI.create(url));
    }

    /** Every push so far (all URLs), in order. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Forgets recorded deliveries (does not cancel them). */
    public void clearDeliveries() {
        deliveries.clear();
    }

    WebhookDelivery push(Webhook hook, LarkEvent event) {
        WebhookDelivery delivery = new WebhookDelivery(event, hook.url());
        deliveries.add(delivery);
        if (!submit(() -> attempt(hook, delivery, 1))) {
            delivery.finish(WebhookDelivery.State.GAVE_UP);
        }
        return delivery;
    }

    WebhookAttempt sendNow(Webhook hook, WebhookRequest request, LarkEvent event) {
        WebhookAttempt attempt = exchange(hook, request, 1);
        if (event != null) {
            WebhookDelivery delivery = new WebhookDelivery(event, hook.url());
            delivery.record(attempt);
            delivery.finish(attempt.acknowledged() ? WebhookDelivery.State.DELIVERED : WebhookDelivery.State.GAVE_UP);
            deliveries.add(delivery);
        }
        return attempt;
    }

    private void attempt(Webhook hook, WebhookDelivery delivery, int number) {
        if (closed) {
            delivery.finish(WebhookDelivery.State.GAVE_UP);
            return;
        }
        WebhookAttempt attempt = exchange(hook, hook.prepare(delivery.event()), number);
        delivery.record(attempt);
        if (attempt.acknowledged()) {
            delivery.finish(WebhookDelivery.State.DELIVERED);
            return;
        }
        var delay = delivery.event().isCallback() ? java.util.Optional.<Duration>empty() : hook.retrySchedule().delayBefore(number);
        if (delay.isEmpty() || closed) {
            delivery.finish(WebhookDelivery.State.GAVE_UP);
            return;
        }
        try {
            redeliveryTimer.schedule(() -> {
                if (!submit(() -> attempt(hook, delivery, number + 1))) {
                    delivery.finish(WebhookDelivery.State.GAVE_UP);
                }
            }, delay.get().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            delivery.finish(WebhookDelivery.State.GAVE_UP);
        }
    }

    /** Returns {@code false} when the pool was closed meanwhile; the caller must then finish the delivery. */
    private boolean submit(Runnable task) {
        try {
            senders.execute(task);
            return true;
        } catch (RejectedExecutionException closedMeanwhile) {
            return false;
        }
    }

    /** One HTTP exchange, judged like Lark does: HTTP 200 within the budget or it failed. */
    private WebhookAttempt exchange(Webhook hook, WebhookRequest request, int number) {
        Duration budget = hook.responseBudget();
        int budgetMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.toMillis()));
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        PushConnection connection = null;
        try {
            connection = new PushConnection(request.url());
            inFlight.add(connection);
            if (closed) {
                // close() may have swept inFlight before the add above: do not start a request it will not abort
                connection.abort();
                return new WebhookAttempt(number, startedAt, Duration.ofNanos(System.nanoTime() - start),
                        WebhookAttempt.Outcome.UNREACHABLE, -1, "", request);
            }
            PushConnection.Answer answer = connection.post(request.url(), request.headers(), request.body(), budgetMillis,
                    MAX_RECORDED_RESPONSE);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            WebhookAttempt.Outcome outcome = latency.compareTo(budget) > 0 ? WebhookAttempt.Outcome.TIMED_OUT
                    : answer.status() == 200 ? WebhookAttempt.Outcome.ACKNOWLEDGED : WebhookAttempt.Outcome.REJECTED;
            return new WebhookAttempt(number, startedAt, latency, outcome, answer.status(), answer.body(), request);
        } catch (SocketTimeoutException e) {
            return new WebhookAttempt(number, startedAt, Duration.ofNanos(System.nanoTime() - start),
                    WebhookAttempt.Outcome.TIMED_OUT, -1, "", request);
        } catch (IOException | RuntimeException e) {
            return new WebhookAttempt(number, startedAt, Duration.ofNanos(System.nanoTime() - start),
                    WebhookAttempt.Outcome.UNREACHABLE, -1, "", request);
        } finally {
            if (connection != null) {
                inFlight.remove(connection);
            }
        }
    }

    /** Stops all threads, aborts requests in flight; deliveries still pending end as {@code GAVE_UP}. */
    @Override
    public void close() {
        closed = true;
        redeliveryTimer.shutdownNow();
        senders.shutdownNow();
        inFlight.forEach(PushConnection::abort);
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
            redeliveryTimer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.forEach(d -> d.finish(WebhookDelivery.State.GAVE_UP));
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
