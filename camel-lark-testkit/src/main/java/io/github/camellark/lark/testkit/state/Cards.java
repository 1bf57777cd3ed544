package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;

/** Facts about card JSON that more than one Lark operation depends on. */
public final class Cards {

    private Cards() {
    }

    /**
     * Whether a card is shared ({@code config.update_multi}): an update of a shared card is seen by everyone, of an
     * unshared one only by the user who clicked. JSON 2.0 cards are shared by default, 1.0 cards must opt in;
     * template and card-entity references carry their config elsewhere and count as shared.
     */
    public static boolean isShared(JsonNode card) {
        String type = card.path("type").asText("");
        if (type.equals("template") || type.equals("card")) {
            return true;
        }
        JsonNode updateMulti = card.at("/config/update_multi");
        return updateMulti.isMissingNode() ? "2.0".equals(card.path("schema").asText()) : updateMulti.asBoolean(false);
    }
}
