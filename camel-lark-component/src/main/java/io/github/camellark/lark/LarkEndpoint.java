package io.github.camellark.lark;

import java.time.Duration;
import java.util.List;

import io.github.camellark.lark.client.CallStatistics;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.flow.FlowControl;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.event.DefaultEventPipeline;
import io.github.camellark.lark.event.EventPipeline;
import io.github.camellark.lark.event.EventPipelineSettings;
import io.github.camellark.lark.event.EventRoute;
import io.github.camellark.lark.event.EventTransport;
import io.github.camellark.lark.event.TimeBoundedIdempotentRepository;
import io.github.camellark.lark.event.webhook.WebhookTransport;
import io.github.camellark.lark.event.ws.LongConnectionSettings;
import io.github.camellark.lark.event.ws.WebSocketTransport;
import io.github.camellark.lark.metrics.EndpointFigures;
import io.github.camellark.lark.metrics.Micrometer;
import io.github.camellark.lark.operation.LarkOperation;
import io.github.camellark.lark.producer.ResourceHandler;
import io.github.camellark.lark.producer.ResourceHandlers;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Send, reply, edit, recall, forward and read Lark / Feishu messages, upload and download images and files, update cards,
 * react, pin, buzz, post through custom bots, and receive events and card callbacks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "lark", title = "Lark", syntax = "lark:resource",
             category = { Category.CHAT, Category.API, Category.CLOUD }, headersClass = LarkConstants.class)
