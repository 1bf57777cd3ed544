package io.github.camellark.lark.metrics;

import java.util.List;

import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.event.EventStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/**
 * A {@code lark:events} consumer's figures as meters, tagged {@code app} and {@code route}: see the Monitoring section
 * of the component page for their names. Only loaded when Micrometer is present.
 */
final class ConsumerMeters {

    private static final List<String> REFUSAL_REASONS = List.of(EventStatistics.OVERLOADED, EventStatistics.STOPPING,
            EventStatistics.REPOSITORY_FAILED, EventStatistics.ROUTE_FAILED);

    private ConsumerMeters() {
    }

    static AutoCloseable bind(CamelContext context, String appId, String routeId, ConsumerFigures consumer) {
        MeterRegistry registry = Meters.registry(context);
        if (registry == null) {
            return () -> {
            };
        }
        Tags tags = Tags.of("app", String.valueOf(appId), "route", String.valueOf(routeId));
        Meters meters = new Meters(registry, tags);
        meters.counter("lark.events.routed", "Events the route completed successfully", consumer,
                c -> c.statistics().routedEvents());
        meters.counter("lark.events.duplicates", "Events dropped because their id was routed before", consumer,
                c -> c.statistics().duplicateEvents());
        meters.counter("lark.events.stale", "Events dropped because they were older than maxEventAge", consumer,
                c -> c.statistics().staleEvents());
        meters.counter("lark.events.filtered", "Events dropped because eventTypes does not name their type", consumer,
                c -> c.statistics().filteredEvents());
        for (String reason : REFUSAL_REASONS) {
            meters.add(FunctionCounter.builder("lark.events.refused", consumer, c -> c.statistics().refusedEvents(reason))
                    .description("Events answered as not delivered, so that Lark redelivers them, by reason")
                    .tags(tags.and("reason", reason)).register(registry));
        }
        meters.gauge("lark.events.inroute", "Events in their route now", consumer, ConsumerFigures::getEventsInRoute);
        meters.gauge("lark.events.queued", "Events waiting for their chat's turn or a routing thread", consumer,
                ConsumerFigures::getQueuedEvents);
        meters.gauge("lark.connection.connected", "1 while the long connection is connected, else 0", consumer,
                c -> c.connectionStatus() != null && c.connectionStatus().state() == ConnectionStatus.State.CONNECTED ? 1 : 0);
        meters.counter("lark.connection.connects", "Times the long connection was established", consumer,
                ConsumerFigures::getConnectCount);
        meters.counter("lark.connection.reconnects", "Times the long connection was established again after a drop",
                consumer, ConsumerFigures::getReconnectCount);
        return meters;
    }
}
