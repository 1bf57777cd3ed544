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
 * On the platform's Vert.x engine the path is served right on its router ({@link VertxWebhookRoute}: bodies bounded
 * before they are read, one thread hand-off per event); on any other server through a Camel HTTP consumer created on
 * start and stopped with this transport. One path is served once, for every {@code lark:events} consumer on it (see
 * {@code SharedEventSource}).
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
    private Runnable vertxRoute;
    private String servedPath;

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
        String path = configuration.getWebhookPath();
        WebhookIntake intake = new WebhookIntake(configuration, pipeline, mapper, clock);
        RestConfiguration rest = context.getRestConfiguration();
        boolean platformHttp = rest.getComponent() == null || PLATFORM_HTTP.equals(rest.getComponent());
        if (platformHttp && context.getClassResolver().resolveClass(VERTX_ROUTER) != null) {
            vertxRoute = VertxWebhookRoute.install(context, path, intake);
        }
        if (vertxRoute == null) {
            serveThroughCamel(context, rest, path, intake);
        }
        LOG.info("Receiving Lark events at POST {}", path);
    }

    /** Any other server: a Camel HTTP consumer, with the body bound published for a guard in front of the server. */
    private void serveThroughCamel(CamelContext context, RestConfiguration rest, String path, WebhookIntake intake) throws Exception {
        httpConsumer = restConsumerFactory(context, rest).createConsumer(context, new LarkWebhookHandler(intake), "POST", path,
                null, null, null, rest, Map.of());
        WebhookBodyLimits limits = WebhookBodyLimits.of(context);
        limits.serve(path, intake.maxBodySize());
        servedPath = path;
        ServiceHelper.startService(httpConsumer);
        if (limits.guard() == null) {
            LOG.warn("Lark events at POST {} are served by {}: a body larger than maxEventBodySize ({} bytes) is refused with"
                     + " 413, but this server may read it into memory before the component sees it. Bound request bodies in"
                     + " the server or the proxy in front of it (for example nginx client_max_body_size).", path,
                    httpConsumer.getClass().getSimpleName(), intake.maxBodySize());
        } else {
            LOG.debug("Bodies of Lark events at POST {} are bounded before they are read by {}", path, limits.guard());
        }
    }

    @Override
    public void stop() throws Exception {
        if (servedPath != null) {
            WebhookBodyLimits.of(context).release(servedPath);
            servedPath = null;
        }
        Consumer current = httpConsumer;
        httpConsumer = null;
        Runnable route = vertxRoute;
        vertxRoute = null;
        if (route != null) {
            route.run();
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
