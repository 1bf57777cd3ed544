package io.github.camellark.lark.testkit.events;

import java.util.concurrent.CompletableFuture;

/**
 * A way Lark hands an event to the app: a webhook URL or the WebSocket long connection. The simulator
 * uses it when a simulated user does something (types in a chat, clicks a card button).
 */
@FunctionalInterface
public interface EventDelivery {

    /** Starts the delivery of {@code event}; returns at once, delivery and redeliveries happen in the background. */
    void deliver(LarkEvent event);

    /**
     * Starts the delivery of a callback ({@code card.action.trigger}) and completes with the app's answer, which the
     * simulator then applies (toast, card update). Deliveries that cannot carry an answer complete as unanswered.
     */
    default CompletableFuture<CallbackAnswer> deliverCallback(LarkEvent event) {
        deliver(event);
        return CompletableFuture.completedFuture(CallbackAnswer.unanswered(this + " does not report callback answers"));
    }
}
