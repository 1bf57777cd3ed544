package io.github.camellark.lark.testkit.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camellark.lark.testkit.events.CardClickReply.CardUpdate;
import io.github.camellark.lark.testkit.events.CardClickReply.Toast;
import io.github.camellark.lark.testkit.state.Cards;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimulatorState;

/**
 * Does what Lark does with the app's answer to a card click: shows the toast to the clicker
 * (recorded as activity {@code card_toast}) and puts the answer's card in place of the clicked one (activity
 * {@code card_callback_update}; the stored message changes for a shared card).
 * <ul>
 * <li>{@code card.action.trigger}: {@code {"toast":{...},"card":{"type":"raw","data":{card}}}} or
 *     {@code "card":{"type":"template","data":{"template_id",...}}}; {@code {}} or no {@code card} keeps the card.
 *     Which other {@code card.type} values Lark accepts (third-party code sends {@code card_json}) is unverified:
 *     they are refused here.</li>
 * <li>{@code card.action.trigger_v1} (old card URL): the answer is the new card itself; {@code {"msg":...}} or an
 *     empty body keeps the card. The old toast shape is unverified and not read.</li>
 * </ul>
 * What Lark's client shows for a refused card (error 200340 or similar) is unverified; the reply says why.
 */
final class CardCallbacks {

    /** Lark's limit for card content. */
    private static final int MAX_CARD_BYTES = 30 * 1024;

    private final SimulatorState state;

    CardCallbacks(SimulatorState state) {
        this.state = state;
    }

    CardClickReply apply(SimMessage message, LarkEvent click, CallbackAnswer answer) {
        if (!answer.answered()) {
            return new CardClickReply(answer, null, null, null, CardUpdate.NONE, null);
        }
        boolean legacy = click.schema() == LarkEvent.Schema.LEGACY_CARD;
        String clicker = legacy ? click.event().path("open_id").asText() : click.event().at("/operator/open_id").asText();
        JsonNode json = parse(answer.body());
        Toast toast = legacy ? null : toast(json.path("toast"));
        if (toast != null) {
            state.record("card_toast", message.messageId(), List.of(clicker), json.path("toast").toString());
        }
        JsonNode requested = legacy ? legacyCard(json) : json.path("card");
        if (requested.isMissingNode() || requested.isNull() || requested.isObject() && requested.isEmpty()) {
            return new CardClickReply(answer, json, toast, null, CardUpdate.NONE, null);
        }
        JsonNode card;
        try {
            card = legacy ? requested : newCard(requested);
            check(message, card);
        } catch (IllegalArgumentException refused) {
            return new CardClickReply(answer, json, toast, null, CardUpdate.REFUSED, refused.getMessage());
        }
        String cardJson = card.toString();
        // sharing is a property of the sent card: an unshared 1.0 card changes for the clicker only
        if (Cards.isShared(parse(message.content()))) {
            state.replaceCard(message, cardJson);
            state.record("card_callback_update", message.messageId(), List.of(), cardJson);
            return new CardClickReply(answer, json, toast, card, CardUpdate.EVERYONE, null);
        }
        state.record("card_callback_update", message.messageId(), List.of(clicker), cardJson);
        return new CardClickReply(answer, json, toast, card, CardUpdate.CLICKER_ONLY, null);
    }

    /** The card an answer's {@code card} object stands for, in the form a sent card message stores. */
    private static JsonNode newCard(JsonNode requested) {
        String type = requested.path("type").asText("");
        JsonNode data = requested.path("data");
        switch (type) {
            case "raw":
                if (!data.isObject() || !(data.has("elements") || data.has("body") || data.has("header") || data.has("i18n_elements"))) {
                    throw new IllegalArgumentException("card.data of a raw card must be card JSON (header, elements or body)");
                }
                return data;
            case "template":
                if (!data.path("template_id").isTextual()) {
                    throw new IllegalArgumentException("card.data of a template card needs template_id");
                }
                ObjectNode template = LarkEvent.JSON.createObjectNode().put("type", "template");
                template.set("data", data);
                return template;
            default:
                throw new IllegalArgumentException("card.type must be raw or template, not \"" + type
                        + "\" (whether Lark accepts other types is unverified)");
        }
    }

    /** An old-style answer: the new card itself, unless it is the SDK's {@code {"msg":"success"}}. */
    private static JsonNode legacyCard(JsonNode json) {
        boolean looksLikeCard = json.isObject() && (json.has("elements") || json.has("header") || json.has("body")
                || json.has("i18n_elements") || "template".equals(json.path("type").asText()));
        return looksLikeCard ? json : MissingNode.getInstance();
    }

    private static void check(SimMessage message, JsonNode card) {
        if (message.deleted()) {
            throw new IllegalArgumentException("the clicked card was recalled");
        }
        if (!"interactive".equals(message.msgType())) {
            throw new IllegalArgumentException("the clicked message is not a card");
        }
        if (card.toString().getBytes(StandardCharsets.UTF_8).length > MAX_CARD_BYTES) {
            throw new IllegalArgumentException("the card is larger than 30 KB");
        }
    }

    private static Toast toast(JsonNode toast) {
        if (!toast.isObject()) {
            return null;
        }
        Map<String, String> i18n = new LinkedHashMap<>();
        toast.path("i18n").fields().forEachRemaining(e -> i18n.put(e.getKey(), e.getValue().asText()));
        return new Toast(toast.path("type").asText("info"), toast.path("content").asText(""), i18n);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return LarkEvent.JSON.readTree(text);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
