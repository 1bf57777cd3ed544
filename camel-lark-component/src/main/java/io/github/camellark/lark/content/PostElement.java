package io.github.camellark.lark.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a post paragraph: {@code text}, {@code a}, {@code at}, {@code img}, {@code media}, {@code emotion},
 * {@code code_block}, {@code hr} or {@code md}. Import the factories statically to write
 * {@code paragraph(text("build "), link("#42", url).bold(), at("ou_1"))}.
 * <p>
 * Lark shows {@code img} and {@code media} best in a paragraph of their own, and {@code md} occupies whole paragraphs;
 * styles are ignored by batch messages and custom bots.
 */
public final class PostElement {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> style = new ArrayList<>();

    private PostElement(String tag) {
        fields.put("tag", tag);
    }

    private PostElement with(String field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
        return this;
    }

    public static PostElement text(String text) {
        return new PostElement("text").with("text", text == null ? "" : text);
    }

    public static PostElement link(String text, String href) {
        return new PostElement("a").with("text", text).with("href", KeyedContent.requireText("post link href", href));
    }

    /** Mentions a user by open_id, union_id or user_id. */
    public static PostElement at(String userId) {
        return new PostElement("at").with("user_id", KeyedContent.requireText("post at user_id", userId));
    }

    public static PostElement atAll() {
        return new PostElement("at").with("user_id", "all");
    }

    public static PostElement image(String imageKey) {
        return new PostElement("img").with("image_key", KeyedContent.requireText("post img image_key", imageKey));
    }

    /** A video; {@code coverImageKey} may be null. */
    public static PostElement media(String fileKey, String coverImageKey) {
        return new PostElement("media").with("file_key", KeyedContent.requireText("post media file_key", fileKey))
                .with("image_key", coverImageKey);
    }

    /** An emoji, by the same emoji_type names as reactions (SMILE, THUMBSUP, ...). */
    public static PostElement emotion(String emojiType) {
        return new PostElement("emotion").with("emoji_type", KeyedContent.requireText("post emotion emoji_type", emojiType));
    }

    /** A code block; {@code language} (GO, JAVA, PYTHON ...) may be null for plain text. */
    public static PostElement codeBlock(String language, String code) {
        return new PostElement("code_block").with("language", language).with("text", code == null ? "" : code);
    }

    public static PostElement hr() {
        return new PostElement("hr");
    }

    /** Lark's Markdown subset (mentions, links, lists, code fences, quotes, bold, italic ...). */
    public static PostElement markdown(String markdown) {
        return new PostElement("md").with("text", markdown == null ? "" : markdown);
    }

    public PostElement bold() {
        return style("bold");
    }

    public PostElement italic() {
        return style("italic");
    }

    public PostElement underline() {
        return style("underline");
    }

    public PostElement lineThrough() {
        return style("lineThrough");
    }

    /** For {@code text}: Lark shows the text without unescaping HTML entities in it. */
    public PostElement unEscape() {
        return with("un_escape", true);
    }

    private PostElement style(String name) {
        if (!style.contains(name)) {
            style.add(name);
        }
        return this;
    }

    /** The element as Lark's JSON object. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(fields);
        if (!style.isEmpty()) {
            map.put("style", List.copyOf(style));
        }
        return map;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
