package io.github.camellark.lark.client.http;

import java.util.concurrent.CompletableFuture;

/** An open WebSocket that carries binary frames. Methods may be called from any thread. */
public interface FrameSocket {

    /** Sends one binary message; fails when the socket is closed or its write queue is full (a stuck peer). */
    CompletableFuture<Void> send(byte[] message);

    /** Sends a WebSocket ping; the peer's pong arrives at {@link Listener#onPong()}. */
    void ping();

    /** Stops reading frames: the peer's sends wait in TCP buffers (back-pressure) until {@link #resume()}. */
    void pause();

    void resume();

    /** Starts the closing handshake; {@link Listener#onClosed} follows when the peer answers or the socket goes. */
    void close(int code, String reason);

    /** Drops the connection at once. */
    void abort();

    /** What happens on the socket. Calls come one at a time from an I/O thread and must not block. */
    interface Listener {
        /** One whole binary message (fragments already joined). */
        void onFrame(byte[] message);

        /** A pong to {@link FrameSocket#ping()}. Any inbound frame also proves the peer is there. */
        void onPong();

        /** The socket closed: with the peer's close frame, or without one (code 1006) when the TCP connection went. */
        void onClosed(int code, String reason);

        /** The socket broke (reset, protocol error, oversized message). */
        void onError(Throwable error);
    }
}
