package io.github.camellark.lark.event;


import io.github.camellark.lark.LarkEventOrder;


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
        String chat = envelope.orderingChat();
        if (chat != null) {
            return chat;
        }
        String sender = envelope.orderingSender();
        return sender == null ? null : "sender:" + sender;
    }
}
