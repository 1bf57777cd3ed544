package io.github.camellark.lark.testkit.events;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The life of one pushed event at one webhook URL: the first attempt and every redelivery (all with the same
 * event id). Thread-safe; attempts are appended by the pusher's threads.
 */
public final class WebhookDelivery {

    /** Where a delivery stands. */
    public enum State {
        /** An attempt is running or a redelivery is scheduled. */
        PENDING,
        /** An attempt was acknowledged with HTTP 200 in time. */
        DELIVERED,
        /** Every attempt failed and the retry schedule is exhausted (or the pusher was closed). */
        GAVE_UP
    }

    private final LarkEvent event;
    private final URI url;
    private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<State> finished = new CompletableFuture<>();

    WebhookDelivery(LarkEvent event, URI url) {
        this.event = event;
        this.url = url;
    }

    public LarkEvent event() {
        return event;
    }

    public URI url() {
        return url;
    }

    /** Every attempt so far, in order. */
    public List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public int attemptCount() {
        return attempts.size();
    }

    public Optional<WebhookAttempt> lastAttempt() {
        List<WebhookAttempt> snapshot = attempts();
        return snapshot.isEmpty() ? Optional.empty() : Optional.of(snapshot.get(snapshot.size() - 1));
    }

    public State state() {
        return finished.getNow(State.PENDING);
    }

    public boolean isDelivered() {
        return state() == State.DELIVERED;
    }

    /** Completes with {@link State#DELIVERED} or {@link State#GAVE_UP}. */
    public CompletableFuture<State> whenFinished() {
        return finished.copy();
    }

    void record(WebhookAttempt attempt) {
        attempts.add(attempt);
    }

    void finish(State state) {
        finished.complete(state);
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + event + " -> " + url + ", " + state() + ", attempts=" + attempts.size() + "]";
    }
}
