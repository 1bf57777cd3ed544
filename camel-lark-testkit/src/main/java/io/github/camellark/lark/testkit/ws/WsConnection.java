package io.github.camellark.lark.testkit.ws;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;

/** One client connection as the server sees it. Counters are live; thread-safe. */
public final class WsConnection {

    private final String id;
    private final int serviceId;
    private final Instant openedAt;
    private final WebSocket socket;
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean silent;
    private volatile Instant closedAt;
    private volatile int closeCode;

    WsConnection(String id, int serviceId, WebSocket socket) {
        this.id = id;
        this.serviceId = serviceId;
        this.socket = socket;
        this.openedAt = Instant.now();
    }

    /** The {@code device_id} handed out by discovery. */
    public String id() {
        return id;
    }

    /** The {@code service_id} from the URL, expected in every frame's {@code service} field. */
    public int serviceId() {
        return serviceId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public int pingsReceived() {
        return pings.get();
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Half-open: the socket stays up but the server neither answers pings nor sends anything. */
    public boolean isSilent() {
        return silent;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The WebSocket close code (1006 for an abrupt drop), valid once closed. */
    public int closeCode() {
        return closeCode;
    }

    WebSocket socket() {
        return socket;
    }

    int countPing() {
        return pings.incrementAndGet();
    }

    void silence() {
        silent = true;
    }

    void closed(int code) {
        closeCode = code;
        closedAt = Instant.now();
    }

    @Override
    public String toString() {
        return "WsConnection[" + id + (isOpen() ? ", open" : ", closed " + closeCode) + (silent ? ", silent" : "") + ", pings=" + pings + "]";
    }
}
