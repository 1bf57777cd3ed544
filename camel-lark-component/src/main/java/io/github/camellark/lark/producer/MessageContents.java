package io.github.camellark.lark.producer;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.MsgType;

/**
 * Reads the content of a message from an exchange body:
 * <ul>
 * <li>a {@link LarkContent} carries its own msg_type;</li>
 * <li>a {@code String} is a text message, unless msgType names another type: then it is that type's content as JSON
 * (a card, a post ...), passed through;</li>
 * <li>a {@code Map} or Jackson node is the content of msgType; without msgType a map holding {@code text} is a text
 * message and anything else is refused (Lark would refuse it too);</li>
 * <li>a Map holding both {@code msg_type} and {@code content} is a whole request: its content and msg_type are used
 * (the msgType option/header still wins);</li>
 * <li>anything else is converted to a String first.</li>
 * </ul>
 */
public final class MessageContents {

    private MessageContents() {
    }

    /** The content of the exchange body; {@code forcedMsgType} (e.g. interactive for card updates) may be null. */
    public static LarkContent of(LarkCall call, String forcedMsgType) {
        Object body = call.body();
        if (body instanceof LarkContent) {
            return (LarkContent) body;
        }
        String msgType = forcedMsgType != null ? forcedMsgType : call.param(LarkParam.MSG_TYPE);
        if (body instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) body;
            if (isWholeRequest(map)) {
                // the content of a whole request is the content JSON (string or object), never a bare text
                return LarkContent.of(msgType != null ? msgType : map.get("msg_type").toString(), map.get("content"));
            }
            return LarkContent.of(msgTypeOfObject(call, msgType, map.containsKey("text")), map);
        }
        if (body instanceof JsonNode) {
            return LarkContent.of(msgTypeOfObject(call, msgType, ((JsonNode) body).has("text")), body);
        }
        String text = body instanceof String ? (String) body : call.body(String.class);
        if (text == null) {
            throw new IllegalArgumentException("lark " + call.operationName() + " needs a message in the body: a String (text), a"
                                               + " LarkContent, or a Map/JSON content with msgType; the body is empty");
        }
        return fromString(call, msgType == null ? MsgType.TEXT : msgType, text);
    }

    /** Whether a Map body is a whole message request ({@code msg_type} + {@code content}) rather than a content. */
    public static boolean isWholeRequest(Map<?, ?> body) {
        return body.get("msg_type") != null && body.get("content") != null;
    }

    private static LarkContent fromString(LarkCall call, String msgType, String content) {
        if (MsgType.TEXT.equals(msgType)) {
            return LarkContent.text(content);
        }
        if (!content.trim().startsWith("{")) {
            throw new IllegalArgumentException("lark " + call.operationName() + ": a String body with msgType " + msgType
                                               + " must be the JSON of the " + msgType + " content (or use a LarkContent)");
        }
        return LarkContent.of(msgType, content);
    }

    private static String msgTypeOfObject(LarkCall call, String msgType, boolean hasText) {
        if (msgType != null) {
            return msgType;
        }
        if (hasText) {
            return MsgType.TEXT;
        }
        throw new IllegalArgumentException("lark " + call.operationName() + " cannot tell the msg_type of a Map/JSON body: set the"
                                           + " option 'msgType' or the header 'CamelLarkMsgType', or send a LarkContent");
    }
}
