package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimPin;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StateListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PinsAndReactionsTest {

    private static LarkSimulator sim;
    private static RawLark lark;
    private static SimUser alice;
    private SimChat room;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.start();
        lark = new RawLark(sim).authenticated();
        alice = sim.createUser("Alice");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void newRoom() {
        room = sim.createChat("room", alice);
    }

    @Test
    void pinningIsStoredListedNewestFirstAndIdempotent() {
        SimMessage first = sim.userSays(alice, room, "first");
        SimMessage second = sim.userSays(alice, room, "second");

        JsonNode pin = lark.post("/open-apis/im/v1/pins", Map.of("message_id", first.messageId())).data().path("pin");
        lark.post("/open-apis/im/v1/pins", Map.of("message_id", second.messageId()));
        RawLark.Reply again = lark.post("/open-apis/im/v1/pins", Map.of("message_id", first.messageId()));

        assertThat(pin.path("chat_id").asText()).isEqualTo(room.chatId());
        assertThat(pin.path("operator_id").asText()).isEqualTo(sim.appId());
        assertThat(pin.path("operator_id_type").asText()).isEqualTo("app_id");
        assertThat(again.data().at("/pin/create_time").asText()).as("already pinned: the existing pin").isEqualTo(pin.path("create_time").asText());
        JsonNode items = lark.get("/open-apis/im/v1/pins?chat_id=" + room.chatId()).data().path("items");
        assertThat(items).extracting(i -> i.path("message_id").asText()).containsExactly(second.messageId(), first.messageId());
    }

    @Test
    void unpinningRemovesThePinAndSucceedsWhenNotPinned() {
        SimMessage message = sim.userSays(alice, room, "pin me");
        lark.post("/open-apis/im/v1/pins", Map.of("message_id", message.messageId()));

        assertThat(lark.delete("/open-apis/im/v1/pins/" + message.messageId()).code()).isZero();
        assertThat(lark.delete("/open-apis/im/v1/pins/" + message.messageId()).code()).isZero();
        assertThat(lark.get("/open-apis/im/v1/pins?chat_id=" + room.chatId()).data().path("items")).isEmpty();
    }

    @Test
    void listenersHearPinsAndUnpinsButNotARepeatedPin() {
        List<String> heard = new CopyOnWriteArrayList<>();
        StateListener listener = new StateListener() {
            @Override
            public void messagePinned(SimPin pin) {
                heard.add("pinned " + pin.messageId() + " by " + pin.operator().name());
            }

            @Override
            public void messageUnpinned(SimPin pin, Sender operator) {
                heard.add("unpinned " + pin.messageId() + " by " + operator.name());
            }
        };
        sim.state().addListener(listener);
        try {
            SimMessage message = sim.userSays(alice, room, "pin me");
            String id = message.messageId();

            lark.post("/open-apis/im/v1/pins", Map.of("message_id", id));
            lark.post("/open-apis/im/v1/pins", Map.of("message_id", id));
            lark.delete("/open-apis/im/v1/pins/" + id);
            lark.delete("/open-apis/im/v1/pins/" + id);
            sim.state().pin(message, Sender.user(alice));

            assertThat(heard).containsExactly("pinned " + id + " by " + sim.botName(), "unpinned " + id + " by " + sim.botName(),
                    "pinned " + id + " by Alice");
        } finally {
            sim.state().removeListener(listener);
        }
    }

    @Test
    void pinListNeedsAChatAndPages() {
        for (int i = 0; i < 3; i++) {
            lark.post("/open-apis/im/v1/pins", Map.of("message_id", sim.userSays(alice, room, "m" + i).messageId()));
        }

        assertThat(lark.get("/open-apis/im/v1/pins").code()).isEqualTo(99992402);
        JsonNode page = lark.get("/open-apis/im/v1/pins?chat_id=" + room.chatId() + "&page_size=2").data();
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        JsonNode rest = lark.get("/open-apis/im/v1/pins?chat_id=" + room.chatId() + "&page_size=2&page_token=" + page.path("page_token").asText()).data();
        assertThat(rest.path("items")).hasSize(1);
        assertThat(rest.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void recalledMessagesCannotBePinned() {
        SimMessage message = sim.userSays(alice, room, "gone");
        sim.state().recall(message, sim.state().bot());

        assertThat(lark.post("/open-apis/im/v1/pins", Map.of("message_id", message.messageId())).code()).isEqualTo(230011);
    }

    @Test
    void reactionsAreAddedListedFilteredAndDeleted() {
        SimMessage message = sim.userSays(alice, room, "shipped!");
        SimReaction fromAlice = sim.state().userReacts(alice, message, "APPLAUSE");

        RawLark.Reply added = lark.post("/open-apis/im/v1/messages/" + message.messageId() + "/reactions",
                Map.of("reaction_type", Map.of("emoji_type", "THUMBSUP")));

        assertThat(added.code()).isZero();
        String reactionId = added.data().path("reaction_id").asText();
        assertThat(added.data().at("/operator/operator_type").asText()).isEqualTo("app");
        assertThat(added.data().at("/reaction_type/emoji_type").asText()).isEqualTo("THUMBSUP");

        String base = "/open-apis/im/v1/messages/" + message.messageId() + "/reactions";
        assertThat(lark.get(base).data().path("items")).hasSize(2);
        JsonNode applause = lark.get(base + "?reaction_type=APPLAUSE&user_id_type=union_id").data().path("items");
        assertThat(applause).hasSize(1);
        assertThat(applause.get(0).at("/operator/operator_id").asText()).isEqualTo(alice.unionId());

        assertThat(lark.delete(base + "/" + fromAlice.reactionId()).code()).as("only own reactions").isEqualTo(231008);
        RawLark.Reply deleted = lark.delete(base + "/" + reactionId);
        assertThat(deleted.data().path("reaction_id").asText()).isEqualTo(reactionId);
        assertThat(sim.state().reactionsOn(message.messageId())).containsExactly(fromAlice);
    }

    @Test
    void reactionsCheckEmojiAndMessage() {
        SimMessage message = sim.userSays(alice, room, "hi");

        assertThat(lark.post("/open-apis/im/v1/messages/" + message.messageId() + "/reactions",
                Map.of("reaction_type", Map.of("emoji_type", "thumbsup"))).code()).as("case-sensitive").isEqualTo(231001);
        assertThat(lark.post("/open-apis/im/v1/messages/om_nope/reactions",
                Map.of("reaction_type", Map.of("emoji_type", "OK"))).code()).isEqualTo(231003);
        assertThat(lark.get("/open-apis/im/v1/messages/" + message.messageId() + "/reactions?page_token=garbage").code()).isEqualTo(231012);
    }
}
