package io.github.camellark.lark.event;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkTransport;

/**
 * Which connection to Lark a {@code lark:events} consumer needs, and the options that belong to that connection rather
 * than to the consumer, so that every consumer sharing it must agree on them.
 * <ul>
 * <li>WebSocket: one long connection per app (base URI + appId); Lark gives each event to one random connection of the
 * app. The App Secret, the {@code ws*} options and the HTTP client settings (dial, proxy) belong
 * to it.</li>
 * <li>Webhook: one served path ({@code webhookPath}) on the context's HTTP server; Lark posts every event of the app to
 * its one request URL. The checks made on each request (appId, encryptKey, verificationToken, maxRequestAge,
 * maxEventBodySize) belong to it.</li>
 * </ul>
 * {@code eventTypes}, {@code eventDeadline} and {@code idempotentRepository} stay per consumer.
 */
public final class ConnectionSettings {

    /** What one shared connection is known by. The webhook's HTTP server is the CamelContext's, as is this registry. */
    record Key(LarkTransport transport, String target, String appId) {
    }

    /** Compared but never printed. */
    private static final Set<String> UNPRINTABLE = Set.of("appSecret", "encryptKey", "verificationToken", "vertx", "httpClientOptions", "sslContextParameters");

    private final Key key;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private ConnectionSettings(Key key) {
        this.key = key;
    }

    /**
     * @param c       the consumer's options
     * @param baseUri the Lark Open Platform base URI the long connection is discovered at
     */
    public static ConnectionSettings of(LarkConfiguration c, URI baseUri) {
        if (c.getTransport() == LarkTransport.webhook) {
            ConnectionSettings settings = new ConnectionSettings(new Key(LarkTransport.webhook, c.getWebhookPath(), null));
            settings.options.put("appId", c.getAppId());
            settings.options.put("encryptKey", c.getEncryptKey());
            settings.options.put("verificationToken", c.getVerificationToken());
            settings.options.put("maxRequestAge", c.getMaxRequestAge());
            settings.options.put("maxEventBodySize", c.getMaxEventBodySize());
            return settings;
        }
        ConnectionSettings settings = new ConnectionSettings(
                new Key(LarkTransport.websocket, baseUri.toString(), c.getAppId()));
        settings.options.put("appSecret", c.getAppSecret());
        settings.options.put("wsConnectTimeout", c.getWsConnectTimeout());
        settings.options.put("wsPingTimeout", c.getWsPingTimeout());
        settings.options.put("wsReconnectMaxDelay", c.getWsReconnectMaxDelay());
        settings.options.put("wsFragmentTtl", c.getWsFragmentTtl());
        settings.options.put("connectTimeout", c.getConnectTimeout());
        settings.options.put("proxyHost", c.getProxyHost());
        settings.options.put("proxyPort", c.getProxyPort());
        settings.options.put("wsKeepAliveInterval", c.getWsKeepAliveInterval());
        settings.options.put("vertx", c.getVertx());
        settings.options.put("httpClientOptions", c.getHttpClientOptions());
        settings.options.put("sslContextParameters", c.getSslContextParameters());
        settings.options.put("useGlobalSslContextParameters", c.isUseGlobalSslContextParameters());
        return settings;
    }

    Key key() {
        return key;
    }

    /** What the connection is, for messages: no secret in it. */
    String describe() {
        return key.transport() == LarkTransport.webhook
                ? "the webhook path " + key.target()
                : "the long connection of app " + key.appId() + " at " + key.target();
    }

    /**
     * The options whose values differ, each as {@code name (value here, value there)}; secrets and clients are named
     * without their values.
     */
    List<String> differencesFrom(ConnectionSettings established) {
        List<String> differences = new ArrayList<>();
        options.forEach((name, value) -> {
            Object other = established.options.get(name);
            if (!Objects.equals(value, other)) {
                differences.add(UNPRINTABLE.contains(name) ? name + " (values not shown)"
                        : name + " (" + value + " here, " + other + " there)");
            }
        });
        return differences;
    }
}
