package io.github.camellark.lark.testkit.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event or callback as Lark sends it, in plaintext. Immutable: {@link #json()} returns a copy.
 * <p>
 * Three shapes exist: schema 2.0 ({@code header.event_id}, {@code header.event_type}),
 * schema 1.0 ({@code uuid}, {@code event.type}) and the flat {@code url_verification} challenge.
 */
public final class LarkEvent {

    /** The envelope generation of an event. */
    public enum Schema {
        /** {@code {"schema":"2.0","header":{...},"event":{...}}}. */
        V2,
        /** {@code {"uuid":...,"type":"event_callback","event":{"type":...}}}. */
        V1,
        /** {@code {"challenge":...,"token":...,"type":"url_verification"}}: no id, never redelivered. */
        CHALLENGE,
        /** The old card-request-URL callback {@code card.action.trigger_v1}: flat, no envelope, no id. */
        LEGACY_CARD
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final ObjectNode body;
    private final String json;

    LarkEvent(Schema schema, ObjectNode body) {
        this.schema = Objects.requireNonNull(schema);
        this.body = body.deepCopy();
        try {
            this.json = JSON.writeValueAsString(this.body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serialisable", e);
        }
    }

    /** Wraps a JSON text taken verbatim, e.g. an event captured from real Lark traffic. The shape is detected. */
    public static LarkEvent parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("an event is a JSON object");
            }
            Schema schema = object.has("header") ? Schema.V2
                    : "url_verification".equals(object.path("type").asText()) ? Schema.CHALLENGE
                    : object.has("open_message_id") && object.has("action") ? Schema.LEGACY_CARD : Schema.V1;
            return new LarkEvent(schema, object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** The dedupe key: {@code header.event_id} (2.0), {@code uuid} (1.0); the challenge string or card token otherwise. */
    public String id() {
        return switch (schema) {
            case V2 -> body.path("header").path("event_id").asText();
            case V1 -> body.path("uuid").asText();
            case CHALLENGE -> body.path("challenge").asText();
            case LEGACY_CARD -> body.path("token").asText();
        };
    }

    /** {@code header.event_type} (2.0), {@code event.type} (1.0) or {@code url_verification}. */
    public String type() {
        return switch (schema) {
            case V2 -> body.path("header").path("event_type").asText();
            case V1 -> body.path("event").path("type").asText();
            case CHALLENGE -> "url_verification";
            case LEGACY_CARD -> "card.action.trigger_v1";
        };
    }

    /**
     * Callbacks are answered synchronously (within 3 s) and Lark does not redeliver them;
     * the challenge is a one-shot handshake too.
     */
    public boolean isCallback() {
        String type = type();
        return schema == Schema.CHALLENGE || schema == Schema.LEGACY_CARD || "card.action.trigger".equals(type);
    }

    /** The {@code event} object (a copy), or the whole body for the flat challenge. */
    public ObjectNode event() {
        JsonNode event = body.get("event");
        return event instanceof ObjectNode object ? object.deepCopy() : body.deepCopy();
    }

    /** The whole body (a copy). */
    public ObjectNode json() {
        return body.deepCopy();
    }

    /** The exact JSON text that goes on the wire before any encryption. */
    public String toJson() {
        return json;
    }

    public byte[] toBytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The same event carrying another verification token: for "wrong token" tests. */
    public LarkEvent withToken(String token) {
        ObjectNode copy = body.deepCopy();
        if (schema == Schema.V2) {
            ((ObjectNode) copy.get("header")).put("token", token);
        } else {
            copy.put("token", token);
        }
        return new LarkEvent(schema, copy);
    }

    /**
     * The same event under another id ({@code header.event_id} of 2.0, {@code uuid} of 1.0): for tests that name their
     * events, or send the same event twice.
     */
    public LarkEvent withId(String id) {
        ObjectNode copy = body.deepCopy();
        switch (schema) {
            case V2 -> ((ObjectNode) copy.get("header")).put("event_id", id);
            case V1 -> copy.put("uuid", id);
            default -> throw new IllegalStateException(schema + " events have no id of their own");
        }
        return new LarkEvent(schema, copy);
    }

    @Override
    public String toString() {
        return type() + "[" + id() + "]";
    }
}
