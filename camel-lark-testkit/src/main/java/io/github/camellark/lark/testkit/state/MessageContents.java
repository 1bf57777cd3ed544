package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns send-side {@code content} into what Lark hands back on read (the "receive-side" form),
 * and into one readable line for the conversation view.
 * <ul>
 * <li>text: {@code <at user_id="ou_…">Name</at>} becomes {@code @_user_1} plus a {@link Mention};
 *     {@code <at user_id="all">} becomes {@code @_all};</li>
 * <li>post: the locale wrapper is dropped ({@code {"title":…,"content":[[…]]}}), zh_cn first;</li>
 * <li>everything else is returned as sent (cards included: the simulator does not build Lark's
 *     card projection, so a read card looks like {@code card_msg_content_type=raw_card_content}).</li>
 * </ul>
 */
public final class MessageContents {

    private static final Pattern AT = Pattern.compile("<at\\s+(?:user_id|id|open_id)\\s*=\\s*\"?([^\">\\s]+)\"?\\s*>(.*?)</at>",
            Pattern.DOTALL);

    private final ObjectMapper mapper;
    private final Function<String, Optional<SimUser>> users;

    /** Contents whose readable lines show post mentions as the raw id ({@code @ou_…}). */
    public MessageContents(ObjectMapper mapper) {
        this(mapper, id -> Optional.empty());
    }

    /** Contents whose readable lines name the mentioned people, as Lark's client shows them. */
    public MessageContents(ObjectMapper mapper, Function<String, Optional<SimUser>> users) {
        this.mapper = mapper;
        this.users = users;
    }

    /** Receive-side content and its mentions. */
    public record Projected(String content, List<Mention> mentions) {
    }

    public Projected project(String msgType, String content, Function<String, Optional<SimUser>> users) {
        JsonNode node = parse(content);
        if (node == null || !node.isObject()) {
            return new Projected(content, List.of());
        }
        if ("text".equals(msgType) && node.path("text").isTextual()) {
            List<Mention> mentions = new ArrayList<>();
            Matcher m = AT.matcher(node.path("text").asText());
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                String id = m.group(1);
                String replacement;
                if ("all".equals(id)) {
                    replacement = "@_all";
                } else {
                    String key = "@_user_" + (mentions.size() + 1);
                    Optional<SimUser> user = users.apply(id);
                    String name = user.map(SimUser::name).orElse(m.group(2));
                    mentions.add(new Mention(key, user.map(SimUser::openId).orElse(id), name));
                    replacement = key;
                }
                m.appendReplacement(text, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(text);
            ObjectNode projected = mapper.createObjectNode().put("text", text.toString());
            return new Projected(write(projected), mentions);
        }
        if ("post".equals(msgType) && !node.has("content")) {
            JsonNode locale = node.has("zh_cn") ? node.get("zh_cn") : node.has("en_us") ? node.get("en_us")
                    : node.elements().hasNext() ? node.elements().next() : null;
            if (locale != null && locale.isObject()) {
                ObjectNode projected = mapper.createObjectNode();
                projected.put("title", locale.path("title").asText(""));
                projected.set("content", locale.path("content"));
                return new Projected(write(projected), List.of());
            }
        }
        return new Projected(write(node), List.of());
    }

    /** One human-readable line for a message, e.g. {@code hello @Bob} or {@code [image img_v3_…]}. */
    public String readable(SimMessage message) {
        if (message.deleted()) {
            return "[recalled]";
        }
        String type = message.msgType();
        if (type.equals("merge_forward")) {
            return "[merged and forwarded messages]";
        }
        JsonNode node = parse(message.content());
        if (node == null) {
            return message.content();
        }
        switch (type) {
            case "text": {
                String text = node.path("text").asText();
                for (Mention mention : message.mentions()) {
                    text = text.replace(mention.key(), "@" + mention.name());
                }
                return text.replace("@_all", "@all");
            }
            case "post": {
                StringBuilder sb = new StringBuilder();
                String title = node.path("title").asText("");
                if (!title.isEmpty()) {
                    sb.append(title).append(": ");
                }
                for (JsonNode paragraph : node.path("content")) {
                    for (JsonNode element : paragraph) {
                        sb.append(element.has("text") ? element.get("text").asText()
                                : element.has("user_id") ? "@" + mentionedName(element)
                                : element.has("image_key") ? "[image]" : "");
                    }
                    sb.append(' ');
                }
                return sb.toString().trim();
            }
            case "image":
                return "[image " + node.path("image_key").asText() + "]";
            case "file":
            case "audio":
            case "media":
            case "sticker":
                return "[" + type + " " + node.path("file_key").asText() + "]";
            case "interactive": {
                String title = node.at("/header/title/content").asText("");
                if (title.isEmpty() && node.path("type").asText().equals("template")) {
                    title = "template " + node.at("/data/template_id").asText();
                }
                return "[card" + (title.isEmpty() ? "" : ": " + title) + "]";
            }
            case "share_chat":
                return "[shared chat " + node.path("chat_id").asText() + "]";
            case "share_user":
                return "[shared user " + node.path("user_id").asText() + "]";
            default:
                return "[" + type + "] " + message.content();
        }
    }

    /** How Lark's client shows a post {@code at} element: the person's name, {@code all}, or the id it cannot resolve. */
    private String mentionedName(JsonNode at) {
        String id = at.path("user_id").asText();
        if (id.equals("all")) {
            return "all";
        }
        return users.apply(id).map(SimUser::name).orElse(at.path("user_name").asText(id));
    }

    private JsonNode parse(String content) {
        try {
            return mapper.readTree(content);
        } catch (IOException e) {
            return null;
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
