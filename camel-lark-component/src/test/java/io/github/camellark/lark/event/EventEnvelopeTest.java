package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.support.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the bodies Lark sends are told apart: challenge, schema 2.0 and 1.0 events, new and old card callbacks. */
class EventEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private EventEnvelope parse(String json) {
        return EventEnvelope.parse(json.getBytes(StandardCharsets.UTF_8), mapper);
    }

    @Test
    void schemaTwoEventTakesItsFieldsFromTheHeader() {
        EventEnvelope envelope = parse(SampleEvents.messageReceived("ev-1", "vt", "hi"));

        assertThat(envelope.kind()).isEqualTo(EventEnvelope.Kind.EVENT);
        assertThat(envelope.eventType()).isEqualTo("im.message.receive_v1");
        assertThat(envelope.eventId()).isEqualTo("ev-1");
        assertThat(envelope.createTime()).isEqualTo(Long.toString(SampleEvents.CREATED));
        assertThat(envelope.appId()).isEqualTo(SampleEvents.APP);
        assertThat(envelope.tenantKey()).isEqualTo(SampleEvents.TENANT);
        assertThat(envelope.verificationToken()).isEqualTo("vt");
        assertThat(envelope.event()).containsKeys("sender", "message");
        assertThat(envelope.toString()).doesNotContain("vt");
    }

    @Test
    void schemaOneEventTakesTypeFromTheEventAndIdFromUuid() {
        EventEnvelope envelope = parse(SampleEvents.appTicket("u-1", "vt", "cli_x", "ticket-1"));

        assertThat(envelope.kind()).isEqualTo(EventEnvelope.Kind.EVENT);
        assertThat(envelope.eventType()).isEqualTo("app_ticket");
        assertThat(envelope.eventId()).isEqualTo("u-1");
        assertThat(envelope.createTime()).isEqualTo(Long.toString(SampleEvents.SCHEMA_1_CREATED_MILLIS));
        assertThat(envelope.appId()).isEqualTo("cli_x");
        assertThat(envelope.verificationToken()).isEqualTo("vt");
    }

    @Test
    void cardCallbacksOfBothGenerationsAreRecognised() {
        assertThat(parse(SampleEvents.cardAction("ev-2", "vt", "c-1")).kind()).isEqualTo(EventEnvelope.Kind.CARD_ACTION);

        EventEnvelope legacy = parse(SampleEvents.legacyCardAction("c-1"));
        assertThat(legacy.kind()).isEqualTo(EventEnvelope.Kind.LEGACY_CARD_ACTION);
        assertThat(legacy.eventType()).isEqualTo("card.action.trigger_v1");
        assertThat(legacy.eventId()).isNull();
        assertThat(legacy.verificationToken()).as("its token is the card's update token").isNull();
    }

    @Test
    void challengeCarriesItsValueAndToken() {
        EventEnvelope envelope = parse(SampleEvents.challenge("abc", "vt"));

        assertThat(envelope.kind()).isEqualTo(EventEnvelope.Kind.CHALLENGE);
        assertThat(envelope.challenge()).isEqualTo("abc");
        assertThat(envelope.verificationToken()).isEqualTo("vt");
    }

    @Test
    void otherJsonIsUnknownAndNonJsonOrEncryptedIsRefused() {
        assertThat(parse("{\"hello\":1}").kind()).isEqualTo(EventEnvelope.Kind.UNKNOWN);
        assertThatThrownBy(() -> parse("nope")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"encrypt\":\"x\"}")).hasMessageContaining("no encryptKey");
    }
}
