package io.github.camellark.lark.producer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camellark.lark.client.LarkRequest;

/**
 * {@code lark:customBot}: posts to a group's custom-bot webhook. No app credentials: the webhook URL is the credential,
 * and it is never logged. The body is the content of {@code msgType} (a String is a text message), or a whole webhook
 * message (a Map with {@code msg_type}); with {@code botSecret} the message is signed.
 */
final class CustomBotHandler implements ResourceHandler {

    /** Custom bots take at most 20 KB a message (lark-rest-api.md §9). */
    static final int MAX_BODY_BYTES = 20 * 1024;
    /** What custom bots can send (lark-rest-api.md §9, from third-party sources: unverified beyond these five). */
    static final List<String> MSG_TYPES = List.of("text", "post", "image", "share_chat", "interactive");

    private final Clock clock;

    CustomBotHandler() {
        this(Clock.systemUTC());
    }

    /** The clock gives the signature's timestamp; tests fix it. */
    CustomBotHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> handle(LarkCall call) {
        if (!"send".equals(call.operation())) {
            throw new IllegalArgumentException("lark:customBot has no operation " + call.operation());
        }
        URI webhook = webhook(call.configuration().getWebhookUrl());
        ObjectMapper mapper = call.client().mapper();
        ObjectNode message = message(call, mapper);
        String secret = call.configuration().getBotSecret();
        if (secret != null && !secret.isEmpty()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            message.put("timestamp", timestamp);
            message.put("sign", sign(timestamp, secret));
        }
        String json = JsonBodies.write(mapper, message);
        JsonBodies.checkSize(json, MAX_BODY_BYTES, "lark customBot send: the message");
        return call.sendForData(LarkRequest.post(null)
                .absoluteUri(webhook, "custom-bot webhook")
                .noAuth()
                .json(message));
    }

    private static URI webhook(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("lark customBot send needs webhookUrl: set the option 'webhookUrl' on the endpoint or component");
        }
        try {
            URI uri = URI.create(url.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // the URL carries the hook token: never quote it
            throw new IllegalArgumentException("lark customBot send: webhookUrl is not an http(s) URL (value not shown: it is a secret)");
        }
    }

    /** The webhook message: {@code msg_type} with {@code content}, or {@code card} for interactive messages. */
    private static ObjectNode message(LarkCall call, ObjectMapper mapper) {
        Object body = call.body();
        String msgType = call.param(LarkParam.MSG_TYPE);
        if (msgType == null && !(body instanceof CharSequence)) {
            JsonNode whole = JsonBodies.object(mapper, body, "lark customBot send: the body");
            if (whole.has("msg_type")) {
                checkType(whole.get("msg_type").asText());
                return whole.deepCopy();
            }
        }
        String type = msgType != null ? msgType : "text";
        checkType(type);
        JsonNode content = "text".equals(type) && body instanceof CharSequence
                ? mapper.createObjectNode().put("text", body.toString())
                : JsonBodies.object(mapper, body, "lark customBot send: the " + type + " content (body)");
        ObjectNode message = mapper.createObjectNode().put("msg_type", type);
        message.set("interactive".equals(type) ? "card" : "content", content);
        return message;
    }

    private static void checkType(String msgType) {
        if (!MSG_TYPES.contains(msgType)) {
            throw new IllegalArgumentException("lark customBot send: msgType must be one of " + String.join(", ", MSG_TYPES) + ", got '"
                                               + msgType + "'");
        }
    }

    /** Lark's custom-bot signature: the HMAC-SHA256 key is timestamp + "\n" + secret, the signed data is empty. */
    static String sign(String timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
