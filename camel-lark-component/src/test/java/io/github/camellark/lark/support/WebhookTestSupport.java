package io.github.camellark.lark.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.apache.camel.CamelContext;


/**
 * Base of webhook tests: Camel's HTTP platform (Vert.x, as camel-platform-http-main runs it) on 127.0.0.1 and a free
 * port, and an HTTP client that posts what Lark posts.
 */
public abstract class WebhookTestSupport extends LarkTestSupport {

    public static final String ENCRYPT_KEY = "encrypt-key-never-logged-0001";
    public static final String VERIFICATION_TOKEN = "verification-token-never-logged-0001";
    public static final String PATH = "/lark/events";

    protected int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = LarkWebhookPoster.addHttpPlatform(context);
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
        return LarkWebhookPoster.post(url(path), body, headers);
    }

    protected HttpResponse<String> push(String path, String body) throws Exception {
        return push(path, body, Map.of());
    }

    /** Signature headers made with the Encrypt Key over exactly this body. */
    protected static Map<String, String> signed(String body) {
        return signed(body, ENCRYPT_KEY);
    }

    protected static Map<String, String> signed(String body, String encryptKey) {
        return LarkWebhookPoster.signed(body, encryptKey);
    }

    /** Encrypts the plaintext with the Encrypt Key and posts it signed, as Lark does once an Encrypt Key is set. */
    protected HttpResponse<String> pushEncrypted(String path, String plaintext) throws Exception {
        String body = EventCrypto.encryptedBody(ENCRYPT_KEY, plaintext);
        return push(path, body, signed(body));
    }
}
