package io.github.camellark.lark.testkit.state;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ephemeral cards and the tokens card-action callbacks carry. Part of {@link SimulatorState}. */
final class CardStore {

    /** How long a card token can update its card, and how many times. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final int TOKEN_USES = 2;

    private final StateContext context;
    private final Map<String, SimEphemeralCard> ephemerals = new LinkedHashMap<>();
    private final Map<String, CardToken> cardTokens = new LinkedHashMap<>();

    CardStore(StateContext context) {
        this.context = context;
    }

    void clear() {
        ephemerals.clear();
        cardTokens.clear();
    }

    SimEphemeralCard sendEphemeral(SimChat chat, SimUser user, String cardJson) {
        synchronized (context.lock) {
            SimEphemeralCard card = new SimEphemeralCard(context.ids.messageId(), chat.chatId(), user, cardJson, context.now(), false);
            ephemerals.put(card.messageId(), card);
            return card;
        }
    }

    Optional<SimEphemeralCard> ephemeralCard(String messageId) {
        synchronized (context.lock) {
            return Optional.ofNullable(ephemerals.get(messageId));
        }
    }

    void deleteEphemeral(String messageId) {
        synchronized (context.lock) {
            ephemerals.computeIfPresent(messageId, (id, card) -> card.asDeleted());
        }
    }

    List<SimEphemeralCard> ephemeralCards() {
        synchronized (context.lock) {
            return List.copyOf(ephemerals.values());
        }
    }

    CardToken issueCardToken(SimMessage message, SimUser user) {
        synchronized (context.lock) {
            CardToken token = new CardToken(context.ids.cardToken(), message.messageId(), user == null ? null : user.openId(),
                    context.now(), TOKEN_USES);
            cardTokens.put(token.token(), token);
            return token;
        }
    }

    Optional<CardToken> useCardToken(String token) {
        synchronized (context.lock) {
            CardToken current = cardTokens.get(token);
            if (current == null || current.usesLeft() <= 0 || current.issuedAt().plus(TOKEN_LIFETIME).isBefore(context.now())) {
                return Optional.empty();
            }
            CardToken used = current.used();
            cardTokens.put(token, used);
            return Optional.of(used);
        }
    }
}
