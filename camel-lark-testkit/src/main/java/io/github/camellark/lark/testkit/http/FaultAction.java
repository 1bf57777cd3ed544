package io.github.camellark.lark.testkit.http;

import java.time.Duration;
import java.util.Map;

/**
 * What the simulated gateway does to one request instead of (or before) answering it normally.
 */
public record FaultAction(Kind kind, int httpStatus, Object body, Map<String, String> headers, Duration delay) {

    public enum Kind {
        /** Answer with {@link #httpStatus()}, {@link #body()} and {@link #headers()}; the handler never runs. */
        REPLY,
        /** Wait {@link #delay()}, then answer normally. */
        DELAY,
        /** Close the connection without a reply. */
        RESET_CONNECTION
    }

    public static FaultAction reply(int httpStatus, Object body, Map<String, String> headers) {
        return new FaultAction(Kind.REPLY, httpStatus, body, Map.copyOf(headers), Duration.ZERO);
    }

    public static FaultAction delay(Duration delay) {
        return new FaultAction(Kind.DELAY, 0, null, Map.of(), delay);
    }

    public static FaultAction resetConnection() {
        return new FaultAction(Kind.RESET_CONNECTION, 0, null, Map.of(), Duration.ZERO);
    }
}
