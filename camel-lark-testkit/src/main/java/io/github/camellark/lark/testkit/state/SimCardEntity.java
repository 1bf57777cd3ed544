package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A card entity of CardKit: its Card JSON 2.0, the sequence of its last operation, and what the tests ask about it
 * (how many operations it took, how many Lark would have refused, the most operations in any one second).
 * Mutated only under the lock of {@link CardEntities}.
 */
public final class SimCardEntity {

    private final String cardId;
    private final Instant createTime;
    private ObjectNode card;
    private int lastSequence;
    private String lastUuid;
    private int updates;
    private int refusals;
    private int maxInOneSecond;
    private final Deque<Instant> lastSecond = new ArrayDeque<>();
    private final List<Integer> sequences = new ArrayList<>();

    SimCardEntity(String cardId, Instant createTime, ObjectNode card) {
        this.cardId = cardId;
        this.createTime = createTime;
        this.card = card;
    }

    public String cardId() {
        return cardId;
    }

    public Instant createTime() {
        return createTime;
    }

    /** The card as it is now (a copy). */
    public ObjectNode card() {
        return card.deepCopy();
    }

    public boolean streamingMode() {
        return card.path("config").path("streaming_mode").asBoolean(false);
    }

    /** The title of the card's header, or an empty string. */
    public String title() {
        return card.at("/header/title/content").asText("");
    }

    /** The content of the element with this element_id. */
    public Optional<String> elementText(String elementId) {
        return CardElements.find(card.path("body"), elementId).map(e -> e.element().path("content").asText());
    }

    /** The texts of every markdown and plain_text element of the body, in order. */
    public String text() {
        List<String> texts = new ArrayList<>();
        CardElements.texts(card.path("body"), texts);
        return String.join("\n", texts);
    }

    /** How many operations changed the card after it was created. */
    public int updates() {
        return updates;
    }

    /** How many operations were refused for going over Lark's 10 per second and card. */
    public int refusals() {
        return refusals;
    }

    /** The most operations the card accepted within any one second. */
    public int maxUpdatesInOneSecond() {
        return maxInOneSecond;
    }

    /** The sequences of the accepted operations, in order. */
    public List<Integer> sequences() {
        return List.copyOf(sequences);
    }

    int lastSequence() {
        return lastSequence;
    }

    String lastUuid() {
        return lastUuid;
    }

    ObjectNode mutableCard() {
        return card;
    }

    /** The live card, for an operation that {@link CardEntities#operate} applies under its lock. */
    public ObjectNode mutableCardView() {
        return card;
    }

    /** Replaces the card, within an operation that {@link CardEntities#operate} applies under its lock. */
    public void replaceCard(ObjectNode newCard) {
        this.card = newCard;
    }

    /** Whether one more operation now would exceed {@code perSecond}. */
    boolean overRate(Instant now, int perSecond) {
        while (!lastSecond.isEmpty() && Duration.between(lastSecond.peekFirst(), now).toMillis() >= 1000) {
            lastSecond.pollFirst();
        }
        return lastSecond.size() >= perSecond;
    }

    void refused() {
        refusals++;
    }

    void accepted(Instant now, int sequence, String uuid) {
        lastSecond.addLast(now);
        maxInOneSecond = Math.max(maxInOneSecond, lastSecond.size());
        lastSequence = sequence;
        lastUuid = uuid;
        sequences.add(sequence);
        updates++;
    }

    /** The elements array the body holds, within an operation applied under the lock. */
    public ArrayNode bodyElementsView() {
        JsonNode body = card.path("body");
        if (!body.isObject()) {
            body = card.putObject("body");
        }
        JsonNode elements = body.path("elements");
        return elements.isArray() ? (ArrayNode) elements : ((ObjectNode) body).putArray("elements");
    }
}
