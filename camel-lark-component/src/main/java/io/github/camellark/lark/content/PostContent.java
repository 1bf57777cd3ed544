package io.github.camellark.lark.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rich-text post: per locale a title and paragraphs of {@link PostElement}s,
 * {@code {"zh_cn":{"title":"T","content":[[{"tag":"text","text":"..."}]]}}}. The methods add to the current locale;
 * {@link #locale(String)} switches to (or adds) another one.
 */
public final class PostContent implements LarkContent {

    public static final String ZH_CN = "zh_cn";
    public static final String EN_US = "en_us";
    public static final String JA_JP = "ja_jp";

    private final Map<String, Locale> locales = new LinkedHashMap<>();
    private Locale current;

    PostContent(String locale) {
        locale(locale);
    }

    /** Makes the given locale (zh_cn, en_us, ja_jp) the one the following calls fill. */
    public PostContent locale(String locale) {
        current = locales.computeIfAbsent(KeyedContent.requireText("post locale", locale), l -> new Locale());
        return this;
    }

    public PostContent title(String title) {
        current.title = title;
        return this;
    }

    /** Adds a paragraph (one line) made of the given elements. */
    public PostContent paragraph(PostElement... elements) {
        return paragraph(Arrays.asList(elements));
    }

    public PostContent paragraph(List<PostElement> elements) {
        List<Map<String, Object>> paragraph = new ArrayList<>(elements.size());
        for (PostElement element : elements) {
            paragraph.add(element.toMap());
        }
        current.paragraphs.add(paragraph);
        return this;
    }

    /** Adds a paragraph holding one plain text element. */
    public PostContent line(String text) {
        return paragraph(PostElement.text(text));
    }

    @Override
    public String msgType() {
        return MsgType.POST;
    }

    @Override
    public Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        locales.forEach((name, locale) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (locale.title != null) {
                body.put("title", locale.title);
            }
            body.put("content", new ArrayList<>(locale.paragraphs));
            content.put(name, body);
        });
        return content;
    }

    @Override
    public String toString() {
        return msgType() + content();
    }

    private static final class Locale {
        private String title;
        private final List<List<Map<String, Object>>> paragraphs = new ArrayList<>();
    }
}
