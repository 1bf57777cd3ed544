package io.github.camellark.lark.testkit.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;

/**
 * The JSON body of a control call and the lookups its fields name. Bad input is answered with HTTP 400 and unknown
 * ids with 404, both as {@code {"code":<status>,"msg":"<what is wrong>"}}.
 */
final class ControlInput {

    private final JsonNode body;
    private final SimulatorState state;

    ControlInput(SimRequest request, SimulatorState state) {
        if (request.bodyLength() > 0 && request.json() == null) {
            throw invalid("the body must be a JSON object");
        }
        this.body = request.json() == null ? MissingNode.getInstance() : request.json();
        this.state = state;
    }

    JsonNode node(String field) {
        return body.path(field);
    }

    String text(String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid("\"" + field + "\" is required (a non-blank string)");
        }
        return value.asText();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = body.path(field);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    int integer(String field, int fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt()) {
            throw invalid("\"" + field + "\" must be an integer, got " + value);
        }
        return value.asInt();
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = body.path(field);
        return value.isBoolean() ? value.asBoolean() : fallback;
    }

    List<String> texts(String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("\"" + field + "\" must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        value.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** A user named by any of its ids (open_id, union_id, user_id) or by its display name. */
    SimUser user(String reference) {
        return state.user(reference)
                .or(() -> state.users().stream().filter(u -> u.name().equals(reference)).findFirst())
                .orElseThrow(() -> notFound("no user " + reference));
    }

    List<SimUser> users(String field) {
        return texts(field).stream().map(this::user).toList();
    }

    /** A chat named by its chat_id or its name. */
    SimChat chat(String reference) {
        return state.chat(reference).or(() -> state.chatNamed(reference)).orElseThrow(() -> notFound("no chat " + reference));
    }

    SimMessage message(String messageId) {
        return state.message(messageId).orElseThrow(() -> notFound("no message " + messageId));
    }

    static LarkError invalid(String msg) {
        return new LarkError(400, 400, msg);
    }

    static LarkError notFound(String msg) {
        return new LarkError(404, 404, msg);
    }
}
