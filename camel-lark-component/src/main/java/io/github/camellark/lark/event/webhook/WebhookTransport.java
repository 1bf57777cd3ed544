package io.github.camellark.lark.event.webhook;

import java.time.Clock;
import java.util.Map;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.DefaultEventPipeline;
import io.github.camellark.lark.event.EventTransport;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.component.webhook.WebhookUtils;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lark:events?transport=webhook}: serves {@code POST webhookPath} through Camel's HTTP platform, so the same route
 * runs in Camel Main (camel-platform-http-main), Spring Boot (camel-platform-http-starter) and Quarkus without user code.
 * The HTTP consumer is a child of this transport: created on start, stopped with it.
 */
public final class WebhookTransport implements EventTransport {

    static final String PLATFORM_HTTP = "platform-http";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTransport.class);

    private final LarkEndpoint endpoint;
    private final DefaultEventPipeline pipeline;
    private Consumer httpConsumer;

    public WebhookTransport(LarkEndpoint endpoint, DefaultEventPipeline pipeline) {
        this.endpoint = endpoint;
        this.pipeline = pipeline;
    }

    @Override
    public void start() throws Exception {
        CamelContext context = endpoint.getCamelContext();
        RestConfiguration rest = context.getRestConfiguration();
        String path = endpoint.getConfiguration().getWebhookPath();
        LarkWebhookHandler handler = new LarkWebhookHandler(endpoint.getConfiguration(), pipeline, Clock.systemUTC());
        httpConsumer = restConsumerFactory(context, rest).createConsumer(context, handler, "POST", path, null, null, null, rest,
                Map.of());
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving Lark events at POST {}", path);
    }

    @Override
    public void stop() throws Exception {
        Consumer current = httpConsumer;
        httpConsumer = null;
        ServiceHelper.stopAndShutdownService(current);
    }

    /**
     * The HTTP server to use: the component named by the rest configuration ({@code camel.rest.component}), else
     * platform-http when it is on the classpath (Camel's HTTP platform in every runtime), else the one camel-webhook
     * would pick (a single RestConsumerFactory component or bean, or one of coap, netty-http, jetty, servlet, undertow).
     */
    static RestConsumerFactory restConsumerFactory(CamelContext context, RestConfiguration rest) {
        WebhookConfiguration lookup = new WebhookConfiguration();
        if (rest.getComponent() != null) {
            lookup.setWebhookComponentName(rest.getComponent());
            return WebhookUtils.locateRestConsumerFactory(context, lookup);
        }
        Component platformHttp = context.getComponent(PLATFORM_HTTP, true);
        if (platformHttp instanceof RestConsumerFactory) {
            return (RestConsumerFactory) platformHttp;
        }
        return WebhookUtils.locateRestConsumerFactory(context, lookup);
    }
}
