package io.github.camellark.lark.client.http;

import java.util.concurrent.CompletableFuture;

/**
 * The port between camel-lark and the network: one HTTP exchange, one frame socket (a WebSocket), and timers. Everything
 * above it ({@code LarkClient}, token providers, discovery, the long connection) sees only this interface and its small
 * records; one adapter implements it (on Vert.x core).
 * <p>
 * Threads: futures and socket callbacks complete on the engine's I/O threads. Callers must not block in them; they hand
 * work that may block (a route) to another executor.
 */
public interface HttpTransport {

    /** Sends one request and completes with its reply; fails with an {@code IOException} when the network fails. */
    CompletableFuture<HttpReply> exchange(HttpCall call);

    /**
     * Opens a frame socket. Completes once the handshake is done; fails with {@link HandshakeRefusedException} when the
     * server answered the upgrade with something else.
     */
    CompletableFuture<FrameSocket> dial(SocketRequest request, FrameSocket.Listener listener);

    /** Runs {@code task} once after {@code delayMillis} on an I/O thread; the task must not block. */
    Timer schedule(long delayMillis, Runnable task);

    /** A scheduled task that has not run yet can be cancelled. */
    interface Timer {
        void cancel();
    }
}
