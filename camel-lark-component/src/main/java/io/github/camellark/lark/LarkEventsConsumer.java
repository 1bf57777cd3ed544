package io.github.camellark.lark;

import io.github.camellark.lark.event.ConnectionSettings;
import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.event.DefaultEventPipeline;
import io.github.camellark.lark.event.EventRoute;
import io.github.camellark.lark.event.EventSources;
import io.github.camellark.lark.event.EventStatistics;
import io.github.camellark.lark.event.SharedEventSource;
import io.github.camellark.lark.health.LarkConsumerHealthCheck;
import io.github.camellark.lark.metrics.ConsumerFigures;
import io.github.camellark.lark.metrics.Micrometer;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code lark:events} consumer: one event pipeline (dedupe, filter, route, acknowledge) fed by the connection of its
 * app, the WebSocket long connection or the webhook the endpoint names. The connection is shared with the other
 * {@code lark:events} consumers of the app (held by the component, see {@link EventSources}): every consumer sees every
 * event, and keeps its own filter, repository and route. Its health check reports the shared connection.
 */
@ManagedResource(description = "Lark events consumer")
public class LarkEventsConsumer extends DefaultConsumer implements ConsumerFigures {

    private static final EventStatistics NO_EVENTS = new EventStatistics();

    private volatile DefaultEventPipeline pipeline;
    private volatile SharedEventSource source;
    private SharedEventSource.Member member;
    private AutoCloseable meters;

    public LarkEventsConsumer(LarkEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LarkEndpoint getEndpoint() {
        return (LarkEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        AppCredentials.requireForConsumer(getEndpoint());
        super.doStart();
        pipeline = getEndpoint().createEventPipeline(new ConsumerRoute());
        ServiceHelper.startService(pipeline);
        member = new SharedEventSource.Member(name(), pipeline, this::getExceptionHandler);
        try {
            ConnectionSettings settings = ConnectionSettings.of(getEndpoint().getConfiguration(), getEndpoint().baseUri());
            source = getEndpoint().getComponent().eventSources().join(settings, member, getEndpoint()::createEventTransport);
        } catch (Exception e) {
            ServiceHelper.stopService(pipeline);
            throw e;
        }
        reportConnectionHealth();
        meters = Micrometer.bindConsumer(getEndpoint().getCamelContext(), getEndpoint().getConfiguration().getAppId(),
                getRouteId(), this);
    }

    @Override
    protected void doStop() throws Exception {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        // first no new events, then let the accepted ones finish
        if (source != null) {
            getEndpoint().getComponent().eventSources().leave(source, member);
            source = null;
        }
        ServiceHelper.stopService(pipeline);
        pipeline = null;
        super.doStop();
    }

    /** Events acknowledged without routing because they were older than maxEventAge, since the consumer started. */
    @ManagedAttribute(description = "Events acknowledged without routing because they were older than maxEventAge")
    public long getStaleEventCount() {
        DefaultEventPipeline now = pipeline;
        return now == null ? 0 : now.staleEvents();
    }

    /** The figures of the pipeline since the consumer started; all zero while it is stopped. */
    @Override
    public EventStatistics statistics() {
        DefaultEventPipeline now = pipeline;
        return now == null ? NO_EVENTS : now.statistics();
    }

    @ManagedAttribute(description = "Events the route completed successfully")
    public long getRoutedEventCount() {
        return statistics().routedEvents();
    }

    @ManagedAttribute(description = "Events acknowledged without routing because their id was routed before")
    public long getDuplicateEventCount() {
        return statistics().duplicateEvents();
    }

    @ManagedAttribute(description = "Events acknowledged without routing because eventTypes does not name their type")
    public long getFilteredEventCount() {
        return statistics().filteredEvents();
    }

    @ManagedAttribute(description = "Events answered as not delivered, so that Lark redelivers them, by reason"
                                    + " (overloaded, stopping, repositoryFailed, routeFailed), as reason=count pairs")
    public String getRefusedEvents() {
        return statistics().refusedEvents().toString();
    }

    @ManagedAttribute(description = "Events in their route now")
    @Override
    public int getEventsInRoute() {
        return statistics().eventsInRoute();
    }

    @ManagedAttribute(description = "Events accepted and waiting for their chat's turn or a routing thread")
    @Override
    public int getQueuedEvents() {
        DefaultEventPipeline now = pipeline;
        return now == null ? 0 : now.queuedEvents();
    }

    @ManagedAttribute(description = "State of the long connection: CONNECTING, CONNECTED, RECONNECTING, FAILED, STOPPED;"
                                    + " NONE for the webhook")
    public String getConnectionState() {
        ConnectionStatus status = connectionStatus();
        return status == null ? "NONE" : status.state().name();
    }

    @ManagedAttribute(description = "Times the long connection was established")
    @Override
    public long getConnectCount() {
        return connectionDetail("lark.connects");
    }

    @ManagedAttribute(description = "Times the long connection was established again after a drop")
    @Override
    public long getReconnectCount() {
        return connectionDetail("lark.reconnects");
    }

    @ManagedAttribute(description = "Why the long connection is not connected (the last error), or empty")
    public String getConnectionLastError() {
        ConnectionStatus status = connectionStatus();
        return status == null || status.reason() == null ? "" : status.reason();
    }

    /** The shared connection's status; null for the webhook or while stopped. */
    @Override
    public ConnectionStatus connectionStatus() {
        SharedEventSource connection = source;
        return connection == null ? null : connection.status();
    }

    private long connectionDetail(String name) {
        ConnectionStatus status = connectionStatus();
        Object value = status == null ? null : status.details().get(name);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Camel reports it as {@code consumer:<routeId>}; the webhook has no connection to report. */
    private void reportConnectionHealth() {
        SharedEventSource connection = source;
        if (connection.status() == null
                || getHealthCheck() != null && !(getHealthCheck() instanceof LarkConsumerHealthCheck)) {
            return;
        }
        String id = getRouteId() != null ? "consumer:" + getRouteId() : "lark:" + getEndpoint();
        LarkConsumerHealthCheck check = new LarkConsumerHealthCheck(id, connection::status);
        check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
    }

    /** Camel's default shows the URI through its own sanitizer, which misses some Lark secrets: the endpoint masks them all. */
    @Override
    public String toString() {
        return "Consumer[" + getEndpoint() + "]";
    }

    private String name() {
        return getRouteId() != null ? "route " + getRouteId() : getEndpoint().toString();
    }

    /** The pipeline routes into this consumer's route, with its exchange factory and exception handler. */
    private final class ConsumerRoute implements EventRoute {
        @Override
        public Exchange createExchange() {
            return LarkEventsConsumer.this.createExchange(false);
        }

        @Override
        public AsyncProcessor processor() {
            return getAsyncProcessor();
        }

        @Override
        public void release(Exchange exchange) {
            releaseExchange(exchange, false);
        }

        @Override
        public ExceptionHandler exceptionHandler() {
            return getExceptionHandler();
        }
    }
}
