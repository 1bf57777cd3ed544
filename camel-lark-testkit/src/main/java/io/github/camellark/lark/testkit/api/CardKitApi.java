package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.CardElements;
import io.github.camellark.lark.testkit.state.CardEntities;
import io.github.camellark.lark.testkit.state.SimCardEntity;
import io.github.camellark.lark.testkit.state.SimulatorState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CardKit v1, the card-entity API (Card JSON 2.0 only): create, full update, settings, batch update, elements added,
 * replaced, patched, deleted, and the streaming text of an element (only while the card is in streaming mode, 300309;
 * only for markdown and plain_text elements, 300310). Card, settings, actions and elements arrive as JSON strings.
 * Codes are those of Lark's reference; the ones for a missing element (300313) and a malformed card (10002) are
 * (unverified).
 */
final class CardKitApi {

    private static final String CARDS = "/open-apis/cardkit/v1/cards";
    private static final int MAX_CARD_BYTES = 30 * 1024;
    private static final int MAX_TEXT = 100_000;

    private final SimulatorState state;
    private final CardEntities entities;
    private final ObjectMapper mapper = new ObjectMapper();

    CardKitApi(SimulatorState state) {
        this.state = state;
        this.entities = state.cardEntities();
    }

    void register(SimHttpServer server) {
        server.route("POST", CARDS, true, this::create);
        server.route("PUT", CARDS + "/{card_id}", true, request -> operate(request, card -> card.replaceCard(
                cardJson(jsonString(Requests.body(request).path("card"), "data")))));
        server.route("PATCH", CARDS + "/{card_id}/settings", true, request -> operate(request, card -> settings(card,
                jsonString(Requests.body(request), "settings"))));
        server.route("POST", CARDS + "/{card_id}/batch_update", true, request -> operate(request, card -> {
            for (JsonNode action : jsonString(Requests.body(request), "actions")) {
                batchAction(card, action);
            }
        }));
        server.route("POST", CARDS + "/{card_id}/elements", true, request -> operate(request, card -> {
            JsonNode body = Requests.body(request);
            addElements(card, body.path("type").asText("append"), Requests.optionalText(body, "target_element_id"),
                    jsonString(body, "elements"));
        }));
        server.route("PUT", CARDS + "/{card_id}/elements/{element_id}", true, request -> operate(request, card ->
                element(card, request).parent().set(element(card, request).index(),
                        jsonString(Requests.body(request), "element"))));
        server.route("PATCH", CARDS + "/{card_id}/elements/{element_id}", true, request -> operate(request, card ->
                element(card, request).element().setAll((ObjectNode) jsonString(Requests.body(request), "partial_element"))));
        server.route("DELETE", CARDS + "/{card_id}/elements/{element_id}", true, request -> operate(request, card -> {
            CardElements.Found found = element(card, request);
            found.parent().remove(found.index());
        }));
        server.route("PUT", CARDS + "/{card_id}/elements/{element_id}/content", true, request -> operate(request,
                card -> streamText(card, request)));
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = Requests.body(request);
        String type = Requests.requiredText(body, "type");
        ObjectNode card;
        if (type.equals("card_json")) {
            card = cardJson(jsonString(body, "data"));
        } else if (type.equals("template")) {
            JsonNode template = jsonString(body, "data");
            card = mapper.createObjectNode().put("schema", "2.0");
            card.putObject("header").putObject("title").put("tag", "plain_text")
                    .put("content", "template " + template.path("template_id").asText());
        } else {
            throw LarkError.fieldValidation("type", "type must be card_json or template");
        }
        SimCardEntity entity = entities.create(card, state.now());
        return SimResponse.ok(Map.of("card_id", entity.cardId()));
    }

    private SimResponse operate(SimRequest request, Consumer<SimCardEntity> change) {
        JsonNode body = Requests.body(request);
        JsonNode sequence = body.path("sequence");
        if (!sequence.canConvertToInt() || sequence.asInt() < 1) {
            throw LarkError.fieldValidation("sequence", "sequence is required: a positive int32, strictly increasing per card");
        }
        String uuid = Requests.optionalText(body, "uuid");
        if (uuid != null && uuid.length() > 64) {
            throw LarkError.fieldValidation("uuid", "uuid is 1 to 64 characters");
        }
        try {
            entities.operate(request.pathParam("card_id"), sequence.asInt(), uuid, state.now(), change);
        } catch (CardEntities.Refusal refusal) {
            throw new LarkError(refusal.status(), refusal.code(), refusal.getMessage());
        }
        return SimResponse.ok(Map.of());
    }

