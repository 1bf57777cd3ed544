package io.github.camellark.lark.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.state.SimCardEntity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CardKit card entities: Lark's rules for sequences, streaming text and the 10 operations per second of one card. */
class CardKitTest {

    private static final String CARDS = "/open-apis/cardkit/v1/cards";
    private static final String STREAMING_CARD = "{\"schema\":\"2.0\",\"config\":{\"streaming_mode\":true,\"update_multi\":true},"
            + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"Answer\"}},"
            + "\"body\":{\"elements\":[{\"tag\":\"markdown\",\"element_id\":\"answer\",\"content\":\"…\"}]}}";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private static LarkSimulator sim;
    private static RawLark lark;
    private static SimChat room;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.builder().clock(CLOCK).start();
        lark = new RawLark(sim).authenticated();
        SimUser alice = sim.createUser("Alice");
        room = sim.createChat("help-room", alice);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String create() {
        RawLark.Reply created = lark.post(CARDS, Map.of("type", "card_json", "data", STREAMING_CARD));
        assertThat(created.code()).isZero();
        return created.data().path("card_id").asText();
    }

    private static RawLark.Reply text(String cardId, String text, int sequence) {
        return lark.put(CARDS + "/" + cardId + "/elements/answer/content", Map.of("content", text, "sequence", sequence,
                "uuid", "u-" + cardId + "-" + sequence));
    }

    @Test
    void aStreamedCardShowsItsFinalTextAndHowManyUpdatesItTookInTheConversation() {
        String cardId = create();
        RawLark.Reply sent = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", Map.of("receive_id", room.chatId(),
                "msg_type", "interactive", "content", "{\"type\":\"card\",\"data\":{\"card_id\":\"" + cardId + "\"}}"));
        assertThat(sent.code()).isZero();

        assertThat(text(cardId, "Restart", 1).code()).isZero();
        assertThat(sim.conversation().in(room).texts()).containsExactly("[card: Answer] Restart (streaming) (1 update)");
        assertThat(text(cardId, "Restart the VPN client.", 2).code()).isZero();
        assertThat(lark.patch(CARDS + "/" + cardId + "/settings", Map.of("settings",
                "{\"config\":{\"streaming_mode\":false}}", "sequence", 3)).code()).isZero();

        assertThat(sim.conversation().in(room).texts()).containsExactly("[card: Answer] Restart the VPN client. (3 updates)");
        RawLark.Reply late = text(cardId, "Restart the VPN client. Then", 4);
        assertThat(late.code()).isEqualTo(300309);
    }

    @Test
    void aSequenceThatDoesNotGrowIsRefusedAndARepeatedUuidIsAnsweredWithoutApplyingAgain() {
        String cardId = create();
        assertThat(text(cardId, "one", 5).code()).isZero();

        RawLark.Reply repeated = text(cardId, "one", 5);
        RawLark.Reply older = lark.put(CARDS + "/" + cardId + "/elements/answer/content", Map.of("content", "two", "sequence", 5));

        assertThat(repeated.code()).isZero();
        assertThat(older.code()).isEqualTo(300317);
        SimCardEntity card = sim.state().cardEntities().card(cardId).orElseThrow();
        assertThat(card.updates()).isEqualTo(1);
        assertThat(card.elementText("answer")).contains("one");
    }

    @Test
    void theEleventhOperationOnOneCardWithinASecondIsRefusedAsLarkRefusesIt() {
        String cardId = create();
        String other = create();
        for (int i = 1; i <= 10; i++) {
            assertThat(text(cardId, "x".repeat(i), i).code()).isZero();
        }

        RawLark.Reply eleventh = text(cardId, "x".repeat(11), 11);
        RawLark.Reply otherCard = text(other, "y", 1);
        CLOCK.advance(Duration.ofSeconds(1));
        RawLark.Reply nextSecond = text(cardId, "x".repeat(12), 12);

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.code()).isEqualTo(99991400);
        assertThat(otherCard.code()).isZero();
        assertThat(nextSecond.code()).isZero();
        SimCardEntity card = sim.state().cardEntities().card(cardId).orElseThrow();
        assertThat(card.refusals()).isEqualTo(1);
        assertThat(card.maxUpdatesInOneSecond()).isEqualTo(10);
    }

    @Test
    void elementsAreAddedPatchedAndDeletedAndAMessageCannotShowAnUnknownEntity() {
        String cardId = create();
        String button = "[{\"tag\":\"button\",\"element_id\":\"yes\",\"text\":{\"tag\":\"plain_text\",\"content\":\"Yes\"}}]";

        assertThat(lark.post(CARDS + "/" + cardId + "/elements", Map.of("type", "append", "elements", button,
                "sequence", 1)).code()).isZero();
        assertThat(lark.patch(CARDS + "/" + cardId + "/elements/yes", Map.of("partial_element", "{\"type\":\"primary\"}",
                "sequence", 2)).code()).isZero();
        JsonNode withButton = sim.state().cardEntities().card(cardId).orElseThrow().card();
        assertThat(lark.send("DELETE", CARDS + "/" + cardId + "/elements/yes", Map.of("sequence", 3)).code()).isZero();
        RawLark.Reply missing = lark.patch(CARDS + "/" + cardId + "/elements/yes", Map.of("partial_element", "{}", "sequence", 4));
        RawLark.Reply unknown = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", Map.of("receive_id", room.chatId(),
                "msg_type", "interactive", "content", "{\"type\":\"card\",\"data\":{\"card_id\":\"404\"}}"));
        RawLark.Reply oldSchema = lark.post(CARDS, Map.of("type", "card_json", "data", "{\"elements\":[]}"));

        assertThat(withButton.at("/body/elements/1/type").asText()).isEqualTo("primary");
        assertThat(sim.state().cardEntities().card(cardId).orElseThrow().card().at("/body/elements")).hasSize(1);
        assertThat(missing.code()).isEqualTo(300313);
        assertThat(unknown.code()).isEqualTo(230099);
        assertThat(oldSchema.code()).isEqualTo(10002);
        assertThat(List.of(missing.code())).doesNotContain(0);
    }
}
