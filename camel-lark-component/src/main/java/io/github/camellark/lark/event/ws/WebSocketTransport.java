package io.github.camellark.lark.event.ws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.http.HandshakeRefusedException;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.event.EventPipeline;
import io.github.camellark.lark.event.EventTransport;
import io.github.camellark.lark.event.ConnectionStatus;
import io.github.camellark.lark.event.ConnectionStatus.State;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives events over Lark's WebSocket long connection and supervises it: endpoint discovery, the dial through the
 * transport port (so proxy and TLS settings apply), reconnection with Lark's jitter after a drop and with a growing
 * backoff after failed attempts, and a clean close on stop. {@link Keepalive} finds dead connections,
 * {@link FrameDispatcher} turns frames into events and acks. Client errors (bad credentials, connection limit,
 * forbidden) stop it: they go to the exception handler (every consumer's) and turn the consumers' health checks DOWN.
 * One instance serves every {@code lark:events} consumer of the app.
 * <p>
 * Threads: socket callbacks and timers run on the transport's I/O threads and never block; they hand events to the
 * pipeline, which routes them on the consumer's threads. Timers and the socket are released by {@link #stop()}.
 * See <a href="https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case">Lark's long connection mode</a>.
 */
public final class WebSocketTransport implements EventTransport, LongConnection.Handler, Keepalive.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

    /** Bound of one WebSocket message; Lark fragments large payloads into frames far below it. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_FRAGMENTED_MESSAGES = 1024;
    private static final long MAX_FRAGMENT_BYTES = 64L * 1024 * 1024;
    /** How long stop() waits for Lark to answer the close frame. */
    private static final long CLOSE_WAIT_MILLIS = 2000;
    /** The first wait after a failed attempt; it doubles up to Lark's ReconnectInterval. */
    static final long FIRST_RETRY_MILLIS = 1000;
    private static final String LIMIT_EXCEEDED = "1000040350";

    private final LongConnectionSettings settings;
    private final HttpTransport port;
    private final ConnectionDiscovery discovery;
    private final EventPipeline pipeline;
    private final ObjectMapper mapper;
    private final CamelContext camelContext;
    private volatile ExceptionHandler exceptionHandler;

    // created by start(), released by stop()
    private volatile FrameDispatcher dispatcher;

    // guarded by this
    private volatile boolean running;
    private LongConnection current;
    private HttpTransport.Timer nextAttempt;
    private int failedAttempts;
    private long connections;
    private volatile ClientConfig config = ClientConfig.DEFAULTS;
    private volatile Status status = new Status(State.STOPPED, null, null, Instant.now());

    private record Status(State state, String reason, Throwable error, Instant since) {
    }

    /**
     * @param port      the network: discovery, the WebSocket and the timers go through it
     * @param client    a client without credentials for discovery (envelope reader and retries of every call)
     * @param pipeline  where events go: the fan-out to the pipelines of every consumer of the app
     * @param context   Camel, for the fallback exception handler
     */
    public WebSocketTransport(LongConnectionSettings settings, HttpTransport port, LarkClient client, EventPipeline pipeline,
                              CamelContext context) {
        this.settings = settings;
        this.port = port;
        this.discovery = new ConnectionDiscovery(client, settings.appId(), settings.appSecret());
        this.pipeline = pipeline;
        this.mapper = client.mapper();
        this.camelContext = context;
    }

    /** Where client errors go (the consumers' exception handlers); logged when not set. */
    public void setExceptionHandler(ExceptionHandler exceptionHandler) {
        this.exceptionHandler = exceptionHandler;
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    /** Where the connection is, and why. */
    @Override
    public ConnectionStatus status() {
        Status now = status;
        Map<String, Object> details = new LinkedHashMap<>();
        synchronized (this) {
            if (current != null) {
                details.put("lark.connection", current.target().connectionId());
            }
            details.put("lark.connects", connections);
            details.put("lark.reconnects", Math.max(0, connections - 1));
            details.put("lark.failedAttempts", failedAttempts);
        }
        FrameDispatcher frames = dispatcher;
        details.put("lark.pendingFragmentedMessages", frames == null ? 0 : frames.pendingFragmentedMessages());
        details.put("lark.inflightEvents", frames == null ? 0 : frames.inflight());
        return new ConnectionStatus(now.state(), now.reason(), now.error(), now.since(), details);
    }

    @Override
    public void start() {
        FragmentAssembler fragments = new FragmentAssembler(settings.fragmentTtl().toMillis(), MAX_FRAGMENTED_MESSAGES,
                MAX_FRAGMENT_BYTES, System::nanoTime);
        dispatcher = new FrameDispatcher(pipeline, mapper, fragments, pushed -> {
            config = config.merge(pushed);
            LOG.debug("Lark pushed the client config {}", config);
        });
        synchronized (this) {
            config = ClientConfig.DEFAULTS;
            failedAttempts = 0;
            connections = 0;
            running = true;
            status = new Status(State.CONNECTING, "connecting to Lark", null, Instant.now());
            nextAttempt = port.schedule(0, this::attempt);
        }
    }

    /**
     * Stops taking events, lets those in flight be acked (bounded by the event deadline), sends a close frame and releases
     * every thread and timer. Events Lark pushes meanwhile get no ack, so Lark redelivers them to another connection.
     */
    @Override
    public void stop() {
        LongConnection connection;
        synchronized (this) {
            running = false;
            connection = current;
            current = null;
            if (nextAttempt != null) {
                nextAttempt.cancel();
                nextAttempt = null;
            }
        }
        FrameDispatcher frames = dispatcher;
        if (connection != null) {
            connection.stopKeepalive();
            if (frames != null) {
                frames.awaitInflight(settings.eventDeadline().toMillis() + 1000);
            }
            connection.close(CLOSE_WAIT_MILLIS);
            LOG.info("Closed the Lark long connection {}", connection.target());
        }
        if (frames != null) {
            frames.clear();
        }
        if (status.state() != State.FAILED) {
            status = new Status(State.STOPPED, "stopped", null, Instant.now());
        }
    }

    // ---- connecting

    private void attempt() {
        synchronized (this) {
            if (!running) {
                return;
            }
            nextAttempt = null;
        }
        discovery.discover()
                .thenCompose(this::dial)
                .whenComplete((connection, error) -> {
                    if (error != null) {
                        attemptFailed(classify(error));
                    } else {
                        connected(connection);
                    }
                });
    }

    private CompletableFuture<LongConnection> dial(DiscoveredConnection target) {
        config = config.merge(target.clientConfig());
        LOG.debug("Dialing the Lark long connection {}", target);
        return new LongConnection(target, this).open(port, settings.connectTimeout(), MAX_MESSAGE_BYTES);
    }

    private void connected(LongConnection connection) {
        synchronized (this) {
            if (running && status.state() != State.FAILED) {
                current = connection;
                failedAttempts = 0;
                connections++;
                status = new Status(State.CONNECTED, null, null, Instant.now());
                connection.keepalive = new Keepalive(connection, port, settings, this);
                connection.keepalive.start();
                LOG.info("Lark long connection established: {}", connection.target());
            } else {
                connection.abort();
                return;
            }
        }
        if (connection.isLost()) {
            // closed between the handshake and now: its onLost was ignored as it was not current yet
            onLost(connection, "Lark closed the connection right after the handshake", null);
        }
    }

    private void attemptFailed(LongConnectionException error) {
        LongConnectionException fatal = null;
        synchronized (this) {
            if (!running) {
                return;
            }
            ClientConfig now = config;
            failedAttempts++;
            if (!error.isRetryable()) {
                fatal = error;
            } else if (now.reconnectCount() >= 0 && failedAttempts > now.reconnectCount()) {
                fatal = new LongConnectionException("Gave up connecting to Lark after " + failedAttempts
                                                    + " attempts (ReconnectCount " + now.reconnectCount() + "): "
                                                    + error.getMessage(), false, error.getCode(), error);
            } else {
                long delay = cap(backoff(failedAttempts, now));
                String reason = "attempt " + failedAttempts + " failed, next in " + delay + " ms: " + error.getMessage();
                status = new Status(connections == 0 ? State.CONNECTING : State.RECONNECTING, reason, error, Instant.now());
                nextAttempt = port.schedule(delay, this::attempt);
                LOG.warn("Lark long connection: {}", reason);
            }
            if (fatal != null) {
                status = new Status(State.FAILED, fatal.getMessage(), fatal, Instant.now());
            }
        }
        if (fatal != null) {
            LOG.error("Lark long connection stopped for good: {}", fatal.getMessage());
            exceptionHandler().handleException(
                    "Lark long connection stopped; no events arrive until a lark:events route of the app is restarted", fatal);
        }
    }

    /**
     * 1 s after the first failed attempt, doubling up to Lark's ReconnectInterval: a network blip or a mistyped host is
     * seen again within seconds, not after Lark's 120 s, while an outage is not hammered.
     */
    static long backoff(int failedAttempts, ClientConfig config) {
        long ceiling = Math.max(FIRST_RETRY_MILLIS, TimeUnit.SECONDS.toMillis(config.reconnectIntervalSeconds()));
        return Math.min(ceiling, FIRST_RETRY_MILLIS << Math.min(failedAttempts - 1, 20));
    }

    @Override
    public void onLost(LongConnection connection, String reason, Throwable error) {
        long delay;
        synchronized (this) {
            if (connection != current || !running) {
                return;
            }
            current = null;
            delay = jitter(config);
            status = new Status(State.RECONNECTING, reason + "; reconnecting in " + delay + " ms", error, Instant.now());
            nextAttempt = port.schedule(delay, this::attempt);
        }
        connection.abort();
        LOG.warn("Lark long connection {} lost: {}; reconnecting in {} ms", connection.target(), reason, delay);
    }

    private long jitter(ClientConfig now) {
        long nonce = TimeUnit.SECONDS.toMillis(now.reconnectNonceSeconds());
        return cap(nonce <= 0 ? 0 : ThreadLocalRandom.current().nextLong(nonce));
    }

    private long cap(long millis) {
        long max = settings.reconnectMaxDelay().toMillis();
        return max > 0 ? Math.min(millis, max) : millis;
    }

    /** Which failures are worth another attempt, as the official SDKs decide from Lark's handshake headers. */
    static LongConnectionException classify(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LongConnectionException known) {
            return known;
        }
        if (cause instanceof HandshakeRefusedException handshake) {
            String status = orEmpty(handshake.headers().first("Handshake-Status"));
            String authCode = orEmpty(handshake.headers().first("Handshake-Autherrcode"));
            String message = orEmpty(handshake.headers().first("Handshake-Msg"));
            String described = "Lark refused the WebSocket handshake: HTTP " + handshake.status() + ", Handshake-Status "
                               + status + ", Handshake-Autherrcode " + authCode + (message.isEmpty() ? "" : ", " + message);
            if ("514".equals(status) && LIMIT_EXCEEDED.equals(authCode)) {
                return new LongConnectionException(described + " (connection limit: at most 50 long connections per app)",
                        false, Long.parseLong(LIMIT_EXCEEDED), cause);
            }
            if ("403".equals(status)) {
                return new LongConnectionException(described + " (forbidden)", false, 403, cause);
            }
            return LongConnectionException.retryable(described, cause);
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return LongConnectionException.retryable("Connecting to Lark failed: " + text, cause);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // ---- keepalive and frames

    @Override
    public void sendLarkPing(LongConnection connection) {
        connection.send(FrameCodec.encode(Frame.ping(connection.target().serviceId())));
        FrameDispatcher frames = dispatcher;
        if (frames != null) {
            frames.expireFragments();
        }
    }

    @Override
    public void onMessage(LongConnection connection, byte[] message) {
        FrameDispatcher frames = dispatcher;
        if (running && frames != null) {
            frames.onMessage(connection, message);
        }
        // else stopping: no ack, so Lark redelivers to another connection
    }

    private ExceptionHandler exceptionHandler() {
        ExceptionHandler explicit = exceptionHandler;
        return explicit != null ? explicit : new LoggingExceptionHandler(camelContext, WebSocketTransport.class);
    }
}
