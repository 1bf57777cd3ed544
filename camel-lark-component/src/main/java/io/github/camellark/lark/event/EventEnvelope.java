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
    /** The object that holds the event: "event", the whole body (legacy card callbacks, unknown shapes), or none. */
    private final Scope scope;
    private final EnvelopeScan.Ordering ordering;
    private final byte[] json;
    private final ObjectMapper mapper;
    // built on first use, on the routing thread: the receiving thread only scans
    private volatile Map<String, Object> event;
    private volatile String raw;

    private enum Scope {
        NONE,
        EVENT,
        ROOT
    }

    private EventEnvelope(Kind kind, String eventType, String eventId, String createTime, String appId, String tenantKey,
                          String verificationToken, String challenge, Scope scope, EnvelopeScan.Ordering ordering, byte[] json,
                          ObjectMapper mapper) {
        this.kind = kind;
        this.eventType = eventType;
        this.eventId = eventId;
        this.createTime = createTime;
        this.appId = appId;
        this.tenantKey = tenantKey;
        this.verificationToken = verificationToken;
        this.challenge = challenge;
        this.scope = scope;
        this.ordering = ordering;
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * Classifies a plaintext body from one streaming pass over it; the body's {@code Map} is built when
     * {@link #event()} is first called.
     *
     * @throws IllegalArgumentException when the body is not a JSON object, or is still encrypted
     */
    public static EventEnvelope parse(byte[] json, ObjectMapper mapper) {
        EnvelopeScan scan = EnvelopeScan.of(json, mapper.getFactory());
        if (scan.encrypted) {
            throw new IllegalArgumentException("The event body is encrypted but no encryptKey is configured");
        }
        if ("url_verification".equals(scan.type)) {
            // the SDKs also read the token from header.token in case a 2.0-shaped challenge ever comes (unverified)
            String token = scan.hasHeader ? scan.headerToken : scan.token;
            return new EventEnvelope(Kind.CHALLENGE, "url_verification", null, null, null, null, token, scan.challenge,
                    Scope.NONE, null, json, mapper);
        }
        if (scan.hasHeader) {
            String type = scan.headerEventType;
            return new EventEnvelope(CARD_ACTION_TYPE.equals(type) ? Kind.CARD_ACTION : Kind.EVENT, type, scan.headerEventId,
                    scan.headerCreateTime, scan.headerAppId, scan.headerTenantKey, scan.headerToken, null,
                    scan.hasEvent ? Scope.EVENT : Scope.NONE, scan.eventOrdering, json, mapper);
        }
        if (scan.hasEvent) {
            return new EventEnvelope(Kind.EVENT, scan.eventType, scan.uuid, secondsToMillis(scan.ts), scan.eventAppId,
                    scan.eventTenantKey, scan.token, null, Scope.EVENT, scan.eventOrdering, json, mapper);
        }
        if (scan.hasAction) {
            // legacy card request URL: flat JSON; its "token" is the card's update token, not the verification token
            return new EventEnvelope(Kind.LEGACY_CARD_ACTION, LEGACY_CARD_ACTION_TYPE, null, null, scan.appId, scan.tenantKey,
                    null, null, Scope.ROOT, scan.rootOrdering, json, mapper);
        }
        return new EventEnvelope(Kind.UNKNOWN, null, null, null, null, null, scan.token, null, Scope.ROOT, scan.rootOrdering,
                json, mapper);
    }

    /** Schema 1.0 {@code ts} is seconds with a fraction ("1502199207.7171419"); headers carry milliseconds. */
    private static String secondsToMillis(String seconds) {
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

    /** The chat that orders this event, or null. */
    String orderingChat() {
        return ordering == null ? null
                : firstOf(ordering.messageChatId, ordering.chatId, ordering.contextOpenChatId, ordering.openChatId);
    }

    /** The user whose actions order this event when it has no chat, or null. */
    String orderingSender() {
        return ordering == null ? null
                : firstOf(ordering.senderOpenId, ordering.operatorOpenId, ordering.userIdOpenId, ordering.operatorIdOpenId,
                        ordering.openId);
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The {@code event} object (the whole payload for legacy card callbacks), built on first call and the same object
     * afterwards. Each envelope has its own: no two routes share a mutable body.
     */
    public Map<String, Object> event() {
        Map<String, Object> built = event;
        if (built == null) {
            built = build();
            event = built;
        }
        return built;
    }

    private Map<String, Object> build() {
        if (scope == Scope.NONE) {
            return Map.of();
        }
        Map<String, Object> root;
        try {
            root = mapper.readValue(json, JSON_OBJECT);
        } catch (IOException e) {
            // the scan read the same bytes as one JSON object
            throw new IllegalStateException("The event body could not be read again", e);
        }
        if (scope == Scope.ROOT) {
            return root;
        }
        Map<String, Object> inner = object(root.get("event"));
        return inner != null ? inner : Map.of();
    }

    /** The plaintext JSON as received. */
    public String raw() {
        String text = raw;
        if (text == null) {
            text = new String(json, StandardCharsets.UTF_8);
            raw = text;
        }
        return text;
    }

    /** The plaintext JSON bytes as received (not to be changed). */
    byte[] rawBytes() {
        return json;
    }

    @Override
    public String toString() {
        return "EventEnvelope[" + kind + ", " + eventType + ", " + eventId + "]";
    }
}
