package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.client.http.FrameSocket;
import io.github.camellark.lark.client.http.HttpTransport;
import io.github.camellark.lark.client.http.SocketRequest;

/**
 * One WebSocket to Lark, through the transport port: passes whole binary messages to its {@link Handler}, remembers when
 * anything last arrived (for the keepalive watchdog), and reports its end once.
 */
final class LongConnection implements FrameSocket.Listener {

    /** Reacts to what happens on the socket; calls come from an I/O thread, one at a time per connection, and must not block. */
    interface Handler {
        void onMessage(LongConnection connection, byte[] message);

        void onLost(LongConnection connection, String reason, Throwable error);
    }

    static final int NORMAL_CLOSURE = 1000;

    private final DiscoveredConnection target;
    private final Handler handler;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile FrameSocket socket;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile boolean pongSeen;
    private volatile boolean lost;
    volatile Keepalive keepalive;

    LongConnection(DiscoveredConnection target, Handler handler) {
        this.target = target;
        this.handler = handler;
    }

    DiscoveredConnection target() {
        return target;
    }

    CompletableFuture<LongConnection> open(HttpTransport transport, Duration timeout, int maxMessageBytes) {
        SocketRequest request = new SocketRequest(target.url(), target.toString(), timeout, maxMessageBytes);
        return transport.dial(request, this).thenApply(opened -> {
            socket = opened;
            lastInboundNanos = System.nanoTime();
            return this;
        });
    }

    /** Whether the socket closed or broke; may happen before the transport has taken the connection into use. */
    boolean isLost() {
        return lost;
    }

    /** When anything last arrived: data, control frames, WebSocket pongs. */
    long lastInboundNanos() {
        return lastInboundNanos;
    }

    /** Whether Lark has answered a WebSocket ping on this connection, so that its silence after one means something. */
    boolean answersWebSocketPings() {
        return pongSeen;
    }

    CompletableFuture<Void> send(byte[] message) {
        FrameSocket open = socket;
        return open == null ? CompletableFuture.failedFuture(new IllegalStateException("not open")) : open.send(message);
    }

    void ping() {
        FrameSocket open = socket;
        if (open != null) {
            open.ping();
        }
    }

    /** Stops reading frames until {@link #resume()}: the consumer's queues are full. */
    void pause() {
        FrameSocket open = socket;
        if (open != null) {
            open.pause();
        }
    }

    void resume() {
        FrameSocket open = socket;
        if (open != null) {
            open.resume();
        }
    }

    /** A close frame, a bounded wait for Lark's answer, then the socket is released. Blocks: never call it on an I/O thread. */
    void close(long waitMillis) {
        stopKeepalive();
        FrameSocket open = socket;
        if (open == null) {
            return;
        }
        open.close(NORMAL_CLOSURE, "client stopping");
        try {
            closed.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Lark did not answer the close in time: release the socket anyway
        } finally {
            open.abort();
        }
    }

    void abort() {
        stopKeepalive();
        lost = true;
        FrameSocket open = socket;
        if (open != null) {
            open.abort();
        }
    }

    void stopKeepalive() {
        Keepalive running = keepalive;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public void onFrame(byte[] message) {
        lastInboundNanos = System.nanoTime();
        handler.onMessage(this, message);
    }

    @Override
    public void onPong() {
        lastInboundNanos = System.nanoTime();
        pongSeen = true;
    }

    @Override
    public void onClosed(int code, String reason) {
        lost = true;
        closed.complete(null);
        handler.onLost(this, "Lark closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")", null);
    }

    @Override
    public void onError(Throwable error) {
        lost = true;
        closed.complete(null);
        handler.onLost(this, "the connection broke: " + error, error);
    }
}
