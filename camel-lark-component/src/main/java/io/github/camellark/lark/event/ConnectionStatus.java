package io.github.camellark.lark.event;

import java.time.Instant;
import java.util.Map;

/**
 * Where an event connection to Lark is (the long connection; a webhook has none to report): what its transport tells
 * the consumers' health checks, management attributes and meters.
 *
 * @param state   where the transport is
 * @param reason  why it is not connected (null when connected)
 * @param error   the failure behind the reason, if any
 * @param since   when the state was entered
 * @param details extra facts for the health check result (connection id, reconnect count ...)
 */
public record ConnectionStatus(State state, String reason, Throwable error, Instant since, Map<String, Object> details) {

    public enum State {
        /** Started, first connection not established yet. */
        CONNECTING,
        /** Receiving events. */
        CONNECTED,
        /** Lost the connection or failed to connect, and trying again. */
        RECONNECTING,
        /** Gave up: a client error (bad credentials, connection limit, forbidden) or the reconnect budget is spent. */
        FAILED,
        /** Stopped with the route. */
        STOPPED
    }

    public ConnectionStatus {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
