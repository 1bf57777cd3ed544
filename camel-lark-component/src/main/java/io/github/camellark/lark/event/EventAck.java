package io.github.camellark.lark.event;

/**
 * How to answer Lark for one event. A failure makes Lark redeliver; card callbacks carry the route's reply
 * ({@code {toast, card}} JSON) that Lark shows to the user.
 *
 * @param success      whether Lark should consider the event delivered (HTTP 200 / ack code 200)
 * @param callbackBody JSON reply body for card callbacks and challenges; null when there is nothing to say
 */
public record EventAck(boolean success, byte[] callbackBody) {

    public static EventAck delivered() {
        return new EventAck(true, null);
    }

    public static EventAck failed() {
        return new EventAck(false, null);
    }

    public static EventAck reply(byte[] body) {
        return new EventAck(true, body);
    }
}
