package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StoredResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** im/v1 messages: what Lark accepts, refuses and remembers. */
class MessagesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final LarkSimulator sim = LarkSimulator.builder().clock(clock).tokenLifetime(Duration.ofDays(30)).start();
    private final RawLark lark = new RawLark(sim);
    private SimUser alice;
    private SimUser bob;
    private SimChat room;

    @BeforeEach
    void setUp() {
        alice = sim.createUser("Alice");
        bob = sim.createUser("Bob");
        room = sim.createChat("ops-room", alice, bob);
        lark.authenticated();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    // ------------------------------------------------------------------ send

    @Test
    void sendToAChatReturnsLarksMessageObjectAndStoresIt() {
        RawLark.Reply reply = send("chat_id", room.chatId(), "text", "{\"text\":\"disk full on host-1\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("msg").asText()).isEqualTo("success");
        JsonNode message = reply.data();
        assertThat(message.path("message_id").asText()).startsWith("om_");
        assertThat(message.path("chat_id").asText()).isEqualTo(room.chatId());
        assertThat(message.path("msg_type").asText()).isEqualTo("text");
        assertThat(message.path("create_time").asText()).isEqualTo(Long.toString(clock.instant().toEpochMilli()));
        assertThat(message.path("deleted").asBoolean()).isFalse();
        assertThat(message.path("updated").asBoolean()).isFalse();
        assertThat(message.path("sender").path("id_type").asText()).isEqualTo("app_id");
        assertThat(message.path("sender").path("sender_type").asText()).isEqualTo("app");
        assertThat(message.path("sender").path("tenant_key").asText()).isEqualTo(sim.tenantKey());
        assertThat(message.path("body").path("content").asText()).isEqualTo("{\"text\":\"disk full on host-1\"}");
        assertThat(sim.state().messagesIn(room)).extracting(SimMessage::messageId).containsExactly(message.path("message_id").asText());
    }

    @Test
    void sendToAUserOpensTheBotsP2pChatWithThem() {
        RawLark.Reply byOpenId = send("open_id", alice.openId(), "text", "{\"text\":\"hi\"}");
        RawLark.Reply byEmail = send("email", alice.email(), "text", "{\"text\":\"again\"}");

        SimChat p2p = sim.state().p2pChat(alice);
        assertThat(byOpenId.data().path("chat_id").asText()).isEqualTo(p2p.chatId());
        assertThat(byEmail.data().path("chat_id").asText()).isEqualTo(p2p.chatId());
        assertThat(p2p.isP2p()).isTrue();
    }

    @Test
    void receiveIdTypeIsRequiredAndChecked() {
        RawLark.Reply missing = lark.post("/open-apis/im/v1/messages",
                Map.of("receive_id", room.chatId(), "msg_type", "text", "content", "{\"text\":\"x\"}"));
        RawLark.Reply wrong = send("group_id", room.chatId(), "text", "{\"text\":\"x\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo(99992402);
        assertThat(missing.json().at("/error/field_violations/0/field").asText()).isEqualTo("receive_id_type");
        assertThat(wrong.code()).isEqualTo(99992402);
    }

    @Test
    void requiredBodyFieldsAreChecked() {
        assertThat(lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("msg_type", "text", "content", "{\"text\":\"x\"}")).code()).isEqualTo(99992402);
        assertThat(lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "content", "{\"text\":\"x\"}")).code()).isEqualTo(99992402);
        assertThat(lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", "not json").code()).isEqualTo(9499);
    }

    @Test
    void contentMustBeAJsonStringNotAnObject() {
        RawLark.Reply reply = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "msg_type", "text", "content", Map.of("text", "hi")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(9499);
        assertThat(reply.json().path("msg").asText()).contains("content");
    }

    @Test
    void contentMustMatchItsMessageType() {
        assertThat(send("chat_id", room.chatId(), "text", "{\"txt\":\"typo\"}").code()).isEqualTo(230001);
        assertThat(send("chat_id", room.chatId(), "text", "not json").code()).isEqualTo(230001);
        assertThat(send("chat_id", room.chatId(), "post", "{\"zh_cn\":{\"title\":\"t\"}}").code()).isEqualTo(230001);
        assertThat(send("chat_id", room.chatId(), "image", "{\"image_key\":\"img_never_uploaded\"}").code()).isEqualTo(230001);
        assertThat(send("chat_id", room.chatId(), "interactive", "{\"type\":\"template\",\"data\":{}}").code()).isEqualTo(230099);
        assertThat(send("chat_id", room.chatId(), "system", "{\"type\":\"divider\"}").code()).isEqualTo(230054);
    }

    @Test
    void textUpTo150KbIsAcceptedAndLongerIsRefusedWith230025() {
        assertThat(send("chat_id", room.chatId(), "text", textContent(140 * 1024)).code()).isZero();

        RawLark.Reply tooLong = send("chat_id", room.chatId(), "text", textContent(151 * 1024));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo(230025);
    }

    @Test
    void postsAndCardsAreLimitedTo30Kb() {
        String bigPost = "{\"zh_cn\":{\"title\":\"t\",\"content\":[[{\"tag\":\"text\",\"text\":\"" + "x".repeat(31 * 1024) + "\"}]]}}";
        String bigCard = "{\"elements\":[{\"tag\":\"markdown\",\"content\":\"" + "x".repeat(31 * 1024) + "\"}]}";

        assertThat(send("chat_id", room.chatId(), "post", bigPost).code()).isEqualTo(230025);
        assertThat(send("chat_id", room.chatId(), "interactive", bigCard).code()).isEqualTo(230025);
    }

    @Test
    void unknownIdsGetThePlatformsInvalidIdErrors() {
        RawLark.Reply chat = send("chat_id", "oc_unknown", "text", "{\"text\":\"x\"}");
        RawLark.Reply user = send("open_id", "ou_unknown", "text", "{\"text\":\"x\"}");

        assertThat(chat.code()).isEqualTo(99992356);
        assertThat(chat.json().path("msg").asText()).contains("not a valid {chat_id}").contains("oc_unknown");
        assertThat(user.code()).isEqualTo(99992351);
    }

    @Test
    void theBotMustBeInTheChat() {
        sim.state().botMember(room, false);

        assertThat(send("chat_id", room.chatId(), "text", "{\"text\":\"x\"}").code()).isEqualTo(230002);
    }

    @Test
    void aRepeatedUuidWithinAnHourReturnsTheFirstMessage() {
        RawLark.Reply first = sendWithUuid("retry-42", "{\"text\":\"once\"}");
        RawLark.Reply repeat = sendWithUuid("retry-42", "{\"text\":\"once\"}");

        assertThat(repeat.data().path("message_id").asText()).isEqualTo(first.data().path("message_id").asText());
        assertThat(sim.state().messagesIn(room)).hasSize(1);

        clock.advance(Duration.ofMinutes(61));
        RawLark.Reply later = sendWithUuid("retry-42", "{\"text\":\"once\"}");
        assertThat(later.data().path("message_id").asText()).isNotEqualTo(first.data().path("message_id").asText());
        assertThat(sim.state().messagesIn(room)).hasSize(2);
    }

    @Test
    void uuidLongerThan50CharactersIsRefused() {
        assertThat(sendWithUuid("u".repeat(51), "{\"text\":\"x\"}").code()).isEqualTo(99992402);
    }

    @Test
    void atTagsBecomeMentionKeysWhenReadBack() {
        RawLark.Reply reply = send("chat_id", room.chatId(), "text",
                "{\"text\":\"<at user_id=\\\"" + bob.openId() + "\\\">Bob</at> please check; <at user_id=\\\"all\\\"></at>\"}");

        JsonNode message = reply.data();
        assertThat(message.at("/body/content").asText()).isEqualTo("{\"text\":\"@_user_1 please check; @_all\"}");
        assertThat(message.at("/mentions/0/key").asText()).isEqualTo("@_user_1");
        assertThat(message.at("/mentions/0/id").asText()).isEqualTo(bob.openId());
        assertThat(message.at("/mentions/0/name").asText()).isEqualTo("Bob");
        assertThat(sim.conversation().texts()).containsExactly("@Bob please check; @all");
    }

    @Test
    void postContentIsReadBackWithoutTheLocaleWrapper() {
        RawLark.Reply reply = send("chat_id", room.chatId(), "post",
                "{\"zh_cn\":{\"title\":\"Deploy\",\"content\":[[{\"tag\":\"text\",\"text\":\"done\"}]]}}");

        assertThat(reply.data().at("/body/content").asText())
                .isEqualTo("{\"title\":\"Deploy\",\"content\":[[{\"tag\":\"text\",\"text\":\"done\"}]]}");
    }

    // ------------------------------------------------------------------ reply, edit, recall

    @Test
    void replyInThreadOpensAThreadReadThroughTheThreadContainer() {
        SimMessage question = sim.userSays(alice, room, "is prod down?");

        RawLark.Reply reply = lark.post("/open-apis/im/v1/messages/" + question.messageId() + "/reply",
                Map.of("msg_type", "text", "content", "{\"text\":\"looking\"}", "reply_in_thread", true));

        String threadId = reply.data().path("thread_id").asText();
        assertThat(threadId).startsWith("omt_");
        assertThat(reply.data().path("root_id").asText()).isEqualTo(question.messageId());
        assertThat(reply.data().path("parent_id").asText()).isEqualTo(question.messageId());
        assertThat(listTexts("chat", room.chatId())).containsExactly("{\"text\":\"is prod down?\"}");
        assertThat(listTexts("thread", threadId)).containsExactly("{\"text\":\"is prod down?\"}", "{\"text\":\"looking\"}");
    }

    @Test
    void aPlainReplyStaysInTheChat() {
        SimMessage question = sim.userSays(alice, room, "ping");

        RawLark.Reply reply = lark.post("/open-apis/im/v1/messages/" + question.messageId() + "/reply",
                Map.of("msg_type", "text", "content", "{\"text\":\"pong\"}"));

        assertThat(reply.data().has("thread_id")).isFalse();
        assertThat(listTexts("chat", room.chatId())).containsExactly("{\"text\":\"ping\"}", "{\"text\":\"pong\"}");
    }

    @Test
    void editReplacesTextAndMarksTheMessageUpdated() {
        String id = send("chat_id", room.chatId(), "text", "{\"text\":\"draft\"}").data().path("message_id").asText();

        RawLark.Reply edited = lark.put("/open-apis/im/v1/messages/" + id, Map.of("msg_type", "text", "content", "{\"text\":\"final\"}"));

        assertThat(edited.data().path("updated").asBoolean()).isTrue();
        assertThat(edited.data().at("/body/content").asText()).isEqualTo("{\"text\":\"final\"}");
        assertThat(sim.conversation().lines().get(0).render()).endsWith("final (edited)");
    }

    @Test
    void editFollowsLarksRules() {
        SimMessage users = sim.userSays(alice, room, "mine");
        String id = send("chat_id", room.chatId(), "text", "{\"text\":\"v0\"}").data().path("message_id").asText();

        assertThat(lark.put("/open-apis/im/v1/messages/" + users.messageId(), Map.of("msg_type", "text", "content", "{\"text\":\"x\"}")).code())
                .as("only the sender edits").isEqualTo(230071);
        assertThat(lark.put("/open-apis/im/v1/messages/" + id, Map.of("msg_type", "interactive", "content", "{\"elements\":[]}")).code())
                .as("cards are updated with PATCH").isEqualTo(99992402);
        for (int i = 1; i <= 20; i++) {
            assertThat(lark.put("/open-apis/im/v1/messages/" + id, Map.of("msg_type", "text", "content", "{\"text\":\"v" + i + "\"}")).code()).isZero();
        }
        assertThat(lark.put("/open-apis/im/v1/messages/" + id, Map.of("msg_type", "text", "content", "{\"text\":\"v21\"}")).code())
                .as("at most 20 edits").isEqualTo(230072);
    }

    @Test
    void recalledMessagesStayInHistoryFlaggedDeletedWithoutContent() {
        String id = send("chat_id", room.chatId(), "text", "{\"text\":\"oops\"}").data().path("message_id").asText();

        RawLark.Reply recall = lark.delete("/open-apis/im/v1/messages/" + id);

        assertThat(recall.code()).isZero();
        assertThat(recall.data().isEmpty()).isTrue();
        JsonNode listed = lark.get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId()).data().path("items").get(0);
        assertThat(listed.path("deleted").asBoolean()).isTrue();
        assertThat(listed.at("/body/content").asText()).isEqualTo("This message was recalled");
        JsonNode fetched = lark.get("/open-apis/im/v1/messages/" + id).data().path("items").get(0);
        assertThat(fetched.path("deleted").asBoolean()).isTrue();
        assertThat(sim.conversation().texts()).containsExactly("[recalled]");

        assertThat(lark.delete("/open-apis/im/v1/messages/" + id).code()).as("recall twice").isEqualTo(230110);
        assertThat(lark.post("/open-apis/im/v1/messages/" + id + "/reply", Map.of("msg_type", "text", "content", "{\"text\":\"?\"}")).code())
                .as("reply to a recalled message").isEqualTo(230011);
    }

    @Test
    void recallFollowsLarksPermissions() {
        SimMessage inBotsChat = sim.userSays(alice, room, "spam");
        SimChat alicesChat = sim.createChat("alice-room", alice, List.of(bob));
        SimMessage inAlicesChat = sim.userSays(bob, alicesChat, "hello");
        String own = send("chat_id", room.chatId(), "text", "{\"text\":\"old\"}").data().path("message_id").asText();

        assertThat(lark.delete("/open-apis/im/v1/messages/" + inBotsChat.messageId()).code()).as("creator bot may recall").isZero();
        assertThat(lark.delete("/open-apis/im/v1/messages/" + inAlicesChat.messageId()).code()).isEqualTo(230026);
        clock.advance(Duration.ofHours(25));
        assertThat(lark.delete("/open-apis/im/v1/messages/" + own).code()).as("own messages within 24 h").isEqualTo(230009);
    }

    // ------------------------------------------------------------------ history

    @Test
    void historyPagesWithTokensThatKeepTheSortOrder() {
        for (int i = 1; i <= 5; i++) {
            sim.userSays(alice, room, "m" + i);
        }
        String base = "/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId() + "&page_size=2";

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            RawLark.Reply page = lark.get(base + "&sort_type=ByCreateTimeDesc" + (token == null ? "" : "&page_token=" + token));
            page.data().path("items").forEach(item -> seen.add(item.at("/body/content").asText()));
            token = page.data().path("has_more").asBoolean() ? page.data().path("page_token").asText() : null;
            assertThat(page.data().has("page_token")).isEqualTo(token != null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("{\"text\":\"m5\"}", "{\"text\":\"m4\"}", "{\"text\":\"m3\"}", "{\"text\":\"m2\"}", "{\"text\":\"m1\"}");

        String descToken = lark.get(base + "&sort_type=ByCreateTimeDesc").data().path("page_token").asText();
        assertThat(lark.get(base + "&sort_type=ByCreateTimeAsc&page_token=" + descToken).code())
                .as("the sort order cannot change mid-pagination").isEqualTo(230001);
    }

    @Test
    void historyValidatesItsQuery() {
        assertThat(lark.get("/open-apis/im/v1/messages?container_id=" + room.chatId()).code()).isEqualTo(99992402);
        assertThat(lark.get("/open-apis/im/v1/messages?container_id_type=chat").code()).isEqualTo(99992402);
        assertThat(lark.get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId() + "&page_size=51").code())
                .isEqualTo(99992402);
        assertThat(lark.get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId() + "&page_size=20").data()
                .path("items").isArray()).isTrue();
    }

    @Test
    void historyFiltersByTimeInSeconds() {
        sim.userSays(alice, room, "early");
        clock.advance(Duration.ofMinutes(10));
        long cut = clock.instant().getEpochSecond();
        sim.userSays(alice, room, "late");

        RawLark.Reply reply = lark.get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId() + "&start_time=" + cut);

        assertThat(reply.data().path("items")).hasSize(1);
        assertThat(reply.data().at("/items/0/body/content").asText()).isEqualTo("{\"text\":\"late\"}");
    }

    // ------------------------------------------------------------------ forward, read users, resources

    @Test
    void forwardCopiesAMessageToAnotherTarget() {
        SimMessage original = sim.userSays(alice, room, "FYI");

        RawLark.Reply forwarded = lark.post("/open-apis/im/v1/messages/" + original.messageId() + "/forward?receive_id_type=open_id",
                Map.of("receive_id", bob.openId()));

        assertThat(forwarded.data().path("chat_id").asText()).isEqualTo(sim.state().p2pChat(bob).chatId());
        assertThat(forwarded.data().at("/body/content").asText()).isEqualTo("{\"text\":\"FYI\"}");
    }

    @Test
    void mergeForwardReportsInvalidIdsAndItsChildrenAreReadWithGet() {
        SimMessage a = sim.userSays(alice, room, "one");
        SimMessage b = sim.userSays(bob, room, "two");

        RawLark.Reply merged = lark.post("/open-apis/im/v1/messages/merge_forward?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "message_id_list", List.of(a.messageId(), b.messageId(), "om_gone")));

        assertThat(merged.code()).isZero();
        assertThat(merged.data().path("invalid_message_id_list")).extracting(JsonNode::asText).containsExactly("om_gone");
        String mergedId = merged.data().at("/message/message_id").asText();
        assertThat(merged.data().at("/message/msg_type").asText()).isEqualTo("merge_forward");
        JsonNode items = lark.get("/open-apis/im/v1/messages/" + mergedId).data().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(1).path("upper_message_id").asText()).isEqualTo(mergedId);
        assertThat(items.get(2).at("/sender/id").asText()).isEqualTo(bob.openId());
    }

    @Test
    void readUsersListsWhoReadTheBotsMessage() {
        String id = send("chat_id", room.chatId(), "text", "{\"text\":\"read me\"}").data().path("message_id").asText();
        SimMessage message = sim.state().message(id).orElseThrow();
        sim.state().markRead(bob, message);

        RawLark.Reply reply = lark.get("/open-apis/im/v1/messages/" + id + "/read_users?user_id_type=user_id");

        assertThat(reply.data().path("items")).hasSize(1);
        assertThat(reply.data().at("/items/0/user_id").asText()).isEqualTo(bob.userId());
        assertThat(reply.data().at("/items/0/user_id_type").asText()).isEqualTo("user_id");
        assertThat(lark.get("/open-apis/im/v1/messages/" + id + "/read_users").code()).as("user_id_type is required").isEqualTo(99992402);
    }

    @Test
    void messageResourcesDownloadOnlyWhenTheKeyBelongsToTheMessage() {
        StoredResource image = sim.state().storeBytes(StoredResource.Kind.IMAGE, "message", null, "image/png", TestImages.png(8));
        SimMessage withImage = sim.state().userSends(alice, room, "image", "{\"image_key\":\"" + image.key() + "\"}");
        SimMessage plain = sim.userSays(alice, room, "no image");

        RawLark.Reply download = lark.get("/open-apis/im/v1/messages/" + withImage.messageId() + "/resources/" + image.key() + "?type=image");
        RawLark.Reply notInMessage = lark.get("/open-apis/im/v1/messages/" + plain.messageId() + "/resources/" + image.key() + "?type=image");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(TestImages.png(8));
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=");
        assertThat(notInMessage.code()).isEqualTo(234003);
    }

    @Test
    void followUpBubblesGoOnTheLatestBotMessageInAP2pChat() {
        String id = send("open_id", alice.openId(), "text", "{\"text\":\"need anything else?\"}").data().path("message_id").asText();
        String inGroup = send("chat_id", room.chatId(), "text", "{\"text\":\"group\"}").data().path("message_id").asText();
        Map<String, Object> body = Map.of("follow_ups", List.of(Map.of("content", "Show logs"), Map.of("content", "Restart")));

        assertThat(lark.post("/open-apis/im/v1/messages/" + id + "/push_follow_up", body).code()).isZero();
        assertThat(sim.state().message(id).orElseThrow().followUps()).containsExactly("Show logs", "Restart");
        assertThat(lark.post("/open-apis/im/v1/messages/" + inGroup + "/push_follow_up", body).code()).isEqualTo(230001);
    }

    // ------------------------------------------------------------------ helpers

    private RawLark.Reply send(String receiveIdType, String receiveId, String msgType, String content) {
        return lark.post("/open-apis/im/v1/messages?receive_id_type=" + receiveIdType,
                Map.of("receive_id", receiveId, "msg_type", msgType, "content", content));
    }

    private RawLark.Reply sendWithUuid(String uuid, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receive_id", room.chatId());
        body.put("msg_type", "text");
        body.put("content", content);
        body.put("uuid", uuid);
        return lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", body);
    }

    private List<String> listTexts(String containerType, String containerId) {
        List<String> texts = new ArrayList<>();
        lark.get("/open-apis/im/v1/messages?container_id_type=" + containerType + "&container_id=" + containerId)
                .data().path("items").forEach(item -> texts.add(item.at("/body/content").asText()));
        return texts;
    }

    private static String textContent(int bytes) {
        return "{\"text\":\"" + "a".repeat(bytes) + "\"}";
    }
}
