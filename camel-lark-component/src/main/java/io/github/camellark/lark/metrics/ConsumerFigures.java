package io.github.camellark.lark.metrics;

import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.event.EventStatistics;

/** What a {@code lark:events} consumer shows as meters; the consumer implements it, so this package needs no consumer class. */
public interface ConsumerFigures {

    /** The figures of the consumer's pipeline; all zero while it is stopped. */
    EventStatistics statistics();

    /** The connection's status; null for the webhook or while stopped. */
    ConnectionStatus connectionStatus();

    int getEventsInRoute();

    int getQueuedEvents();

    long getConnectCount();

    long getReconnectCount();
}
