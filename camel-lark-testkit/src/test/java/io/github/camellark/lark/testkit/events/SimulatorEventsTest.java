package io.github.camellark.lark.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;

/** The events half wired into the simulator: user actions become events delivered the configured way. */
class SimulatorEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LarkSimulator sim;
    private TestReceiver app;
    private SimUser alice;
    private SimChat room;

    @BeforeEach
    void start() throws Exception {
        sim = LarkSimulator.start();
        app = new TestReceiver();
        alice = sim.createUser("Alice");
        room = sim.createChat("ops-room", alice);
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        app.close();
    }

    @Test
    void aUserTypingInAChatIsStoredAndPushedToTheWebhook() throws Exception {
        sim.events().deliverTo(sim.webhook(app.uri().toString()).withEncryptKey("k"));

        SimMessage message = sim.userSays(alice, room, "hello bot");

        await().until(() -> app.received().size() == 1);
        JsonNode event = JSON.readTree(EventCrypto.decrypt("k", JSON.readTree(app.received().get(0).body()).path("encrypt").asText()));
        assertThat(event.path("header").path("event_type").asText()).isEqualTo("im.message.receive_v1");
        assertThat(event.path("header").path("app_id").asText()).isEqualTo(sim.appId());
        assertThat(event.path("header").path("tenant_key").asText()).isEqualTo(sim.tenantKey());
        assertThat(event.path("header").path("token").asText()).isEqualTo(sim.verificationToken());
        JsonNode stored = event.path("event").path("message");
        assertThat(stored.path("message_id").asText()).isEqualTo(message.messageId());
        assertThat(stored.path("chat_id").asText()).isEqualTo(room.chatId());
        assertThat(stored.path("content").asText()).isEqualTo("{\"text\":\"hello bot\"}");
        assertThat(event.path("event").path("sender").path("sender_id").path("open_id").asText()).isEqualTo(alice.openId());
        assertThat(sim.conversation().toString()).contains("hello bot");
    }

    @Test
    void userReactionsReadsAndMemberAdditionsBecomeEvents() {
        SimMessage botMessage = sim.state().postMessage(room, sim.state().bot(), "text", sim.state().textContent("hi all"));
        SimUser bob = sim.createUser("Bob");

        sim.state().userReacts(alice, botMessage, "THUMBSUP");
        sim.state().markRead(alice, botMessage);
        sim.state().addMembers(room, java.util.List.of(bob), io.github.camellark.lark.testkit.state.Sender.user(alice));

        assertThat(sim.events().pushed()).extracting(LarkEvent::type)
                .containsExactly("im.message.reaction.created_v1", "im.message.message_read_v1", "im.chat.member.user.added_v1");
    }

    @Test
    void theAppsOwnMessagesProduceNoEvent() {
        sim.state().postMessage(room, sim.state().bot(), "text", sim.state().textContent("from the bot"));

        assertThat(sim.events().pushed()).isEmpty();
    }

    @Test
    void aCardClickCarriesADelayedUpdateTokenTheStateKnows() {
        SimMessage card = sim.state().postMessage(room, sim.state().bot(), "interactive", "{\"elements\":[]}");

        LarkEvent click = sim.events().clickCard(alice, card, Map.of("op", "approve")).event();

        String token = click.event().path("token").asText();
        assertThat(click.event().path("context").path("open_message_id").asText()).isEqualTo(card.messageId());
        assertThat(sim.state().useCardToken(token)).isPresent();
    }

    @Test
    void discoveryIsServedByTheSimulatorAndChecksTheAppCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        JsonNode ok = JSON.readTree(http.send(discovery(sim.appId(), sim.appSecret()), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode wrong = JSON.readTree(http.send(discovery(sim.appId(), "guess"), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(ok.path("code").asInt()).isZero();
        assertThat(ok.path("data").path("URL").asText()).startsWith("ws://127.0.0.1:");
        assertThat(wrong.path("code").asInt()).isNotZero();
        assertThat(sim.journal().count("POST", "/callback/ws/endpoint")).isEqualTo(2);
    }

    private HttpRequest discovery(String appId, String secret) {
        return HttpRequest.newBuilder(URI.create(sim.baseUri() + "/callback/ws/endpoint"))
                .header("locale", "zh")
                .POST(HttpRequest.BodyPublishers.ofString("{\"AppID\":\"" + appId + "\",\"AppSecret\":\"" + secret + "\"}"))
                .build();
    }
}
