package io.github.camellark.lark.event;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one event pipeline did with the events it was handed, for JMX and Micrometer. Counters only grow, except the
 * events in their route now.
 */
public final class EventStatistics {

    /** Refusal reason: the pipeline's queues were full; Lark redelivers the event later. */
    public static final String OVERLOADED = "overloaded";
    /** Refusal reason: the consumer was stopping; Lark redelivers the event. */
    public static final String STOPPING = "stopping";
    /** Refusal reason: the idempotent repository failed to record the event id; Lark redelivers it. */
    public static final String REPOSITORY_FAILED = "repositoryFailed";
    /** Refusal reason: the route failed (or its exchange could not be created); Lark redelivers the event. */
    public static final String ROUTE_FAILED = "routeFailed";

    private final LongAdder routed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final AtomicInteger inRoute = new AtomicInteger();

    void routed() {
        routed.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void stale() {
        stale.increment();
    }

    void filtered() {
        filtered.increment();
    }

    void refused(String reason) {
        refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void entered() {
        inRoute.incrementAndGet();
    }

    void left() {
        inRoute.decrementAndGet();
    }

    /** Events the route completed successfully. */
    public long routedEvents() {
        return routed.sum();
    }

    /** Events acknowledged without routing because their id was routed before. */
    public long duplicateEvents() {
        return duplicates.sum();
    }

    /** Events acknowledged without routing because they were older than maxEventAge. */
    public long staleEvents() {
        return stale.sum();
    }

    /** Events acknowledged without routing because eventTypes does not name their type. */
    public long filteredEvents() {
        return filtered.sum();
    }

    /** Events answered as not delivered (Lark redelivers them), by reason; sorted. */
    public Map<String, Long> refusedEvents() {
        Map<String, Long> byReason = new TreeMap<>();
        refused.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return byReason;
    }

    public long refusedEvents(String reason) {
        LongAdder counter = refused.get(reason);
        return counter == null ? 0 : counter.sum();
    }

    /** Events in their route now. */
    public int eventsInRoute() {
        return Math.max(0, inRoute.get());
    }
}
