package io.github.camellark.lark;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.AppTicketStore;
import io.github.camellark.lark.client.AuthEndpoint;
import io.github.camellark.lark.client.SelfBuiltTokenProvider;
import io.github.camellark.lark.client.StoreAppTokenProvider;
import io.github.camellark.lark.client.TokenProvider;
import io.github.camellark.lark.event.EventSources;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code lark:} component. Holds the defaults every endpoint starts from, and what endpoints of the same app share:
 * HTTP clients, token caches, the retry scheduler, and the connections that bring events ({@link EventSources}: one per
 * app, whatever the number of {@code lark:events} consumers).
 */
@Component("lark")
public class LarkComponent extends HealthCheckComponent {

    @Metadata(description = "Default configuration of every lark endpoint; endpoint options override it.")
    private LarkConfiguration configuration = new LarkConfiguration();

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<HttpSettings, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<TokenOwner, TokenProvider> tokenProviders = new ConcurrentHashMap<>();
    private final Map<String, AppTicketStore> appTickets = new ConcurrentHashMap<>();
    private final EventSources eventSources = new EventSources();
    private ScheduledExecutorService scheduler;
    private ExecutorService httpExecutor;
    private Clock clock = Clock.systemUTC();

    public LarkComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LarkResource resource = LarkResource.fromUri(remaining);
        LarkEndpoint endpoint = new LarkEndpoint(maskSecrets(uri), this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        if (resource.isProducer()) {
            resource.operation(endpoint.getConfiguration().getOperation());
        }
        return endpoint;
    }

    /**
     * Camel's own sanitizer does not know every Lark secret (encryptKey, webhookUrl), and endpoint URIs are logged when
     * routes start: the endpoint keeps a URI with every secret option masked.
     */
    String maskSecrets(String uri) {
        String masked = uri;
        for (String name : getCamelContext().getCamelContextExtension().getEndpointUriFactory("lark").secretPropertyNames()) {
            masked = masked.replaceAll("(?i)(?<=[?&])(" + Pattern.quote(name) + ")=(RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)",
                    "$1=xxxxxx");
        }
        return masked;
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

    /** For tests that need to move time (token expiry). */
    void setClock(Clock clock) {
        this.clock = clock;
        tokenProviders.clear();
    }

    static URI baseUri(LarkConfiguration configuration) {
        String base = configuration.getBaseUri() != null ? configuration.getBaseUri() : configuration.getDomain().baseUri();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** The injected client, or one shared by the endpoints with the same connection settings. */
    HttpClient httpClient(LarkConfiguration configuration) {
        if (configuration.getHttpClient() != null) {
            return configuration.getHttpClient();
        }
        HttpSettings settings = new HttpSettings(configuration.getConnectTimeout(), configuration.getProxyHost(),
                configuration.getProxyPort());
        ExecutorService executor = httpExecutor();
        return httpClients.computeIfAbsent(settings, key -> key.build(executor));
    }

    /** One token cache per app, so every endpoint of the app shares its tenant_access_token. */
    TokenProvider tokenProvider(LarkConfiguration configuration) {
        URI baseUri = baseUri(configuration);
        HttpClient http = httpClient(configuration);
        TokenOwner owner = new TokenOwner(baseUri, configuration.getAppId(), configuration.getAppSecret(),
                configuration.getAppType(), http);
        return tokenProviders.computeIfAbsent(owner, o -> newTokenProvider(configuration, o));
    }

    private TokenProvider newTokenProvider(LarkConfiguration configuration, TokenOwner owner) {
        AuthEndpoint auth = new AuthEndpoint(owner.http(), owner.baseUri(), Duration.ofMillis(configuration.getRequestTimeout()),
                mapper, clock);
        if (owner.appType() == LarkAppType.store) {
            return new StoreAppTokenProvider(auth, owner.appId(), owner.appSecret(), appTicketStore(owner.appId()), scheduler(),
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

    /** Waits between retries; one small pool for the whole component. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "LarkRetry");
        }
        return scheduler;
    }

    /**
     * Replies complete, and routes continue, on these named threads, which stop with the component. Created on first use:
     * endpoints ask for their HTTP client while routes are being set up, before the component starts.
     */
    private synchronized ExecutorService httpExecutor() {
        if (httpExecutor == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "LarkHttp");
        }
        return httpExecutor;
    }

    @Override
    protected void doStop() throws Exception {
        eventSources.closeAll();
        tokenProviders.clear();
        httpClients.clear();
        shutdownPools();
        super.doStop();
    }

    private synchronized void shutdownPools() {
        for (ExecutorService pool : new ExecutorService[] { scheduler, httpExecutor }) {
            if (pool != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(pool);
            }
        }
        scheduler = null;
        httpExecutor = null;
    }

    private record HttpSettings(long connectTimeout, String proxyHost, Integer proxyPort) {
        HttpClient build(ExecutorService executor) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .executor(executor)
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    .followRedirects(HttpClient.Redirect.NORMAL);
            if (proxyHost != null) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort == null ? 8080 : proxyPort)));
            }
            return builder.build();
        }
    }

    /** Identifies an app's token cache. Holds the secret, so its toString must not print it. */
    private record TokenOwner(URI baseUri, String appId, String appSecret, LarkAppType appType, HttpClient http) {
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
