package io.github.camellark.lark.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The answer Lark gets for a card callback, made from what the route left in the body. */
final class CallbackReplies {

    private final ObjectMapper mapper;

    CallbackReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The route's reply to a card callback: a Map (or any object) becomes JSON, a String or byte[] must already be JSON.
     * No reply, or the unchanged event, means "keep the card as it is".
     */
    byte[] of(EventEnvelope envelope, Object body) {
        if (body == null || body == envelope.event()) {
            return EventAck.KEEP_CARD;
        }
        if (body instanceof byte[] || body instanceof String) {
            byte[] bytes = body instanceof String ? ((String) body).getBytes(StandardCharsets.UTF_8) : (byte[]) body;
            try {
                mapper.readTree(bytes);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("The reply to a card callback must be JSON ({toast, card}), got text that is not JSON");
            }
            return bytes;
        }
        return json(body);
    }

    byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("The reply to a card callback cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
