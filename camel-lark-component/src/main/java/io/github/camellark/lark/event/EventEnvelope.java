package io.github.camellark.lark.event;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One plaintext body Lark sent, classified: a URL verification challenge, a schema 2.0 or 1.0
 * event, a {@code card.action.trigger} callback (schema 2.0), or a legacy card request URL callback (flat JSON, type
 * {@value #LEGACY_CARD_ACTION_TYPE}).
 * <p>
 * Holds the verification token Lark sent, so its {@code toString()} prints only the classification.
 */
public final class EventEnvelope {

    /** What Lark sent. */
    public enum Kind {
        CHALLENGE,
        EVENT,
        CARD_ACTION,
        LEGACY_CARD_ACTION,
        /** JSON of no known shape: acknowledged, never routed. */
        UNKNOWN;

        /** Card callbacks are answered with the route's reply. */
        public boolean isCallback() {
            return this == CARD_ACTION || this == LEGACY_CARD_ACTION;
        }
    }

    public static final String CARD_ACTION_TYPE = "card.action.trigger";
    public static final String LEGACY_CARD_ACTION_TYPE = "card.action.trigger_v1";
    public static final String APP_TICKET_TYPE = "app_ticket";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Kind kind;
    private final String eventType;
    private final String eventId;
    private final String createTime;
    private final String appId;
    private final String tenantKey;
    private final String verificationToken;
    private final String challenge;
    private final Map<String, Object> event;
    private final String raw;

    private EventEnvelope(Kind kind, String eventType, String eventId, String createTime, String appId, String tenantKey,
                          String verificationToken, String challenge, Map<String, Object> event, String raw) {
        this.kind = kind;
        this.eventType = eventType;
        this.eventId = eventId;
        this.createTime = createTime;
        this.appId = appId;
        this.tenantKey = tenantKey;
        this.verificationToken = verificationToken;
        this.challenge = challenge;
        this.event = event;
        this.raw = raw;
    }

    /**
     * Parses and classifies a plaintext body.
     *
     * @throws IllegalArgumentException when the body is not a JSON object, or is still encrypted
     */
    public static EventEnvelope parse(byte[] json, ObjectMapper mapper) {
        Map<String, Object> root;
        try {
            root = mapper.readValue(json, JSON_OBJECT);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event body is not a JSON object");
        }
        if (root == null) {
            throw new IllegalArgumentException("The event body is not a JSON object");
        }
        if (root.containsKey("encrypt")) {
            throw new IllegalArgumentException("The event body is encrypted but no encryptKey is configured");
        }
        return classify(root, new String(json, StandardCharsets.UTF_8));
    }

    private static EventEnvelope classify(Map<String, Object> root, String raw) {
        Map<String, Object> header = object(root.get("header"));
        Map<String, Object> event = object(root.get("event"));
        if ("url_verification".equals(root.get("type"))) {
            // the SDKs also read the token from header.token in case a 2.0-shaped challenge ever comes (unverified)
            String token = header != null ? text(header.get("token")) : text(root.get("token"));
            return new EventEnvelope(Kind.CHALLENGE, "url_verification", null, null, null, null, token,
                    text(root.get("challenge")), Map.of(), raw);
        }
        if (header != null) {
            String type = text(header.get("event_type"));
            return new EventEnvelope(CARD_ACTION_TYPE.equals(type) ? Kind.CARD_ACTION : Kind.EVENT, type,
                    text(header.get("event_id")), text(header.get("create_time")), text(header.get("app_id")),
                    text(header.get("tenant_key")), text(header.get("token")), null, event != null ? event : Map.of(), raw);
        }
        if (event != null) {
            return new EventEnvelope(Kind.EVENT, text(event.get("type")), text(root.get("uuid")), secondsToMillis(root.get("ts")),
                    text(event.get("app_id")), text(event.get("tenant_key")), text(root.get("token")), null, event, raw);
        }
        if (object(root.get("action")) != null) {
            // legacy card request URL: flat JSON; its "token" is the card's update token, not the verification token
            return new EventEnvelope(Kind.LEGACY_CARD_ACTION, LEGACY_CARD_ACTION_TYPE, null, null, text(root.get("app_id")),
                    text(root.get("tenant_key")), null, null, root, raw);
        }
        return new EventEnvelope(Kind.UNKNOWN, null, null, null, null, null, text(root.get("token")), null, root, raw);
    }

    /** Schema 1.0 {@code ts} is seconds with a fraction ("1502199207.7171419"); headers carry milliseconds. */
    private static String secondsToMillis(Object ts) {
        String seconds = text(ts);
        if (seconds == null) {
            return null;
        }
        try {
            return new BigDecimal(seconds).movePointRight(3).toBigInteger().toString();
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The string at a path of nested objects, or null. */
    public static String path(Map<String, Object> from, String... keys) {
        Object current = from;
        for (String key : keys) {
            Map<String, Object> map = object(current);
            if (map == null) {
                return null;
            }
            current = map.get(key);
        }
        return current instanceof Map || current instanceof Iterable ? null : text(current);
    }

    public Kind kind() {
        return kind;
    }

    public String eventType() {
        return eventType;
    }

    /** {@code header.event_id} (2.0) or {@code uuid} (1.0): the dedupe key; null for legacy card callbacks. */
    public String eventId() {
        return eventId;
    }

    /** Milliseconds since the epoch, as text. */
    public String createTime() {
        return createTime;
    }

    public String appId() {
        return appId;
    }

    public String tenantKey() {
        return tenantKey;
    }

    /** The verification token Lark put in the body (null for legacy card callbacks, which are signed with it instead). */
    public String verificationToken() {
        return verificationToken;
    }

    public String challenge() {
        return challenge;
    }

    /** The {@code event} object (the whole payload for legacy card callbacks). */
    public Map<String, Object> event() {
        return event;
    }

    /** The plaintext JSON as received. */
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "EventEnvelope[" + kind + ", " + eventType + ", " + eventId + "]";
    }
}
