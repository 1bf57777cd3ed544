package io.github.camellark.lark.event;

/**
 * A way events reach the consumer (webhook or WebSocket long connection). Started and stopped with the consumer; it must
 * release every thread, socket and timer it created when stopped.
 */
public interface EventTransport {

    void start() throws Exception;

    void stop() throws Exception;
}
