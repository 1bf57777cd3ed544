package io.github.camellark.lark.client;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.camellark.lark.client.flow.FlowControlException;

/**
 * What one {@link LarkClient} did, for JMX and Micrometer: calls, their outcome (failures by Lark code), retries, and the
 * waits for a place under the rate limits. Counters only grow; they are cheap to update from any thread.
 */
public final class CallStatistics {

    /** The failure "code" of a call that never got a Lark reply: the network failed. */
    public static final String NETWORK = "network";
    /** The failure "code" of a call flow control did not let through in time. */
    public static final String FLOW_CONTROL = "flowControl";
    /** The failure "code" of any other failure (a bad request body, the client stopping). */
    public static final String OTHER = "other";

    private final LongAdder calls = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> newFailureCodeListeners = new CopyOnWriteArrayList<>();

    void started() {
        calls.increment();
    }

    void success() {
        succeeded.increment();
    }

    void failed(Throwable failure) {
        String code = failure instanceof LarkApiException lark ? Long.toString(lark.getCode())
                : failure instanceof FlowControlException ? FLOW_CONTROL
                : failure instanceof IOException ? NETWORK : OTHER;
        LongAdder counter = failures.get(code);
        if (counter == null) {
            LongAdder created = new LongAdder();
            counter = failures.putIfAbsent(code, created);
            if (counter == null) {
                counter = created;
                newFailureCodeListeners.forEach(listener -> listener.accept(code));
            }
        }
        counter.increment();
    }

    void retried() {
        retries.increment();
    }

    void waited(long nanos) {
        if (nanos > 0) {
            waits.increment();
            waitNanos.add(nanos);
        }
    }

    /** Calls started (each exchange's call counts once, whatever its retries). */
    public long calls() {
        return calls.sum();
    }

    public long succeeded() {
        return succeeded.sum();
    }

    public long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failed calls by Lark code ("230020"), or {@link #NETWORK}, {@link #FLOW_CONTROL}, {@link #OTHER}; sorted. */
    public Map<String, Long> failuresByCode() {
        Map<String, Long> byCode = new TreeMap<>();
        failures.forEach((code, count) -> byCode.put(code, count.sum()));
        return byCode;
    }

    public long failures(String code) {
        LongAdder counter = failures.get(code);
        return counter == null ? 0 : counter.sum();
    }

    /** Attempts repeated after a rate limit, a 5xx, an I/O error or a renewed token. */
    public long retries() {
        return retries.sum();
    }

    /** Attempts that waited for a place under the rate limits. */
    public long rateLimitWaits() {
        return waits.sum();
    }

    /** The total time attempts waited for a place under the rate limits, in nanoseconds. */
    public long rateLimitWaitNanos() {
        return waitNanos.sum();
    }

    /** Tells {@code listener} of every failure code seen for the first time (a meter per code is created then). */
    public void onNewFailureCode(Consumer<String> listener) {
        newFailureCodeListeners.add(listener);
        failures.keySet().forEach(listener);
    }

    public void removeNewFailureCodeListener(Consumer<String> listener) {
        newFailureCodeListeners.remove(listener);
    }
}
