package io.github.camellark.lark.testkit.events;

/**
 * A way Lark hands an event to the app: a webhook URL or the WebSocket long connection. The simulator
 * uses it when a simulated user does something (types in a chat, clicks a card button).
 */
@FunctionalInterface
public interface EventDelivery {

    /** Starts the delivery of {@code event}; returns at once, delivery and redeliveries happen in the background. */
    void deliver(LarkEvent event);
}
