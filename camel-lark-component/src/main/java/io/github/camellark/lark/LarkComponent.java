package io.github.camellark.lark;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.AppTicketStore;
import io.github.camellark.lark.client.CallStatistics;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.SelfBuiltTokenProvider;
import io.github.camellark.lark.client.StoreAppTokenProvider;
import io.github.camellark.lark.client.TokenApi;
import io.github.camellark.lark.client.TokenProvider;
import io.github.camellark.lark.client.flow.FlowControl;
import io.github.camellark.lark.client.flow.FlowLimits;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.vertx.TransportSettings;
import io.github.camellark.lark.client.vertx.VertxEngine;
import io.github.camellark.lark.event.EventSources;
import io.github.camellark.lark.event.ws.WebSocketTransport;
import io.vertx.core.Vertx;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code lark:} component. Holds the defaults every endpoint starts from, and what endpoints of the same app share:
 * the Vert.x engine and its connection pools, token caches, and the connections that bring events
 * ({@link EventSources}: one per app, whatever the number of {@code lark:events} consumers).
 * <p>
 * Threads: Vert.x event loops do the I/O; routes go on after a {@code lark:} step on the component's {@code Lark} worker
 * threads (a cached pool from Camel's ExecutorServiceManager), which also read upload sources.
 */
@Component("lark")
public class LarkComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Default configuration of every lark endpoint; endpoint options override it.")
    private LarkConfiguration configuration = new LarkConfiguration();

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<TokenOwner, TokenProvider> tokenProviders = new ConcurrentHashMap<>();
    private final Map<String, AppTicketStore> appTickets = new ConcurrentHashMap<>();
    /** The calls of each app's token client: its token fetches. */
    private final Map<TokenOwner, CallStatistics> tokenCalls = new ConcurrentHashMap<>();
    /** One flow control per app (base URI and app id), shared by the app's endpoints. */
    private final Map<String, FlowControl> flowControls = new ConcurrentHashMap<>();
    private final EventSources eventSources = new EventSources();
    /** One engine per Vert.x instance (null: the one the component creates); guarded by this. */
    private final Map<Vertx, VertxEngine> engines = new IdentityHashMap<>();
    private ExecutorService workers;
    private Clock clock = Clock.systemUTC();

    public LarkComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LarkResource resource = LarkResource.fromUri(remaining);
        // the endpoint keeps its real URI, secrets included: it is its identity (two custom bots differ only by their
        // webhookUrl); toString and the producer's and consumer's toString mask them
        LarkEndpoint endpoint = new LarkEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.resolveOperation();
        return endpoint;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return configuration.isUseGlobalSslContextParameters();
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        configuration.setUseGlobalSslContextParameters(useGlobalSslContextParameters);
    }

    /** Component options ({@code camel.component.lark.*}) bind through this: durations are checked first. */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return StrictDurationConfigurer.wrap(super.getComponentPropertyConfigurer());
    }

    /** Endpoint URI parameters bind through this: durations are checked first. */
    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return StrictDurationConfigurer.wrap(super.getEndpointPropertyConfigurer());
    }

    /**
     * Camel Main binds {@code camel.component.lark.*} after initialising the component, and prints them in its start-up
     * summary: the secret option names are made known to Camel's masking here, before that happens.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        SecretOptionNames.registerWith(getCamelContext());
    }

    public LarkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LarkConfiguration configuration) {
        this.configuration = configuration;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** For tests that need to move time (token expiry, event age, request age). */
    void setClock(Clock clock) {
        this.clock = clock;
        tokenProviders.clear();
    }

    /** What "now" is for tokens, event ages and webhook request ages. */
    public Clock clock() {
        return clock;
    }

    static URI baseUri(LarkConfiguration configuration) {
        String base = configuration.getBaseUri() != null ? configuration.getBaseUri() : configuration.getDomain().baseUri();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** The transport for these connection settings; endpoints with equal settings share it and its connection pool. */
    HttpTransport transport(LarkConfiguration configuration) {
        return engine(configuration.getVertx()).transport(new TransportSettings(Duration.ofMillis(configuration.getConnectTimeout()),
                configuration.getProxyHost(), configuration.getProxyPort(), sslContextParameters(configuration),
                configuration.getHttpClientOptions(), configuration.getMaxConnections(),
                WebSocketTransport.MAX_MESSAGE_BYTES));
    }

    private SSLContextParameters sslContextParameters(LarkConfiguration configuration) {
        if (configuration.getSslContextParameters() != null) {
            return configuration.getSslContextParameters();
        }
        return configuration.isUseGlobalSslContextParameters() ? retrieveGlobalSslContextParameters() : null;
    }

    /** The Vert.x instance the component's endpoints run on by default: the configured one, the registry's, or its own. */
    public Vertx vertx() {
        return engine(configuration.getVertx()).vertx();
    }

    /**
     * The engine on the given Vert.x, or on the one in the Camel registry, or on one of its own. Created on first use:
     * endpoints ask for their transport while routes are being set up, before the component starts.
     */
    private synchronized VertxEngine engine(Vertx configured) {
        Vertx shared = configured != null ? configured : CamelContextHelper.findSingleByType(getCamelContext(), Vertx.class);
        return engines.computeIfAbsent(shared, given -> VertxEngine.start(given, getCamelContext(), workers()));
    }

    /** A client that calls Lark without credentials, for the token fetch: its calls are the app's token fetches. */
    private LarkClient clientWithoutCredentials(LarkConfiguration configuration, CallStatistics statistics) {
        return new LarkClient(transport(configuration), baseUri(configuration), TokenProvider.NONE, mapper, workers(),
                Duration.ofMillis(configuration.getRequestTimeout()), retryPolicy(configuration), null, statistics);
    }

    /**
     * An endpoint's client: the app's tokens, the endpoint's figures, and the app's flow control for producers unless
     * flowControl=false (the events endpoint sends nothing through it, so it stays out and needs no limits).
     */
    LarkClient endpointClient(LarkConfiguration configuration, CallStatistics statistics, boolean producer) {
        FlowControl flow = producer && configuration.isFlowControl() ? flowControl(configuration) : null;
        return new LarkClient(transport(configuration), baseUri(configuration), tokenProvider(configuration), mapper, workers(),
                Duration.ofMillis(configuration.getRequestTimeout()), retryPolicy(configuration), flow, statistics);
    }

    /**
     * The flow control of the app, created by its first endpoint. Every endpoint of the app shares its limits, so an
     * endpoint that asks for other limits is refused with the options that differ.
     */
    FlowControl flowControl(LarkConfiguration configuration) {
        FlowLimits wanted = new FlowLimits(configuration.getAppRateLimitPerSecond(), configuration.getAppRateLimitPerMinute(),
                configuration.getReceiverRateLimitPerSecond(), Duration.ofMillis(configuration.getFlowControlMaxWait()),
                configuration.getFlowControlMaxQueued());
        String appId = String.valueOf(configuration.getAppId());
        FlowControl flow = flowControls.computeIfAbsent(baseUri(configuration) + " " + appId,
                key -> new FlowControl(appId, wanted, transport(configuration)));
        List<String> differences = wanted.differencesFrom(flow.limits());
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("The lark endpoints of app " + appId + " share one flow control, and this endpoint"
                    + " asks for other limits than it has: " + String.join(", ", differences)
                    + ". Set them once, on the component (camel.component.lark.*), or turn flowControl off on this endpoint.");
        }
        return flow;
    }

    /** The flow control of the app of these settings, or null when none was created (no endpoint with flowControl). */
    FlowControl existingFlowControl(LarkConfiguration configuration) {
        return flowControls.get(baseUri(configuration) + " " + configuration.getAppId());
    }

    /** The token fetches of the app of these settings. */
    CallStatistics tokenCalls(LarkConfiguration configuration) {
        return tokenCalls.computeIfAbsent(tokenOwner(configuration), owner -> new CallStatistics());
    }

    private static LarkClient.RetryPolicy retryPolicy(LarkConfiguration configuration) {
        return new LarkClient.RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getMaxRetryWait()),
                Duration.ofMillis(configuration.getRetryBackoff()));
    }

    /** The long connection's endpoint discovery: no credentials, and bounded by wsConnectTimeout. */
    LarkClient discoveryClient(LarkConfiguration configuration) {
        return client(configuration, TokenProvider.NONE, configuration.getWsConnectTimeout());
    }

    LarkClient client(LarkConfiguration configuration, TokenProvider tokens) {
        return client(configuration, tokens, configuration.getRequestTimeout());
    }

    private LarkClient client(LarkConfiguration configuration, TokenProvider tokens, long timeoutMillis) {
        return new LarkClient(transport(configuration), baseUri(configuration), tokens, mapper, workers(),
                Duration.ofMillis(timeoutMillis), retryPolicy(configuration));
    }

    /** One token cache per app, so every endpoint of the app shares its tenant_access_token. */
    TokenProvider tokenProvider(LarkConfiguration configuration) {
        return tokenProviders.computeIfAbsent(tokenOwner(configuration), o -> newTokenProvider(configuration, o));
    }

    private TokenOwner tokenOwner(LarkConfiguration configuration) {
        return new TokenOwner(baseUri(configuration), configuration.getAppId(), configuration.getAppSecret(),
                configuration.getAppType(), transport(configuration));
    }

    private TokenProvider newTokenProvider(LarkConfiguration configuration, TokenOwner owner) {
        TokenApi auth = new TokenApi(clientWithoutCredentials(configuration, tokenCalls(configuration)), clock);
        if (owner.appType() == LarkAppType.store) {
            return new StoreAppTokenProvider(auth, owner.appId(), owner.appSecret(), appTicketStore(owner.appId()),
                    Duration.ofMillis(configuration.getRequestTimeout()));
        }
        return new SelfBuiltTokenProvider(auth, owner.appId(), owner.appSecret());
    }

    /**
     * The app_ticket of a store app: the events consumer that receives it and the producers' token provider of the same
     * app share this store.
     */
    public AppTicketStore appTicketStore(String appId) {
        return appTickets.computeIfAbsent(String.valueOf(appId), id -> new AppTicketStore());
    }

    /** The event connections shared by the {@code lark:events} consumers of each app. */
    public EventSources eventSources() {
        return eventSources;
    }

    /**
     * Where routes go on after a {@code lark:} step, and where upload sources are read: never on a Vert.x event loop, so a
     * route that blocks stalls no other call. Named threads that stop with the component.
     */
    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "Lark");
        }
        return workers;
    }

    @Override
    protected void doStop() throws Exception {
        eventSources.closeAll();
        flowControls.values().forEach(FlowControl::close);
        flowControls.clear();
        tokenProviders.clear();
        tokenCalls.clear();
        closeEngines();
        super.doStop();
    }

    private synchronized void closeEngines() {
        engines.values().forEach(VertxEngine::close);
        engines.clear();
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(workers);
            workers = null;
        }
    }

    /** Identifies an app's token cache. Holds the secret, so its toString must not print it. */
    private record TokenOwner(URI baseUri, String appId, String appSecret, LarkAppType appType, HttpTransport http) {
        @Override
        public String toString() {
            return "TokenOwner[" + baseUri + ", " + appId + ", " + appType + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TokenOwner other && baseUri.equals(other.baseUri) && Objects.equals(appId, other.appId)
                    && Objects.equals(appSecret, other.appSecret) && appType == other.appType && http == other.http;
        }

        @Override
        public int hashCode() {
            return Objects.hash(baseUri, appId, appSecret, appType, System.identityHashCode(http));
        }
    }
}
