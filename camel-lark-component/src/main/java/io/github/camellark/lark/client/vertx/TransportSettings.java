package io.github.camellark.lark.client.vertx;

import java.time.Duration;

import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The connection settings of one transport; endpoints with equal settings share a transport (and its pool).
 *
 * @param connectTimeout     bound of a TCP connect (and of a TLS handshake)
 * @param proxyHost          HTTP proxy for REST and the long connection, or null
 * @param proxyPort          its port (8080 when null)
 * @param ssl                Camel's TLS settings (trust store, key store, protocols), or null for the JVM's defaults
 * @param expertOptions      Vert.x client options to start from instead of the defaults, or null
 * @param maxConnections     size of the keep-alive pool to one host
 * @param maxMessageBytes    the largest WebSocket message accepted
 */
public record TransportSettings(Duration connectTimeout, String proxyHost, Integer proxyPort, SSLContextParameters ssl,
                                HttpClientOptions expertOptions, int maxConnections, int maxMessageBytes) {

    // SSLContextParameters and HttpClientOptions compare by identity: the same bean means the same settings
    @Override
    public boolean equals(Object o) {
        return o instanceof TransportSettings other && connectTimeout.equals(other.connectTimeout)
                && java.util.Objects.equals(proxyHost, other.proxyHost) && java.util.Objects.equals(proxyPort, other.proxyPort)
                && ssl == other.ssl && expertOptions == other.expertOptions && maxConnections == other.maxConnections
                && maxMessageBytes == other.maxMessageBytes;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(connectTimeout, proxyHost, proxyPort, System.identityHashCode(ssl),
                System.identityHashCode(expertOptions), maxConnections, maxMessageBytes);
    }
}
