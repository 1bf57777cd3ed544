package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camellark.lark.client.http.HttpTransport;

/**
 * Keeps one long connection alive and finds it dead when it goes half-open (a NAT drop, a sleeping laptop: no FIN, no
 * RST, nothing). Two kinds of ping, both answered by a watchdog that fires when nothing at all arrived within the ping
 * timeout after the ping:
 * <ul>
 * <li>Lark's own ping frame every {@code PingInterval} seconds (Lark pushes it; 120 by default), answered by a pong
 * frame that may carry a new client config;</li>
 * <li>a WebSocket ping every {@code min(keepAliveInterval, PingInterval)}. Whether Lark's gateway answers WebSocket pings
 * is unverified (RFC 6455 says it must), so its silence counts only once it has answered one on this connection.</li>
 * </ul>
 * The ping timeout is {@code min(pingTimeout, 2 x PingInterval)}, so a half-open connection is found within
 * {@code min(3 x PingInterval, keepAliveInterval + pingTimeout)}: 45 s with the defaults (15 s + 30 s).
 * Timers run on the transport's I/O threads; nothing here blocks.
 */
final class Keepalive {

    /** What the keepalive asks of the long connection. */
    interface Owner {
        ClientConfig config();

        /** Sends Lark's ping frame on the connection, and does the periodic chores that go with it. */
        void sendLarkPing(LongConnection connection);

        void onLost(LongConnection connection, String reason, Throwable error);
    }

    private final LongConnection connection;
    private final HttpTransport timers;
    private final LongConnectionSettings settings;
    private final Owner owner;
    private volatile boolean stopped;
    private volatile HttpTransport.Timer nextLarkPing;
    private volatile HttpTransport.Timer nextWebSocketPing;
    private final Set<HttpTransport.Timer> watchdogs = ConcurrentHashMap.newKeySet();

    Keepalive(LongConnection connection, HttpTransport timers, LongConnectionSettings settings, Owner owner) {
        this.connection = connection;
        this.timers = timers;
        this.settings = settings;
        this.owner = owner;
    }

    void start() {
        larkPing();
        webSocketPing();
    }

    void stop() {
        stopped = true;
        cancel(nextLarkPing);
        cancel(nextWebSocketPing);
        watchdogs.forEach(Keepalive::cancel);
        watchdogs.clear();
    }

    private void larkPing() {
        if (stopped) {
            return;
        }
        long sentAt = System.nanoTime();
        owner.sendLarkPing(connection);
        watch(sentAt);
        nextLarkPing = timers.schedule(Duration.ofSeconds(owner.config().pingIntervalSeconds()).toMillis(), this::larkPing);
    }

    private void webSocketPing() {
        if (stopped) {
            return;
        }
        long interval = Math.min(settings.keepAliveInterval().toMillis(), pingInterval());
        if (interval <= 0) {
            return;
        }
        long sentAt = System.nanoTime();
        connection.ping();
        if (connection.answersWebSocketPings()) {
            watch(sentAt);
        }
        nextWebSocketPing = timers.schedule(interval, this::webSocketPing);
    }

    /** After {@code timeout}, the connection must have said something since {@code sentAt}. */
    private void watch(long sentAt) {
        long timeout = pingTimeout();
        if (timeout <= 0) {
            return;
        }
        HttpTransport.Timer[] self = new HttpTransport.Timer[1];
        self[0] = timers.schedule(timeout, () -> {
            watchdogs.remove(self[0]);
            if (!stopped && connection.lastInboundNanos() - sentAt < 0) {
                owner.onLost(connection, "nothing arrived within " + timeout + " ms after a ping (half-open connection)", null);
            }
        });
        watchdogs.add(self[0]);
    }

    long pingTimeout() {
        long configured = settings.pingTimeout().toMillis();
        return configured <= 0 ? 0 : Math.min(configured, 2 * pingInterval());
    }

    private long pingInterval() {
        return Duration.ofSeconds(owner.config().pingIntervalSeconds()).toMillis();
    }

    private static void cancel(HttpTransport.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
