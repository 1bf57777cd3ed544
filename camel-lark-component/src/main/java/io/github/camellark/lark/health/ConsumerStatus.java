package io.github.camellark.lark.health;

import java.time.Instant;
import java.util.Map;

/**
 * What an events consumer's transport reports about itself, read by {@link LarkConsumerHealthCheck}.
 *
 * @param state   where the transport is
 * @param reason  why it is not connected (null when connected)
 * @param error   the failure behind the reason, if any
 * @param since   when the state was entered
 * @param details extra facts for the health check result (connection id, reconnect count ...)
 */
public record ConsumerStatus(State state, String reason, Throwable error, Instant since, Map<String, Object> details) {

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

    public ConsumerStatus {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
