package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How to answer Lark for one event. A failure makes Lark redeliver; card callbacks carry the route's reply
 * ({@code {toast, card}} JSON) that Lark shows to the user.
 *
 * @param success      whether Lark should consider the event delivered (HTTP 200 / ack code 200)
 * @param callbackBody JSON reply body for card callbacks and challenges; null when there is nothing to say
 * @param busy         a failure because the consumer is full (webhook: 503 instead of 500); Lark redelivers later
 */
public record EventAck(boolean success, byte[] callbackBody, boolean busy) {

    /** The reply to a card callback that leaves the card as it is: no toast, no new card. */
    static final byte[] KEEP_CARD = "{}".getBytes(StandardCharsets.UTF_8);

    public static EventAck delivered() {
        return new EventAck(true, null, false);
    }

    public static EventAck failed() {
        return new EventAck(false, null, false);
    }

    /** Not taken: the event queues are full. Lark redelivers it later, when the consumer has caught up. */
    public static EventAck overloaded() {
        return new EventAck(false, null, true);
    }

    public static EventAck reply(byte[] body) {
        return new EventAck(true, body, false);
    }

    /** Whether Lark gets something to show or check: a challenge, or a card reply other than "keep the card". */
    public boolean hasReply() {
        return callbackBody != null && !Arrays.equals(callbackBody, KEEP_CARD);
    }
}
