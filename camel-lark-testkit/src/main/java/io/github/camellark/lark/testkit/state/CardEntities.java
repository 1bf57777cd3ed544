package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The card entities of CardKit and the rules every operation on one goes through, in Lark's order: the card exists
 * (200740) and is at most 14 days old (200750), at most 10 operations per second and card (Lark documents the
 * limit; the code it answers with is unverified, the simulator uses its frequency-limit code 99991400 with HTTP 429),
 * a repeated uuid is answered without applying again, and the sequence grows strictly (300317).
 */
public final class CardEntities {

    /** Lark's limit of operations per card entity and second. */
    public static final int MAX_OPERATIONS_PER_SECOND = 10;
    static final long VALID_DAYS = 14;

    private final Object lock = new Object();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, SimCardEntity> cards = new LinkedHashMap<>();
    private long nextId = 7_400_000_000_000_000_001L;

    /** Why an operation is refused: the Lark code, HTTP status and message. */
    public static final class Refusal extends RuntimeException {
        private final int status;
        private final int code;

        Refusal(int status, int code, String msg) {
            super(msg, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public int code() {
            return code;
        }
    }

    public SimCardEntity create(ObjectNode card, Instant now) {
        synchronized (lock) {
            String id = Long.toString(nextId++);
            SimCardEntity entity = new SimCardEntity(id, now, card);
            cards.put(id, entity);
            return entity;
        }
    }

    public Optional<SimCardEntity> card(String cardId) {
        synchronized (lock) {
            return Optional.ofNullable(cards.get(cardId));
        }
    }

    public List<SimCardEntity> cards() {
        synchronized (lock) {
            return new ArrayList<>(cards.values());
        }
    }

    /**
     * Applies one operation under the rules; {@code change} may throw a {@link Refusal} and changes nothing then.
     *
     * @return false when the uuid repeats the card's last operation (nothing applied, the call succeeds)
     */
    public boolean operate(String cardId, int sequence, String uuid, Instant now, Consumer<SimCardEntity> change) {
        synchronized (lock) {
            SimCardEntity card = cards.get(cardId);
            if (card == null) {
                throw new Refusal(400, 200740, "The card entity does not exist");
            }
            if (now.isAfter(card.createTime().plusSeconds(VALID_DAYS * 86_400))) {
                throw new Refusal(400, 200750, "The card entity has expired");
            }
            if (uuid != null && uuid.equals(card.lastUuid()) && sequence == card.lastSequence()) {
                return false;
            }
            if (card.overRate(now, MAX_OPERATIONS_PER_SECOND)) {
                card.refused();
                throw new Refusal(429, 99991400, "request trigger frequency limit: at most " + MAX_OPERATIONS_PER_SECOND
                        + " operations per second on one card entity");
            }
            if (sequence <= card.lastSequence()) {
                throw new Refusal(400, 300317, "The sequence number for operating on the card did not increment consecutively: "
                        + sequence + " after " + card.lastSequence());
            }
            ObjectNode before = card.mutableCard().deepCopy();
            try {
                change.accept(card);
            } catch (RuntimeException e) {
                card.replaceCard(before);
                throw e;
            }
            card.accepted(now, sequence, uuid);
            return true;
        }
    }

    /**
     * How the conversation shows a message that refers to a card entity: {@code [card: title] text (N updates)}, with
     * {@code (streaming)} while the card is in streaming mode; empty for any other content.
     */
    public Optional<String> readable(String content) {
        JsonNode node;
        try {
            node = mapper.readTree(content);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (node == null || !"card".equals(node.path("type").asText())) {
            return Optional.empty();
        }
        return card(node.at("/data/card_id").asText()).map(card -> {
            synchronized (lock) {
                String title = card.title();
                return "[card" + (title.isEmpty() ? "" : ": " + title) + "] " + card.text()
                        + (card.streamingMode() ? " (streaming)" : "")
                        + " (" + card.updates() + (card.updates() == 1 ? " update)" : " updates)");
            }
        });
    }
}
