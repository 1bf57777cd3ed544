package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimCustomBot;
import io.github.camellark.lark.testkit.state.SimUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChatsAndCustomBotTest {

    private static LarkSimulator sim;
    private static RawLark lark;
    private static SimUser alice;
    private static SimUser bob;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.start();
        lark = new RawLark(sim).authenticated();
        alice = sim.createUser("Alice");
        bob = sim.createUser("Bob");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void createsAGroupWithTheBotAndTheListedUsers() {
        RawLark.Reply reply = lark.post("/open-apis/im/v1/chats?user_id_type=open_id",
                Map.of("name", "incident-42", "user_id_list", List.of(alice.openId()), "chat_type", "private"));

        JsonNode data = reply.data();
        assertThat(data.path("chat_id").asText()).startsWith("oc_");
        assertThat(data.path("name").asText()).isEqualTo("incident-42");
        assertThat(data.path("chat_mode").asText()).isEqualTo("group");
        assertThat(data.has("owner_id")).as("owned by the bot: no owner_id").isFalse();
        SimChat chat = sim.state().chat(data.path("chat_id").asText()).orElseThrow();
        assertThat(chat.members()).containsExactly(alice);
        assertThat(chat.botIsMember()).isTrue();
    }

    @Test
    void aRepeatedUuidCreatesOneChat() {
        int before = sim.state().chats().size();

        String first = lark.post("/open-apis/im/v1/chats?uuid=create-once", Map.of("name", "once")).data().path("chat_id").asText();
        String second = lark.post("/open-apis/im/v1/chats?uuid=create-once", Map.of("name", "once")).data().path("chat_id").asText();

        assertThat(second).isEqualTo(first);
        assertThat(sim.state().chats()).hasSize(before + 1);
    }

    @Test
    void unknownUsersAreRefused() {
        assertThat(lark.post("/open-apis/im/v1/chats", Map.of("name", "x", "user_id_list", List.of("ou_nobody"))).code())
                .isEqualTo(99992351);
    }

    @Test
    void addMembersHonoursSucceedType() {
        SimChat chat = sim.createChat("growing");
        String path = "/open-apis/im/v1/chats/" + chat.chatId() + "/members";

        assertThat(lark.post(path + "?member_id_type=open_id", Map.of("id_list", List.of(alice.openId(), "ou_ghost"))).code())
                .as("succeed_type 0 fails on unknown ids").isEqualTo(99992351);
        RawLark.Reply partial = lark.post(path + "?member_id_type=open_id&succeed_type=1", Map.of("id_list", List.of(alice.openId(), "ou_ghost")));

        assertThat(partial.code()).isZero();
        assertThat(partial.data().path("not_existed_id_list")).extracting(JsonNode::asText).containsExactly("ou_ghost");
        assertThat(chat.members()).containsExactly(alice);
        assertThat(lark.post(path + "?member_id_type=union_id", Map.of("id_list", List.of(bob.unionId()))).code()).isZero();
        assertThat(chat.members()).containsExactly(alice, bob);
    }

    @Test
    void aCustomBotPostsIntoItsGroup() {
        SimChat chat = sim.createChat("alerts", alice);
        SimCustomBot bot = sim.createCustomBot(chat, null);

        RawLark.Reply reply = new RawLark(sim).post(bot.webhookPath(), Map.of("msg_type", "text", "content", Map.of("text", "disk full")));

        assertThat(reply.code()).isZero();
        assertThat(reply.json().path("StatusCode").asInt()).isZero();
        assertThat(sim.conversation().in(chat).lines()).singleElement()
                .satisfies(line -> assertThat(line.render()).isEqualTo("#alerts  Custom Bot: disk full"));
        assertThat(sim.webhookUrl(bot)).isEqualTo(sim.baseUri() + "/open-apis/bot/v2/hook/" + bot.hookToken());
    }

    @Test
    void aSignedCustomBotChecksTimestampAndSignature() throws Exception {
        SimChat chat = sim.createChat("signed", alice);
        SimCustomBot bot = sim.createCustomBot(chat, "bot-secret");
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        RawLark anonymous = new RawLark(sim);

        RawLark.Reply good = anonymous.post(bot.webhookPath(), Map.of("timestamp", timestamp, "sign", sign(timestamp, "bot-secret"),
                "msg_type", "text", "content", Map.of("text", "signed")));
        RawLark.Reply badSign = anonymous.post(bot.webhookPath(), Map.of("timestamp", timestamp, "sign", sign(timestamp, "other"),
                "msg_type", "text", "content", Map.of("text", "x")));
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 3700);
        RawLark.Reply oldTimestamp = anonymous.post(bot.webhookPath(), Map.of("timestamp", stale, "sign", sign(stale, "bot-secret"),
                "msg_type", "text", "content", Map.of("text", "x")));
        RawLark.Reply unsigned = anonymous.post(bot.webhookPath(), Map.of("msg_type", "text", "content", Map.of("text", "x")));

        assertThat(good.code()).isZero();
        assertThat(badSign.code()).isEqualTo(19021);
        assertThat(oldTimestamp.code()).isEqualTo(19021);
        assertThat(unsigned.code()).isEqualTo(19021);
        assertThat(sim.conversation().in(chat).texts()).containsExactly("signed");
    }

    @Test
    void customBotErrors() {
        SimChat chat = sim.createChat("keywords", alice);
        SimCustomBot bot = sim.createCustomBot(chat, null, "ALERT");
        RawLark anonymous = new RawLark(sim);

        assertThat(anonymous.post("/open-apis/bot/v2/hook/not-a-hook", Map.of("msg_type", "text", "content", Map.of("text", "x"))).code())
                .isEqualTo(19001);
        assertThat(anonymous.post(bot.webhookPath(), Map.of("msg_type", "text", "content", Map.of("text", "no keyword"))).code())
                .isEqualTo(19024);
        RawLark.Reply malformed = anonymous.post(bot.webhookPath(), "{broken");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo(9499);
        assertThat(anonymous.post(bot.webhookPath(), Map.of("msg_type", "text", "content", Map.of("text", "ALERT: cpu"))).code()).isZero();
    }

    /** The signature as Lark's sample code computes it: the string to sign is the HMAC key. */
    private static String sign(String timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
    }
}
