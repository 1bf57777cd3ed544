package io.github.camellark.lark.testkit.events;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The outcome of a card click: what the app answered to the {@code card.action.trigger} callback and what Lark made of
 * it: the toast the clicker sees and the card put in place of the clicked one.
 */
public final class CardClickReply {

    /** What happened to the clicked card. */
    public enum CardUpdate {
        /** The answer carried no card ({@code {}}, a toast only, or no answer at all): the card stays as it was. */
        NONE,
        /** A shared card ({@code config.update_multi}, every JSON 2.0 card): everyone sees the new card. */
        EVERYONE,
        /** An unshared JSON 1.0 card: only the clicker sees the new card; the stored message keeps the old one. */
        CLICKER_ONLY,
        /** The answer's card could not be applied (see {@link #problem()}); the card stays as it was. */
        REFUSED
    }

    /** The toast of an answer: {@code type} ({@code info}, {@code success}, {@code error}…), text, localised texts. */
    public record Toast(String type, String content, Map<String, String> i18n) {

        public Toast {
            i18n = Map.copyOf(i18n);
        }
    }

    private final CallbackAnswer answer;
    private final JsonNode json;
    private final Toast toast;
    private final JsonNode card;
    private final CardUpdate cardUpdate;
    private final String problem;

    CardClickReply(CallbackAnswer answer, JsonNode json, Toast toast, JsonNode card, CardUpdate cardUpdate, String problem) {
        this.answer = answer;
        this.json = json == null ? MissingNode.getInstance() : json;
        this.toast = toast;
        this.card = card;
        this.cardUpdate = cardUpdate;
        this.problem = problem;
    }

    /** Whether the app answered in time (HTTP 200 / ack code 200); if not, Lark's client shows the clicker an error. */
    public boolean answered() {
        return answer.answered();
    }

    /** Why the click counts as unanswered (timeout, HTTP 500, ack code 500, nobody connected). */
    public Optional<String> failure() {
        return Optional.ofNullable(answer.failure());
    }

    /** The answer as the app sent it, {@code ""} when none. */
    public String body() {
        return answer.body();
    }

    /** The answer parsed ({@code MissingNode} when it was empty or not JSON). */
    public JsonNode json() {
        return json;
    }

    public Optional<Toast> toast() {
        return Optional.ofNullable(toast);
    }

    /** The card as Lark applied it (the {@code raw} card JSON, or the {@code template} reference). */
    public Optional<JsonNode> card() {
        return Optional.ofNullable(card);
    }

    public CardUpdate cardUpdate() {
        return cardUpdate;
    }

    /** Whether the clicker (and, for a shared card, everyone) now sees a new card. */
    public boolean cardUpdated() {
        return cardUpdate == CardUpdate.EVERYONE || cardUpdate == CardUpdate.CLICKER_ONLY;
    }

    /** Why the answer's card was refused. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return "CardClickReply[" + (answered() ? "answered " + body() : "unanswered: " + answer.failure()) + ", card " + cardUpdate
               + (problem != null ? " (" + problem + ")" : "") + "]";
    }
}
