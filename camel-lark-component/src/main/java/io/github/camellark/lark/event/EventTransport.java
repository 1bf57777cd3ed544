package io.github.camellark.lark.event;

import io.github.camellark.lark.health.ConsumerStatus;

/**
 * A way events reach the consumers (webhook or WebSocket long connection). Started when the first consumer of its
 * connection starts, stopped when the last one stops; it must release every thread, socket and timer it created when
 * stopped.
 */
public interface EventTransport {

    void start() throws Exception;

    void stop() throws Exception;

    /** Where the connection to Lark is, for the consumers' health checks; null when there is no connection to watch. */
    default ConsumerStatus status() {
        return null;
    }
}
