package io.github.camellark.lark.event;

import java.util.Map;

import io.github.camellark.lark.LarkEventOrder;

import static io.github.camellark.lark.event.EventEnvelope.path;

/**
 * The key that orders an event: its chat (messages, reactions, chat and member events, card clicks), else the user
 * who caused it, else none (such events are routed in parallel with everything).
 */
final class OrderingKey {

    private OrderingKey() {
    }

    static String of(EventEnvelope envelope, LarkEventOrder order) {
        if (order == LarkEventOrder.none) {
            return null;
        }
        Map<String, Object> event = envelope.event();
        String chat = firstOf(path(event, "message", "chat_id"), path(event, "chat_id"),
                path(event, "context", "open_chat_id"), path(event, "open_chat_id"));
        if (chat != null) {
            return chat;
        }
        String sender = firstOf(path(event, "sender", "sender_id", "open_id"), path(event, "operator", "open_id"),
                path(event, "user_id", "open_id"), path(event, "operator_id", "open_id"), path(event, "open_id"));
        return sender == null ? null : "sender:" + sender;
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
