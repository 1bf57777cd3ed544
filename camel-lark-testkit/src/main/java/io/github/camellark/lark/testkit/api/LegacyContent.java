package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The older message APIs (batch_send, the custom-bot webhook) take {@code content} as a JSON
 * <em>object</em> in their own shapes ({@code {"post":{"zh_cn":…}}}, {@code {"share_chat_id":…}})
 * and cards in a separate {@code card} field. This turns them into im/v1 content for storage.
 */
final class LegacyContent {

    private final ObjectMapper mapper;

    LegacyContent(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The im/v1 content string, or {@code null} when the legacy body lacks what {@code msgType} needs. */
    String toImContent(String msgType, JsonNode content, JsonNode card) {
        switch (msgType) {
            case "text":
                return content != null && content.path("text").isTextual() ? write(mapper.createObjectNode().put("text", content.get("text").asText())) : null;
            case "image":
                return content != null && content.path("image_key").isTextual() ? write(mapper.createObjectNode().put("image_key", content.get("image_key").asText())) : null;
            case "post":
                return content != null && content.path("post").isObject() ? write(content.get("post")) : null;
            case "share_chat":
                return content != null && content.path("share_chat_id").isTextual()
                        ? write(mapper.createObjectNode().put("chat_id", content.get("share_chat_id").asText())) : null;
            case "interactive": {
                JsonNode value = card != null && card.isObject() ? card : content != null && content.path("card").isObject() ? content.get("card") : null;
                return value == null ? null : write(value);
            }
            default:
                return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node instanceof ObjectNode ? node : node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
