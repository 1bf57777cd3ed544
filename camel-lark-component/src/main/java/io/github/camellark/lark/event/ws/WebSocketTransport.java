package io.github.camellark.lark.event.ws;

import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventPipeline;
import io.github.camellark.lark.event.EventTransport;
import io.github.camellark.lark.health.ConsumerStatus;
import io.github.camellark.lark.health.ConsumerStatus.State;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives events over Lark's WebSocket long connection (lark-events.md §3) and hands them to the {@link EventPipeline}:
 * endpoint discovery, the WebSocket dial through the component's HTTP client (so its proxy applies), a ping every
 * {@code PingInterval} with a liveness watchdog, fragment reassembly, one ack per data frame, and reconnection with Lark's
 * jitter and interval, re-discovering the endpoint every time. Client errors (bad credentials, connection limit,
 * forbidden) stop it: they go to the exception handler (every consumer's) and turn the consumers' health checks DOWN.
 * One instance serves every {@code lark:events} consumer of the app (see {@code SharedEventSource}).
 * <p>
 * Threads: one timer from Camel's ExecutorServiceManager (named {@code LarkWebSocketTimer}); socket callbacks run on
 * the HTTP client's threads and hand events to the pipeline, which routes them on its own threads. The timer is
 * released by {@link #stop()}.
 */
public final class WebSocketTransport implements EventTransport, LongConnection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

    /** Bound of one WebSocket message; Lark fragments large payloads into frames far below it. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_FRAGMENTED_MESSAGES = 1024;
    private static final long MAX_FRAGMENT_BYTES = 64L * 1024 * 1024;
    /** How long stop() waits for Lark to answer the close frame. */
    private static final long CLOSE_WAIT_MILLIS = 2000;
    private static final String LIMIT_EXCEEDED = "1000040350";

    private final LarkEndpoint endpoint;
    private final EventPipeline pipeline;
    private final Set<CompletableFuture<Void>> inflight = ConcurrentHashMap.newKeySet();
    private volatile ExceptionHandler exceptionHandler;

    // created by start(), released by stop()
    private ScheduledExecutorService timer;
    private FragmentAssembler fragments;
    private EndpointDiscovery discovery;
    private HttpClient http;
    private ObjectMapper mapper;

    // guarded by this
    private volatile boolean running;
    private LongConnection current;
    private ScheduledFuture<?> nextAttempt;
    private int failedAttempts;
    private long connections;
    private volatile ClientConfig config = ClientConfig.DEFAULTS;
    private volatile Status status = new Status(State.STOPPED, null, null, Instant.now());

    private record Status(State state, String reason, Throwable error, Instant since) {
    }

    /**
     * @param endpoint the endpoint whose options (credentials, {@code ws*}, proxy) the connection uses
     * @param pipeline where events go: the fan-out to the pipelines of every consumer of the app
     */
    public WebSocketTransport(LarkEndpoint endpoint, EventPipeline pipeline) {
        this.endpoint = endpoint;
        this.pipeline = pipeline;
    }

    /** Where client errors go (the consumers' exception handlers); logged when not set. */
    public void setExceptionHandler(ExceptionHandler exceptionHandler) {
        this.exceptionHandler = exceptionHandler;
    }

    /** Where the connection is, and why. */
    @Override
    public ConsumerStatus status() {
        Status now = status;
        Map<String, Object> details = new LinkedHashMap<>();
        synchronized (this) {
            if (current != null) {
                details.put("lark.connection", current.endpoint().connectionId());
            }
            details.put("lark.reconnects", Math.max(0, connections - 1));
            details.put("lark.failedAttempts", failedAttempts);
        }
        FragmentAssembler assembler = fragments;
        details.put("lark.pendingFragmentedMessages", assembler == null ? 0 : assembler.pending());
        details.put("lark.inflightEvents", inflight.size());
        return new ConsumerStatus(now.state(), now.reason(), now.error(), now.since(), details);
    }

    @Override
    public void start() {
        LarkConfiguration configuration = endpoint.getConfiguration();
        if (configuration.getAppId() == null || configuration.getAppSecret() == null) {
            throw new IllegalArgumentException(
                    "lark:events with transport=websocket needs the appId and appSecret options of a self-built app");
        }
        CamelContext context = endpoint.getCamelContext();
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        timer = executors.newSingleThreadScheduledExecutor(this, "LarkWebSocketTimer");
        fragments = new FragmentAssembler(configuration.getWsFragmentTtl(), MAX_FRAGMENTED_MESSAGES, MAX_FRAGMENT_BYTES,
                System::nanoTime);
        http = endpoint.httpClient();
        mapper = endpoint.client().mapper();
        discovery = new EndpointDiscovery(http, endpoint.baseUri(), configuration.getAppId(), configuration.getAppSecret(),
                Duration.ofMillis(configuration.getWsConnectTimeout()), mapper);
        synchronized (this) {
            config = ClientConfig.DEFAULTS;
            failedAttempts = 0;
            connections = 0;
            running = true;
            status = new Status(State.CONNECTING, "connecting to Lark", null, Instant.now());
            nextAttempt = timer.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops taking events, lets those in flight be acked (bounded by the event deadline), sends a close frame and releases
     * every thread. Events Lark pushes meanwhile get no ack, so Lark redelivers them to another connection.
     */
    @Override
    public void stop() {
        LongConnection connection;
        synchronized (this) {
            running = false;
            connection = current;
            current = null;
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
                nextAttempt = null;
            }
        }
        if (connection != null) {
            connection.cancelTimers();
            awaitInflight(endpoint.getConfiguration().getEventDeadline() + 1000);
            connection.close(CLOSE_WAIT_MILLIS);
            LOG.info("Closed the Lark long connection {}", connection.endpoint());
        }
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (timer != null) {
            executors.shutdownNow(timer);
        }
        if (fragments != null) {
            fragments.clear();
        }
        inflight.clear();
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

    private CompletableFuture<LongConnection> dial(LongConnectionEndpoint target) {
        config = config.merge(target.clientConfig());
        LongConnection connection = new LongConnection(target, this, MAX_MESSAGE_BYTES);
        LOG.debug("Dialing the Lark long connection {}", target);
        try {
            return connection.open(http, Duration.ofMillis(endpoint.getConfiguration().getWsConnectTimeout()))
                    .thenApply(ws -> connection);
        } catch (IllegalArgumentException e) {
            // the JDK quotes the whole URL (access key, ticket) in this message: report the safe description only
            return CompletableFuture.failedFuture(
                    LongConnectionException.retryable("Dialing " + target + " failed: the URL is not a valid WebSocket URL", null));
        }
    }

    private void connected(LongConnection connection) {
        synchronized (this) {
            if (running && status.state() != State.FAILED) {
                current = connection;
                failedAttempts = 0;
                connections++;
                status = new Status(State.CONNECTED, null, null, Instant.now());
                timer.execute(() -> ping(connection));
                LOG.info("Lark long connection established: {}", connection.endpoint());
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
                long delay = cap(TimeUnit.SECONDS.toMillis(now.reconnectIntervalSeconds()));
                String reason = "attempt " + failedAttempts + " failed, next in " + delay + " ms: " + error.getMessage();
                status = new Status(connections == 0 ? State.CONNECTING : State.RECONNECTING, reason, error, Instant.now());
                nextAttempt = timer.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
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
            nextAttempt = timer.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
        }
        connection.abort();
        LOG.warn("Lark long connection {} lost: {}; reconnecting in {} ms", connection.endpoint(), reason, delay);
    }

    private long jitter(ClientConfig now) {
        long nonce = TimeUnit.SECONDS.toMillis(now.reconnectNonceSeconds());
        return cap(nonce <= 0 ? 0 : ThreadLocalRandom.current().nextLong(nonce));
    }

    private long cap(long millis) {
        long max = endpoint.getConfiguration().getWsReconnectMaxDelay();
        return max > 0 ? Math.min(millis, max) : millis;
    }

    /** Which failures are worth another attempt: lark-events.md §3.2 and §3.3. */
    static LongConnectionException classify(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LongConnectionException known) {
            return known;
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            var headers = handshake.getResponse().headers();
            String status = headers.firstValue("Handshake-Status").orElse("");
            String authCode = headers.firstValue("Handshake-Autherrcode").orElse("");
            String message = headers.firstValue("Handshake-Msg").orElse("");
            String described = "Lark refused the WebSocket handshake: HTTP " + handshake.getResponse().statusCode()
                               + ", Handshake-Status " + status + ", Handshake-Autherrcode " + authCode
                               + (message.isEmpty() ? "" : ", " + message);
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

    // ---- keepalive

    private void ping(LongConnection connection) {
        ClientConfig now = config;
        long sentAt = System.nanoTime();
        synchronized (this) {
            if (connection != current) {
                return;
            }
            long pingTimeout = endpoint.getConfiguration().getWsPingTimeout();
            if (pingTimeout > 0) {
                connection.watchdog = timer.schedule(() -> checkAlive(connection, sentAt, pingTimeout), pingTimeout,
                        TimeUnit.MILLISECONDS);
            }
            connection.nextPing = timer.schedule(() -> ping(connection), now.pingIntervalSeconds(), TimeUnit.SECONDS);
        }
        connection.send(FrameCodec.encode(Frame.ping(connection.endpoint().serviceId())));
        fragments.expire(); // also when no fragment arrives to trigger it
    }

    private void checkAlive(LongConnection connection, long pingSentAt, long pingTimeout) {
        if (connection.lastInboundNanos() - pingSentAt < 0) {
            onLost(connection, "nothing arrived within " + pingTimeout + " ms after a ping (half-open connection)", null);
        }
    }

    // ---- receiving

    @Override
    public void onMessage(LongConnection connection, byte[] message) {
        if (!running) {
            return; // stopping: no ack, so Lark redelivers to another connection
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropped a frame from Lark: {}", e.getMessage());
            return;
        }
        if (frame.isControl()) {
            onControl(frame);
            return;
        }
        String type = frame.type();
        if (!"event".equals(type) && !"card".equals(type)) {
            // the SDKs answer nothing and Lark re-pushes forever; a frame we cannot use is better acknowledged
            LOG.debug("Acknowledged a data frame of unknown type {} without processing it", type);
            acknowledge(connection, frame, EventAck.delivered(), null, System.nanoTime());
            return;
        }
        byte[] payload;
        try {
            int sum = intHeader(frame, Frame.SUM, 1);
            int seq = intHeader(frame, Frame.SEQ, 0);
            String messageId = frame.header(Frame.MESSAGE_ID);
            if (messageId == null && sum > 1) {
                throw new IllegalArgumentException("a fragment without message_id");
            }
            payload = fragments.add(messageId, sum, seq, frame.payload() == null ? new byte[0] : frame.payload());
        } catch (IllegalArgumentException e) {
            LOG.warn("Dropped data frame {}: {}", frame.header(Frame.MESSAGE_ID), e.getMessage());
            return;
        }
        if (payload != null) {
            dispatch(connection, frame, payload);
        }
    }

    private void onControl(Frame frame) {
        if ("pong".equals(frame.type()) && frame.payload() != null && frame.payload().length > 0) {
            try {
                config = config.merge(mapper.readValue(frame.payload(), Map.class));
                LOG.debug("Lark pushed the client config {}", config);
            } catch (Exception e) {
                LOG.debug("Ignored a pong whose payload is not a client config: {}", e.getMessage());
            }
        }
        // server pings and other control frames need no answer (lark-events.md §3.5)
    }

    private static int intHeader(Frame frame, String key, int absent) {
        String value = frame.header(key);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("header " + key + " is not a number: " + value);
        }
    }

    /**
     * Hands the event to the pipeline right on the socket thread: the pipeline only parses and queues there, and owns
     * the one hand-off to a routing thread (EventPipeline's contract), so the socket keeps reading and acking.
     */
    private void dispatch(LongConnection connection, Frame frame, byte[] payload) {
        long receivedAt = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        inflight.add(done);
        CompletableFuture<EventAck> result;
        try {
            result = pipeline.process(payload);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((ack, error) -> {
            try {
                acknowledge(connection, frame, ack, error, receivedAt);
            } finally {
                inflight.remove(done);
                done.complete(null);
            }
        });
    }

    /** The same frame back, plus {@code biz_rt}, with {@code {"code":200|500,"data":base64(reply)}} (lark-events.md §3.6). */
    private void acknowledge(LongConnection connection, Frame frame, EventAck ack, Throwable error, long receivedAt) {
        if (error != null) {
            LOG.warn("Processing event {} failed; acknowledging with code 500 so Lark redelivers it",
                    frame.header(Frame.MESSAGE_ID), error);
        }
        boolean success = error == null && ack != null && ack.success();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", success ? 200 : 500);
        if (error == null && ack != null && ack.callbackBody() != null) {
            body.put("data", Base64.getEncoder().encodeToString(ack.callbackBody()));
        }
        byte[] payload;
        try {
            payload = mapper.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedAt);
        connection.send(FrameCodec.encode(frame.withHeader(Frame.BIZ_RT, Long.toString(elapsedMillis)).withPayload(payload)))
                .whenComplete((ignored, sendError) -> {
                    if (sendError != null) {
                        LOG.debug("The ack of event {} was not sent ({}); Lark will redeliver it",
                                frame.header(Frame.MESSAGE_ID), sendError.toString());
                    }
                });
    }

    private void awaitInflight(long maxWaitMillis) {
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Stopping with {} events still in flight", inflight.size());
        }
    }

    private ExceptionHandler exceptionHandler() {
        ExceptionHandler explicit = exceptionHandler;
        return explicit != null ? explicit : new LoggingExceptionHandler(endpoint.getCamelContext(), WebSocketTransport.class);
    }
}
