package io.github.camellark.lark.testkit.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.testkit.ConversationLine;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.events.CardClickReply;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.events.WebhookDelivery;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimDepartment;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.ws.WsAttempt;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;

/** The JSON shapes of the control API: plain maps with snake_case keys, times as ISO-8601 strings. */
final class ControlViews {

    private ControlViews() {
    }

    static Map<String, Object> user(SimUser user) {
        return object("name", user.name(), "open_id", user.openId(), "union_id", user.unionId(), "user_id", user.userId(),
                "email", user.email());
    }

    static Map<String, Object> department(SimDepartment department, List<SimUser> members) {
        return object("name", department.name(), "open_department_id", department.openDepartmentId(),
                "department_id", department.departmentId(), "parent_open_department_id", department.parentOpenDepartmentId(),
                "members", members.stream().map(SimUser::openId).toList());
    }

    static Map<String, Object> chat(SimChat chat) {
        return object("chat_id", chat.chatId(), "name", chat.name(), "chat_mode", chat.chatMode(),
                "owner", chat.owner().id(), "bot_is_member", chat.botIsMember(),
                "members", chat.members().stream().map(SimUser::openId).toList());
    }

    static Map<String, Object> message(SimMessage message) {
        return object("message_id", message.messageId(), "chat_id", message.chatId(), "sender", message.sender().id(),
                "sender_type", message.sender().kind().name().toLowerCase(java.util.Locale.ROOT),
                "msg_type", message.msgType(), "content", message.content(), "parent_id", message.parentId(),
                "thread_id", message.threadId(), "deleted", message.deleted(), "create_time", message.createTime().toString());
    }

    static Map<String, Object> reaction(SimReaction reaction) {
        return object("reaction_id", reaction.reactionId(), "message_id", reaction.messageId(),
                "emoji_type", reaction.emojiType(), "operator", reaction.operator().id());
    }

    static Map<String, Object> line(ConversationLine line) {
        return object("time", line.time().toString(), "chat_id", line.chatId(), "chat", line.chat(),
                "message_id", line.messageId(), "sender", line.sender(),
                "sender_type", line.senderKind().name().toLowerCase(java.util.Locale.ROOT), "msg_type", line.msgType(),
                "text", line.text(), "recalled", line.recalled(), "edited", line.edited(), "reply_to", line.replyTo(),
                "thread_id", line.threadId());
    }

    static Map<String, Object> request(RecordedRequest request) {
        return object("method", request.method(), "path", request.path(), "query", request.query(),
                "status", request.status(), "code", request.code(), "body", request.json(),
                "reply", request.responseJson(), "log_id", request.logId(), "time", request.time().toString());
    }

    static Map<String, Object> event(LarkEvent event) {
        return object("event_id", event.id(), "event_type", event.type(), "body", event.json());
    }

    static Map<String, Object> webhookDelivery(WebhookDelivery delivery) {
        return object("event_id", delivery.event().id(), "event_type", delivery.event().type(), "url", delivery.url().toString(),
                "state", delivery.state().name(), "attempts", delivery.attempts().stream().map(ControlViews::webhookAttempt).toList());
    }

    private static Map<String, Object> webhookAttempt(WebhookAttempt attempt) {
        return object("number", attempt.number(), "outcome", attempt.outcome().name(), "status", attempt.status(),
                "latency_ms", attempt.latency().toMillis(), "response_body", attempt.responseBody(),
                "started_at", attempt.startedAt().toString());
    }

    static Map<String, Object> wsDelivery(WsDelivery delivery) {
        return object("event_id", delivery.event().id(), "event_type", delivery.event().type(), "state", delivery.state().name(),
                "attempts", delivery.attempts().stream().map(ControlViews::wsAttempt).toList());
    }

    private static Map<String, Object> wsAttempt(WsAttempt attempt) {
        return object("number", attempt.number(), "connection_id", attempt.connectionId(), "outcome", attempt.outcome().name(),
                "ack_code", attempt.ack() == null ? null : attempt.ack().code(),
                "ack_data", attempt.ack() == null ? null : attempt.ack().callbackReply(), "sent_at", attempt.sentAt().toString());
    }

    static Map<String, Object> connection(WsConnection connection) {
        return object("connection_id", connection.id(), "open", connection.isOpen(), "silent", connection.isSilent(),
                "pings", connection.pingsReceived(), "opened_at", connection.openedAt().toString(),
                "close_code", connection.isOpen() ? null : connection.closeCode());
    }

    static Map<String, Object> clickReply(CardClickReply reply, SimMessage card) {
        return object("answered", reply.answered(), "failure", reply.failure().orElse(null),
                "toast", reply.toast().map(t -> object("type", t.type(), "content", t.content())).orElse(null),
                "card_update", reply.cardUpdate().name(), "problem", reply.problem().orElse(null), "body", reply.body(),
                "card", card.content());
    }

    static Map<String, Object> activity(Activity activity) {
        return object("kind", activity.kind(), "target_id", activity.targetId(), "ids", activity.ids(),
                "detail", activity.detail(), "at", activity.at().toString());
    }

    /** An ordered map from alternating keys and values; null values are kept (as JSON null). */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
