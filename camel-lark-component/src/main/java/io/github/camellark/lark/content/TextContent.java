package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text message: {@code {"text":"..."}}. Mentions become Lark's {@code <at user_id="ou_...">Name</at>} tags;
 * {@code \n} breaks lines. Lark also reads {@code <b> <i> <u> <s>} style tags and {@code [label](https://...)} links in
 * the text (not in batch messages or custom bots).
 * <p>
 * A mention is separated from the text before it by one space unless that text is empty or ends in whitespace, so
 * {@code text("hi").mention("ou_1", "Tom")} reads "hi @Tom".
 */
public final class TextContent implements LarkContent {

    private final StringBuilder text;

    TextContent(String text) {
        this.text = new StringBuilder(text == null ? "" : text);
    }

    /** Appends text as it is. */
    public TextContent text(String more) {
        text.append(more);
        return this;
    }

    /** Starts a new line with the given text. */
    public TextContent line(String more) {
        text.append('\n').append(more);
        return this;
    }

    /**
     * Mentions a user.
     *
     * @param userId an open_id (ou_...), union_id or user_id
     * @param name   the name shown when the id cannot be resolved; may be null
     */
    public TextContent mention(String userId, String name) {
        String id = KeyedContent.requireText("mention user_id", userId);
        if (id.indexOf('"') >= 0 || id.indexOf('<') >= 0) {
            throw new IllegalArgumentException("Lark mention user_id must not contain '\"' or '<', got '" + id + "'");
        }
        return appendMention("<at user_id=\"" + id + "\">" + (name == null ? "" : name) + "</at>");
    }

    /** Mentions everyone in the group (the group must allow @all). */
    public TextContent mentionAll() {
        return appendMention("<at user_id=\"all\"></at>");
    }

    private TextContent appendMention(String tag) {
        if (text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            text.append(' ');
        }
        text.append(tag);
        return this;
    }

    @Override
    public String msgType() {
        return MsgType.TEXT;
    }

    @Override
    public Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", text.toString());
        return content;
    }

    @Override
    public String toString() {
        return msgType() + content();
    }
}
