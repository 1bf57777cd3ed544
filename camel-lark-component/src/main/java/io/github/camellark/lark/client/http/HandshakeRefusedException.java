package io.github.camellark.lark.client.http;

import java.io.IOException;

/** The server answered a WebSocket upgrade with a plain HTTP reply; Lark explains why in {@code Handshake-*} headers. */
public final class HandshakeRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Headers headers;

    public HandshakeRefusedException(String description, int status, Headers headers) {
        super("WebSocket handshake with " + description + " refused: HTTP " + status);
        this.status = status;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }
}
