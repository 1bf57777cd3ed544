package io.github.camellark.lark.cardkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellark.lark.client.LarkRequest;

/**
 * The requests of Lark's card-entity API, CardKit v1 (Card JSON 2.0 only). Paths, methods and body fields are those of
 * Lark's open-platform reference (https://open.feishu.cn/document/cardkit-v1/feishu-card-resource-overview) and of the
 * official SDKs' generated {@code cardkit/v1} services. Card JSON, settings, actions and elements travel as JSON
 * <em>strings</em> inside the request body; every operation on an existing card carries a {@code sequence} that must
 * grow strictly per card, and a {@code uuid} (1 to 64 characters) that makes a retry harmless.
 */
public final class CardKitRequests {

    static final String CARDS = "/open-apis/cardkit/v1/cards";
    static final String CARD = CARDS + "/{}";
    static final String ELEMENTS = CARD + "/elements";
    static final String ELEMENT = ELEMENTS + "/{}";

    /** Lark's limit on a uuid of the card APIs. */
    public static final int MAX_UUID_LENGTH = 64;

    private CardKitRequests() {
    }

    /** POST /cards: {@code type} is card_json (data = the Card JSON 2.0) or template (data = the template reference). */
    public static LarkRequest.Builder create(String type, String data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("data", data);
        // not idempotent: the API takes no uuid, and a repeated call creates a second entity
        return LarkRequest.post(CARDS).json(body);
    }

    /** PUT /cards/:card_id: the whole card is replaced. */
    public static LarkRequest.Builder update(String cardId, String cardJson, String uuid, int sequence) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "card_json");
        card.put("data", cardJson);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", card);
        return sequenced(LarkRequest.put(CARD, cardId), body, uuid, sequence);
    }

    /** PATCH /cards/:card_id/settings: {@code settings} holds the {@code config} and {@code card_link} to change. */
    public static LarkRequest.Builder settings(String cardId, String settingsJson, String uuid, int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("settings", settingsJson);
        return sequenced(LarkRequest.patch(CARD + "/settings", cardId), body, uuid, sequence);
    }

    /** POST /cards/:card_id/batch_update: a JSON list of {@code {"action":..., "params":{...}}}. */
    public static LarkRequest.Builder batchUpdate(String cardId, String actionsJson, String uuid, int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actions", actionsJson);
        return sequenced(LarkRequest.post(CARD + "/batch_update", cardId), body, uuid, sequence);
    }

    /**
     * POST /cards/:card_id/elements: {@code type} is insert_before, insert_after or append; the target element is
     * needed for the inserts, and for append names a container (absent: the end of the card body).
     */
    public static LarkRequest.Builder addElements(String cardId, String type, String targetElementId, String elementsJson,
            String uuid, int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        if (targetElementId != null) {
            body.put("target_element_id", targetElementId);
        }
        body.put("elements", elementsJson);
        return sequenced(LarkRequest.post(ELEMENTS, cardId), body, uuid, sequence);
    }

    /** PUT /cards/:card_id/elements/:element_id: the element is replaced. */
    public static LarkRequest.Builder updateElement(String cardId, String elementId, String elementJson, String uuid,
            int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("element", elementJson);
        return sequenced(LarkRequest.put(ELEMENT, cardId, elementId), body, uuid, sequence);
    }

    /** PATCH /cards/:card_id/elements/:element_id: only the given properties change (the tag cannot). */
    public static LarkRequest.Builder patchElement(String cardId, String elementId, String partialElementJson, String uuid,
            int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partial_element", partialElementJson);
        return sequenced(LarkRequest.patch(ELEMENT, cardId, elementId), body, uuid, sequence);
    }

    /** DELETE /cards/:card_id/elements/:element_id (a container goes with what it holds); the body carries the sequence. */
    public static LarkRequest.Builder deleteElement(String cardId, String elementId, String uuid, int sequence) {
        return sequenced(LarkRequest.delete(ELEMENT, cardId, elementId), new LinkedHashMap<>(), uuid, sequence);
    }

    /**
     * PUT /cards/:card_id/elements/:element_id/content: the full text (1 to 100,000 characters) of a plain_text or markdown
     * element. When the old text is a prefix of the new one, Lark's clients type the rest; otherwise the text is replaced.
     */
    public static LarkRequest.Builder updateText(String cardId, String elementId, String text, String uuid, int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", text);
        return sequenced(LarkRequest.put(ELEMENT + "/content", cardId, elementId), body, uuid, sequence);
    }

    private static LarkRequest.Builder sequenced(LarkRequest.Builder request, Map<String, Object> body, String uuid,
            int sequence) {
        if (uuid != null) {
            body.put("uuid", uuid);
        }
        body.put("sequence", sequence);
        // the uuid makes Lark apply a repeated call once, so a retry after a lost reply is safe
        return request.json(body).idempotent(uuid != null);
    }
}
