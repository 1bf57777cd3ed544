package io.github.camellark.lark.event;

import java.util.concurrent.CompletableFuture;

/**
 * What both transports hand every received event to: parse the envelope, classify it, filter, order and dedupe it,
 * route it, and decide how Lark is answered. Transports only move bytes; they never look inside events.
 * <p>
 * The contract with a transport:
 * <ul>
 * <li>Call {@link #process} on the thread that received the event (a socket callback or an event loop is fine): it
 * parses and queues, never blocks and never runs the route. It owns the one hand-off to a routing thread.</li>
 * <li>Call it in the order Lark sent the events (one call at a time per connection), since that is the order the
 * events of one chat reach the route.</li>
 * <li>Answer Lark when the returned future completes: on a routing thread (the route finished, or the event was a
 * duplicate: the idempotent repository, maybe a database, is asked there), on the deadline thread (the route is slower
 * than the deadline), or before {@code process} returns (challenges, filtered, stale, full, stopping). Whatever the
 * transport does in that callback must not block: it runs on one of those threads.</li>
 * <li>A transport that can stop reading (the WebSocket) does so while {@link #accepting()} is false, and reads again
 * when {@link #onceAccepting} calls back. One that cannot (the webhook) answers {@link EventAck#overloaded()} events with
 * 503.</li>
 * </ul>
 */
public interface EventPipeline {

    /**
     * Processes one plaintext event envelope (already decrypted and authenticated by the transport).
     *
     * @return completes when Lark must be answered: when the route finished, or when the deadline is reached first
     */
    CompletableFuture<EventAck> process(byte[] envelope);

    /** Processes an envelope the transport already parsed (the webhook parses to authenticate); by default from its JSON. */
    default CompletableFuture<EventAck> process(EventEnvelope envelope) {
        return process(envelope.rawBytes());
    }

    /** Whether an event processed now would find room; when false it would be answered {@link EventAck#overloaded()}. */
    default boolean accepting() {
        return true;
    }

    /** Calls {@code resume} once, when the pipeline has caught up with half its queues (at once if it has). */
    default void onceAccepting(Runnable resume) {
        resume.run();
    }
}
