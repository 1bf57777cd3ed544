package io.github.camellark.lark.event.ws;

import java.time.Duration;

import io.github.camellark.lark.LarkConfiguration;

/**
 * What the long connection needs from the endpoint's options, so that it can be built and tested without an endpoint.
 *
 * @param appId              the self-built app
 * @param appSecret          its secret (never printed)
 * @param connectTimeout     bound of discovery and of the WebSocket handshake
 * @param pingTimeout        how long after a ping the connection may stay silent before it is taken as dead; 0 disables
 *                           the watchdog
 * @param keepAliveInterval  how often a WebSocket ping goes out, so that a half-open connection is found between Lark's
 *                           own (rare) pings
 * @param reconnectMaxDelay  cap of every wait before reconnecting; 0 follows Lark's values
 * @param fragmentTtl        how long fragments of a split payload wait for the rest
 * @param eventDeadline      how long stop() waits for events in flight, less a second of grace
 */
public record LongConnectionSettings(String appId, String appSecret, Duration connectTimeout, Duration pingTimeout,
                                     Duration keepAliveInterval, Duration reconnectMaxDelay, Duration fragmentTtl,
                                     Duration eventDeadline) {

    public static LongConnectionSettings of(LarkConfiguration configuration) {
        if (configuration.getAppId() == null || configuration.getAppSecret() == null) {
            throw new IllegalArgumentException(
                    "lark:events with transport=websocket needs the appId and appSecret options of a self-built app");
        }
        return new LongConnectionSettings(configuration.getAppId(), configuration.getAppSecret(),
                Duration.ofMillis(configuration.getWsConnectTimeout()), Duration.ofMillis(configuration.getWsPingTimeout()),
                Duration.ofMillis(configuration.getWsKeepAliveInterval()),
                Duration.ofMillis(configuration.getWsReconnectMaxDelay()), Duration.ofMillis(configuration.getWsFragmentTtl()),
                Duration.ofMillis(configuration.getEventDeadline()));
    }

    @Override
    public String toString() {
        return "LongConnectionSettings[appId=" + appId + ", connectTimeout=" + connectTimeout + ", pingTimeout=" + pingTimeout
               + ", keepAliveInterval=" + keepAliveInterval + "]";
    }
}
