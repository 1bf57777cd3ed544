package io.github.camellark.lark.event;

import io.github.camellark.lark.AppCredentials;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.health.LarkConsumerHealthCheck;
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
public class LarkEventsConsumer extends DefaultConsumer {

    private volatile DefaultEventPipeline pipeline;
    private SharedEventSource source;
    private SharedEventSource.Member member;

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
            source = getEndpoint().getComponent().eventSources().join(getEndpoint(), member);
        } catch (Exception e) {
            ServiceHelper.stopService(pipeline);
            throw e;
        }
        reportConnectionHealth();
    }

    @Override
    protected void doStop() throws Exception {
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
