package io.github.camellark.lark.client.vertx;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's Vert.x: the instance given to it (its {@code vertx} option, or the one found in the Camel registry, as
 * camel-vertx and platform-http-vertx share theirs), or one it creates and, only then, closes. Hands out one
 * {@link VertxHttpTransport} per {@link TransportSettings}, all closed with the engine.
 */
public final class VertxEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VertxEngine.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Vertx vertx;
    private final boolean owned;
    private final CamelContext camelContext;
    private final Executor blocking;
    private final Map<TransportSettings, VertxHttpTransport> transports = new ConcurrentHashMap<>();

    private VertxEngine(Vertx vertx, boolean owned, CamelContext camelContext, Executor blocking) {
        this.vertx = vertx;
        this.owned = owned;
        this.camelContext = camelContext;
        this.blocking = blocking;
    }

    /**
     * @param shared   a Vert.x owned by someone else, or null to create one
     * @param blocking where uploads' sources are read (they may block)
     */
    public static VertxEngine start(Vertx shared, CamelContext camelContext, Executor blocking) {
        if (shared != null) {
            LOG.debug("Lark uses the Vert.x instance of the Camel registry");
            return new VertxEngine(shared, false, camelContext, blocking);
        }
        // two event loops serve thousands of calls per second; no file cache, so no .vertx folder in the working directory
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(Math.min(2, Runtime.getRuntime().availableProcessors() * 2))
                .setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false));
        return new VertxEngine(Vertx.vertx(options), true, camelContext, blocking);
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Whether the engine created its Vert.x (and so closes it). */
    public boolean ownsVertx() {
        return owned;
    }

    public VertxHttpTransport transport(TransportSettings settings) {
        return transports.computeIfAbsent(settings, this::create);
    }

    private VertxHttpTransport create(TransportSettings settings) {
        HttpClientOptions http = settings.expertOptions() != null ? new HttpClientOptions(settings.expertOptions())
                : new HttpClientOptions().setKeepAlive(true).setConnectTimeout(millis(settings.connectTimeout()))
                        .setName("camel-lark")
                        // every request says whether it is https; with TLS on by default Vert.x builds its TLS context
                        // from these options (pooled buffers below) for https requests
                        .setSsl(true);
        WebSocketClientOptions ws = new WebSocketClientOptions()
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setMaxMessageSize(settings.maxMessageBytes())
                .setMaxFrameSize(settings.maxMessageBytes())
                // after our close frame, how long the peer may take to answer before the TCP connection is dropped
                .setClosingTimeout(2);
        for (ClientOptionsBase options : new ClientOptionsBase[] { http, ws }) {
            proxy(settings, options);
            tls(settings.ssl(), options);
            if (options != http || settings.expertOptions() == null) {
                // Netty's JDK TLS path otherwise allocates unpooled heap buffers per record: measured 28 KB vs 10 KB per call
                options.setSslEngineOptions(new JdkSSLEngineOptions().setPooledHeapBuffers(true));
            }
        }
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxConnections());
        return new VertxHttpTransport(vertx, vertx.createHttpClient(http, pool), vertx.createWebSocketClient(ws), blocking);
    }

    private static void proxy(TransportSettings settings, ClientOptionsBase options) {
        if (settings.proxyHost() != null) {
            options.setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP).setHost(settings.proxyHost())
                    .setPort(settings.proxyPort() == null ? 8080 : settings.proxyPort()));
        }
    }

    /** Camel's key and trust managers, so a corporate trust store configured once works for every HTTP component. */
    private void tls(SSLContextParameters ssl, ClientOptionsBase options) {
        if (ssl == null) {
            return;
        }
        try {
            ssl.setCamelContext(camelContext);
            KeyManagersParameters keys = ssl.getKeyManagers();
            if (keys != null) {
                keys.setCamelContext(camelContext);
                if (keys.getKeyStore() != null) {
                    keys.getKeyStore().setCamelContext(camelContext);
                }
                for (KeyManager manager : keys.createKeyManagers()) {
                    if (manager instanceof X509KeyManager x509) {
                        options.setKeyCertOptions(KeyCertOptions.wrap(x509));
                        break;
                    }
                }
            }
            TrustManagersParameters trust = ssl.getTrustManagers();
            if (trust != null) {
                trust.setCamelContext(camelContext);
                if (trust.getKeyStore() != null) {
                    trust.getKeyStore().setCamelContext(camelContext);
                }
                TrustManager[] managers = trust.createTrustManagers();
                if (managers.length > 0) {
                    options.setTrustOptions(TrustOptions.wrap(managers[0]));
                }
            }
            if (ssl.getSecureSocketProtocols() != null) {
                options.setEnabledSecureTransportProtocols(new java.util.LinkedHashSet<>(
                        ssl.getSecureSocketProtocols().getSecureSocketProtocol()));
            }
        } catch (Exception e) {
            throw new RuntimeCamelException("The sslContextParameters of the lark component cannot be used: " + e.getMessage(), e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    /** Closes every transport, and the Vert.x instance when the engine created it. */
    @Override
    public void close() {
        transports.values().forEach(VertxHttpTransport::close);
        transports.clear();
        if (owned) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("Vert.x did not close within {} s: {}", CLOSE_WAIT_SECONDS, e.toString());
            }
        }
    }
}
