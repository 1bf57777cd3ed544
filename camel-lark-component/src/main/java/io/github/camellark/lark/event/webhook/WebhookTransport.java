package io.github.camellark.lark.event.webhook;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventPipeline;
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
 * The HTTP consumer is a child of this transport: created on start, stopped with it. One path is served once, for
 * every {@code lark:events} consumer on it (see {@code SharedEventSource}).
 */
public final class WebhookTransport implements EventTransport {

    static final String PLATFORM_HTTP = "platform-http";
    /** Named, not referenced: Vert.x Web is optional. */
    private static final String VERTX_ROUTER = "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTransport.class);

    private final CamelContext context;
    private final LarkConfiguration configuration;
    private final Clock clock;
    private final EventPipeline pipeline;
    private final ObjectMapper mapper;
    private Consumer httpConsumer;
    private Runnable bodyLimit;

    /**
     * @param context       whose HTTP server serves the path
     * @param configuration the options that apply (path, request checks)
     * @param clock         what request timestamps are checked against
     * @param pipeline      where events go: the fan-out to the pipelines of every consumer on the path
     */
    public WebhookTransport(CamelContext context, LarkConfiguration configuration, Clock clock, EventPipeline pipeline,
                            ObjectMapper mapper) {
        this.context = context;
        this.configuration = configuration;
        this.clock = clock;
        this.pipeline = pipeline;
        this.mapper = mapper;
    }

    @Override
    public void start() throws Exception {
        RestConfiguration rest = context.getRestConfiguration();
        String path = configuration.getWebhookPath();
        LarkWebhookHandler handler = new LarkWebhookHandler(configuration, pipeline, mapper, clock);
        httpConsumer = restConsumerFactory(context, rest).createConsumer(context, handler, "POST", path, null, null, null, rest,
                Map.of());
        // before the consumer starts: the guard's route must come first on the path
        bodyLimit = boundBodies(context, path, httpConsumer);
        ServiceHelper.startService(httpConsumer);
        LOG.info("Receiving Lark events at POST {}", path);
    }

    /** On Vert.x, a guard that refuses large bodies before the platform reads them; elsewhere a warning saying what to do. */
    private Runnable boundBodies(CamelContext context, String path, Consumer consumer) throws Exception {
        int max = configuration.getMaxEventBodySize();
        Runnable guard = null;
        if (isVertx(context, consumer)) {
            byte[] refusal = mapper.writeValueAsBytes(Map.of("msg", "the body is larger than maxEventBodySize (" + max + " bytes)"));
            guard = VertxBodyLimit.install(context, path, max, refusal);
        }
        if (guard == null) {
            LOG.warn("Lark events at POST {} are served by {}: a body larger than maxEventBodySize ({} bytes) is refused with"
                     + " 413, but this server may read it into memory before the component sees it. Bound request bodies in"
                     + " the server or the proxy in front of it (for example nginx client_max_body_size).", path,
                    consumer.getClass().getSimpleName(), max);
        }
        return guard;
    }

    /** platform-http with Vert.x Web at hand: its engine may be Vert.x's (the guard then finds the router). */
    private static boolean isVertx(CamelContext context, Consumer consumer) {
        return consumer.getClass().getName().startsWith("org.apache.camel.component.platform.http.")
               && context.getClassResolver().resolveClass(VERTX_ROUTER) != null;
    }

    @Override
    public void stop() throws Exception {
        Consumer current = httpConsumer;
        httpConsumer = null;
        Runnable guard = bodyLimit;
        bodyLimit = null;
        if (guard != null) {
            guard.run();
        }
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
