package io.github.camellark.lark.client.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.github.camellark.lark.client.http.Headers;
import io.github.camellark.lark.client.http.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side flow control of one app, shared by all the endpoints of the app in one component: calls wait for their
 * place instead of being refused by Lark. Two kinds of limits, from Lark's documented rate limits
 * (<a href="https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control">frequency control</a>):
 * <ul>
 * <li>the app's: {@code appRateLimitPerSecond} and {@code appRateLimitPerMinute} (Lark: 50/s and 1,000/min for most IM
 * APIs), per tenant for store apps, over the calls to Lark's IM APIs ({@code /open-apis/im/...});</li>
 * <li>the receiver's: {@code receiverRateLimitPerSecond} sends and replies to one user or chat (Lark: 5 QPS, shared by
 * all the bots of a group), and updates of one card message (Lark: 5 QPS per message).</li>
 * </ul>
 * Lark does not say over which window it counts, so each limit holds in every rolling window (see
 * {@link RollingWindow}). A waiting call waits on a timer, never on a thread, in line behind the earlier ones, at most
 * {@code flowControlMaxWait}; at most {@code flowControlMaxQueued} calls of the app wait at once.
 * <p>
 * Lark's {@code x-ogw-ratelimit-*} reply headers are followed: a throttled reply pauses the app (or the receiver) for
 * {@code x-ogw-ratelimit-reset} seconds, and an {@code x-ogw-ratelimit-limit} below appRateLimitPerSecond lowers it.
 * (Which window that header's limit counts is not documented: reading it as a per-second limit errs on the safe side.)
 * <p>
 * Each JVM has its own flow control: with several nodes sending as one app, give each node its share of the app's
 * limits (for example appRateLimitPerSecond=25 on each of two nodes).
 */
public final class FlowControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowControl.class);
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** How long a throttled reply without x-ogw-ratelimit-reset pauses its key. */
    private static final long DEFAULT_PAUSE = SECOND;
    private static final long SWEEP_EVERY = 10 * SECOND;

    private final String appId;
    private final FlowLimits limits;
    private final HttpTransport timers;
    private final LongSupplier nanoTime;
    private final Map<String, Gate> apps = new ConcurrentHashMap<>();
    private final Map<String, Gate> receivers = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong lastSweep;
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder throttledByLark = new LongAdder();

    /** @param timers where waiting calls wait: the transport's timers, on its I/O threads */
    public FlowControl(String appId, FlowLimits limits, HttpTransport timers) {
        this(appId, limits, timers, System::nanoTime);
    }

    FlowControl(String appId, FlowLimits limits, HttpTransport timers, LongSupplier nanoTime) {
        this.appId = appId;
        this.limits = limits;
        this.timers = timers;
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    public FlowLimits limits() {
        return limits;
    }

    /**
     * Completes once the call may go: at once while the limits have room, later otherwise; fails with a
     * {@link FlowControlException} when it cannot go within flowControlMaxWait or the line is full.
     *
     * @param tenantKey  the tenant of a store app's call; null for self-built apps
     * @param receiver   the user, chat or message whose limit the call counts against; null for none
     * @param appLimited whether the call counts against the app's limits (Lark documents them for its IM APIs)
     */
    public CompletableFuture<Permit> admit(String tenantKey, String receiver, boolean appLimited) {
        long start = nanoTime.getAsLong();
        long deadline = start + limits.maxWait().toNanos();
        Gate app = appLimited ? apps.computeIfAbsent(tenantKey == null ? "" : tenantKey, this::appGate) : null;
        Gate gate = receiver == null ? null : receiverGate(receiver, start);
        if (gate == null && app == null) {
            return CompletableFuture.completedFuture(Permit.NONE);
        }
        if (gate == null || app == null) {
            Gate only = gate != null ? gate : app;
            CompletableFuture<Void> passed = only.acquire(deadline);
            return passed == Gate.OPEN ? CompletableFuture.completedFuture(new Permit(this, app, gate, 0))
                    : passed.thenApply(ignored -> permit(app, gate, start));
        }
        CompletableFuture<Void> first = gate.acquire(deadline);
        if (first == Gate.OPEN) {
            CompletableFuture<Void> second = app.acquire(deadline);
            return second == Gate.OPEN ? CompletableFuture.completedFuture(new Permit(this, app, gate, 0))
                    : then(second, app, gate, start);
        }
        return first.thenCompose(ignored -> then(app.acquire(deadline), app, gate, start));
    }

    private Gate receiverGate(String receiver, long now) {
        sweepNowAndThen(now);
        return receivers.compute(receiver, (key, existing) -> {
            Gate found = existing != null ? existing
                    : new Gate(this, "to receiver " + key, new RollingWindow(limits.receiverRateLimitPerSecond(), SECOND));
            found.arrive();
            return found;
        });
    }

    /** The permit once the app lets the call through; the receiver's place is handed back if it does not. */
    private CompletableFuture<Permit> then(CompletableFuture<Void> appPassed, Gate app, Gate receiver, long start) {
        return appPassed.whenComplete((passed, failure) -> {
            if (failure != null) {
                receiver.withdrawn();
            }
        }).thenApply(ignored -> permit(app, receiver, start));
    }

    private Gate appGate(String tenantKey) {
        return new Gate(this, "of app " + appId + (tenantKey.isEmpty() ? "" : " in tenant " + tenantKey),
                new RollingWindow(limits.appRateLimitPerSecond(), SECOND), new RollingWindow(limits.appRateLimitPerMinute(), MINUTE));
    }

    private Permit permit(Gate app, Gate receiver, long start) {
        return new Permit(this, app, receiver, nanoTime.getAsLong() - start);
    }

    /** Hands the places back, and follows what Lark said about its limits. */
    void answered(Gate app, Gate receiver, Headers headers, int status, long code) {
        long now = nanoTime.getAsLong();
        if (receiver != null) {
            receiver.answered(now);
        }
        if (app != null) {
            app.answered(now);
        }
        if (headers == null) {
            return;
        }
        Integer limit = number(headers.first("x-ogw-ratelimit-limit"));
        if (app != null && limit != null && limit < app.limit(0)) {
            LOG.info("Lark says the rate limit {} is {} a second: following it (appRateLimitPerSecond is {})", app.key(), limit,
                    limits.appRateLimitPerSecond());
            app.lowerLimit(limit);
        }
        boolean receiverThrottled = code == 230020L;
        boolean appThrottled = status == 429 || code == 99991400L || code == 11232L;
        if (receiverThrottled || appThrottled) {
            throttledByLark.increment();
            Integer reset = number(headers.first("x-ogw-ratelimit-reset"));
            // bounded by the longest window Lark documents: a wrong header must not silence the app for hours
            long pause = reset != null ? Math.min(Duration.ofSeconds(reset).toNanos(), MINUTE) : DEFAULT_PAUSE;
            Gate paused = receiverThrottled && receiver != null ? receiver : app;
            if (paused != null) {
                paused.pause(pause);
            }
        }
    }

    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Forgets receivers that had no call for a window, so a storm over many chats leaves no memory behind. */
    private void sweepNowAndThen(long now) {
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (String key : receivers.keySet()) {
            receivers.computeIfPresent(key, (k, gate) -> gate.isIdle(now) ? null : gate);
        }
    }

    // ---- for the gates ----------------------------------------------------------------------------------

    long nanoTime() {
        return nanoTime.getAsLong();
    }

    HttpTransport timers() {
        return timers;
    }

    boolean enterLine() {
        if (queued.incrementAndGet() > limits.maxQueued()) {
            queued.decrementAndGet();
            refused.increment();
            return false;
        }
        return true;
    }

    void waitStarted() {
        waits.increment();
    }

    void leaveLine(long waitedNanos) {
        queued.decrementAndGet();
        waitNanos.add(waitedNanos);
    }

    void gaveUp() {
        refused.increment();
    }

    FlowControlException lineFull(Gate gate) {
        return new FlowControlException("Lark flow control: " + limits.maxQueued() + " calls of app " + appId
                + " already wait for their place (flowControlMaxQueued); the call " + gate.key()
                + " is refused without being sent", gate.key());
    }

    FlowControlException waitedTooLong(Gate gate) {
        return new FlowControlException("Lark flow control: the call waited " + limits.maxWait().toMillis()
                + " ms (flowControlMaxWait) and the limit of " + gate.describeLimit() + " left it no place; it was not sent",
                gate.key());
    }

    // ---- figures ---------------------------------------------------------------------------------------

    /** Calls that had to wait for their place. */
    public long waits() {
        return waits.sum();
    }

    /** The total time calls waited for their place, in nanoseconds (calls still waiting not included). */
    public long waitNanos() {
        return waitNanos.sum();
    }

    /** Calls that failed without being sent: they waited too long, or the line was full. */
    public long refused() {
        return refused.sum();
    }

    /** Replies in which Lark said the app or a receiver was over its limit. */
    public long throttledByLark() {
        return throttledByLark.sum();
    }

    /** Calls waiting now. */
    public int queued() {
        return Math.max(0, queued.get());
    }

    /**
     * How close the app is to its limits, for the health check: the places used now in each of the app's windows
     * (largest over tenants), the waiting calls and the receivers tracked.
     */
    public Map<String, Object> saturation() {
        long now = nanoTime.getAsLong();
        int perSecond = 0;
        int perMinute = 0;
        for (Gate app : apps.values()) {
            perSecond = Math.max(perSecond, app.used(0, now));
            perMinute = Math.max(perMinute, app.used(1, now));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lark.flowControl.appPerSecond", perSecond + "/" + limits.appRateLimitPerSecond());
        details.put("lark.flowControl.appPerMinute", perMinute + "/" + limits.appRateLimitPerMinute());
        details.put("lark.flowControl.saturation", Math.max(perSecond * 100 / limits.appRateLimitPerSecond(),
                perMinute * 100 / limits.appRateLimitPerMinute()) + "%");
        details.put("lark.flowControl.queued", queued());
        details.put("lark.flowControl.receivers", receivers.size());
        return details;
    }

    /** Fails the calls still waiting. */
    @Override
    public void close() {
        apps.values().forEach(Gate::close);
        receivers.values().forEach(Gate::close);
        receivers.clear();
    }
}
