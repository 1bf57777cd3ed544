package io.github.camellark.lark;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * {@code webhook:lark:events}, as camel-webhook sees it: the handler of its route. It runs a {@code lark:events} consumer
 * with {@code transport=webhook} on camel-webhook's path, started and stopped with that route, so both forms take the one
 * webhook entry path: the same handler, the same served path shared with the other consumers on it (and its checks),
 * the same body limit. camel-webhook itself serves no method (see {@link LarkEndpoint#getWebhookMethods()}), so no
 * request ever reaches {@link #process}.
 */
final class WebhookEventsAlias extends AsyncProcessorSupport {

    private final LarkEndpoint endpoint;
    private final LarkEventsConsumer consumer;

    /**
     * @param endpoint the {@code transport=webhook} endpoint the alias stands for (not in the context's registry)
     * @param consumer its consumer, routing into the route of {@code webhook:lark:events}
     */
    WebhookEventsAlias(LarkEndpoint endpoint, LarkEventsConsumer consumer) {
        this.endpoint = endpoint;
        this.consumer = consumer;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(endpoint, consumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(consumer, endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setException(new IllegalStateException("webhook:lark:events serves its requests through lark:events"
                                                        + "?transport=webhook; this handler receives none"));
        callback.done(true);
        return true;
    }

    @Override
    public String toString() {
        return "WebhookEventsAlias[" + endpoint + "]";
    }
}
