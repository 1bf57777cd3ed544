package io.github.camellark.lark.testkit.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request exactly as the webhook pusher sends it: the raw body bytes and the headers. Tests can
 * also feed it to a receiver in-process (e.g. the official SDK's {@code EventDispatcher.handle(EventReq)}).
 */
public record WebhookRequest(URI url, byte[] body, Map<String, String> headers) {

    public static final String TIMESTAMP = "X-Lark-Request-Timestamp";
    public static final String NONCE = "X-Lark-Request-Nonce";
    public static final String SIGNATURE = "X-Lark-Signature";
    public static final String REQUEST_ID = "X-Request-Id";

    public WebhookRequest {
        body = body.clone();
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The headers in the multi-valued shape servlet-style APIs use. */
    public Map<String, List<String>> headersAsLists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        headers.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }
}
