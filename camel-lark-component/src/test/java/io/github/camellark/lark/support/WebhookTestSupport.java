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

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;


/**
 * Base of webhook tests: Camel's HTTP platform (Vert.x, as camel-platform-http-main runs it) on 127.0.0.1 and a free
 * port, and an HTTP client that posts what Lark posts.
 */
public abstract class WebhookTestSupport extends LarkTestSupport {

    public static final String ENCRYPT_KEY = "encrypt-key-never-logged-0001";
    public static final String VERIFICATION_TOKEN = "verification-token-never-logged-0001";
    public static final String PATH = "/lark/events";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    protected final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    /** What camel.component.lark.encrypt-key / verification-token do: every events endpoint checks and decrypts. */
    protected static LarkComponent withEventSecrets(CamelContext context) {
        LarkComponent lark = context.getComponent("lark", LarkComponent.class);
        lark.getConfiguration().setEncryptKey(ENCRYPT_KEY);
        lark.getConfiguration().setVerificationToken(VERIFICATION_TOKEN);
        return lark;
    }


    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Pushes a body as Lark does, with the given extra headers. */
    protected HttpResponse<String> push(String path, String body, Map<String, String> headers) throws Exception {
        return pushAsync(path, body, headers).get();
    }

    protected CompletableFuture<HttpResponse<String>> pushAsync(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> push(String path, String body) throws Exception {
        return push(path, body, Map.of());
    }

    /** Signature headers made with the Encrypt Key over exactly this body (lark-events.md §1.6). */
    protected static Map<String, String> signed(String body) {
        return signed(body, ENCRYPT_KEY);
    }

    protected static Map<String, String> signed(String body, String encryptKey) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Lark-Request-Timestamp", timestamp);
        headers.put("X-Lark-Request-Nonce", nonce);
        headers.put("X-Lark-Signature", EventCrypto.signature(timestamp, nonce, encryptKey, body.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** Encrypts the plaintext with the Encrypt Key and posts it signed, as Lark does once an Encrypt Key is set. */
    protected HttpResponse<String> pushEncrypted(String path, String plaintext) throws Exception {
        String body = EventCrypto.encryptedBody(ENCRYPT_KEY, plaintext);
        return push(path, body, signed(body));
    }
}
