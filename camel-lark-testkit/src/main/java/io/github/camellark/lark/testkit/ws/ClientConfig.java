package io.github.camellark.lark.testkit.ws;

/**
 * The client settings the server pushes in the discovery reply and in pong payloads.
 * Units are seconds; {@code reconnectCount < 0} means "forever". Which values the real server sends is unverified;
 * {@link #sdkDefaults()} are the SDK defaults.
 */
public record ClientConfig(int reconnectCount, int reconnectInterval, int reconnectNonce, int pingInterval) {

    /** -1 (forever), 120 s, 30 s, 120 s: the SDK defaults (oapi-sdk-java {@code ClientConfig}). */
    public static ClientConfig sdkDefaults() {
        return new ClientConfig(-1, 120, 30, 120);
    }

    /** The JSON shape with Lark's capitalised names. */
    public String toJson() {
        return "{\"ReconnectCount\":" + reconnectCount + ",\"ReconnectInterval\":" + reconnectInterval
                + ",\"ReconnectNonce\":" + reconnectNonce + ",\"PingInterval\":" + pingInterval + "}";
    }
}
