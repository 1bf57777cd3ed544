package io.github.camellark.lark.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.cardkit.CardKitRequests;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.ContentJson;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.operation.CardKitOperation;

/**
 * {@code lark:cardkit}: card entities (Card JSON 2.0) created, updated in full, in their settings, in batches and element
 * by element, and their text streamed. Every operation on an existing card needs the card id and a sequence that grows
 * per card; each operation leaves the next sequence in {@code CamelLarkCardSequence}, so operations chain in a route.
 * {@code stream} is the writer that types chunks into a card ({@link CardStreamCalls}).
 */
final class CardKitHandler implements ResourceHandler<CardKitOperation> {

    /** Lark refuses cards over 30 KB (error 200860). */
    static final int MAX_CARD_BYTES = ContentJson.MAX_POST_OR_CARD_BYTES;
    static final int MAX_TEXT = 100_000;

    private final CardStreamCalls streams = new CardStreamCalls();

    @Override
    public Class<CardKitOperation> operations() {
        return CardKitOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(CardKitOperation operation, LarkCall call) {
        return switch (operation) {
            case CREATE -> create(call);
            case UPDATE -> sequenced(call, (cardId, uuid, seq) -> CardKitRequests.update(cardId, card(call), uuid, seq));
            case SETTINGS -> sequenced(call, (cardId, uuid, seq) -> CardKitRequests.settings(cardId, settings(call), uuid, seq));
            case BATCH_UPDATE -> sequenced(call, (cardId, uuid, seq) -> CardKitRequests.batchUpdate(cardId, actions(call), uuid, seq));
            case ADD_ELEMENT -> addElement(call);
            case UPDATE_ELEMENT -> elementOperation(call, (cardId, elementId, uuid, seq) ->
                    CardKitRequests.updateElement(cardId, elementId, object(call, "an element"), uuid, seq));
            case PATCH_ELEMENT -> elementOperation(call, (cardId, elementId, uuid, seq) ->
                    CardKitRequests.patchElement(cardId, elementId, object(call, "the properties to change"), uuid, seq));
            case DELETE_ELEMENT -> elementOperation(call, CardKitRequests::deleteElement);
            case UPDATE_TEXT -> elementOperation(call, (cardId, elementId, uuid, seq) ->
                    CardKitRequests.updateText(cardId, elementId, text(call), uuid, seq));
            case STREAM -> streams.write(call);
        };
    }

    @Override
    public void close() {
        streams.close();
    }

    /** POST /cards: a Card JSON 2.0 body, or a template ({@code template_id} in the body or a template LarkContent). */
    private CompletableFuture<Void> create(LarkCall call) {
        JsonNode body = json(call, "a Card JSON 2.0 or a template");
        JsonNode template = body.path("type").asText().equals("template") ? body.path("data")
                : body.has("template_id") ? body : null;
        LarkRequest.Builder request = template != null
                // the data of a template entity is assumed to be the template reference of an interactive message (unverified)
                ? CardKitRequests.create("template", checkedSize(call, template.toString()))
                : CardKitRequests.create("card_json", card(call, body));
        return call.send(request).thenAccept(reply -> {
            Results.dataWithId(call, reply.data(), "card_id", LarkConstants.CARD_ID);
            call.in().setHeader(LarkConstants.CARD_SEQUENCE, 1);
        });
    }

    /** POST /cards/:card_id/elements: the body is an element, a list of them, or the request ({@code elements}, {@code type}, {@code target_element_id}). */
    private CompletableFuture<Void> addElement(LarkCall call) {
        return sequenced(call, (cardId, uuid, seq) -> {
            JsonNode body = json(call, "an element, a list of elements or {\"type\",\"target_element_id\",\"elements\"}");
            JsonNode elements = body.isArray() ? body : body.has("elements") ? body.get("elements") : null;
            String type = "append";
            String target = null;
            if (elements == null) {
                elements = call.client().mapper().createArrayNode().add(body);
            } else if (body.isObject()) {
                type = body.path("type").asText("append");
                target = body.hasNonNull("target_element_id") ? body.get("target_element_id").asText() : null;
            }
            if (!List.of("append", "insert_before", "insert_after").contains(type)) {
                throw new IllegalArgumentException("lark cardkit addElement: type must be append, insert_before or insert_after, got '"
                                                   + type + "'");
            }
            if (!type.equals("append") && target == null) {
                throw new IllegalArgumentException("lark cardkit addElement: " + type + " needs target_element_id");
            }
            return CardKitRequests.addElements(cardId, type, target, checkedSize(call, elements.toString()), uuid, seq);
        });
    }

    private CompletableFuture<Void> elementOperation(LarkCall call, ElementRequest request) {
        String elementId = call.require(LarkParam.ELEMENT_ID);
        return sequenced(call, (cardId, uuid, seq) -> request.build(cardId, elementId, uuid, seq));
    }

    /** An operation on an existing card: card id and sequence checked before the call, the next sequence left on the exchange. */
    private CompletableFuture<Void> sequenced(LarkCall call, CardRequest request) {
        String cardId = call.require(LarkParam.CARD_ID);
        Integer sequence = call.intParam(LarkParam.CARD_SEQUENCE);
        if (sequence == null) {
            throw new IllegalArgumentException("lark cardkit " + call.operationName() + " needs sequence (strictly increasing per card):"
                                               + " set the option 'sequence' or the header 'CamelLarkCardSequence'; cardkit create"
                                               + " and stream leave the next one in that header");
        }
        if (sequence < 1 || sequence == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lark cardkit sequence must be between 1 and 2147483646, got " + sequence);
        }
        LarkRequest.Builder built = request.build(cardId, Uuids.of(call, RequestFields.none(call), cardId, call.param(LarkParam.ELEMENT_ID), sequence), sequence);
        return call.send(built).thenAccept(reply -> {
            call.in().setBody(reply.data());
            call.in().setHeader(LarkConstants.CARD_SEQUENCE, sequence + 1);
        });
    }

    private static String card(LarkCall call) {
        return card(call, json(call, "a Card JSON 2.0"));
    }

    /** Lark's card entities take Card JSON 2.0 only: the schema is checked here, not by a refused call. */
    private static String card(LarkCall call, JsonNode card) {
        if (!card.isObject() || !"2.0".equals(card.path("schema").asText())) {
            throw new IllegalArgumentException("lark cardkit " + call.operationName() + " needs a Card JSON 2.0 (\"schema\": \"2.0\") in"
                                               + " the body; got " + (card.isObject() ? "schema '" + card.path("schema").asText() + "'"
                                                       : "a JSON " + card.getNodeType().toString().toLowerCase()));
        }
        return checkedSize(call, card.toString());
    }

    /** The settings to change: {@code config} and/or {@code card_link}. */
    private static String settings(LarkCall call) {
        JsonNode settings = json(call, "{\"config\": {...}, \"card_link\": {...}}");
        if (!settings.has("config") && !settings.has("card_link")) {
            throw new IllegalArgumentException("lark cardkit settings needs \"config\" or \"card_link\" in the body, for example"
                                               + " {\"config\":{\"streaming_mode\":false}}");
        }
        return checkedSize(call, settings.toString());
    }

    /** The actions of a batch update: a list, or a body holding {@code actions}. */
    private static String actions(LarkCall call) {
        JsonNode body = json(call, "a list of actions");
        JsonNode actions = body.isArray() ? body : body.path("actions");
        if (!actions.isArray() || actions.isEmpty()) {
            throw new IllegalArgumentException("lark cardkit batchUpdate needs a non-empty list of actions"
                                               + " ({\"action\": \"partial_update_setting\", \"params\": {...}} ...) in the body");
        }
        return checkedSize(call, actions.toString());
    }

    private static String object(LarkCall call, String what) {
        JsonNode node = json(call, what);
        if (!node.isObject()) {
            throw new IllegalArgumentException("lark cardkit " + call.operationName() + " needs " + what + " (a JSON object) in the body");
        }
        return checkedSize(call, node.toString());
    }

    private static String text(LarkCall call) {
        String text = call.body(String.class);
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("lark cardkit updateText needs the element's full text in the body, 1 to "
                                               + MAX_TEXT + " characters; got " + (text == null ? "none" : text.length()));
        }
        return text;
    }

