package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkEventOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which chat, else which user, orders an event: read from the envelope in one streaming pass, before routing. */
class OrderingKeyTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String keyOf(String event) {
        String json = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e\",\"event_type\":\"t\"},\"event\":" + event + "}";
        return OrderingKey.of(EventEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), mapper), LarkEventOrder.chat);
    }

    @Test
    void messagesAreOrderedByTheirChat() {
        assertThat(keyOf("{\"sender\":{\"sender_id\":{\"open_id\":\"ou_1\"}},\"message\":{\"message_id\":\"om\",\"chat_id\":\"oc_1\"}}"))
                .isEqualTo("oc_1");
    }

    @Test
    void eventsNamingTheirChatDirectlyOrInTheirContextAreOrderedByIt() {
        assertThat(keyOf("{\"chat_id\":\"oc_2\",\"operator_id\":{\"open_id\":\"ou_2\"}}")).isEqualTo("oc_2");
        assertThat(keyOf("{\"context\":{\"open_message_id\":\"om\",\"open_chat_id\":\"oc_3\"},\"operator\":{\"open_id\":\"ou\"}}"))
                .isEqualTo("oc_3");
        assertThat(keyOf("{\"open_chat_id\":\"oc_4\"}")).isEqualTo("oc_4");
    }

    @Test
    void withoutAChatTheUserWhoActedOrdersTheEvent() {
        assertThat(keyOf("{\"sender\":{\"sender_id\":{\"union_id\":\"on\",\"open_id\":\"ou_5\"}}}")).isEqualTo("sender:ou_5");
        assertThat(keyOf("{\"operator\":{\"open_id\":\"ou_6\"}}")).isEqualTo("sender:ou_6");
        assertThat(keyOf("{\"user_id\":{\"open_id\":\"ou_7\"}}")).isEqualTo("sender:ou_7");
        assertThat(keyOf("{\"operator_id\":{\"open_id\":\"ou_8\"}}")).isEqualTo("sender:ou_8");
        assertThat(keyOf("{\"open_id\":\"ou_9\"}")).isEqualTo("sender:ou_9");
    }

    @Test
    void emptyObjectOrArrayValuesAreNoKey() {
        assertThat(keyOf("{\"message\":{\"chat_id\":\"\"},\"chat_id\":{\"id\":\"x\"},\"open_chat_id\":[\"oc\"]}")).isNull();
        assertThat(keyOf("{\"message\":{\"content\":\"{\\\"chat_id\\\":\\\"oc_in_text\\\"}\"}}")).isNull();
        assertThat(keyOf("{}")).isNull();
    }

    @Test
    void fieldsOutsideTheEventDoNotOrderIt() {
        String json = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e\",\"chat_id\":\"oc_header\"},\"chat_id\":\"oc_root\","
                      + "\"event\":{\"open_id\":\"ou_1\"}}";

        assertThat(OrderingKey.of(EventEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), mapper), LarkEventOrder.chat))
                .isEqualTo("sender:ou_1");
    }

    @Test
    void legacyCardCallbacksAreOrderedByTheirFlatChatField() {
        String json = "{\"open_id\":\"ou_1\",\"user_id\":\"u\",\"open_message_id\":\"om\",\"open_chat_id\":\"oc_legacy\","
                      + "\"token\":\"c-1\",\"action\":{\"value\":{}}}";

        assertThat(OrderingKey.of(EventEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), mapper), LarkEventOrder.chat))
                .isEqualTo("oc_legacy");
    }

    @Test
    void orderByNoneOrdersNothing() {
        String json = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e\"},\"event\":{\"chat_id\":\"oc_1\"}}";

        assertThat(OrderingKey.of(EventEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), mapper), LarkEventOrder.none)).isNull();
    }

    @Test
    void theEventMapIsBuiltOnFirstUseOncePerEnvelope() {
        byte[] json = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"e\"},\"event\":{\"chat_id\":\"oc_1\",\"n\":1.5}}"
                .getBytes(StandardCharsets.UTF_8);
        EventEnvelope first = EventEnvelope.parse(json, mapper);
        EventEnvelope second = EventEnvelope.parse(json, mapper);

        Map<String, Object> event = first.event();

        assertThat(event).isEqualTo(Map.of("chat_id", "oc_1", "n", 1.5));
        assertThat(first.event()).isSameAs(event);
        assertThat(second.event()).isEqualTo(event).isNotSameAs(event);
        assertThat(first.raw()).isEqualTo(new String(json, StandardCharsets.UTF_8));
    }
}
