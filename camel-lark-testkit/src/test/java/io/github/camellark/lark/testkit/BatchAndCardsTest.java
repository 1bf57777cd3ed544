package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.CardToken;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimDepartment;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** batch_send and its management calls, card updates, ephemeral cards, buzzes and URL previews. */
class BatchAndCardsTest {

    private static final String SHARED_CARD = "{\"config\":{\"update_multi\":true},\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"CPU alert\"}},"
            + "\"elements\":[{\"tag\":\"div\",\"text\":{\"tag\":\"lark_md\",\"content\":\"97%\"}}]}";
    private static LarkSimulator sim;
    private static RawLark lark;
    private static SimUser alice;
    private static SimUser bob;
    private static SimUser carol;
    private static SimChat room;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.start();
        lark = new RawLark(sim).authenticated();
        alice = sim.createUser("Alice");
        bob = sim.createUser("Bob");
        carol = sim.createUser("Carol");
        room = sim.createChat("ops-room", alice, bob);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    // ------------------------------------------------------------------ batch messages

    @Test
    void batchSendTakesContentAsAnObjectAndReportsInvalidIds() {
        SimUser dave = sim.createUser("Dave");
        RawLark.Reply reply = lark.post("/open-apis/message/v4/batch_send/", Map.of(
                "msg_type", "text",
                "content", Map.of("text", "maintenance tonight"),
                "open_ids", List.of(alice.openId(), "ou_unknown"),
                "user_ids", List.of(dave.userId()),
                "department_ids", List.of("od-1")));

        assertThat(reply.code()).isZero();
        JsonNode data = reply.data();
        assertThat(data.path("message_id").asText()).startsWith("bm-");
        assertThat(data.path("invalid_open_ids")).extracting(JsonNode::asText).containsExactly("ou_unknown");
        assertThat(data.path("invalid_department_ids")).extracting(JsonNode::asText).containsExactly("od-1");
        assertThat(data.path("invalid_user_ids")).isEmpty();
        assertThat(sim.conversation().in(sim.state().p2pChat(dave)).texts()).containsExactly("maintenance tonight");
    }

    @Test
    void batchSendToADepartmentReachesItsMembersAndThoseOfItsSubDepartments() {
        SimUser erin = sim.createUser("Erin");
        SimUser frank = sim.createUser("Frank");
        SimDepartment support = sim.createDepartment("Support", erin);
        SimDepartment nightShift = sim.createSubDepartment(support, "Night shift", frank);
        SimDepartment operations = sim.createDepartment("Operations", frank);

        RawLark.Reply reply = lark.post("/open-apis/message/v4/batch_send/", Map.of(
                "msg_type", "text",
                "content", Map.of("text", "maintenance tonight"),
                "department_ids", List.of(support.openDepartmentId(), operations.departmentId(), "od-unknown")));

        assertThat(support.openDepartmentId()).startsWith("od-");
        assertThat(nightShift.parentOpenDepartmentId()).isEqualTo(support.openDepartmentId());
        assertThat(reply.code()).isZero();
        assertThat(reply.data().path("invalid_department_ids")).extracting(JsonNode::asText).containsExactly("od-unknown");
        String id = reply.data().path("message_id").asText();
        assertThat(sim.state().batchMessage(id).orElseThrow().recipients()).as("each person once").containsExactly(erin, frank);
        assertThat(sim.conversation().in(sim.state().p2pChat(erin)).texts()).containsExactly("maintenance tonight");
        assertThat(sim.conversation().in(sim.state().p2pChat(frank)).texts()).containsExactly("maintenance tonight");

        sim.state().markRead(frank, sim.state().messagesIn(sim.state().p2pChat(frank)).get(0));
        JsonNode progress = lark.get("/open-apis/im/v1/batch_messages/" + id + "/get_progress").data().path("batch_message_send_progress");
        assertThat(progress.path("valid_user_ids_count").asInt()).isEqualTo(2);
        assertThat(progress.path("read_user_ids_count").asInt()).isEqualTo(1);
        JsonNode readUser = lark.get("/open-apis/im/v1/batch_messages/" + id + "/read_user").data().path("read_user");
        assertThat(readUser.path("total_count").asText()).isEqualTo("2");
    }

