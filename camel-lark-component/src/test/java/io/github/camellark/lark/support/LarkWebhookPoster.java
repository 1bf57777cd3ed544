package io.github.camellark.lark.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.testkit.events.EventCrypto;
import io.github.camellark.lark.testkit.events.WebhookRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;

/**
 * Both ends of a webhook test: Camel's HTTP platform (Vert.x, as camel-platform-http-main runs it) on 127.0.0.1 for the
 * routes, and Lark's side posting raw bodies to it with the headers Lark sends, signed with the testkit's
 * {@link EventCrypto}. For events built with the testkit, its {@code Webhook} does the same.
 */
public final class LarkWebhookPoster {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LarkWebhookPoster() {
    }

    /** Adds Camel's Vert.x HTTP platform on 127.0.0.1 and a free port to the context; returns the port. */
    public static int addHttpPlatform(CamelContext context) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return port;
    }

    /** Posts the body with the headers, as Lark does. */
    public static CompletableFuture<HttpResponse<String>> post(URI url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signature headers made now with {@code encryptKey} over exactly this body. */
    public static Map<String, String> signed(String body, String encryptKey) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookRequest.TIMESTAMP, timestamp);
        headers.put(WebhookRequest.NONCE, nonce);
        headers.put(WebhookRequest.SIGNATURE, EventCrypto.signature(timestamp, nonce, encryptKey, body.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