    private static String checkedSize(LarkCall call, String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CARD_BYTES) {
            throw new IllegalArgumentException("lark cardkit " + call.operationName() + ": the JSON is " + bytes
                                               + " bytes, over Lark's limit of " + MAX_CARD_BYTES + " bytes for a card");
        }
        return json;
    }

    /** The body as JSON: a LarkContent, a Map or List, a Jackson node, or a String holding JSON. */
    private static JsonNode json(LarkCall call, String what) {
        Object body = call.body();
        ObjectMapper mapper = call.client().mapper();
        if (body instanceof LarkContent) {
            return mapper.valueToTree(ContentJson.toMap((LarkContent) body, mapper));
        }
        if (body instanceof JsonNode) {
            return (JsonNode) body;
        }
        if (body instanceof Map || body instanceof List) {
            return mapper.valueToTree(body);
        }
        String text = body instanceof String ? (String) body : call.body(String.class);
        if (text != null) {
            try {
                return mapper.readTree(text);
            } catch (IOException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("lark cardkit " + call.operationName() + " needs " + what + " in the body: a Map, a List,"
                                           + " a Jackson node or a JSON String");
    }

    @FunctionalInterface
    private interface CardRequest {
        LarkRequest.Builder build(String cardId, String uuid, int sequence);
    }

    @FunctionalInterface
    private interface ElementRequest {
        LarkRequest.Builder build(String cardId, String elementId, String uuid, int sequence);
    }
}
