package io.github.camellark.lark.event;

import org.apache.camel.spi.ExceptionHandler;

/**
 * A way events reach the consumers (webhook or WebSocket long connection). Started when the first consumer of its
 * connection starts, stopped when the last one stops; it must release every thread, socket and timer it created when
 * stopped.
 */
public interface EventTransport {

    void start() throws Exception;

    void stop() throws Exception;

    /** Where the connection to Lark is, for the consumers' health checks; null when there is no connection to watch. */
    default ConnectionStatus status() {
        return null;
    }

    /**
     * Builds the transport of a connection when its first consumer joins. The component supplies it, so that this
     * package knows the transport port only, not the webhook or WebSocket adapters.
     */
    @FunctionalInterface
    interface Factory {

        /**
         * @param events             where the transport delivers events: the fan-out to every consumer of the connection
         * @param connectionFailures where a transport that fails for good (bad credentials, connection limit) says so
         */
        EventTransport create(EventPipeline events, ExceptionHandler connectionFailures);
    }
}
