package io.github.camellark.lark.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

/**
 * One instance of an application receiving Lark's webhook: its own Camel context, Vert.x HTTP server on 127.0.0.1 and
 * {@code lark} component with the Encrypt Key and Verification Token set. For tests of several instances (a cluster)
 * or of one instance restarted.
 */
public final class WebhookInstance implements AutoCloseable {

    public static final String ENCRYPT_KEY = "instance-encrypt-key-0001";
    public static final String TOKEN = "instance-verification-token-0001";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final CamelContext context = new DefaultCamelContext();
    private final LarkComponent lark = new LarkComponent();
    private final int port = AvailablePortFinder.getNextAvailable();

    public WebhookInstance() throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        lark.getConfiguration().setEncryptKey(ENCRYPT_KEY);
        lark.getConfiguration().setVerificationToken(TOKEN);
        context.getRegistry().bind("lark", lark);
    }

    public CamelContext context() {
        return context;
    }

    public LarkComponent lark() {
        return lark;
    }

    /** Adds the routes and starts the instance. */
    public WebhookInstance start(Consumer<RouteBuilder> routes) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.accept(this);
            }
        });
        context.start();
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Posts the body with the headers, as Lark does; completes with the HTTP status. */
    public CompletableFuture<Integer> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** The event, with the instances' verification token, encrypted with their Encrypt Key. */
    public static String encrypted(String plaintextWithoutToken) {
        return EventCrypto.encryptedBody(ENCRYPT_KEY, plaintextWithoutToken.replace("\"token\":\"\"", "\"token\":\"" + TOKEN + "\""));
    }

    /** Signature headers over exactly this body, made now. */
    public static Map<String, String> signed(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        return Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", nonce,
                "X-Lark-Signature", EventCrypto.signature(timestamp, nonce, ENCRYPT_KEY, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        context.stop();
    }
}
