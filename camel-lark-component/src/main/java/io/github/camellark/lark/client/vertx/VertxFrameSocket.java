package io.github.camellark.lark.client.vertx;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camellark.lark.client.http.FrameSocket;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.WebSocket;

/**
 * A Vert.x WebSocket as a {@link FrameSocket}. Vert.x joins fragments into whole messages (bounded by the client's
 * maximum message size) and reports a TCP close without a close frame, FIN or RST, within milliseconds, whatever the
 * reader is doing. The listener hears of the end exactly once.
 */
final class VertxFrameSocket implements FrameSocket {

    private static final short ABNORMAL_CLOSURE = 1006;
    private static final short GOING_AWAY = 1001;

    private final WebSocket socket;
    private final Listener listener;
    private final AtomicBoolean ended = new AtomicBoolean();

    VertxFrameSocket(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
        socket.binaryMessageHandler(message -> listener.onFrame(message.getBytes()));
        // Lark speaks binary only, like the official SDKs we ignore text; pongs prove the peer is there
        socket.textMessageHandler(ignored -> listener.onPong());
        socket.pongHandler(ignored -> listener.onPong());
        socket.closeHandler(ignored -> closed());
        socket.exceptionHandler(this::broke);
    }

    @Override
    public CompletableFuture<Void> send(byte[] message) {
        if (socket.isClosed()) {
            return CompletableFuture.failedFuture(new IOException("the socket is closed"));
        }
        if (socket.writeQueueFull()) {
            return CompletableFuture.failedFuture(new IOException("the socket's write queue is full: the peer does not read"));
        }
        return socket.writeBinaryMessage(Buffer.buffer(message)).toCompletionStage().toCompletableFuture();
    }

    @Override
    public void ping() {
        if (!socket.isClosed()) {
            socket.writePing(Buffer.buffer());
        }
    }

    @Override
    public void pause() {
        socket.pause();
    }

    @Override
    public void resume() {
        socket.resume();
    }

    @Override
    public void close(int code, String reason) {
        if (!socket.isClosed()) {
            socket.close((short) code, reason);
        }
    }

    @Override
    public void abort() {
        ended.set(true);
        if (!socket.isClosed()) {
            // no closing handshake to wait for: the client's closing timeout releases the TCP connection
            socket.close(GOING_AWAY, "abort");
        }
    }

    private void closed() {
        if (ended.compareAndSet(false, true)) {
            Short code = socket.closeStatusCode();
            String reason = socket.closeReason();
            listener.onClosed(code == null ? ABNORMAL_CLOSURE : code, reason == null ? "" : reason);
        }
    }

    private void broke(Throwable error) {
        if (error instanceof HttpClosedException) {
            // a TCP close without a close frame: reported as an abnormal closure, as RFC 6455 names it
            closed();
        } else if (ended.compareAndSet(false, true)) {
            listener.onError(error);
        }
    }
}
