package io.github.camellark.lark.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** The AI help desk's questions, its feedback buttons and the answer to their clicks. */
public final class HelpDesk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HelpDesk() {
    }

    /**
     * A text message in a one-to-one chat with the bot that asks something (ends with a question mark) and is no
     * /command; what people say to each other in groups is left alone.
     */
    public static boolean isQuestion(@Body Map<String, Object> event) throws JsonProcessingException {
        Map<?, ?> message = (Map<?, ?>) event.get("message");
        String text = text(event);
        return message != null && "p2p".equals(message.get("chat_type")) && text != null && !text.startsWith("/")
               && text.endsWith("?");
    }

    /** The question's text, mentions left out. */
    public static String question(@Body Map<String, Object> event) throws JsonProcessingException {
        return text(event);
    }

    private static String text(Map<String, Object> event) throws JsonProcessingException {
        Map<?, ?> message = (Map<?, ?>) event.get("message");
        if (message == null || !"text".equals(message.get("message_type"))) {
            return null;
        }
        return JSON.readTree(String.valueOf(message.get("content"))).path("text").asText("")
                .replaceAll("@_user_\\d+", "").trim();
    }

    /** Whether a {@code card.action.trigger} is a click on the help desk's feedback buttons. */
    public static boolean isFeedback(@Body Map<String, Object> event) {
        Object action = event.get("action");
        return action instanceof Map && ((Map<?, ?>) action).get("value") instanceof Map
               && ((Map<?, ?>) ((Map<?, ?>) action).get("value")).containsKey("helpdesk");
    }

    /** The feedback buttons appended under an answer (Card JSON 2.0 buttons with callback behaviors). */
    public static Map<String, Object> feedbackButtons(@Header(LarkConstants.MESSAGE_ID) String questionId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tag", "column_set");
        row.put("element_id", "feedback");
        row.put("columns", List.of(column(button("Helpful", "primary", "helpful", questionId)),
                column(button("Not helpful", "default", "not_helpful", questionId))));
        return row;
    }

    /** The callback response to a feedback click: a toast for the person who clicked. */
    public static Map<String, Object> feedbackAnswer(@Body Map<String, Object> event) {
        Map<?, ?> value = (Map<?, ?>) ((Map<?, ?>) event.get("action")).get("value");
        boolean helpful = "helpful".equals(value.get("helpdesk"));
        return Map.of("toast", Map.of("type", helpful ? "success" : "info",
                "content", helpful ? "Glad it helped!" : "Thanks: a person from IT will follow up."));
    }

    private static Map<String, Object> column(Map<String, Object> button) {
        return Map.of("tag", "column", "width", "auto", "elements", List.of(button));
    }

    private static Map<String, Object> button(String label, String type, String feedback, String questionId) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("tag", "button");
        button.put("element_id", feedback);
        button.put("text", Map.of("tag", "plain_text", "content", label));
        button.put("type", type);
        button.put("behaviors", List.of(Map.of("type", "callback",
                "value", Map.of("helpdesk", feedback, "question", String.valueOf(questionId)))));
        return button;
    }
}
