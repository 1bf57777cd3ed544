package io.github.camellark.lark.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns {@link LarkContent} into the JSON <em>string</em> that Lark's im/v1 message APIs carry in their {@code content}
 * field, and refuses content Lark would refuse for its size.
 */
public final class ContentJson {

    /** Lark: "the request body of a text message is at most 150 KB". */
    public static final int MAX_TEXT_BYTES = 150 * 1024;
    /** Lark: "the request body of a post or card message is at most 30 KB". */
    public static final int MAX_POST_OR_CARD_BYTES = 30 * 1024;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private ContentJson() {
    }

    /** The content as JSON text, size-checked; a String content is taken as JSON and only checked. */
    public static String serialize(LarkContent content, ObjectMapper mapper) {
        String json;
        if (content.content() instanceof String) {
            json = (String) content.content();
            checkSize(content.msgType(), json);
            requireJsonObject(content.msgType(), json, mapper);
        } else {
            try {
                json = mapper.writeValueAsString(content.content());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Lark " + content.msgType() + " content cannot be written as JSON: "
                                                   + e.getOriginalMessage(), e);
            }
            checkSize(content.msgType(), json);
        }
        return json;
    }

    /** The content as an object: a Map, or the Map a JSON String content holds. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(LarkContent content, ObjectMapper mapper) {
        Object value = content.content();
        if (value instanceof String) {
            return requireJsonObject(content.msgType(), (String) value, mapper);
        }
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        return mapper.convertValue(value, JSON_OBJECT);
    }

    /**
     * Fails when the content is larger than Lark accepts: text over 150 KB, post and card over 30 KB.
     * <p>
     * Lark counts the whole request body, which is the content plus a few short fields (and the escaping of the content
     * inside the body); we measure the UTF-8 bytes of the serialised content, the part the caller controls, so a content
     * just under the limit may still be refused by Lark with code 230025.
     */
    public static void checkSize(String msgType, String json) {
        int limit = limitOf(msgType);
        if (limit < 0) {
            return;
        }
        int bytes = utf8Length(json);
        if (bytes > limit) {
            throw new IllegalArgumentException("Lark " + msgType + " content is " + bytes + " bytes; Lark accepts at most "
                                               + limit / 1024 + " KB (" + limit + " bytes) for a " + msgType + " message");
        }
    }

    private static int limitOf(String msgType) {
        switch (msgType) {
            case MsgType.TEXT:
                return MAX_TEXT_BYTES;
            case MsgType.POST:
            case MsgType.INTERACTIVE:
                return MAX_POST_OR_CARD_BYTES;
            default:
                return -1;
        }
    }

    private static Map<String, Object> requireJsonObject(String msgType, String json, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node != null && node.isObject()) {
                return mapper.convertValue(node, JSON_OBJECT);
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalArgumentException("Lark " + msgType + " content must be a JSON object, got: " + snippet(json));
    }

    private static String snippet(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
