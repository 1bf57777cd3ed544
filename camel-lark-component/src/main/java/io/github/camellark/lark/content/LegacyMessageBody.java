package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The older message form used by {@code POST /open-apis/message/v4/batch_send/} and by group custom-bot webhooks:
 * {@code content} is a JSON <em>object</em> (not a string), a post is wrapped in {@code {"post":{...}}}, a shared chat is
 * {@code share_chat_id}, and a card goes into {@code card} instead of {@code content}. Only text, post, image,
 * share_chat and interactive exist in this form.
 */
public final class LegacyMessageBody {

    private LegacyMessageBody() {
    }

    /** A content or card given as JSON text becomes the object this form wants; other values are kept as they are. */
    public static Object asObject(String msgType, Object value, ObjectMapper mapper) {
        return value instanceof String ? ContentJson.toMap(LarkContent.of(msgType, value), mapper) : value;
    }

    /** {@code {"msg_type": ..., "content": {...}}} or {@code {"msg_type":"interactive","card":{...}}}. */
    public static Map<String, Object> of(LarkContent content, ObjectMapper mapper) {
        String msgType = content.msgType();
        Map<String, Object> object = new LinkedHashMap<>(ContentJson.toMap(content, mapper));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", msgType);
        switch (msgType) {
            case MsgType.TEXT:
            case MsgType.IMAGE:
                body.put("content", object);
                break;
            case MsgType.POST:
                body.put("content", object.size() == 1 && object.containsKey("post") ? object : Map.of("post", object));
                break;
            case MsgType.SHARE_CHAT:
                Object chatId = object.containsKey("share_chat_id") ? object.get("share_chat_id") : object.get("chat_id");
                if (chatId == null || chatId.toString().isBlank()) {
                    throw new IllegalArgumentException("Lark share_chat content needs chat_id");
                }
                body.put("content", Map.of("share_chat_id", chatId));
                break;
            case MsgType.INTERACTIVE:
                body.put("card", object);
                break;
            default:
                throw new IllegalArgumentException("msg_type " + msgType + " cannot be sent here: batch messages and custom bots"
                                                   + " take text, post, image, share_chat or interactive");
        }
        return body;
    }
}
