package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An interactive card from a template built in Lark's card builder:
 * {@code {"type":"template","data":{"template_id":"AAq...","template_version_name":"1.0.0","template_variable":{...}}}}.
 */
public final class TemplateCard implements LarkContent {

    private final String templateId;
    private String versionName;
    private final Map<String, Object> variables = new LinkedHashMap<>();

    TemplateCard(String templateId) {
        this.templateId = KeyedContent.requireText("template_id", templateId);
    }

    /** The published version to use (for example 1.0.0); without it Lark uses the latest published version. */
    public TemplateCard version(String versionName) {
        this.versionName = versionName;
        return this;
    }

    /** Sets a template variable; the value may be a String, a number, a boolean, a List or a Map, as the template declares. */
    public TemplateCard variable(String name, Object value) {
        variables.put(KeyedContent.requireText("template variable name", name), value);
        return this;
    }

    public TemplateCard variables(Map<String, ?> values) {
        values.forEach(this::variable);
        return this;
    }

    @Override
    public String msgType() {
        return MsgType.INTERACTIVE;
    }

    @Override
    public Map<String, Object> content() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("template_id", templateId);
        if (versionName != null) {
            data.put("template_version_name", versionName);
        }
        if (!variables.isEmpty()) {
            data.put("template_variable", new LinkedHashMap<>(variables));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "template");
        content.put("data", data);
        return content;
    }

    @Override
    public String toString() {
        return msgType() + content();
    }
}
