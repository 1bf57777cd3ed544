package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** Finding elements of a Card JSON 2.0 by their {@code element_id}, at any depth (columns, panels, forms ...). */
public final class CardElements {

    private CardElements() {
    }

    /** An element and the array holding it. */
    public record Found(ObjectNode element, ArrayNode parent, int index) {
    }

    public static Optional<Found> find(JsonNode node, String elementId) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isObject() && elementId.equals(child.path("element_id").asText(null))) {
                    return Optional.of(new Found((ObjectNode) child, (ArrayNode) node, i));
                }
            }
        }
        for (JsonNode child : node) {
            Optional<Found> found = find(child, elementId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static void texts(JsonNode node, List<String> texts) {
        if (node == null) {
            return;
        }
        // markdown elements, and plain_text elements of their own (with an element_id), not the labels of buttons
        boolean text = "markdown".equals(node.path("tag").asText())
                || "plain_text".equals(node.path("tag").asText()) && node.has("element_id");
        if (node.isObject() && text && node.path("content").isTextual()) {
            texts.add(node.get("content").asText());
            return;
        }
        for (JsonNode child : node) {
            texts(child, texts);
        }
    }
}