    @Test
    void batchSendRefusesAStringContentWithHttp200() {
        RawLark.Reply reply = lark.post("/open-apis/message/v4/batch_send/", Map.of(
                "msg_type", "text", "content", "{\"text\":\"x\"}", "open_ids", List.of(alice.openId())));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isNotZero();
    }

    @Test
    void batchProgressAdvancesOnEveryQueryAndCountsReadsAndRecalls() {
        String id = lark.post("/open-apis/message/v4/batch_send/", Map.of("msg_type", "text", "content", Map.of("text", "hi all"),
                "open_ids", List.of(alice.openId(), bob.openId(), carol.openId()))).data().path("message_id").asText();
        String progress = "/open-apis/im/v1/batch_messages/" + id + "/get_progress";

        JsonNode first = lark.get(progress).data().path("batch_message_send_progress");
        JsonNode second = lark.get(progress).data().path("batch_message_send_progress");
        JsonNode third = lark.get(progress).data().path("batch_message_send_progress");

        assertThat(first.path("valid_user_ids_count").asInt()).isEqualTo(3);
        assertThat(List.of(first.path("success_user_ids_count").asInt(), second.path("success_user_ids_count").asInt(),
                third.path("success_user_ids_count").asInt())).containsExactly(1, 2, 3);

        SimMessage alicesCopy = sim.state().batchMessage(id).orElseThrow().messageIds().stream()
                .map(m -> sim.state().message(m).orElseThrow()).filter(m -> m.chatId().equals(sim.state().p2pChat(alice).chatId()))
                .findFirst().orElseThrow();
        sim.state().markRead(alice, alicesCopy);
        JsonNode readUser = lark.get("/open-apis/im/v1/batch_messages/" + id + "/read_user").data().path("read_user");
        assertThat(readUser.path("read_count").asText()).isEqualTo("1");
        assertThat(readUser.path("total_count").asText()).isEqualTo("3");

        assertThat(lark.delete("/open-apis/im/v1/batch_messages/" + id).code()).isZero();
        JsonNode recall = lark.get(progress).data().path("batch_message_recall_progress");
        assertThat(recall.path("recall").asBoolean()).isTrue();
        assertThat(recall.path("recall_count").asInt()).isEqualTo(3);
        assertThat(alicesCopy.deleted()).isTrue();
    }

    @Test
    void batchMessagesAreRecalledOnlyThroughTheBatchApi() {
        String id = lark.post("/open-apis/message/v4/batch_send/", Map.of("msg_type", "text", "content", Map.of("text", "x"),
                "open_ids", List.of(carol.openId()))).data().path("message_id").asText();
        String copy = sim.state().batchMessage(id).orElseThrow().messageIds().get(0);

        assertThat(lark.delete("/open-apis/im/v1/messages/" + copy).code()).isEqualTo(230001);
    }

    // ------------------------------------------------------------------ cards

    @Test
    void sharedCardsCanBePatched() {
        String id = sendCard(SHARED_CARD);
        String updated = SHARED_CARD.replace("97%", "12%");

        RawLark.Reply patch = lark.patch("/open-apis/im/v1/messages/" + id, Map.of("content", updated));

        assertThat(patch.code()).isZero();
        assertThat(patch.data().isEmpty()).isTrue();
        assertThat(sim.state().message(id).orElseThrow().content()).contains("12%");
        assertThat(sim.state().message(id).orElseThrow().updated()).as("a card update is not an edit").isFalse();
    }

    @Test
    void cardsWithoutUpdateMultiCannotBePatched() {
        String privateCard = SHARED_CARD.replace("\"update_multi\":true", "\"update_multi\":false");
        String id = sendCard(privateCard);

        assertThat(lark.patch("/open-apis/im/v1/messages/" + id, Map.of("content", SHARED_CARD)).code()).isEqualTo(230001);
    }