@ManagedResource(description = "Lark endpoint: calls to Lark, their failures, retries and rate-limit waits")
public class LarkEndpoint extends DefaultEndpoint implements EndpointServiceLocation, WebhookCapableEndpoint,
        EndpointFigures {

    @UriPath(description = "The Lark resource: message, batchMessage, image, file, card, reaction, pin, urgent, urlPreview, chat"
                           + ", customBot and cardkit for producers; events for the consumer.",
             enums = "message,batchMessage,image,file,card,reaction,pin,urgent,urlPreview,chat,customBot,cardkit,events")
    @Metadata(required = true)
    private final String resource;   // no setter: the path picks the resource once, when the endpoint is created
    @UriParam
    private LarkConfiguration configuration;

    private final LarkResource larkResource;
    private volatile LarkOperation operation;
    private volatile LarkClient client;
    private final CallStatistics statistics = new CallStatistics();
    private AutoCloseable meters;
    private volatile CallStatistics tokenCalls;
    private volatile FlowControl flowControl;
    private IdempotentRepository defaultEventRepository;
    private WebhookConfiguration webhookConfiguration;
    private ResourceHandler<?> handler;
    private volatile String maskedUri;

    public LarkEndpoint(String uri, LarkComponent component, LarkResource resource, LarkConfiguration configuration) {
        super(uri, component);
        this.larkResource = resource;
        this.resource = resource.uriName();
        this.configuration = configuration;
    }

    @Override
    public LarkComponent getComponent() {
        return (LarkComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!larkResource.isProducer()) {
            throw new IllegalArgumentException("lark:" + resource + " can only be consumed (from), not produced to");
        }
        return new LarkProducer(this, handler());
    }

    /** One handler for all the producers of this endpoint: the streams of lark:cardkit are shared by every route step. */
    private synchronized ResourceHandler<?> handler() {
        if (handler == null) {
            handler = ResourceHandlers.forResource(larkResource);
        }
        return handler;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        requireEvents();
        LarkEventsConsumer consumer = new LarkEventsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private void requireEvents() {
        if (larkResource != LarkResource.EVENTS) {
            throw new IllegalArgumentException("lark:" + resource + " has no consumer; only lark:events can be consumed");
        }
    }

    /** The event pipeline of a consumer of this endpoint, routing into {@code route}. */
    DefaultEventPipeline createEventPipeline(EventRoute route) {
        LarkComponent component = getComponent();
        EventPipelineSettings settings = EventPipelineSettings.of(configuration.getEventTypes(),
                Duration.ofMillis(configuration.getEventDeadline()))
                .withOrderBy(configuration.getOrderBy())
                .withMaxEventAge(Duration.ofMillis(configuration.getMaxEventAge()), component.clock());
        return new DefaultEventPipeline(getCamelContext(), route, eventRepository(), component.mapper(), settings,
                (appId, ticket) -> component.appTicketStore(appId).update(ticket));
    }

    /** The configured repository, or one in-memory repository per endpoint that outlives consumer restarts. */
    private synchronized IdempotentRepository eventRepository() {
        if (configuration.getIdempotentRepository() != null) {
            return configuration.getIdempotentRepository();
        }
        if (defaultEventRepository == null) {
            defaultEventRepository = new TimeBoundedIdempotentRepository(getComponent().clock());
        }
        return defaultEventRepository;
    }

    /** The transport of this endpoint's event connection, built when the first consumer of the connection starts. */
    EventTransport createEventTransport(EventPipeline events, ExceptionHandler connectionFailures) {
        return switch (configuration.getTransport()) {
            case webhook -> new WebhookTransport(getCamelContext(), configuration, getComponent().clock(), events,
                    client().mapper());
            case websocket -> {
                WebSocketTransport webSocket = new WebSocketTransport(LongConnectionSettings.of(configuration), transport(),
                        discoveryClient(), events, getCamelContext());
                webSocket.setExceptionHandler(connectionFailures);
                yield webSocket;
            }
        };
    }

    // ---- webhook:lark:events (camel-webhook) ------------------------------------------------------------

    /**
     * {@code webhook:lark:events}: an alias of {@code lark:events?transport=webhook} on camel-webhook's path, with this
     * endpoint's options. The requests go the one webhook entry path: the served path is shared with the other consumers
     * on it, which must agree on its request checks, and its body limit applies.
     */
    @Override
    public Processor createWebhookHandler(Processor next) {
        requireEvents();
        LarkConfiguration served = configuration.copy();
        served.setTransport(LarkTransport.webhook);
        served.setWebhookPath(webhookConfiguration.computeFullPath(false));
        // a URI of its own: its meters and messages must not pass for this endpoint's (the options are in served)
        LarkEndpoint alias = new LarkEndpoint("lark://events?transport=webhook&webhookPath=" + served.getWebhookPath(),
                getComponent(), larkResource, served);
        try {
            return new WebhookEventsAlias(alias, (LarkEventsConsumer) alias.createConsumer(next));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    /** No-op: Lark's request URL is set in the Lark developer console, not through an API. */
    @Override
    public void registerWebhook() {
    }

    /** No-op: Lark's request URL is set in the Lark developer console, not through an API. */
    @Override
    public void unregisterWebhook() {
    }

    /** camel-webhook's options (its path), set before it asks for the handler. */
    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    /** None: the alias serves camel-webhook's path itself (see {@link #createWebhookHandler}), so camel-webhook must not. */
    @Override
    public List<String> getWebhookMethods() {
        return List.of();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LarkComponent component = getComponent();
        client = component.endpointClient(configuration, statistics, larkResource.isProducer());
        tokenCalls = component.tokenCalls(configuration);
        flowControl = larkResource.isProducer() && configuration.isFlowControl() ? component.existingFlowControl(configuration) : null;
        meters = Micrometer.bindEndpoint(getCamelContext(), configuration.getAppId(), getEndpointUri(), this);
    }

    @Override
    protected void doStop() throws Exception {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        synchronized (this) {
            if (handler != null) {
                handler.close();
            }
        }
        super.doStop();
    }

    public LarkClient client() {
        LarkClient current = client;
        if (current == null) {
            throw new IllegalStateException("Endpoint " + this + " is not started");
        }
        return current;
    }

    /** The figures of this endpoint's calls since it was created. */
    @Override
    public CallStatistics statistics() {
        return statistics;
    }

    /** The flow control this endpoint's calls go through; null when flowControl is off or the endpoint is not started. */
    public FlowControl flowControl() {
        return flowControl;
    }

    @ManagedAttribute(description = "Calls to Lark made by this endpoint (an exchange's call counts once, whatever its retries)")
    public long getCallCount() {
        return statistics.calls();
    }

    @ManagedAttribute(description = "Calls that succeeded")
    public long getCallSucceededCount() {
        return statistics.succeeded();
    }

    @ManagedAttribute(description = "Calls that failed, after their retries")
    public long getCallFailedCount() {
        return statistics.failed();
    }

    @ManagedAttribute(description = "Failed calls by Lark code (or network, flowControl, other), as code=count pairs")
    public String getFailuresByCode() {
        return statistics.failuresByCode().toString();
    }

    @ManagedAttribute(description = "Attempts repeated after a rate limit, a 5xx, an I/O error or a renewed token")
    public long getRetryCount() {
        return statistics.retries();
    }

    @ManagedAttribute(description = "Attempts that waited for a place under the rate limits (flow control)")
    public long getRateLimitWaitCount() {
        return statistics.rateLimitWaits();
    }

    @ManagedAttribute(description = "Total time attempts waited for a place under the rate limits, in milliseconds")
    public long getRateLimitWaitTimeMillis() {
        return statistics.rateLimitWaitNanos() / 1_000_000L;
    }

    @ManagedAttribute(description = "Token fetches of this endpoint's app (all its endpoints together)")
    @Override
    public long getTokenFetchCount() {
        CallStatistics tokens = tokenCalls;
        return tokens == null ? 0 : tokens.calls();
    }

    @ManagedAttribute(description = "Calls of this endpoint's app waiting for a place under the rate limits now")
    @Override
    public int getFlowControlQueued() {
        FlowControl flow = flowControl();
        return flow == null ? 0 : flow.queued();
    }

    @ManagedAttribute(description = "Calls of this endpoint's app that flow control failed unsent (waited too long, or the line was full)")
    @Override
    public long getFlowControlRefusedCount() {
        FlowControl flow = flowControl();
        return flow == null ? 0 : flow.refused();
    }

    @ManagedAttribute(description = "Replies in which Lark said this endpoint's app or a receiver was over its rate limit")
    @Override
    public long getThrottledByLarkCount() {
        FlowControl flow = flowControl();
        return flow == null ? 0 : flow.throttledByLark();
    }

    /** The transport for this endpoint's connection settings (proxy, TLS, timeouts); the long connection dials with it. */
    public HttpTransport transport() {
        return getComponent().transport(configuration);
    }

    /** A client without credentials, bounded by wsConnectTimeout: the long connection's endpoint discovery uses it. */
    public LarkClient discoveryClient() {
        return getComponent().discoveryClient(configuration);
    }

    /** The Lark Open Platform base URI: baseUri, or the domain's. */
    public java.net.URI baseUri() {
        return LarkComponent.baseUri(configuration);
    }

    public LarkResource resource() {
        return larkResource;
    }

    /**
     * Resolves the operation option to the resource's operation enum, once: the component calls it when it creates the
     * endpoint, so an unknown operation fails there, naming the valid ones.
     */
    void resolveOperation() {
        operation = larkResource.isProducer() ? larkResource.operation(configuration.getOperation()) : null;
    }

    /** The operation of this endpoint's producers (the header CamelLarkOperation may name another); null for events. */
    public LarkOperation operation() {
        LarkOperation resolved = operation;
        if (resolved == null && larkResource.isProducer()) {
            resolveOperation();
            resolved = operation;
        }
        return resolved;
    }

    public String getResource() {
        return resource;
    }

    public LarkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LarkConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The URI with every secret option masked: what logs, errors and consoles show of this endpoint. */
    @Override
    public String toString() {
        String shown = maskedUri;
        if (shown == null) {
            shown = SecretOptionNames.mask(getCamelContext(), getEndpointUri());
            maskedUri = shown;
        }
        return shown;
    }

    @Override
    public String getServiceUrl() {
        return LarkComponent.baseUri(configuration).toString();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }
}
