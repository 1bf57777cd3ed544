package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** An interactive card given as its whole JSON (a Map, a Jackson node or JSON text), sent as it is. */
final class CardContent implements LarkContent {

    private final Object card;

    CardContent(Map<String, ?> card) {
        this.card = new LinkedHashMap<>(requireCard(card));
    }

    CardContent(JsonNode card) {
        this.card = requireCard(card).deepCopy();
    }

    CardContent(String cardJson) {
        this.card = KeyedContent.requireText("card JSON", cardJson);
    }

    private static <T> T requireCard(T card) {
        if (card == null) {
            throw new IllegalArgumentException("Lark card must not be null");
        }
        return card;
    }

    @Override
    public String msgType() {
        return MsgType.INTERACTIVE;
    }

    @Override
    public Object content() {
        return card;
    }

    @Override
    public String toString() {
        return msgType() + "[card]";
    }
}
