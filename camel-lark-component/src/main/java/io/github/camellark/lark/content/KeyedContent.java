package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

/** Content made of one key: image, file, audio, sticker, share_chat, share_user. */
final class KeyedContent implements LarkContent {

    private final String msgType;
    private final Map<String, Object> content;

    private KeyedContent(String msgType, Map<String, Object> content) {
        this.msgType = msgType;
        this.content = content;
    }

    static KeyedContent of(String msgType, String field, String value) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(field, requireText(msgType + " " + field, value));
        return new KeyedContent(msgType, content);
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Lark " + what + " must not be empty");
        }
        return value;
    }

    @Override
    public String msgType() {
        return msgType;
    }

    @Override
    public Map<String, Object> content() {
        return new LinkedHashMap<>(content);
    }

    @Override
    public String toString() {
        return msgType + content;
    }
}
