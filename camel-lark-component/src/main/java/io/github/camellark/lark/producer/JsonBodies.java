package io.github.camellark.lark.producer;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns card and custom-bot bodies (a Map, a JSON String, a Jackson node or any Jackson-serialisable object) into JSON.
 * Kept small on purpose: the typed content builders of {@code lark:message} are the place for richer content.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; {@code what} names it in error messages. */
    static JsonNode object(ObjectMapper mapper, Object body, String what) {
        if (body == null) {
            throw new IllegalArgumentException(what + " is missing: send a Map, a JSON String or a Jackson node as the body");
        }
        JsonNode node;
        if (body instanceof JsonNode) {
            node = (JsonNode) body;
        } else if (body instanceof CharSequence) {
            try {
                node = mapper.readTree(body.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            try {
                node = mapper.valueToTree(body);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " cannot be written as JSON (" + body.getClass().getName() + "): " + e.getMessage(), e);
            }
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        return node;
    }

    static String write(ObjectMapper mapper, Object json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Fails when the UTF-8 form of {@code json} is over {@code maxBytes}. */
    static void checkSize(String json, int maxBytes, String what) {
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new IllegalArgumentException(what + " is limited to " + maxBytes / 1024 + " KB (" + maxBytes + " bytes), got " + size
                                               + " bytes");
        }
    }
}
