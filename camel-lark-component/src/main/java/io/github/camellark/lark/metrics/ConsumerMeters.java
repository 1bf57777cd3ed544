package io.github.camellark.lark.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.event.EventStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
        counter(meters, "lark.events.routed", "Events the route completed successfully", consumer,
                c -> c.statistics().routedEvents());
        counter(meters, "lark.events.duplicates", "Events dropped because their id was routed before", consumer,
                c -> c.statistics().duplicateEvents());
        counter(meters, "lark.events.stale", "Events dropped because they were older than maxEventAge", consumer,
                c -> c.statistics().staleEvents());
        counter(meters, "lark.events.filtered", "Events dropped because eventTypes does not name their type", consumer,
                c -> c.statistics().filteredEvents());
        for (String reason : REFUSAL_REASONS) {
            meters.add(FunctionCounter.builder("lark.events.refused", consumer, c -> c.statistics().refusedEvents(reason))
                    .description("Events answered as not delivered, so that Lark redelivers them, by reason")
                    .tags(tags.and("reason", reason)).register(registry));
        }
        gauge(meters, "lark.events.inroute", "Events in their route now", consumer, ConsumerFigures::getEventsInRoute);
        gauge(meters, "lark.events.queued", "Events waiting for their chat's turn or a routing thread", consumer,
                ConsumerFigures::getQueuedEvents);
        gauge(meters, "lark.connection.connected", "1 while the long connection is connected, else 0", consumer,
                c -> c.connectionStatus() != null && c.connectionStatus().state() == ConnectionStatus.State.CONNECTED ? 1 : 0);
        counter(meters, "lark.connection.connects", "Times the long connection was established", consumer,
                ConsumerFigures::getConnectCount);
        counter(meters, "lark.connection.reconnects", "Times the long connection was established again after a drop",
                consumer, ConsumerFigures::getReconnectCount);
        return meters;
    }

    private static void counter(Meters meters, String name, String description, ConsumerFigures consumer,
                                ToDoubleFunction<ConsumerFigures> count) {
        meters.add(FunctionCounter.builder(name, consumer, count).description(description).tags(meters.tags)
                .register(meters.registry));
    }

    private static void gauge(Meters meters, String name, String description, ConsumerFigures consumer,
                              ToDoubleFunction<ConsumerFigures> value) {
        meters.add(Gauge.builder(name, consumer, value).description(description).tags(meters.tags).register(meters.registry));
    }
}
