package io.github.camellark.lark.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.client.http.Headers;

/** Reads Lark's {@code {code,msg,data}} reply envelope and the reply headers that matter to the client. */
final class Envelopes {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private Envelopes() {
    }

    /** The envelope, or null when the bytes are not a JSON object. */
    static Map<String, Object> parse(ObjectMapper mapper, byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(bytes, JSON_OBJECT);
        } catch (IOException e) {
            return null;
        }
    }

    /** The business code; legacy custom-bot replies say {@code StatusCode} instead of {@code code}. */
    static long code(Map<String, Object> envelope) {
        Object code = envelope.containsKey("code") ? envelope.get("code") : envelope.get("StatusCode");
        return code instanceof Number ? ((Number) code).longValue() : -1;
    }

    static String message(Map<String, Object> envelope) {
        Object msg = envelope.containsKey("msg") ? envelope.get("msg") : envelope.get("StatusMessage");
        return msg == null ? null : msg.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> errorObject(Map<String, Object> envelope) {
        Object error = envelope.get("error");
        return error instanceof Map ? (Map<String, Object>) error : null;
    }

    static String logId(Headers headers) {
        String logId = headers.first("X-Tt-Logid");
        return logId != null ? logId : headers.first("X-Request-Id");
    }

    static Duration rateLimitReset(Headers headers) {
        String value = headers.first("x-ogw-ratelimit-reset");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String snippet(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return bytes.length > 200 ? text + "..." : text;
    }
}
