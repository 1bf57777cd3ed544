package io.github.camellark.lark.examples;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.examples.offline.Scenarios.AlertOutcome;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimPin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertGroupRoutesTest extends OfflineExampleTestSupport {

    @Test
    void anAlertOpensAWarRoomWithTheOnCallPeopleAndPostsPinsAndBuzzesTheCard() {
        AlertOutcome alert = scenarios.alertGroup();

        // the group, with the on-call people
        RecordedRequest create = last("POST", "/open-apis/im/v1/chats");
        assertThat(texts(create.json().path("user_id_list"))).containsExactly(tenant.alice().openId(), tenant.bob().openId());
        SimChat room = state().chat(alert.chatId()).orElseThrow();
        assertThat(room.name()).isEqualTo("[critical] Disk almost full on db-1");
        assertThat(room.members()).contains(tenant.alice(), tenant.bob());

        // the interactive alert card, in the group
        SimMessage card = state().message(alert.cardMessageId()).orElseThrow();
        assertThat(card.chatId()).isEqualTo(room.chatId());
        assertThat(card.sender().isApp()).isTrue();
        assertThat(card.msgType()).isEqualTo("interactive");
        JsonNode cardJson = json(card.content());
        assertThat(cardJson.at("/header/title/content").asText()).isEqualTo("Disk almost full on db-1");
        assertThat(cardJson.at("/header/template").asText()).isEqualTo("red");
        assertThat(cardJson.at("/body/elements/0/content").asText())
                .contains("/var is 97% full").contains("<at id=" + tenant.alice().openId() + "></at>");
        assertThat(lark().conversation().in(room).texts()).containsExactly("[card: Disk almost full on db-1]");

        // pinned
        assertThat(state().pins()).extracting(SimPin::messageId).contains(card.messageId());

        // the owner (the first on-call person) buzzed about the card
        List<Activity> buzzes = state().activities("urgent_app");
        assertThat(buzzes).hasSize(1);
        assertThat(buzzes.get(0).targetId()).isEqualTo(card.messageId());
        assertThat(buzzes.get(0).ids()).containsExactly(tenant.alice().openId());

        // in that order (once the last of them is journaled)
        last("PATCH", "/open-apis/im/v1/messages/" + card.messageId() + "/urgent_app");
        assertThat(journal().businessRequests()).extracting(r -> r.method() + " " + r.path())
                .containsSubsequence("POST /open-apis/im/v1/chats", "POST /open-apis/im/v1/messages",
                        "POST /open-apis/im/v1/pins", "PATCH /open-apis/im/v1/messages/" + card.messageId() + "/urgent_app");
    }
}
