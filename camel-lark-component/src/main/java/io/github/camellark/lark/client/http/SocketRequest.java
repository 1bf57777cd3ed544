package io.github.camellark.lark.client.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where to open a frame socket. The URI may carry credentials (Lark's long-connection URL holds an access key and a
 * ticket), so it is never printed: {@code description} is.
 *
 * @param uri             ws or wss URI
 * @param description     what to print instead of the URI
 * @param connectTimeout  bound of the TCP connect and the handshake
 * @param maxMessageBytes the largest message accepted; a larger one breaks the socket
 */
public record SocketRequest(URI uri, String description, Duration connectTimeout, int maxMessageBytes) {

    @Override
    public String toString() {
        return "SocketRequest[" + description + "]";
    }
}
