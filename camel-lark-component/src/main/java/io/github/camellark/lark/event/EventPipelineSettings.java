package io.github.camellark.lark.event;

import java.time.Clock;
import java.time.Duration;

import io.github.camellark.lark.LarkEventOrder;

/**
 * The options of one events consumer's pipeline.
 *
 * @param eventTypes       comma-separated types to route; null or blank for all
 * @param deadline         when Lark is answered at the latest, whether or not the route finished
 * @param orderBy          which events are routed one at a time, in order
 * @param maxEventAge      events older than this (by {@code create_time}) are not routed; zero for no bound
 * @param maxPendingPerKey events waiting or routed for one chat before further ones are refused for now
 * @param maxPending       events waiting or routed in all before further ones are refused for now
 * @param clock            what "now" is for {@code maxEventAge}
 */
public record EventPipelineSettings(String eventTypes, Duration deadline, LarkEventOrder orderBy, Duration maxEventAge,
                                    int maxPendingPerKey, int maxPending, Clock clock) {

    /** Far more than one chat produces while its previous event is routed; a chat stuck for good cannot fill memory. */
    public static final int DEFAULT_MAX_PENDING_PER_KEY = 1_000;
    public static final int DEFAULT_MAX_PENDING = 10_000;

    /** The defaults for everything but the filter and the deadline. */
    public static EventPipelineSettings of(String eventTypes, Duration deadline) {
        return new EventPipelineSettings(eventTypes, deadline, LarkEventOrder.chat, Duration.ZERO, DEFAULT_MAX_PENDING_PER_KEY,
                DEFAULT_MAX_PENDING, Clock.systemUTC());
    }

    public EventPipelineSettings withOrderBy(LarkEventOrder order) {
        return new EventPipelineSettings(eventTypes, deadline, order, maxEventAge, maxPendingPerKey, maxPending, clock);
    }

    public EventPipelineSettings withMaxEventAge(Duration age, Clock now) {
        return new EventPipelineSettings(eventTypes, deadline, orderBy, age, maxPendingPerKey, maxPending, now);
    }

    public EventPipelineSettings withBounds(int perKey, int total) {
        return new EventPipelineSettings(eventTypes, deadline, orderBy, maxEventAge, perKey, total, clock);
    }
}
