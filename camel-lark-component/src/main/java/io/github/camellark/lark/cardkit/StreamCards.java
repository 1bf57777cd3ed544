package io.github.camellark.lark.cardkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Card JSON 2.0 the writer creates and ends cards with: an optional title and one markdown element. The card is
 * shared ({@code update_multi}), which streaming requires (Lark error 300302 otherwise).
 */
final class StreamCards {

    /** Lark's streaming-text API takes 1 to 100,000 characters. */
    static final int MAX_TEXT = 100_000;
    /** Shown until the first text arrives: Lark's element content cannot be empty (unverified for markdown). */
    static final String PLACEHOLDER = "…";
    /** How much of the answer becomes the chat preview once the card leaves streaming mode. */
    private static final int SUMMARY_LENGTH = 60;

    private final ObjectMapper mapper;
    private final StreamSettings settings;

    StreamCards(ObjectMapper mapper, StreamSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    /** The card the stream starts with: streaming mode on, the text so far. */
    String initial(String text) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("streaming_mode", true);
        config.put("update_multi", true);
        return card(config, settings.title(), null, text);
    }

    /** The settings that end streaming mode and give the chat preview the start of the answer. */
    String closingSettings(String text) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("streaming_mode", false);
        config.put("summary", Map.of("content", summary(text)));
        return json(Map.of("config", config));
    }

    /** The card a stream ends with when it fails: a red header, the text typed so far, and the error text. */
    String failed(String text, String errorText) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("streaming_mode", false);
        config.put("update_multi", true);
        config.put("summary", Map.of("content", summary(errorText)));
        String title = settings.title() == null ? "⚠ " + errorText : "⚠ " + settings.title();
        String body = text.isEmpty() ? errorText : text + "\n\n---\n" + errorText;
        return card(config, title, "red", body);
    }

    private String card(Map<String, Object> config, String title, String template, String text) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("schema", "2.0");
        card.put("config", config);
        if (title != null) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("title", Map.of("tag", "plain_text", "content", title));
            if (template != null) {
                header.put("template", template);
            }
            card.put("header", header);
        }
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("tag", "markdown");
        element.put("element_id", settings.elementId());
        element.put("content", text.isEmpty() ? PLACEHOLDER : text);
        List<Object> elements = new ArrayList<>();
        elements.add(element);
        card.put("body", Map.of("elements", elements));
        return json(card);
    }

    private static String summary(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= SUMMARY_LENGTH ? flat : flat.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a card", e);
        }
    }
}
