package io.github.camellark.lark.producer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.client.http.RequestBody;
import io.github.camellark.lark.content.LegacyMessageBody;
import io.github.camellark.lark.operation.CustomBotOperation;

/**
 * {@code lark:customBot}: posts to a group's custom-bot webhook. No app credentials: the webhook URL is the credential,
 * and it is never logged. The body is what {@code lark:message} takes (a String is a text message, a {@link
 * io.github.camellark.lark.content.LarkContent}, or a Map/JSON content of {@code msgType}) written in the legacy form
 * custom bots read, or a whole webhook message (a Map with {@code msg_type}); with {@code botSecret} it is signed.
 */
final class CustomBotHandler implements ResourceHandler<CustomBotOperation> {

    /** Custom bots take at most 20 KB a request body: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot */
    static final int MAX_BODY_BYTES = 20 * 1024;
    /** What custom bots can send, from third-party sources: unverified beyond these five. */
    static final List<String> MSG_TYPES = List.of("text", "post", "image", "share_chat", "interactive");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Clock clock;

    CustomBotHandler() {
        this(Clock.systemUTC());
    }

    /** The clock gives the signature's timestamp; tests fix it. */
    CustomBotHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<CustomBotOperation> operations() {
        return CustomBotOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(CustomBotOperation operation, LarkCall call) {
        return switch (operation) {
            case SEND -> send(call);
        };
    }

    private CompletableFuture<Void> send(LarkCall call) {
        URI webhook = webhook(call.configuration().getWebhookUrl());
        ObjectMapper mapper = call.client().mapper();
        Map<String, Object> message = message(call, mapper);
        String secret = call.configuration().getBotSecret();
        if (secret != null && !secret.isEmpty()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            message.put("timestamp", timestamp);
            message.put("sign", sign(timestamp, secret));
        }
        // written once: the bytes whose size is checked are the bytes posted
        return call.sendForData(LarkRequest.post(null)
                .absoluteUri(webhook, "custom-bot webhook")
                .noAuth()
                .body(RequestBody.of(checkedJson(mapper, message), LarkClient.JSON_CONTENT_TYPE)));
    }

    private static byte[] checkedJson(ObjectMapper mapper, Map<String, Object> message) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("lark customBot send: the message cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (json.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("lark customBot send: the message is limited to " + MAX_BODY_BYTES / 1024 + " KB ("
                                               + MAX_BODY_BYTES + " bytes), got " + json.length + " bytes");
        }
        return json;
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

    /**
     * The webhook message: a whole message (a Map or Jackson node with {@code msg_type}) as it is, else the content of the
     * body in the legacy form ({@code content} object, {@code card} for interactive).
     */
    private static Map<String, Object> message(LarkCall call, ObjectMapper mapper) {
        Object body = call.body();
        boolean whole = call.param(LarkParam.MSG_TYPE) == null
                        && (body instanceof Map && ((Map<?, ?>) body).containsKey("msg_type")
                            || body instanceof JsonNode && ((JsonNode) body).has("msg_type"));
        if (!whole) {
            return LegacyMessageBody.of(MessageContents.of(call, null), mapper);
        }
        Map<String, Object> message = new LinkedHashMap<>(mapper.convertValue(body, JSON_OBJECT));
        if (!MSG_TYPES.contains(String.valueOf(message.get("msg_type")))) {
            throw new IllegalArgumentException("lark customBot send: msg_type " + message.get("msg_type") + " cannot be sent here:"
                                               + " custom bots take text, post, image, share_chat or interactive");
        }
        return message;
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
