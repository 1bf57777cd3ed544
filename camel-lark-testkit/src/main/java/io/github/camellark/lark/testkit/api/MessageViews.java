package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.state.Mention;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.util.List;
import java.util.Map;

/** Lark's {@code message} object (Lark's im/v1 message API) for a stored message. */
final class MessageViews {

    /** What Lark shows instead of the content of a recalled message. */
    static final String RECALLED_CONTENT = "This message was recalled";

    private final SimulatorState state;

    MessageViews(SimulatorState state) {
        this.state = state;
    }

    Map<String, Object> json(SimMessage m) {
        return json(m, "open_id");
    }

    /** The message object; mention ids are given in {@code userIdType}. */
    Map<String, Object> json(SimMessage m, String userIdType) {
        Json.Obj json = Json.obj()
                .put("message_id", m.messageId())
                .putIfPresent("root_id", m.rootId())
                .putIfPresent("parent_id", m.parentId())
                .putIfPresent("thread_id", m.threadId())
                .put("msg_type", m.msgType())
                .put("create_time", Requests.millis(m.createTime()))
                .put("update_time", Requests.millis(m.updateTime()))
                .put("deleted", m.deleted())
                .put("updated", m.updated())
                .put("chat_id", m.chatId())
                .put("sender", m.sender().toSenderJson(state.tenantKey()))
                .put("body", Map.of("content", m.deleted() ? RECALLED_CONTENT : m.content()));
        if (!m.mentions().isEmpty() && !m.deleted()) {
            json.put("mentions", m.mentions().stream().map(mention -> mentionJson(mention, userIdType)).toList());
        }
        json.putIfPresent("upper_message_id", m.upperMessageId());
        return json.map();
    }

    private Map<String, Object> mentionJson(Mention mention, String userIdType) {
        String id = state.user("open_id", mention.openId()).map(u -> idOf(u, userIdType)).orElse(mention.openId());
        return Json.obj()
                .put("key", mention.key())
                .put("id", id)
                .put("id_type", userIdType)
                .put("name", mention.name())
                .put("tenant_key", state.tenantKey())
                .map();
    }

    static String idOf(SimUser user, String userIdType) {
        return user.id(userIdType == null ? "open_id" : userIdType);
    }

    List<Map<String, Object>> json(List<SimMessage> messages, String userIdType) {
        return messages.stream().map(m -> json(m, userIdType)).toList();
    }
}
