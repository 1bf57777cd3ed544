package io.github.camellark.lark.testkit.ws;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.java_websocket.framing.CloseFrame;

import io.github.camellark.lark.testkit.events.CallbackAnswer;
import io.github.camellark.lark.testkit.events.EventDelivery;
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

    private final WsFaults faults = new WsFaults(this);
    private final WsDiscovery discovery = new WsDiscovery();
    private final WsPusher pusher = new WsPusher(this::openConnections);
    private final WsSocketEvents socketEvents = new WsSocketEvents(this, discovery, pusher);

    private volatile URI advertisedUri;
    private volatile ClientConfig clientConfig = ClientConfig.sdkDefaults();
    private volatile boolean pongCarriesClientConfig = true;
    private volatile boolean requireFreshTicket = true;
    private FrameSocketServer socketServer;

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Binds the WebSocket server to 127.0.0.1 on a free port. */
    public synchronized LongConnectionServer start() {
        if (socketServer != null) {
            return this;
        }
        socketServer = new FrameSocketServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), socketEvents);
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
        pusher.close();
        if (socketServer != null) {
            try {
                socketServer.stop(1000, "simulator stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- configuration -----------------------------------------------------------------------

    /** Discovery accepts only these credentials; until set, any AppID/AppSecret is accepted. */
    public LongConnectionServer credentials(String appId, String appSecret) {
        discovery.credentials(appId, appSecret);
        return this;
    }

    /**
     * The discovery code for wrong credentials. The real code is unverified; 10014 is Lark's "app secret invalid"
     * on the token API. The official SDKs stop on it rather than retry (EVENTS.md, "What the SDKs retry").
     */
    public LongConnectionServer badCredentialsCode(int code) {
        discovery.badCredentialsCode(code);
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
        pusher.blankTokenOnPush = blank;
        return this;
    }

    /** How long an attempt waits for its ack before it counts as failed (3 s at Lark). */
    public LongConnectionServer ackTimeout(Duration timeout) {
        pusher.ackTimeout = timeout;
        return this;
    }

    public Duration ackTimeout() {
        return pusher.ackTimeout;
    }

    /** When failed attempts are pushed again (default {@link RetrySchedule#lark()}). */
    public LongConnectionServer retrySchedule(RetrySchedule schedule) {
        pusher.retrySchedule = schedule;
        return this;
    }

    /** Whether attempts without an ack (timeout, lost connection, nobody connected) are redelivered. Default true. */
    public LongConnectionServer redeliverUnacked(boolean redeliver) {
        pusher.redeliverUnacked = redeliver;
        return this;
    }

    /** Whether attempts acked with a code other than 200 are redelivered. Default true. */
    public LongConnectionServer redeliverFailed(boolean redeliver) {
        pusher.redeliverFailed = redeliver;
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

    boolean requiresFreshTicket() {
        return requireFreshTicket;
    }

    boolean pongCarriesClientConfig() {
        return pongCarriesClientConfig;
    }

    // ---- discovery ---------------------------------------------------------------------------

    /**
     * Answers {@code POST /callback/ws/endpoint} with body {@code {"AppID","AppSecret"}}; host it on any HTTP
     * server (the simulator's router, or {@link DiscoveryHttpServer}).
     */
    public HttpReply discover(byte[] requestBody) {
        requireStarted();
        URI advertised = advertisedUri;
        return discovery.discover(requestBody, advertised != null ? advertised : webSocketUri(), clientConfig, faults);
    }

    /** A failed discovery reply, shaped as Lark's. */
    static HttpReply discoveryError(int httpStatus, int code, String msg) {
        return WsDiscovery.error(httpStatus, code, msg);
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
        return pusher.push(event, how);
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
        socketEvents.connections.stream().filter(c -> c.id().equals(connectionId) && c.isOpen()).findFirst()
                .ifPresent(c -> WsPusher.send(c, frame));
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
        pusher.forgetDeliveries();
        socketEvents.acks.clear();
        socketEvents.refusedHandshakes.clear();
    }

    // ---- observation -------------------------------------------------------------------------

    /** Every connection ever admitted, in order. */
    public List<WsConnection> connections() {
        return List.copyOf(socketEvents.connections);
    }

    public List<WsConnection> openConnections() {
        return socketEvents.openConnections();
    }

    /** How many upgrades were admitted so far (reconnects included). */
    public int connectionCount() {
        return socketEvents.connections.size();
    }

    /** Upgrade requests, admitted or refused. */
    public int handshakeCount() {
        return socketEvents.handshakes.get();
    }

    public List<HandshakeRejection> refusedHandshakes() {
        return List.copyOf(socketEvents.refusedHandshakes);
    }

    public int discoveryCount() {
        return discovery.count();
    }

    /** pbbp2 pings received on all connections. */
    public int pingCount() {
        return socketEvents.pings.get();
    }

    public List<WsDelivery> deliveries() {
        return pusher.deliveries();
    }

    /** Every ack received, matched or not, in arrival order. */
    public List<WsAck> acks() {
        return List.copyOf(socketEvents.acks);
    }

    private void requireStarted() {
        if (socketServer == null) {
            throw new IllegalStateException("call start() first");
        }
    }
}
