package io.github.camellark.lark.testkit.ws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;

import io.github.camellark.lark.testkit.events.CallbackAnswer;
import io.github.camellark.lark.testkit.events.EventDelivery;
import io.github.camellark.lark.testkit.events.Ids;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;

/**
 * Lark's side of the WebSocket long connection: endpoint discovery, the upgrade with Lark's
 * refusals, pbbp2 frames, ping/pong with a ClientConfig payload, event pushes (optionally fragmented) with acks
 * and redelivery, and faults.
 *
 * <pre>{@code
 * try (LongConnectionServer ws = new LongConnectionServer().start();
 *      DiscoveryHttpServer discovery = new DiscoveryHttpServer(ws)) {   // or the simulator's own route
 *     ws.credentials("cli_x", "secret").clientConfig(new ClientConfig(-1, 1, 0, 1));
 *     // point the client at discovery.baseUri(), wait for ws.openConnections() ...
 *     WsDelivery d = ws.push(event, WsPush.event().fragments(3));
 *     await().until(d::isDelivered);
 *     d.callbackReply();  // base64-decoded "data" of the ack
 * }
 * }</pre>
 * Threads: the WebSocket selector and one decoder (Java-WebSocket) plus one timer {@code testkit-ws-timer}; all
 * stopped by {@link #close()}.
 */
public final class LongConnectionServer implements EventDelivery, AutoCloseable {

    public static final String ENDPOINT_PATH = "/callback/ws/endpoint";
    public static final String WEBSOCKET_PATH = "/ws/v2";
    /**
     * Discovery code "system busy": the Java SDK (2.5.3) retries it, the Node SDK (1.74) does not (it stops with an
     * error). {@link #INTERNAL_ERROR} is retried by both. See the testkit's EVENTS.md, "What the SDKs retry".
     */
    public static final int SYSTEM_BUSY = 1;
    public static final int INTERNAL_ERROR = 1000040343;

    private volatile URI advertisedUri;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pushed attempt waiting for its ack. */
    private record Pending(WsDelivery delivery, String connectionId, int number) {
    }

    private final WsFaults faults = new WsFaults(this);
    private final Random random = new Random();
    private final int serviceId = 1 + new Random().nextInt(Integer.MAX_VALUE - 1);
    private final AtomicLong frameSequence = new AtomicLong();

    /** Tickets discovery handed out and no upgrade has presented yet. */
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final Map<WebSocket, WsConnection> bySocket = new ConcurrentHashMap<>();
    private final List<WsConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<WsDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<WsAck> acks = new CopyOnWriteArrayList<>();
    private final List<HandshakeRejection> refusedHandshakes = new CopyOnWriteArrayList<>();
    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger pings = new AtomicInteger();

    private volatile String appId;
    private volatile String appSecret;
    private volatile int badCredentialsCode = 10014;
    private volatile ClientConfig clientConfig = ClientConfig.sdkDefaults();
    private volatile boolean pongCarriesClientConfig = true;
    private volatile boolean blankTokenOnPush = true;
    private volatile Duration ackTimeout = Duration.ofSeconds(3);
    private volatile RetrySchedule retrySchedule = RetrySchedule.lark();
    private volatile boolean redeliverUnacked = true;
    private volatile boolean redeliverFailed = true;
    private volatile boolean requireFreshTicket = true;

