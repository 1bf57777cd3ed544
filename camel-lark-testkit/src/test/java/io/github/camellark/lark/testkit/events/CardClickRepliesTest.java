package io.github.camellark.lark.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.CardClickReply.CardUpdate;
import io.github.camellark.lark.testkit.events.CardClickReply.Toast;
import io.github.camellark.lark.testkit.events.TestReceiver.Answer;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;

/**
 * Lark applies the app's answer to a card click: the clicker sees the toast and the answer's card
 * takes the clicked card's place. Here over a webhook; the SDK test in {@code sdk} shows the same over the long connection.
 */
class CardClickRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String APPROVAL_CARD = card("2.0", null, "Approval needed");
    private static final String APPROVED_CARD = card("2.0", null, "Approved");

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
        sim.events().deliverTo(sim.webhook(app.uri().toString()));
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
        app.close();
    }

    @Test
    void aRawCardInTheAnswerReplacesTheClickedCardForEveryoneAndTheToastIsShownToTheClicker() throws Exception {
        SimMessage card = botCard(APPROVAL_CARD);
        List<String> edited = new CopyOnWriteArrayList<>();
        sim.state().addListener(new StateListener() {
            @Override
            public void messageEdited(SimMessage message) {
                edited.add(message.messageId());
            }
        });
        answerWith("{\"toast\":{\"type\":\"success\",\"content\":\"Approved\",\"i18n\":{\"zh_cn\":\"已批准\"}},"
                   + "\"card\":{\"type\":\"raw\",\"data\":" + APPROVED_CARD + "}}");

        CardClickReply reply = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);

        assertThat(reply.answered()).isTrue();
        assertThat(reply.toast()).contains(new Toast("success", "Approved", Map.of("zh_cn", "已批准")));
        assertThat(reply.cardUpdate()).isEqualTo(CardUpdate.EVERYONE);
        assertThat(reply.cardUpdated()).isTrue();
        assertThat(reply.card()).contains(JSON.readTree(APPROVED_CARD));
        // the stored message changed: the conversation view, GET message and the history read the new card
        assertThat(JSON.readTree(card.content())).isEqualTo(JSON.readTree(APPROVED_CARD));
        assertThat(sim.conversation().in(room).texts()).containsExactly("[card: Approved]");
        JsonNode read = get("/open-apis/im/v1/messages/" + card.messageId()).at("/data/items/0/body/content");
        assertThat(JSON.readTree(read.asText())).isEqualTo(JSON.readTree(APPROVED_CARD));
        JsonNode history = get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId());
        assertThat(JSON.readTree(history.at("/data/items/0/body/content").asText())).isEqualTo(JSON.readTree(APPROVED_CARD));
        assertThat(card.updated()).as("a card update is no edit").isFalse();
        assertThat(edited).containsExactly(card.messageId());
        // the toast and the update are on record
        assertThat(sim.state().activities("card_toast")).singleElement().satisfies((Activity toast) -> {
            assertThat(toast.targetId()).isEqualTo(card.messageId());
            assertThat(toast.ids()).containsExactly(alice.openId());
            assertThat(JSON.readTree(toast.detail()).path("content").asText()).isEqualTo("Approved");
        });
        assertThat(sim.state().activities("card_callback_update")).singleElement()
                .satisfies((Activity update) -> assertThat(update.ids()).as("everyone").isEmpty());
    }

    @Test
    void aTemplateCardInTheAnswerReplacesTheCardWithTheTemplate() throws Exception {
        SimMessage card = botCard(APPROVAL_CARD);
        answerWith("{\"card\":{\"type\":\"template\",\"data\":{\"template_id\":\"ctp_AA1\",\"template_variable\":{\"who\":\"Alice\"}}}}");

        CardClickReply reply = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);

        assertThat(reply.cardUpdate()).isEqualTo(CardUpdate.EVERYONE);
        assertThat(reply.toast()).isEmpty();
        JsonNode stored = JSON.readTree(card.content());
        assertThat(stored.path("type").asText()).isEqualTo("template");
        assertThat(stored.at("/data/template_id").asText()).isEqualTo("ctp_AA1");
        assertThat(stored.at("/data/template_variable/who").asText()).isEqualTo("Alice");
        assertThat(sim.conversation().in(room).texts()).containsExactly("[card: template ctp_AA1]");
    }

    @Test
    void anEmptyAnswerOrAToastAloneLeavesTheCardAsItWas() {
        SimMessage card = botCard(APPROVAL_CARD);

        answerWith("{}");
        CardClickReply empty = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);
        answerWith("{\"toast\":{\"type\":\"info\",\"content\":\"Noted\"}}");
        CardClickReply toastOnly = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);
        answerWith("{\"msg\":\"success\"}");
        CardClickReply sdkDefault = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);

        assertThat(List.of(empty, toastOnly, sdkDefault)).allSatisfy(reply -> {
            assertThat(reply.answered()).isTrue();
            assertThat(reply.cardUpdate()).isEqualTo(CardUpdate.NONE);
            assertThat(reply.cardUpdated()).isFalse();
        });
        assertThat(toastOnly.toast()).map(Toast::content).contains("Noted");
        assertThat(card.content()).isEqualTo(APPROVAL_CARD);
        assertThat(sim.state().activities("card_toast")).hasSize(1);
        assertThat(sim.state().activities("card_callback_update")).isEmpty();
    }

    @Test
    void anUnsharedCardChangesOnlyForTheClickerSoTheStoredMessageKeepsTheOldCard() {
        String unshared = card(null, false, "Vote");
        SimMessage card = botCard(unshared);
        answerWith("{\"card\":{\"type\":\"raw\",\"data\":" + card(null, false, "You voted") + "}}");

        CardClickReply reply = sim.events().clickCard(alice, card, Map.of("vote", "yes")).awaitReply(WAIT);

        assertThat(reply.cardUpdate()).isEqualTo(CardUpdate.CLICKER_ONLY);
        assertThat(reply.cardUpdated()).isTrue();
        assertThat(card.content()).isEqualTo(unshared);
        assertThat(sim.state().activities("card_callback_update")).singleElement()
                .satisfies((Activity update) -> assertThat(update.ids()).containsExactly(alice.openId()));
    }

    @Test
    void aFailingAppLeavesTheClickUnansweredAndTheCardUnchanged() {
        SimMessage card = botCard(APPROVAL_CARD);
        app.answer(request -> new Answer(500, "{\"card\":{\"type\":\"raw\",\"data\":" + APPROVED_CARD + "}}"));

        CardClickReply reply = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);

        assertThat(reply.answered()).isFalse();
        assertThat(reply.failure()).hasValueSatisfying(why -> assertThat(why).contains("HTTP 500"));
        assertThat(reply.cardUpdate()).isEqualTo(CardUpdate.NONE);
        assertThat(card.content()).isEqualTo(APPROVAL_CARD);
        assertThat(app.received()).as("callbacks are not redelivered").hasSize(1);
    }

    @Test
    void aCardOfAnUnknownTypeOrWithoutContentIsRefused() {
        SimMessage card = botCard(APPROVAL_CARD);

        answerWith("{\"card\":{\"type\":\"card_json\",\"data\":" + APPROVED_CARD + "}}");
        CardClickReply unknownType = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);
        answerWith("{\"card\":{\"type\":\"template\",\"data\":{}}}");
        CardClickReply noTemplateId = sim.events().clickCard(alice, card, Map.of("op", "approve")).awaitReply(WAIT);

        assertThat(unknownType.cardUpdate()).isEqualTo(CardUpdate.REFUSED);
        assertThat(unknownType.problem()).hasValueSatisfying(why -> assertThat(why).contains("card_json").contains("unverified"));
        assertThat(noTemplateId.cardUpdate()).isEqualTo(CardUpdate.REFUSED);
        assertThat(noTemplateId.problem()).hasValueSatisfying(why -> assertThat(why).contains("template_id"));
        assertThat(card.content()).isEqualTo(APPROVAL_CARD);
    }

    @Test
    void aCardActionPushedByHandIsAppliedLikeAClick() {
        SimMessage card = botCard(APPROVAL_CARD);
        answerWith("{\"card\":{\"type\":\"raw\",\"data\":" + APPROVED_CARD + "}}");
        LarkEvents events = sim.events().factory();

        sim.events().push(events.cardAction(sim.events().eventUser(alice), card.messageId(), room.chatId(), Map.of("op", "approve")));

        await().atMost(WAIT).until(() -> card.content().equals(APPROVED_CARD));
    }

    @Test
    void anOldCardUrlCallbackIsAnsweredWithTheNewCardItself() {
        SimMessage card = botCard(APPROVAL_CARD);
        answerWith(APPROVED_CARD);
        LarkEvents events = sim.events().factory();

        sim.events().push(events.legacyCardAction(sim.events().eventUser(alice), card.messageId(), room.chatId(), Map.of("op", "approve")));

        await().atMost(WAIT).until(() -> card.content().equals(APPROVED_CARD));
    }

    @Test
    void withNowhereToDeliverTheClickIsUnansweredAtOnce() {
        sim.events().clearDeliveries();
        SimMessage card = botCard(APPROVAL_CARD);

        CardClick click = sim.events().clickCard(alice, card, Map.of("op", "approve"));

        assertThat(click.isAnswered()).isTrue();
        assertThat(click.awaitReply(WAIT).failure()).hasValueSatisfying(why -> assertThat(why).contains("nowhere to deliver"));
        assertThat(click.token()).startsWith("c-");
        assertThat(sim.events().pushed()).containsExactly(click.event());
    }

    private SimMessage botCard(String cardJson) {
        return sim.state().postMessage(room, sim.state().bot(), "interactive", cardJson);
    }

    private void answerWith(String body) {
        app.answer(request -> new Answer(200, body));
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery))
                .header("Authorization", "Bearer " + sim.tenantAccessToken()).GET().build();
        return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A card with a title: {@code schema} 2.0 or null (1.0); {@code shared} sets {@code config.update_multi}, null leaves it out. */
    private static String card(String schema, Boolean shared, String title) {
        return "{" + (schema == null ? "" : "\"schema\":\"" + schema + "\",")
               + (shared == null ? "" : "\"config\":{\"update_multi\":" + shared + "},")
               + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"" + title + "\"}},\"elements\":[]}";
    }
}
