package io.github.camellark.lark.testkit.ws;

import java.time.Instant;

/**
 * One try at handing an event to a client over the long connection.
 *
 * @param number       1 for the first push, 2 for the first redelivery, ...
 * @param connectionId the {@code device_id} it went to, or null when no client was connected
 * @param messageId    the {@code message_id} header of its frames (fresh per attempt; whether Lark reuses it on
 *                     redelivery is unverified, the {@code event_id} inside stays the same)
 * @param outcome      how it ended
 * @param ack          the ack that ended it, or null
 */
public record WsAttempt(int number, String connectionId, String messageId, Instant sentAt, Outcome outcome, WsAck ack) {

    /** How an attempt ended. */
    public enum Outcome {
        /** Frames sent, waiting for the ack. */
        PENDING,
        /** Acked with code 200. */
        ACKED,
        /** Acked with another code (500: the client's handler failed). */
        FAILED,
        /** No ack within the ack timeout (3 s at Lark). */
        NO_ACK,
        /** The connection closed before the ack came. */
        CONNECTION_LOST,
        /** No client connected ("app not online" in Lark's log). */
        OFFLINE
    }

    WsAttempt ended(Outcome newOutcome, WsAck withAck) {
        return new WsAttempt(number, connectionId, messageId, sentAt, newOutcome, withAck);
    }
}
