package io.github.camellark.lark.content;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The content of one Lark message together with its {@code msg_type}: the body to give {@code lark:message} when the
 * message is more than a plain text. Build it with the factories here, for example
 * {@code LarkContent.text("disk full").mention("ou_1", "Tom")}, {@code LarkContent.post().title("Deploy").line("done")},
 * {@code LarkContent.card(cardMap)} or {@code LarkContent.template("AAq...").variable("host", "h1")}.
 * <p>
 * The component serialises {@link #content()} to the JSON string that Lark's im/v1 APIs expect (see
 * {@link ContentJson}) and to the object form of batch messages and custom bots (see {@link LegacyMessageBody}).
 */
public interface LarkContent {

    /** The Lark {@code msg_type}: text, post, image, file, audio, media, sticker, interactive, share_chat, share_user or system. */
    String msgType();

    /** The content object: a Map, a Jackson {@link JsonNode}, or a String holding the JSON of the content. */
    Object content();

    // ---- factories -------------------------------------------------------------------------------

    /** A text message; append mentions with {@link TextContent#mention(String, String)}. */
    static TextContent text(String text) {
        return new TextContent(text);
    }

    /** A rich-text post whose first locale is zh_cn; switch with {@link PostContent#locale(String)}. */
    static PostContent post() {
        return new PostContent(PostContent.ZH_CN);
    }

    /** A rich-text post whose first locale is the given one (zh_cn, en_us or ja_jp). */
    static PostContent post(String locale) {
        return new PostContent(locale);
    }

    /** An image uploaded with {@code lark:image} ({@code image_type=message}). */
    static LarkContent image(String imageKey) {
        return KeyedContent.of(MsgType.IMAGE, "image_key", imageKey);
    }

    /** A file uploaded with {@code lark:file}. */
    static LarkContent file(String fileKey) {
        return KeyedContent.of(MsgType.FILE, "file_key", fileKey);
    }

    /** A voice message: an opus file uploaded with {@code lark:file?fileType=opus}. */
    static LarkContent audio(String fileKey) {
        return KeyedContent.of(MsgType.AUDIO, "file_key", fileKey);
    }

    /** A video: an mp4 file uploaded with {@code lark:file?fileType=mp4}; add a cover with {@link MediaContent#cover(String)}. */
    static MediaContent media(String fileKey) {
        return new MediaContent(fileKey);
    }

    /** A sticker the bot has received before. */
    static LarkContent sticker(String fileKey) {
        return KeyedContent.of(MsgType.STICKER, "file_key", fileKey);
    }

    /** A card inviting to join a group chat (oc_...); the bot must be in it. */
    static LarkContent shareChat(String chatId) {
        return KeyedContent.of(MsgType.SHARE_CHAT, "chat_id", chatId);
    }

    /** A card of a user's profile (open_id only). */
    static LarkContent shareUser(String openId) {
        return KeyedContent.of(MsgType.SHARE_USER, "user_id", openId);
    }

    /** An interactive card given as its JSON (1.0 or 2.0 schema), as a Map. */
    static LarkContent card(Map<String, ?> card) {
        return new CardContent(card);
    }

    /** An interactive card given as its JSON (1.0 or 2.0 schema), as a Jackson node. */
    static LarkContent card(JsonNode card) {
        return new CardContent(card);
    }

    /** An interactive card given as its JSON text (1.0 or 2.0 schema), passed through as it is. */
    static LarkContent card(String cardJson) {
        return new CardContent(cardJson);
    }

    /** An interactive card built from a template of the card builder (the latest published version unless one is set). */
    static TemplateCard template(String templateId) {
        return new TemplateCard(templateId);
    }

    /**
     * An interactive message that shows a card entity created with {@code lark:cardkit?operation=create}:
     * {@code {"type":"card","data":{"card_id":"..."}}}. Lark sends an entity only once, and only for the app that created it.
     */
    static LarkContent cardEntity(String cardId) {
        Map<String, Object> data = Map.of("card_id", KeyedContent.requireText("card_id", cardId));
        return new RawContent(MsgType.INTERACTIVE, Map.of("type", "card", "data", data));
    }

    /** A system divider ("New session") in a bot-to-user chat; needs the im:message:send_sys_msg scope. */
    static SystemContent systemDivider(String text) {
        return new SystemContent(text);
    }

    /** Any content given as an object (Map, Jackson node or JSON String) for the given msg_type. */
    static LarkContent of(String msgType, Object content) {
        return new RawContent(msgType, content);
    }
}
