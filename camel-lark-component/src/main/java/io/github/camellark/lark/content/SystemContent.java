package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A system divider in a bot-to-user chat:
 * {@code {"type":"divider","params":{"divider_text":{"text":"...","i18n_text":{...}}},"options":{"need_rollup":true}}}.
 * Lark limits the text to 20 characters (10 CJK characters).
 */
public final class SystemContent implements LarkContent {

    private final String text;
    private final Map<String, String> i18n = new LinkedHashMap<>();
    private Boolean needRollup;

    SystemContent(String text) {
        this.text = KeyedContent.requireText("system divider text", text);
    }

    /** The divider text in another language; Lark's keys look like zh_CN, en_US, ja_JP. */
    public SystemContent i18n(String language, String localizedText) {
        i18n.put(KeyedContent.requireText("system divider language", language), localizedText);
        return this;
    }

    /** Whether the messages before the divider are folded away. */
    public SystemContent needRollup(boolean rollup) {
        this.needRollup = rollup;
        return this;
    }

    @Override
    public String msgType() {
        return MsgType.SYSTEM;
    }

    @Override
    public Map<String, Object> content() {
        Map<String, Object> dividerText = new LinkedHashMap<>();
        dividerText.put("text", text);
        if (!i18n.isEmpty()) {
            dividerText.put("i18n_text", new LinkedHashMap<>(i18n));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "divider");
        content.put("params", Map.of("divider_text", dividerText));
        if (needRollup != null) {
            content.put("options", Map.of("need_rollup", needRollup));
        }
        return content;
    }

    @Override
    public String toString() {
        return msgType() + content();
    }
}