    @Test
    void aCardTokenUpdatesTheCardTwiceWithinThirtyMinutes() {
        SimMessage card = sim.state().message(sendCard(SHARED_CARD)).orElseThrow();
        CardToken token = sim.state().issueCardToken(card, alice);
        Map<String, Object> body = Map.of("token", token.token(), "card", Map.of("elements", List.of(Map.of("tag", "hr"))));

        assertThat(lark.post("/open-apis/interactive/v1/card/update", body).code()).isZero();
        assertThat(lark.post("/open-apis/interactive/v1/card/update", body).code()).isZero();
        assertThat(lark.post("/open-apis/interactive/v1/card/update", body).code()).isNotZero();
        assertThat(sim.state().activities("card_delay_update")).hasSize(2);
        assertThat(sim.state().message(card.messageId()).orElseThrow().content()).contains("\"hr\"");
    }

    @Test
    void ephemeralCardsAreShownToOneMemberAndCanBeDeleted() {
        RawLark.Reply sent = lark.post("/open-apis/ephemeral/v1/send", Map.of(
                "chat_id", room.chatId(), "open_id", alice.openId(), "msg_type", "interactive",
                "card", Map.of("elements", List.of(Map.of("tag", "hr")))));

        String id = sent.data().path("message_id").asText();
        assertThat(sim.state().ephemeralCard(id).orElseThrow().user()).isEqualTo(alice);
        assertThat(lark.post("/open-apis/ephemeral/v1/delete", Map.of("message_id", id)).code()).isZero();
        assertThat(sim.state().ephemeralCard(id).orElseThrow().deleted()).isTrue();
        assertThat(lark.post("/open-apis/ephemeral/v1/send", Map.of(
                "chat_id", room.chatId(), "open_id", carol.openId(), "msg_type", "interactive",
                "card", Map.of("elements", List.of()))).code()).as("carol is not in the room").isNotZero();
    }

    // ------------------------------------------------------------------ buzz and previews

    @Test
    void buzzingReportsUsersWhoAreNotInTheChat() {
        String id = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "msg_type", "text", "content", "{\"text\":\"wake up\"}")).data().path("message_id").asText();

        RawLark.Reply reply = lark.patch("/open-apis/im/v1/messages/" + id + "/urgent_app?user_id_type=open_id",
                Map.of("user_id_list", List.of(alice.openId(), carol.openId())));

        assertThat(reply.code()).isZero();
        assertThat(reply.data().path("invalid_user_id_list")).extracting(JsonNode::asText).containsExactly(carol.openId());
        Activity buzz = sim.state().activities("urgent_app").get(0);
        assertThat(buzz.ids()).containsExactly(alice.openId());
        assertThat(lark.patch("/open-apis/im/v1/messages/" + id + "/urgent_sms?user_id_type=open_id",
                Map.of("user_id_list", List.of(carol.openId()))).code()).as("nobody valid").isEqualTo(230001);
        assertThat(lark.patch("/open-apis/im/v1/messages/" + id + "/urgent_phone",
                Map.of("user_id_list", List.of(alice.openId()))).code()).as("user_id_type is required").isEqualTo(99992402);
        SimMessage alices = sim.userSays(alice, room, "mine");
        assertThat(lark.patch("/open-apis/im/v1/messages/" + alices.messageId() + "/urgent_app?user_id_type=open_id",
                Map.of("user_id_list", List.of(bob.openId()))).code()).as("only the bot's own messages").isEqualTo(230012);
    }

    @Test
    void urlPreviewUpdatesAreRecorded() {
        RawLark.Reply reply = lark.post("/open-apis/im/v2/url_previews/batch_update", Map.of("preview_tokens", List.of("pt-1", "pt-2")));

        assertThat(reply.code()).isZero();
        assertThat(sim.state().activities("url_preview_update").get(0).ids()).containsExactly("pt-1", "pt-2");
        assertThat(lark.post("/open-apis/im/v2/url_previews/batch_update", Map.of("preview_tokens", List.of())).code()).isEqualTo(99992402);
    }

    private static String sendCard(String card) {
        RawLark.Reply reply = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "msg_type", "interactive", "content", card));
        assertThat(reply.code()).as(reply.toString()).isZero();
        return reply.data().path("message_id").asText();
    }
}
