package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The readable conversation view, and the state hooks the events half builds on. */
class ConversationAndStateTest {

    private final LarkSimulator sim = LarkSimulator.builder().botName("Ops Bot").start();
    private final RawLark lark = new RawLark(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theConversationReadsLikeAChatLog() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        SimMessage question = sim.userSays(alice, room, "is <at user_id=\"" + alice.openId() + "\">me</at> on call?");
        lark.post("/open-apis/im/v1/messages/" + question.messageId() + "/reply",
                Map.of("msg_type", "text", "content", "{\"text\":\"yes, until 18:00\"}"));
        lark.post("/open-apis/im/v1/messages?receive_id_type=open_id", Map.of("receive_id", alice.openId(), "msg_type", "interactive",
                "content", "{\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"Shift handover\"}},\"elements\":[]}"));

        assertThat(sim.conversation().render()).isEqualTo("""
                #ops-room  Alice: is @Alice on call?
                #ops-room    ↳ Ops Bot: yes, until 18:00
                [p2p Alice]  Ops Bot: [card: Shift handover]
                """);
        ConversationLine reply = sim.conversation().lines().get(1);
        assertThat(reply.senderKind()).isEqualTo(Sender.Kind.APP);
        assertThat(reply.replyTo()).isEqualTo(question.messageId());
        assertThat(sim.conversation().in(room).lines()).hasSize(2);
    }

    @Test
    void postMentionsReadAsThePeoplesNamesAsInLarksClient() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        String post = "{\"en_us\":{\"title\":\"Welcome\",\"content\":[[{\"tag\":\"text\",\"text\":\"Hi \"},"
                + "{\"tag\":\"at\",\"user_id\":\"" + alice.openId() + "\"},{\"tag\":\"text\",\"text\":\", \"},"
                + "{\"tag\":\"at\",\"user_id\":\"all\"},{\"tag\":\"text\",\"text\":\" and \"},"
                + "{\"tag\":\"at\",\"user_id\":\"ou_stranger\",\"user_name\":\"Zed\"}]]}}";

        lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", Map.of("receive_id", room.chatId(), "msg_type", "post", "content", post));

        assertThat(sim.conversation().in(room).texts()).containsExactly("Welcome: Hi @Alice, @all and @Zed");
    }

    @Test
    void listenersHearWhatUsersAndTheBotDo() {
        List<String> heard = new CopyOnWriteArrayList<>();
        sim.state().addListener(new StateListener() {
            @Override
            public void messageStored(SimMessage message) {
                heard.add("stored " + message.sender().name() + ": " + message.content());
            }

            @Override
            public void messageRecalled(SimMessage message, Sender operator) {
                heard.add("recalled by " + operator.name());
            }

            @Override
            public void reactionAdded(SimReaction reaction) {
                heard.add("reaction " + reaction.emojiType());
            }

            @Override
            public void membersAdded(SimChat chat, List<SimUser> users, Sender operator) {
                heard.add("joined " + users.get(0).name());
            }

            @Override
            public void messageRead(SimMessage message, SimUser reader) {
                heard.add("read by " + reader.name());
            }

            @Override
            public void activity(Activity activity) {
                heard.add("activity " + activity.kind());
            }
        });
        SimUser alice = sim.createUser("Alice");
        SimUser bob = sim.createUser("Bob");
        SimChat room = sim.createChat("room", alice);

        SimMessage hello = sim.userSays(alice, room, "hello");
        String botMessage = lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "msg_type", "text", "content", "{\"text\":\"hi\"}")).data().path("message_id").asText();
        sim.state().userReacts(alice, sim.state().message(botMessage).orElseThrow(), "OK");
        sim.state().markRead(alice, sim.state().message(botMessage).orElseThrow());
        lark.post("/open-apis/im/v1/chats/" + room.chatId() + "/members", Map.of("id_list", List.of(bob.openId())));
        lark.delete("/open-apis/im/v1/messages/" + hello.messageId());
        lark.post("/open-apis/im/v2/url_previews/batch_update", Map.of("preview_tokens", List.of("t")));

        assertThat(heard).containsExactly(
                "stored Alice: {\"text\":\"hello\"}",
                "stored Ops Bot: {\"text\":\"hi\"}",
                "reaction OK",
                "read by Alice",
                "joined Bob",
                "recalled by Ops Bot",
                "activity url_preview_update");
    }

    @Test
    void aUserTokenActsAsThatUser() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("room", alice);

        RawLark.Reply reply = new RawLark(sim).withToken(sim.userAccessToken(alice)).post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", room.chatId(), "msg_type", "text", "content", "{\"text\":\"as me\"}"));

        assertThat(reply.data().at("/sender/sender_type").asText()).isEqualTo("user");
        assertThat(reply.data().at("/sender/id").asText()).isEqualTo(alice.openId());
        assertThat(sim.conversation().texts()).containsExactly("as me");
    }

    @Test
    void journalFiltersByMethodAndPathPattern() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("room", alice);
        SimMessage message = sim.userSays(alice, room, "q");
        lark.post("/open-apis/im/v1/messages/" + message.messageId() + "/reply", Map.of("msg_type", "text", "content", "{\"text\":\"a\"}"));
        lark.get("/open-apis/im/v1/messages?container_id_type=chat&container_id=" + room.chatId());

        assertThat(sim.journal().count("POST", "/open-apis/im/v1/messages/*/reply")).isEqualTo(1);
        assertThat(sim.journal().count("*", "/open-apis/im/**")).isEqualTo(2);
        RecordedRequest reply = sim.journal().last("POST", "/open-apis/im/v1/messages/*/reply").orElseThrow();
        assertThat(reply.json().path("msg_type").asText()).isEqualTo("text");
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.responseJson().at("/data/parent_id").asText()).isEqualTo(message.messageId());
        assertThat(reply.code()).isZero();
        assertThat(sim.journal().toString()).contains("POST /open-apis/im/v1/messages/" + message.messageId() + "/reply -> 200 code=0");
    }
}
