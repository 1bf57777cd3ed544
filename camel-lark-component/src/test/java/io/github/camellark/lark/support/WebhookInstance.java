package io.github.camellark.lark.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of an application receiving Lark's webhook: its own Camel context, Vert.x HTTP server on 127.0.0.1 and
 * {@code lark} component with the Encrypt Key and Verification Token set. For tests of several instances (a cluster)
 * or of one instance restarted.
 */
public final class WebhookInstance implements AutoCloseable {

    public static final String ENCRYPT_KEY = "instance-encrypt-key-0001";
    public static final String TOKEN = "instance-verification-token-0001";

    private final CamelContext context = new DefaultCamelContext();
    private final LarkComponent lark = new LarkComponent();
    private final int port;

    public WebhookInstance() throws Exception {
        port = LarkWebhookPoster.addHttpPlatform(context);
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
        return LarkWebhookPoster.post(url(path), body, headers).thenApply(HttpResponse::statusCode);
    }

    /** The event, with the instances' verification token, encrypted with their Encrypt Key. */
    public static String encrypted(String plaintextWithoutToken) {
        return EventCrypto.encryptedBody(ENCRYPT_KEY, plaintextWithoutToken.replace("\"token\":\"\"", "\"token\":\"" + TOKEN + "\""));
    }

    /** Signature headers over exactly this body, made now. */
    public static Map<String, String> signed(String body) {
        return LarkWebhookPoster.signed(body, ENCRYPT_KEY);
    }

    @Override
    public void close() {
        context.stop();
    }
}