    private ScheduledExecutorService timer;
    private FrameSocketServer socketServer;
    private volatile boolean closed;

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Binds the WebSocket server to 127.0.0.1 on a free port. */
    public synchronized LongConnectionServer start() {
        if (socketServer != null) {
            return this;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "testkit-ws-timer");
            thread.setDaemon(true);
            return thread;
        });
        socketServer = new FrameSocketServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new SocketEvents());
        socketServer.start();
        try {
            socketServer.awaitStarted();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("long connection server did not start", e);
        }
        return this;
    }

    /** {@code ws://127.0.0.1:<port>/ws/v2}, without the query discovery adds. */
    public URI webSocketUri() {
        requireStarted();
        return URI.create("ws://127.0.0.1:" + socketServer.getPort() + WEBSOCKET_PATH);
    }

    /**
     * Makes discovery hand out this URL instead of {@link #webSocketUri()}, for a client that must reach the server
     * through something in front of it: a TLS terminator ({@code wss://127.0.0.1:<its port>/ws/v2}) or a proxy. Null
     * goes back to the server's own URL.
     */
    public LongConnectionServer advertisedUri(URI uri) {
        this.advertisedUri = uri;
        return this;
    }

    /** Closes every connection with a close frame (1001), stops all threads; pending deliveries end as GAVE_UP. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (socketServer != null) {
            try {
                socketServer.stop(1000, "simulator stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.forEach(d -> d.finish(WsDelivery.State.GAVE_UP));
    }

    // ---- configuration -----------------------------------------------------------------------

    /** Discovery accepts only these credentials; until set, any AppID/AppSecret is accepted. */
    public LongConnectionServer credentials(String appId, String appSecret) {
        this.appId = appId;
        this.appSecret = appSecret;
        return this;
    }

    /**
     * The discovery code for wrong credentials. The real code is unverified; 10014 is Lark's "app secret invalid"
     * on the token API. The official SDKs stop on it rather than retry (EVENTS.md, "What the SDKs retry").
     */
    public LongConnectionServer badCredentialsCode(int code) {
        this.badCredentialsCode = code;
        return this;
    }

    /** The ClientConfig in discovery replies and pong payloads (seconds). */
    public LongConnectionServer clientConfig(ClientConfig config) {
        this.clientConfig = config;
        return this;
    }

    public ClientConfig clientConfig() {
        return clientConfig;
    }

    /** Whether pongs carry the ClientConfig JSON (default) or no payload. */
    public LongConnectionServer pongCarriesClientConfig(boolean carries) {
        this.pongCarriesClientConfig = carries;
        return this;
    }

    /**
     * Pushed payloads carry {@code "token":""} as a third-party log of real WS traffic shows (larksuite/oapi-sdk-go#195).
     * Pass false to keep the event's verification token.
     */
    public LongConnectionServer blankTokenOnPush(boolean blank) {
        this.blankTokenOnPush = blank;
        return this;
    }

    /** How long an attempt waits for its ack before it counts as failed (3 s at Lark). */
    public LongConnectionServer ackTimeout(Duration timeout) {
        this.ackTimeout = timeout;
        return this;
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** When failed attempts are pushed again (default {@link RetrySchedule#lark()}). */
    public LongConnectionServer retrySchedule(RetrySchedule schedule) {
        this.retrySchedule = schedule;
        return this;
    }

    /** Whether attempts without an ack (timeout, lost connection, nobody connected) are redelivered. Default true. */
    public LongConnectionServer redeliverUnacked(boolean redeliver) {
        this.redeliverUnacked = redeliver;
        return this;
    }

    /** Whether attempts acked with a code other than 200 are redelivered. Default true. */
    public LongConnectionServer redeliverFailed(boolean redeliver) {
        this.redeliverFailed = redeliver;
        return this;
    }

    /**
     * Whether an upgrade must present a ticket from a discovery not used before (default). Lark's URLs carry a ticket;
     * how strictly it is checked is unverified, but clients are expected to run discovery before every dial.
     */
    public LongConnectionServer requireFreshTicket(boolean require) {
        this.requireFreshTicket = require;
        return this;
    }

    public WsFaults faults() {
        return faults;
    }

    // ---- discovery ---------------------------------------------------------------------------

    /**
     * Answers {@code POST /callback/ws/endpoint} with body {@code {"AppID","AppSecret"}}; host it on any HTTP
     * server (the simulator's router, or {@link DiscoveryHttpServer}).
     */
    public HttpReply discover(byte[] requestBody) {
        requireStarted();
        discoveries.incrementAndGet();
        HttpReply failure = faults.takeDiscoveryFailure();
        if (failure != null) {
            return failure;
        }
        JsonNode request;
        try {
            request = JSON.readTree(requestBody);
        } catch (IOException e) {
            return discoveryError(400, 400, "invalid request body");
        }
        if (request == null || !request.isObject()) {
            return discoveryError(400, 400, "invalid request body");
        }
        String requestAppId = request.path("AppID").asText("");
        String requestSecret = request.path("AppSecret").asText("");
        boolean credentialsOk = appId == null
                ? !requestAppId.isEmpty()
                : appId.equals(requestAppId) && appSecret.equals(requestSecret);
        if (!credentialsOk) {
            return discoveryError(200, badCredentialsCode, "app id or app secret invalid");
        }
        String deviceId = Long.toString(7_000_000_000_000_000_000L + Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L));
        String ticket = java.util.UUID.randomUUID().toString();
        tickets.add(ticket);
        // query shape from logs of real URLs (fpid, aid, access_key are opaque; only device_id and service_id matter)
        URI advertised = advertisedUri;
        String url = (advertised != null ? advertised : webSocketUri()) + "?fpid=493&aid=552564&device_id=" + deviceId + "&access_key=" + Ids.hex(32)
                + "&service_id=" + serviceId + "&ticket=" + ticket;
        ObjectNode data = JSON.createObjectNode();
        data.put("URL", url);
        ClientConfig config = clientConfig;
        ObjectNode clientConfigNode = data.putObject("ClientConfig");
        clientConfigNode.put("ReconnectCount", config.reconnectCount());
        clientConfigNode.put("ReconnectInterval", config.reconnectInterval());
        clientConfigNode.put("ReconnectNonce", config.reconnectNonce());
        clientConfigNode.put("PingInterval", config.pingInterval());
        return reply(200, 0, "ok", data);
    }

    /**
     * A failed discovery. The body keeps the success shape with an empty {@code data}: the Node SDK (1.74) destructures
     * {@code data.URL} and {@code data.ClientConfig} before it looks at {@code code}, so a missing or null {@code data}
     * makes it throw and retry forever instead of classifying the code; its own tests model failures as
     * {@code "data":{"URL":"","ClientConfig":{}}}. The Java SDK (2.5.3) reads {@code data} only when the code is 0.
     * What the real gateway puts in {@code data} on failure is unverified.
     */
    static HttpReply discoveryError(int httpStatus, int code, String msg) {
        ObjectNode data = JSON.createObjectNode();
        data.put("URL", "");
        data.putObject("ClientConfig");
        return reply(httpStatus, code, msg, data);
    }

    private static HttpReply reply(int httpStatus, int code, String msg, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        body.put("msg", msg);
        body.set("data", data);
        return HttpReply.json(httpStatus, body.toString());
    }

    // ---- pushing -----------------------------------------------------------------------------

    /** Pushes the event as one {@code type=event} frame to one random connected client. */
    public WsDelivery push(LarkEvent event) {
        return push(event, WsPush.event());
    }

    /**
     * Pushes the event to one random connected client (Lark gives each event to one of the app's connections). If
     * it is not acked with 200 in time, it is pushed again per the retry schedule, with the same event id, possibly
     * to another connection. Callbacks ({@code card.action.trigger}) get one attempt.
     */
    public WsDelivery push(LarkEvent event, WsPush how) {
        requireStarted();
        WsDelivery delivery = new WsDelivery(event, how);
        deliveries.add(delivery);
        attempt(delivery, 1);
        return delivery;
    }

    /** Fault "duplicate delivery": the same event pushed {@code copies} times, each its own delivery. */
    public List<WsDelivery> pushDuplicates(LarkEvent event, int copies) {
        List<WsDelivery> pushed = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            pushed.add(push(event));
        }
        return pushed;
    }

    @Override
    public void deliver(LarkEvent event) {
        push(event);
    }

    /** One attempt (callbacks are not redelivered); answered when a client acked it with code 200 in time. */
    @Override
    public CompletableFuture<CallbackAnswer> deliverCallback(LarkEvent event) {
        WsDelivery delivery = push(event);
        return delivery.whenFinished().thenApply(state -> state == WsDelivery.State.DELIVERED
                ? CallbackAnswer.of(delivery.callbackReply().orElse(""))
                : CallbackAnswer.unanswered(delivery.attempts().stream().reduce((first, second) -> second)
                        .map(attempt -> attempt.outcome() + (attempt.ack() != null ? " (ack code " + attempt.ack().code() + ")" : ""))
                        .orElse("not sent") + " over the long connection"));
    }

    /** Sends a hand-made frame on a connection, for protocol edge cases. */
    public void sendFrame(String connectionId, Pbbp2Frame frame) {
        connections.stream().filter(c -> c.id().equals(connectionId) && c.isOpen()).findFirst()
                .ifPresent(c -> send(c, frame));
    }

    private void attempt(WsDelivery delivery, int number) {
        if (closed) {
            delivery.finish(WsDelivery.State.GAVE_UP);
            return;
        }
        Optional<WsConnection> target = pickConnection();
        if (target.isEmpty()) {
            delivery.addAttempt(new WsAttempt(number, null, null, Instant.now(), WsAttempt.Outcome.OFFLINE, null));
            afterFailure(delivery, number, redeliverUnacked);
            return;
        }
        WsConnection connection = target.get();
        String messageId = Ids.hex(32);
        pending.put(messageId, new Pending(delivery, connection.id(), number));
        delivery.addAttempt(new WsAttempt(number, connection.id(), messageId, Instant.now(), WsAttempt.Outcome.PENDING, null));
        for (Pbbp2Frame frame : frames(delivery, connection, messageId)) {
            send(connection, frame);
        }
        schedule(() -> ended(messageId, WsAttempt.Outcome.NO_ACK, null), ackTimeout);
    }

    private List<Pbbp2Frame> frames(WsDelivery delivery, WsConnection connection, String messageId) {
        LarkEvent event = blankTokenOnPush ? delivery.event().withToken("") : delivery.event();
        byte[] payload = event.toBytes();
        WsPush how = delivery.push();
        int sum = Math.min(how.fragments(), Math.max(1, payload.length));
        int chunk = (payload.length + sum - 1) / sum;
        String traceId = Ids.hex(32);
        List<Pbbp2Frame> frames = new ArrayList<>();
        for (int seq = 0; seq < sum; seq++) {
            if (how.omittedFragments().contains(seq)) {
                continue;
            }
            byte[] part = java.util.Arrays.copyOfRange(payload, Math.min(payload.length, seq * chunk),
                    Math.min(payload.length, (seq + 1) * chunk));
            List<Pbbp2Frame.Header> headers = List.of(
                    new Pbbp2Frame.Header("type", how.frameType()),
                    new Pbbp2Frame.Header("message_id", messageId),
                    new Pbbp2Frame.Header("sum", Integer.toString(sum)),
                    new Pbbp2Frame.Header("seq", Integer.toString(seq)),
                    new Pbbp2Frame.Header("trace_id", traceId));
            frames.add(new Pbbp2Frame(frameSequence.incrementAndGet(), Math.floorMod(random.nextLong(), Long.MAX_VALUE),
                    connection.serviceId(), Pbbp2Frame.DATA, headers, null, null, part, null));
        }
        return frames;
    }

    private Optional<WsConnection> pickConnection() {
        List<WsConnection> open = openConnections();
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(random.nextInt(open.size())));
    }

    private void send(WsConnection connection, Pbbp2Frame frame) {
        if (connection.isSilent()) {
            return; // half-open: the frame is lost on the way
        }
        try {
            connection.socket().send(Pbbp2Codec.encode(frame));
        } catch (RuntimeException closedMeanwhile) {
            // the connection is going away; its pending attempts end through closed()
        }
    }

    /** Ends a pending attempt (ack, timeout or lost connection) exactly once, then redelivers or finishes. */
    private void ended(String messageId, WsAttempt.Outcome outcome, WsAck ack) {
        Pending attempt = pending.remove(messageId);
        if (attempt == null) {
            return; // already ended
        }
        attempt.delivery().endAttempt(messageId, outcome, ack);
        switch (outcome) {
            case ACKED -> attempt.delivery().finish(WsDelivery.State.DELIVERED);
            case FAILED -> afterFailure(attempt.delivery(), attempt.number(), redeliverFailed);
            default -> afterFailure(attempt.delivery(), attempt.number(), redeliverUnacked);
        }
    }

    private void afterFailure(WsDelivery delivery, int number, boolean redeliver) {
        Optional<Duration> delay = redeliver && !delivery.event().isCallback() ? retrySchedule.delayBefore(number) : Optional.empty();
        if (delay.isEmpty() || closed) {
            delivery.finish(WsDelivery.State.GAVE_UP);
            return;
        }
        if (!schedule(() -> attempt(delivery, number + 1), delay.get())) {
            delivery.finish(WsDelivery.State.GAVE_UP);
        }
    }

    private boolean schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closedMeanwhile) {
            return false;
        }
    }

    // ---- faults (called by WsFaults) ---------------------------------------------------------

    void dropAll() {
        for (WsConnection connection : openConnections()) {
            connection.socket().closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the simulator");
        }
    }

    void silenceAll() {
        openConnections().forEach(WsConnection::silence);
    }

    /** Forgets recorded deliveries, acks and refused handshakes; connections and pending redeliveries go on. */
    public void forgetRecords() {
        deliveries.clear();
        acks.clear();
        refusedHandshakes.clear();
    }

    // ---- observation -------------------------------------------------------------------------

    /** Every connection ever admitted, in order. */
    public List<WsConnection> connections() {
        return List.copyOf(connections);
    }

    public List<WsConnection> openConnections() {
        return connections.stream().filter(WsConnection::isOpen).toList();
    }

    /** How many upgrades were admitted so far (reconnects included). */
    public int connectionCount() {
        return connections.size();
    }

    /** Upgrade requests, admitted or refused. */
    public int handshakeCount() {
        return handshakes.get();
    }

    public List<HandshakeRejection> refusedHandshakes() {
        return List.copyOf(refusedHandshakes);
    }

    public int discoveryCount() {
        return discoveries.get();
    }

    /** pbbp2 pings received on all connections. */
    public int pingCount() {
        return pings.get();
    }

    public List<WsDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every ack received, matched or not, in arrival order. */
    public List<WsAck> acks() {
        return List.copyOf(acks);
    }

    private void requireStarted() {
        if (socketServer == null) {
            throw new IllegalStateException("call start() first");
        }
    }

    // ---- socket callbacks --------------------------------------------------------------------

    /** Protocol handling of what the WebSocket server reports. */
    private final class SocketEvents implements FrameSocketServer.Events {

        @Override
        public HandshakeRejection admit(WebSocket socket, ClientHandshake request) {
            handshakes.incrementAndGet();
            HandshakeRejection refusal = refusal(request);
            if (refusal != null) {
                refusedHandshakes.add(refusal);
            }
            return refusal;
        }

        private HandshakeRejection refusal(ClientHandshake request) {
            URI uri = URI.create(request.getResourceDescriptor());
            Map<String, String> query = QueryString.parse(uri.getRawQuery());
            // always consumed, so tickets do not pile up when fresh tickets are not required
            boolean known = tickets.remove(query.getOrDefault("ticket", ""));
            if (!WEBSOCKET_PATH.equals(uri.getPath()) || (requireFreshTicket && !known)) {
                return HandshakeRejection.invalidTicket();
            }
            HandshakeRejection injected = faults.takeHandshakeRejection();
            if (injected != null) {
                return injected;
            }
            if (openConnections().size() >= faults.connectionLimit()) {
                return HandshakeRejection.connectionLimit();
            }
            return null;
        }

        @Override
        public void opened(WebSocket socket) {
            Map<String, String> query = QueryString.parse(URI.create(socket.getResourceDescriptor()).getRawQuery());
            String deviceId = query.getOrDefault("device_id", Ids.hex(16));
            int service = parseIntOr(query.get("service_id"), serviceId);
            WsConnection connection = new WsConnection(deviceId, service, socket);
            bySocket.put(socket, connection);
            connections.add(connection);
        }

        @Override
        public void closed(WebSocket socket, int code) {
            WsConnection connection = bySocket.remove(socket);
            if (connection == null) {
                return;
            }
            connection.closed(code);
            pending.entrySet().stream().filter(e -> e.getValue().connectionId().equals(connection.id())).map(Map.Entry::getKey)
                    .toList().forEach(messageId -> ended(messageId, WsAttempt.Outcome.CONNECTION_LOST, null));
        }

        @Override
        public void binary(WebSocket socket, byte[] bytes) {
            WsConnection connection = bySocket.get(socket);
            if (connection == null) {
                return;
            }
            Pbbp2Frame frame;
            try {
                frame = Pbbp2Codec.decode(bytes);
            } catch (IllegalArgumentException malformed) {
                return; // not a frame; a real server would probably drop the connection (unverified)
            }
            if (frame.method() == Pbbp2Frame.CONTROL) {
                control(connection, frame);
            } else {
                ack(connection, frame);
            }
        }

        private void control(WsConnection connection, Pbbp2Frame frame) {
            if (!"ping".equals(frame.type())) {
                return;
            }
            pings.incrementAndGet();
            connection.countPing();
            if (connection.isSilent()) {
                return;
            }
            byte[] payload = pongCarriesClientConfig ? clientConfig.toJson().getBytes(StandardCharsets.UTF_8) : null;
            send(connection, Pbbp2Frame.control(frame.service(), "pong", payload));
        }

        private void ack(WsConnection connection, Pbbp2Frame frame) {
            String messageId = frame.header("message_id").orElse("");
            int code = -1;
            String reply = null;
            try {
                JsonNode payload = JSON.readTree(frame.payloadAsString());
                code = payload.path("code").asInt(-1);
                JsonNode data = payload.path("data");
                if (data.isTextual()) {
                    reply = new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8);
                }
            } catch (IOException | IllegalArgumentException unreadable) {
                // recorded with code -1: the client sent something that is not Lark's ack shape
            }
            WsAck ack = new WsAck(connection.id(), messageId, code, reply, frame.header("biz_rt").orElse(null), Instant.now(), frame);
            acks.add(ack);
            Pending attempt = pending.get(messageId);
            if (attempt != null) {
                attempt.delivery().addAck(ack);
            } else {
                deliveries.stream().filter(d -> d.attempts().stream().anyMatch(a -> messageId.equals(a.messageId())))
                        .findFirst().ifPresent(d -> d.addAck(ack)); // a late ack
            }
            ended(messageId, ack.ok() ? WsAttempt.Outcome.ACKED : WsAttempt.Outcome.FAILED, ack);
        }

        @Override
        public boolean answersPings(WebSocket socket) {
            WsConnection connection = bySocket.get(socket);
            return connection == null || !connection.isSilent();
        }
    }

    private static int parseIntOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
