package io.github.camellark.lark.event;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads, in one streaming pass, the fields of an envelope that decide what happens to it before it is routed (its
 * shape, ids, type, times, tokens, and the chat or user that orders it), without building the body's {@code Map}:
 * a transport's receiving thread (an event loop) does only this, and the routing thread builds the Map.
 * <p>
 * Values are read as {@link EventEnvelope#path} reads the Map: a string, number or boolean as its text, an object,
 * array or null as absent.
 */
final class EnvelopeScan {

    /** The fields of one object that order its events: its chat, else the user who caused them. */
    static final class Ordering {
        String messageChatId;
        String chatId;
        String contextOpenChatId;
        String openChatId;
        String senderOpenId;
        String operatorOpenId;
        String userIdOpenId;
        String operatorIdOpenId;
        String openId;
    }

    String type;
    String token;
    String challenge;
    String uuid;
    String ts;
    String appId;
    String tenantKey;
    boolean encrypted;
    boolean hasHeader;
    boolean hasEvent;
    boolean hasAction;
    String headerEventType;
    String headerEventId;
    String headerCreateTime;
    String headerAppId;
    String headerTenantKey;
    String headerToken;
    String eventType;
    String eventAppId;
    String eventTenantKey;
    final Ordering rootOrdering = new Ordering();
    final Ordering eventOrdering = new Ordering();

    private EnvelopeScan() {
    }

    /** @throws IllegalArgumentException when the body is not one JSON object */
    static EnvelopeScan of(byte[] json, JsonFactory factory) {
        EnvelopeScan scan = new EnvelopeScan();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("The event body is not a JSON object");
            }
            scan.root(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("The event body is not a JSON object");
        }
        return scan;
    }

    /** What to do with one field of an object: the parser is at its value. */
    private interface FieldReader {
        void read(String name, JsonToken value) throws IOException;
    }

    /** Reads the fields of the object the parser has just entered, up to its end. */
    private static void fields(JsonParser parser, FieldReader reader) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            reader.read(name, parser.nextToken());
        }
    }

    private void root(JsonParser parser) throws IOException {
        fields(parser, (name, value) -> {
            switch (name) {
                case "type" -> type = scalar(parser, value);
                case "token" -> token = scalar(parser, value);
                case "challenge" -> challenge = scalar(parser, value);
                case "uuid" -> uuid = scalar(parser, value);
                case "ts" -> ts = scalar(parser, value);
                case "app_id" -> appId = scalar(parser, value);
                case "tenant_key" -> tenantKey = scalar(parser, value);
                case "encrypt" -> {
                    encrypted = true;
                    parser.skipChildren();
                }
                case "action" -> {
                    hasAction = value == JsonToken.START_OBJECT;
                    parser.skipChildren();
                }
                case "header" -> {
                    hasHeader = value == JsonToken.START_OBJECT;
                    if (hasHeader) {
                        header(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "event" -> {
                    hasEvent = value == JsonToken.START_OBJECT;
                    if (hasEvent) {
                        event(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> ordering(parser, name, value, rootOrdering);
            }
        });
    }

    private void header(JsonParser parser) throws IOException {
        fields(parser, (name, value) -> {
            switch (name) {
                case "event_type" -> headerEventType = scalar(parser, value);
                case "event_id" -> headerEventId = scalar(parser, value);
                case "create_time" -> headerCreateTime = scalar(parser, value);
                case "app_id" -> headerAppId = scalar(parser, value);
                case "tenant_key" -> headerTenantKey = scalar(parser, value);
                case "token" -> headerToken = scalar(parser, value);
                default -> parser.skipChildren();
            }
        });
    }

    private void event(JsonParser parser) throws IOException {
        fields(parser, (name, value) -> {
            switch (name) {
                case "type" -> eventType = scalar(parser, value);
                case "app_id" -> eventAppId = scalar(parser, value);
                case "tenant_key" -> eventTenantKey = scalar(parser, value);
                default -> ordering(parser, name, value, eventOrdering);
            }
        });
    }

    /** The ordering fields of an event object (or of a flat legacy card callback); anything else is skipped. */
    private static void ordering(JsonParser parser, String name, JsonToken value, Ordering into) throws IOException {
        switch (name) {
            case "chat_id" -> into.chatId = scalar(parser, value);
            case "open_chat_id" -> into.openChatId = scalar(parser, value);
            case "open_id" -> into.openId = scalar(parser, value);
            case "message" -> into.messageChatId = nested(parser, value, "chat_id");
            case "context" -> into.contextOpenChatId = nested(parser, value, "open_chat_id");
            case "operator" -> into.operatorOpenId = nested(parser, value, "open_id");
            case "user_id" -> into.userIdOpenId = nested(parser, value, "open_id");
            case "operator_id" -> into.operatorIdOpenId = nested(parser, value, "open_id");
            case "sender" -> into.senderOpenId = senderOpenId(parser, value);
            default -> parser.skipChildren();
        }
    }

    /** {@code field} of the object the parser is at; null when it is not an object or has no such scalar. */
    private static String nested(JsonParser parser, JsonToken value, String field) throws IOException {
        return nested(parser, value, field, null);
    }

    /** {@code sender.sender_id.open_id}. */
    private static String senderOpenId(JsonParser parser, JsonToken value) throws IOException {
        return nested(parser, value, "sender_id", "open_id");
    }

    /** {@code field}, or {@code field.inner} when inner is given, of the object the parser is at. */
    private static String nested(JsonParser parser, JsonToken value, String field, String inner) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String[] found = new String[1];
        fields(parser, (name, fieldValue) -> {
            if (!name.equals(field)) {
                parser.skipChildren();
            } else {
                found[0] = inner == null ? scalar(parser, fieldValue) : nested(parser, fieldValue, inner, null);
            }
        });
        return found[0];
    }

    /** A scalar's text as the Map would print it; null for null, objects and arrays (which are skipped). */
    private static String scalar(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
            case VALUE_NUMBER_FLOAT -> String.valueOf(parser.getDoubleValue());
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield null;
            }
            default -> null;
        };
    }
}
