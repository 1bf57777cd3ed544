package io.github.camellark.lark.event.ws;

import java.util.Map;

/**
 * The connection settings Lark pushes with the endpoint and in every pong. Units are
 * seconds; a negative reconnect count means "forever". The values the real server sends are unverified.
 */
record ClientConfig(int pingIntervalSeconds, int reconnectCount, int reconnectIntervalSeconds, int reconnectNonceSeconds) {

    /** The SDK defaults, used until Lark says otherwise. */
    static final ClientConfig DEFAULTS = new ClientConfig(120, -1, 120, 30);

    /**
     * The config with the fields Lark sent replaced. The SDKs replace all four blindly; we ignore missing fields and values
     * that would make no sense (a ping interval of 0 would ping in a tight loop).
     */
    ClientConfig merge(Map<?, ?> pushed) {
        if (pushed == null) {
            return this;
        }
        return new ClientConfig(
                positive(pushed.get("PingInterval"), pingIntervalSeconds),
                pushed.get("ReconnectCount") instanceof Number count ? count.intValue() : reconnectCount,
                notNegative(pushed.get("ReconnectInterval"), reconnectIntervalSeconds),
                notNegative(pushed.get("ReconnectNonce"), reconnectNonceSeconds));
    }

    private static int positive(Object value, int current) {
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : current;
    }

    private static int notNegative(Object value, int current) {
        return value instanceof Number n && n.intValue() >= 0 ? n.intValue() : current;
    }
}
