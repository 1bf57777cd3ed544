package io.github.camellark.lark.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class LarkEventsTest {

    private final AppIdentity app = new AppIdentity("cli_a1b2c3d4e5f60718", "2ca1d211f64f6438", "v-token");
    private final LarkEvents events = new LarkEvents(app, Clock.fixed(Instant.ofEpochMilli(1718000000123L), ZoneOffset.UTC));
    private final EventUser alice = events.user("Alice");

    @Test
    void schema2EnvelopeCarriesTheAppAndAMillisecondStringTime() throws Exception {
        JsonNode json = tree(events.textMessage(alice, "oc_chat", "hello"));

        assertThat(json.path("schema").asText()).isEqualTo("2.0");
        JsonNode header = json.path("header");
        assertThat(header.path("event_id").asText()).matches("[0-9a-f]{32}");
        assertThat(header.path("event_type").asText()).isEqualTo("im.message.receive_v1");
        assertThat(header.path("create_time").isTextual()).isTrue();
        assertThat(header.path("create_time").asText()).isEqualTo("1718000000123");
        assertThat(header.path("token").asText()).isEqualTo("v-token");
        assertThat(header.path("app_id").asText()).isEqualTo("cli_a1b2c3d4e5f60718");
        assertThat(header.path("tenant_key").asText()).isEqualTo("2ca1d211f64f6438");
    }

    @Test
    void messageReceiveHasSenderIdsAndContentAsAJsonString() throws Exception {
        EventUser bob = events.user("Bob");
        LarkEvent event = events.message().from(alice).inChat("oc_chat").chatType("p2p").mention(bob).text("@_user_1 hi").build();
        JsonNode message = tree(event).path("event").path("message");

        assertThat(tree(event).path("event").path("sender").path("sender_id").path("open_id").asText()).isEqualTo(alice.openId());
        assertThat(message.path("message_id").asText()).startsWith("om_");
        assertThat(message.path("chat_type").asText()).isEqualTo("p2p");
        assertThat(message.path("content").isTextual()).isTrue();
        assertThat(new ObjectMapper().readTree(message.path("content").asText()).path("text").asText()).isEqualTo("@_user_1 hi");
        assertThat(message.path("mentions").get(0).path("key").asText()).isEqualTo("@_user_1");
        assertThat(message.path("mentions").get(0).path("id").path("open_id").asText()).isEqualTo(bob.openId());
    }

    @Test
    void cardActionCarriesValueDelayedUpdateTokenAndContext() throws Exception {
        LarkEvent click = events.cardAction(alice, "om_card", "oc_chat", Map.of("op", "approve"));
        JsonNode event = tree(click).path("event");

        assertThat(click.type()).isEqualTo("card.action.trigger");
        assertThat(click.isCallback()).isTrue();
        assertThat(event.path("token").asText()).matches("c-[0-9a-f]{40}");
        assertThat(event.path("action").path("value").path("op").asText()).isEqualTo("approve");
        assertThat(event.path("action").path("tag").asText()).isEqualTo("button");
        assertThat(event.path("context").path("open_message_id").asText()).isEqualTo("om_card");
        assertThat(event.path("context").path("open_chat_id").asText()).isEqualTo("oc_chat");
        assertThat(event.path("operator").path("open_id").asText()).isEqualTo(alice.openId());
    }

    @Test
    void otherImEventsHaveTheirSdkShapes() throws Exception {
        assertThat(tree(events.messageRead(alice, "om_1")).path("event").path("message_id_list").get(0).asText()).isEqualTo("om_1");
        assertThat(tree(events.messageRecalled("om_1", "oc_1")).path("event").path("recall_type").asText()).isEqualTo("message_owner");
        JsonNode reaction = tree(events.reactionCreated("om_1", alice, "THUMBSUP")).path("event");
        assertThat(reaction.path("reaction_type").path("emoji_type").asText()).isEqualTo("THUMBSUP");
        assertThat(reaction.path("user_id").path("union_id").asText()).isEqualTo(alice.unionId());
        assertThat(events.reactionDeleted("om_1", alice, "OK").type()).isEqualTo("im.message.reaction.deleted_v1");
        JsonNode added = tree(events.chatMemberUserAdded("oc_1", "Ops room", alice, events.user("Carol"))).path("event");
        assertThat(added.path("users").get(0).path("name").asText()).isEqualTo("Carol");
        assertThat(added.path("i18n_names").path("en_us").asText()).isEqualTo("Ops room");
    }

    @Test
    void challengeIsFlat() throws Exception {
        LarkEvent challenge = events.urlVerification("ajls384kdj1234");
        assertThat(challenge.toJson()).isEqualTo("{\"challenge\":\"ajls384kdj1234\",\"token\":\"v-token\",\"type\":\"url_verification\"}");
        assertThat(challenge.isCallback()).isTrue();
    }

    @Test
    void schema1EventsUseUuidAndEventType() throws Exception {
        LarkEvent ticket = events.appTicket("ticket-1");
        JsonNode json = tree(ticket);
        assertThat(json.path("type").asText()).isEqualTo("event_callback");
        assertThat(json.path("uuid").asText()).isEqualTo(ticket.id());
        assertThat(json.path("ts").asText()).isEqualTo("1718000000.1230000");
        assertThat(ticket.type()).isEqualTo("app_ticket");
        assertThat(json.path("event").path("app_ticket").asText()).isEqualTo("ticket-1");
        assertThat(events.legacyTextMessage(alice, "oc_1", "hi").type()).isEqualTo("message");
        assertThat(events.customV1("message_read", Map.of("open_chat_id", "oc_1")).type()).isEqualTo("message_read");
    }

    @Test
    void customEventsAndParsedTextKeepTheirShape() {
        LarkEvent custom = events.custom("contact.user.created_v3", Map.of("object", Map.of("name", "Dan")));
        assertThat(custom.type()).isEqualTo("contact.user.created_v3");
        LarkEvent parsed = LarkEvent.parse(custom.toJson());
        assertThat(parsed.schema()).isEqualTo(LarkEvent.Schema.V2);
        assertThat(parsed.id()).isEqualTo(custom.id());
        assertThat(LarkEvent.parse(events.urlVerification("c").toJson()).schema()).isEqualTo(LarkEvent.Schema.CHALLENGE);
        assertThat(custom.withToken("other").json().path("header").path("token").asText()).isEqualTo("other");
    }

    private static JsonNode tree(LarkEvent event) throws Exception {
        return new ObjectMapper().readTree(event.toJson());
    }
}
