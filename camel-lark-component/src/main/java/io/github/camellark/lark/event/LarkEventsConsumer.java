package io.github.camellark.lark.event;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.webhook.WebhookTransport;
import io.github.camellark.lark.event.ws.WebSocketTransport;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The {@code lark:events} consumer: one event pipeline (dedupe, filter, route, acknowledge) fed by the transport the
 * endpoint names, the WebSocket long connection or the webhook.
 */
public class LarkEventsConsumer extends DefaultConsumer {

    private DefaultEventPipeline pipeline;
    private EventTransport transport;

    public LarkEventsConsumer(LarkEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LarkEndpoint getEndpoint() {
        return (LarkEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pipeline = getEndpoint().createEventPipeline(new ConsumerRoute());
        ServiceHelper.startService(pipeline);
        transport = switch (getEndpoint().getConfiguration().getTransport()) {
            case webhook -> new WebhookTransport(getEndpoint(), pipeline);
            case websocket -> new WebSocketTransport(getEndpoint(), pipeline, this);
        };
        try {
            transport.start();
        } catch (Exception e) {
            ServiceHelper.stopService(pipeline);
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        // first no new events, then let the accepted ones finish
        if (transport != null) {
            transport.stop();
            transport = null;
        }
        ServiceHelper.stopService(pipeline);
        pipeline = null;
        super.doStop();
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
