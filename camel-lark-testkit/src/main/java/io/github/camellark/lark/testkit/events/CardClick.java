package io.github.camellark.lark.testkit.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camellark.lark.testkit.state.SimMessage;

/**
 * A user's click on a card button, as returned by {@link SimulatorEvents#clickCard}: the pushed
 * {@code card.action.trigger} and, once the app has answered, the {@link CardClickReply}. By the time the reply
 * completes, the simulator has applied it: toast recorded, card replaced.
 *
 * <pre>{@code
 * CardClick click = sim.events().clickCard(bob, card, Map.of("op", "approve"));
 * CardClickReply reply = click.awaitReply(Duration.ofSeconds(5));
 * assertThat(reply.toast()).map(Toast::content).contains("Approved");
 * assertThat(reply.cardUpdated()).isTrue();
 * }</pre>
 */
public final class CardClick {

    private final LarkEvent event;
    private final SimMessage card;
    private final CompletableFuture<CardClickReply> reply;

    CardClick(LarkEvent event, SimMessage card, CompletableFuture<CardClickReply> reply) {
        this.event = event;
        this.card = card;
        this.reply = reply;
    }

    /** The pushed {@code card.action.trigger} (what {@code clickCard} used to return). */
    public LarkEvent event() {
        return event;
    }

    /** The clicked card message (its content is the card as currently stored). */
    public SimMessage card() {
        return card;
    }

    /** The delayed-update token ({@code c-…}) the event carries. */
    public String token() {
        return event.event().path("token").asText();
    }

    /** Completes once the app answered (or failed to) and the answer was applied. */
    public CompletableFuture<CardClickReply> reply() {
        return reply.copy();
    }

    public boolean isAnswered() {
        return reply.isDone();
    }

    /**
     * Waits for the outcome of the click. An app that does not answer within Lark's budget (3 s by default) gives an
     * unanswered reply, not an exception; only a delivery still pending after {@code timeout} throws.
     */
    public CardClickReply awaitReply(Duration timeout) {
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the click on " + card.messageId() + " was still pending after " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying the answer to the click on " + card.messageId() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer to a click on " + card.messageId(), e);
        }
    }

    @Override
    public String toString() {
        return "CardClick[" + event + " on " + card.messageId() + (reply.isDone() ? ", answered" : ", pending") + "]";
    }
}