    /** The Card JSON 2.0 of a create or update: an object declaring schema 2.0, at most 30 KB (200860). */
    private ObjectNode cardJson(JsonNode card) {
        if (!card.isObject() || !"2.0".equals(card.path("schema").asText())) {
            throw LarkError.badRequest(10002, "Your request contains an invalid request parameter: card entities take Card JSON 2.0"
                    + " (\"schema\":\"2.0\") only");
        }
        if (card.toString().getBytes(StandardCharsets.UTF_8).length > MAX_CARD_BYTES) {
            throw LarkError.badRequest(200860, "Card content exceeds limit.");
        }
        if (card.path("config").path("streaming_mode").asBoolean(false)
                && !card.path("config").path("update_multi").asBoolean(true)) {
            throw LarkError.badRequest(300302, "update_multi property is false");
        }
        return (ObjectNode) card;
    }

    private void settings(SimCardEntity card, JsonNode settings) {
        ObjectNode json = card.mutableCardView();
        if (settings.has("config")) {
            ObjectNode config = json.path("config").isObject() ? (ObjectNode) json.get("config") : json.putObject("config");
            config.setAll((ObjectNode) settings.get("config"));
        }
        if (settings.has("card_link")) {
            json.set("card_link", settings.get("card_link"));
        }
    }

    private void batchAction(SimCardEntity card, JsonNode action) {
        JsonNode params = action.path("params");
        switch (action.path("action").asText()) {
            case "partial_update_setting" -> settings(card, params);
            case "add_elements" -> addElements(card, params.path("type").asText("append"),
                    params.hasNonNull("target_element_id") ? params.get("target_element_id").asText() : null, params.path("elements"));
            case "delete_elements" -> params.path("element_ids").forEach(id -> {
                CardElements.Found found = find(card, id.asText());
                found.parent().remove(found.index());
            });
            case "partial_update_element" -> find(card, params.path("element_id").asText()).element()
                    .setAll((ObjectNode) params.path("partial_element"));
            case "update_element" -> {
                CardElements.Found found = find(card, params.path("element_id").asText());
                found.parent().set(found.index(), params.path("element"));
            }
            default -> throw LarkError.fieldValidation("actions", "unknown action " + action.path("action").asText());
        }
    }

    private void addElements(SimCardEntity card, String type, String target, JsonNode elements) {
        if (!elements.isArray()) {
            throw LarkError.fieldValidation("elements", "elements is a JSON list of elements");
        }
        switch (type) {
            case "append" -> {
                ArrayNode into = card.bodyElementsView();
                if (target != null) {
                    ObjectNode container = find(card, target).element();
                    into = container.path("elements").isArray() ? (ArrayNode) container.get("elements") : container.putArray("elements");
                }
                into.addAll((ArrayNode) elements);
            }
            case "insert_before", "insert_after" -> {
                if (target == null) {
                    throw LarkError.fieldValidation("target_element_id", type + " needs target_element_id");
                }
                CardElements.Found found = find(card, target);
                int at = type.equals("insert_before") ? found.index() : found.index() + 1;
                for (JsonNode element : elements) {
                    found.parent().insert(at++, element);
                }
            }
            default -> throw LarkError.fieldValidation("type", "type must be append, insert_before or insert_after");
        }
    }

    private void streamText(SimCardEntity card, SimRequest request) {
        String text = Requests.requiredText(Requests.body(request), "content");
        if (text.length() > MAX_TEXT) {
            throw LarkError.fieldValidation("content", "content is 1 to " + MAX_TEXT + " characters");
        }
        if (!card.streamingMode()) {
            throw LarkError.badRequest(300309, "Card streaming closed");
        }
        ObjectNode element = element(card, request).element();
        String tag = element.path("tag").asText();
        if (!tag.equals("markdown") && !tag.equals("plain_text")) {
            throw LarkError.badRequest(300310, "Only update text");
        }
        element.put("content", text);
    }

    private CardElements.Found element(SimCardEntity card, SimRequest request) {
        return find(card, request.pathParam("element_id"));
    }

    private static CardElements.Found find(SimCardEntity card, String elementId) {
        return CardElements.find(card.mutableCardView().path("body"), elementId)
                .orElseThrow(() -> LarkError.badRequest(300313, "Failed to update element properties: not find elementID: "
                        + elementId));
    }

    /** A field that holds JSON as a string, parsed. */
    private JsonNode jsonString(JsonNode body, String field) {
        String json = Requests.requiredText(body, field);
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null) {
                throw new IOException("empty");
            }
            return node;
        } catch (IOException e) {
            throw LarkError.fieldValidation(field, field + " must be a JSON string");
        }
    }
}
