package io.github.camellark.lark.event.ws;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket to Lark: reassembles WebSocket message parts into whole binary messages for the {@link Handler}, and
 * serialises sends, because {@link WebSocket} allows only one outstanding send while acks come from many threads.
 */
final class LongConnection implements WebSocket.Listener {

    /** Reacts to what happens on the socket; calls come from the HTTP client's threads, one at a time per connection. */
    interface Handler {
        void onMessage(LongConnection connection, byte[] message);

        void onLost(LongConnection connection, String reason, Throwable error);
    }

    /** Acks waiting behind a stuck socket: far more than Lark has in flight on a healthy one. */
    static final int MAX_QUEUED_SENDS = 10_000;

    private final LongConnectionEndpoint endpoint;
    private final Handler handler;
    private final int maxMessageBytes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private int queuedSends;
    private volatile WebSocket socket;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile boolean lost;
    volatile ScheduledFuture<?> nextPing;
    volatile ScheduledFuture<?> watchdog;

    LongConnection(LongConnectionEndpoint endpoint, Handler handler, int maxMessageBytes) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.maxMessageBytes = maxMessageBytes;
    }

    LongConnectionEndpoint endpoint() {
        return endpoint;
    }

    CompletableFuture<WebSocket> open(HttpClient http, Duration timeout) {
        return http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(endpoint.url(), this)
                .thenApply(ws -> socket = ws);
    }

    /** Whether the socket closed or broke; may happen before the transport has taken the connection into use. */
    boolean isLost() {
        return lost;
    }

    /** When anything last arrived: data, control frames, even WebSocket pings. */
    long lastInboundNanos() {
        return lastInboundNanos;
    }

    /** Queues one binary message behind the ones before it. */
    CompletableFuture<?> send(byte[] message) {
        WebSocket ws = socket;
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not open"));
        }
        synchronized (sendLock) {
            if (queuedSends < MAX_QUEUED_SENDS) {
                queuedSends++;
                CompletableFuture<?> next = lastSend.handle((ignored, error) -> null)
                        .thenCompose(ignored -> ws.sendBinary(ByteBuffer.wrap(message), true))
                        .whenComplete((ignored, error) -> {
                            synchronized (sendLock) {
                                queuedSends--;
                            }
                        });
                lastSend = next;
                return next;
            }
        }
        lost = true;
        handler.onLost(this, MAX_QUEUED_SENDS + " frames wait to be sent: the connection is stuck", null);
        return CompletableFuture.failedFuture(new IllegalStateException("send queue full"));
    }

    /** A close frame after the pending sends, a bounded wait for Lark's close frame, then the socket is released. */
    void close(long waitMillis) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        CompletableFuture<?> closeSent;
        synchronized (sendLock) {
            closeSent = lastSend.handle((ignored, error) -> null)
                    .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "client stopping"));
            lastSend = closeSent;
        }
        try {
            CompletableFuture.allOf(closeSent, closedByPeer).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Lark did not answer the close in time, or the socket already broke: release it anyway
        } finally {
            ws.abort();
        }
    }

    void abort() {
        cancelTimers();
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    void cancelTimers() {
        ScheduledFuture<?> ping = nextPing;
        if (ping != null) {
            ping.cancel(false);
        }
        ScheduledFuture<?> check = watchdog;
        if (check != null) {
            check.cancel(false);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastInboundNanos = System.nanoTime();
        if (partial.size() + data.remaining() > maxMessageBytes) {
            partial.reset();
            lost = true;
            handler.onLost(this, "Lark sent a message over " + maxMessageBytes + " bytes", null);
            return null;
        }
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.write(chunk, 0, chunk.length);
        if (last) {
            byte[] message = partial.toByteArray();
            partial.reset();
            handler.onMessage(this, message);
        }
        webSocket.request(1);
        return null;
    }

    /** Lark speaks binary only; the SDKs ignore text messages too. */
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    /** The JDK answers WebSocket pings itself. */
    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lost = true;
        closedByPeer.complete(null);
        handler.onLost(this, "Lark closed the connection (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")", null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lost = true;
        closedByPeer.complete(null);
        handler.onLost(this, "the connection broke: " + error, error);
    }
}
