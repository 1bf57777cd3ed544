package io.github.camellark.lark.testkit.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.testkit.events.LarkEvent;

/**
 * The life of one event pushed over the long connection: every attempt (redeliveries carry the same event id)
 * and every ack. Thread-safe.
 */
public final class WsDelivery {

    /** Where a delivery stands. */
    public enum State {
        /** Waiting for an ack or for a scheduled redelivery. */
        PENDING,
        /** A client acked it with code 200. */
        DELIVERED,
        /** Every attempt failed and the retry schedule is exhausted (or the server was closed). */
        GAVE_UP
    }

    private final LarkEvent event;
    private final WsPush push;
    private final List<WsAttempt> attempts = new ArrayList<>();
    private final List<WsAck> acks = new ArrayList<>();
    private final CompletableFuture<State> finished = new CompletableFuture<>();

    WsDelivery(LarkEvent event, WsPush push) {
        this.event = event;
        this.push = push;
    }

    public LarkEvent event() {
        return event;
    }

    public WsPush push() {
        return push;
    }

    public synchronized List<WsAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized int attemptCount() {
        return attempts.size();
    }

    /** Every ack received for any attempt, in arrival order (late acks of timed-out attempts included). */
    public synchronized List<WsAck> acks() {
        return List.copyOf(acks);
    }

    /** The decoded {@code data} of the first 200 ack: a card callback's reply. */
    public synchronized Optional<String> callbackReply() {
        return acks.stream().filter(WsAck::ok).findFirst().map(WsAck::callbackReply);
    }

    public State state() {
        return finished.getNow(State.PENDING);
    }

    public boolean isDelivered() {
        return state() == State.DELIVERED;
    }

    public CompletableFuture<State> whenFinished() {
        return finished.copy();
    }

    synchronized int addAttempt(WsAttempt attempt) {
        attempts.add(attempt);
        return attempts.size() - 1;
    }

    /** Ends the attempt with this message id if it is still pending; returns it, or null if it had already ended. */
    synchronized WsAttempt endAttempt(String messageId, WsAttempt.Outcome outcome, WsAck ack) {
        for (int i = 0; i < attempts.size(); i++) {
            WsAttempt attempt = attempts.get(i);
            if (attempt.messageId() != null && attempt.messageId().equals(messageId)) {
                if (attempt.outcome() != WsAttempt.Outcome.PENDING) {
                    return null;
                }
                WsAttempt ended = attempt.ended(outcome, ack);
                attempts.set(i, ended);
                return ended;
            }
        }
        return null;
    }

    synchronized void addAck(WsAck ack) {
        acks.add(ack);
    }

    void finish(State state) {
        finished.complete(state);
    }

    @Override
    public String toString() {
        return "WsDelivery[" + event + ", " + state() + ", attempts=" + attemptCount() + "]";
    }
}
