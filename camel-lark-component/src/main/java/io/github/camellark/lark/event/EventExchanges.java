package io.github.camellark.lark.event;

import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;

import static io.github.camellark.lark.event.EventEnvelope.path;

/** Fills an exchange from an event: the body is the {@code event} object, the headers are those the consumer documents. */
final class EventExchanges {

    private static final String MASKED = "\"***\"";

    private EventExchanges() {
    }

    static void fill(Exchange exchange, EventEnvelope envelope) {
        exchange.setPattern(envelope.kind().isCallback() ? ExchangePattern.InOut : ExchangePattern.InOnly);
        Message in = exchange.getIn();
        Map<String, Object> event = envelope.event();
        in.setBody(event);
        set(in, LarkConstants.EVENT_TYPE, envelope.eventType());
        set(in, LarkConstants.EVENT_ID, envelope.eventId());
        set(in, LarkConstants.EVENT_CREATE_TIME, envelope.createTime());
        set(in, LarkConstants.APP_ID, envelope.appId());
        set(in, LarkConstants.TENANT_KEY, envelope.tenantKey());
        in.setHeader(LarkConstants.EVENT_RAW, withoutVerificationToken(envelope));
        switch (envelope.kind()) {
            case CARD_ACTION:
                set(in, LarkConstants.CARD_TOKEN, path(event, "token"));
                set(in, LarkConstants.MESSAGE_ID, path(event, "context", "open_message_id"));
                set(in, LarkConstants.CHAT_ID, path(event, "context", "open_chat_id"));
                set(in, LarkConstants.SENDER_OPEN_ID, path(event, "operator", "open_id"));
                break;
            case LEGACY_CARD_ACTION:
                set(in, LarkConstants.CARD_TOKEN, path(event, "token"));
                set(in, LarkConstants.MESSAGE_ID, path(event, "open_message_id"));
                set(in, LarkConstants.CHAT_ID, path(event, "open_chat_id"));
                set(in, LarkConstants.SENDER_OPEN_ID, path(event, "open_id"));
                break;
            default:
                fillMessageHeaders(in, event);
        }
    }

    /** Message events carry a {@code message} object; recall, reaction and chat events name the message or chat directly. */
    private static void fillMessageHeaders(Message in, Map<String, Object> event) {
        if (EventEnvelope.object(event.get("message")) != null) {
            set(in, LarkConstants.MESSAGE_ID, path(event, "message", "message_id"));
            set(in, LarkConstants.CHAT_ID, path(event, "message", "chat_id"));
            set(in, LarkConstants.CHAT_TYPE, path(event, "message", "chat_type"));
            set(in, LarkConstants.MSG_TYPE, path(event, "message", "message_type"));
            set(in, LarkConstants.SENDER_OPEN_ID, path(event, "sender", "sender_id", "open_id"));
        } else {
            set(in, LarkConstants.MESSAGE_ID, path(event, "message_id"));
            set(in, LarkConstants.CHAT_ID, path(event, "chat_id"));
        }
    }

    /** The raw JSON travels with the exchange (and often into logs): the verification token in it is masked. */
    private static String withoutVerificationToken(EventEnvelope envelope) {
        String token = envelope.verificationToken();
        if (token == null || token.isEmpty()) {
            return envelope.raw();
        }
        return envelope.raw().replace("\"" + token + "\"", MASKED);
    }

    private static void set(Message in, String header, String value) {
        if (value != null) {
            in.setHeader(header, value);
        }
    }
}
