package io.github.camellark.lark.examples;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.examples.offline.Scenarios.CardOutcome;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.state.Activity;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CardInteractionRoutesTest extends OfflineExampleTestSupport {

    @Test
    void commandsAreAnsweredAndAClickOnTheApprovalCardUpdatesItWithAToastThenRecordsTheDecision() {
        CardOutcome outcome = scenarios.cardInteraction();
        String subject = "Deploy v2.3 to production";

        // each command: an OK reaction and an answer in the command's thread
        assertAnsweredInThread(outcome.help(), "I know: /help, /ping, /request <what needs approval>");
        assertAnsweredInThread(outcome.request(), "Posting an approval request for \"" + subject + "\"");

        // the approval card, with the requester and two buttons
        SimMessage card = outcome.card();
        assertThat(card.chatId()).isEqualTo(tenant.general().chatId());
        JsonNode posted = json(requests("POST", "/open-apis/im/v1/messages", 1).stream()
                .filter(r -> "interactive".equals(r.json().path("msg_type").asText())).findFirst().orElseThrow()
                .json().path("content").asText());
        assertThat(posted.at("/header/title/content").asText()).isEqualTo("Approval needed: " + subject);
        assertThat(posted.at("/body/elements/0/content").asText()).contains("<at id=" + tenant.alice().openId() + "></at>");
        assertThat(posted.findValues("behaviors")).hasSize(2);

        // the click is answered with a toast and the decided card
        JsonNode response = outcome.callbackResponse();
        assertThat(response.at("/toast/type").asText()).isEqualTo("success");
        assertThat(response.at("/toast/content").asText()).isEqualTo("Approved");
        assertThat(response.at("/card/type").asText()).isEqualTo("raw");
        assertThat(response.at("/card/data/header/title/content").asText()).isEqualTo("Approved: " + subject);
        assertThat(response.at("/card/data/body/elements/0/content").asText())
                .contains("Approved by <at id=" + tenant.bob().openId() + "></at>");

        // Lark put the answer's card in place of the approval card, for everyone, and showed Bob the toast
        Activity answered = state().activities("card_callback_update").stream()
                .filter(a -> a.targetId().equals(card.messageId())).findFirst().orElseThrow();
        assertThat(answered.ids()).isEmpty();
        assertThat(json(answered.detail()).at("/header/title/content").asText()).isEqualTo("Approved: " + subject);
        assertThat(state().activities("card_toast")).singleElement()
                .satisfies((Activity toast) -> assertThat(toast.ids()).containsExactly(tenant.bob().openId()));

        // then the delayed update, with the click's token, records the decision
        RecordedRequest update = last("POST", "/open-apis/interactive/v1/card/update");
        WsDelivery click = clickOn(card);
        String clickToken = click.event().event().path("token").asText();
        assertThat(clickToken).startsWith("c-");
        assertThat(update.json().path("token").asText()).isEqualTo(clickToken);
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().at("/card/header/title/content").asText()).isEqualTo("Approved and recorded: " + subject);
        List<Activity> delayed = state().activities("card_delay_update");
        assertThat(delayed).extracting(Activity::targetId).containsExactly(card.messageId());
        assertThat(delayed.get(0).at()).isAfter(click.acks().get(0).receivedAt());
        assertThat(delayed.get(0).at()).isAfter(answered.at());
        assertThat(json(state().message(card.messageId()).orElseThrow().content()).at("/header/title/content").asText())
                .isEqualTo("Approved and recorded: " + subject);
    }

    @Test
    void unknownCommandsAreAnsweredAndOtherMessagesLeftAlone() {
        tenant.awaitEventsConnection();
        SimMessage chatter = lark().userSays(tenant.dave(), tenant.general(), "lunch, anyone?");
        SimMessage unknown = lark().userSays(tenant.dave(), tenant.general(), "/deploy now");

        await().atMost(Duration.ofSeconds(10)).until(() -> !botRepliesTo(unknown).isEmpty());
        assertThat(state().contents().readable(botRepliesTo(unknown).get(0))).isEqualTo("I do not know /deploy. Try /help");

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged(chatter));
        assertThat(state().reactionsOn(chatter.messageId())).isEmpty();
        assertThat(botRepliesTo(chatter)).isEmpty();
    }

    private void assertAnsweredInThread(SimMessage command, String answer) {
        assertThat(state().reactionsOn(command.messageId())).singleElement().satisfies((SimReaction reaction) -> {
            assertThat(reaction.emojiType()).isEqualTo("OK");
            assertThat(reaction.operator().isApp()).isTrue();
        });
        List<SimMessage> replies = botRepliesTo(command);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).threadId()).isNotNull();
        assertThat(state().contents().readable(replies.get(0))).isEqualTo(answer);
        RecordedRequest reply = last("POST", "/open-apis/im/v1/messages/" + command.messageId() + "/reply");
        assertThat(reply.json().path("reply_in_thread").asBoolean()).isTrue();
    }

    private WsDelivery clickOn(SimMessage card) {
        return lark().longConnection().deliveries().stream()
                .filter(d -> card.messageId().equals(d.event().event().at("/context/open_message_id").asText()))
                .findFirst().orElseThrow();
    }

    private boolean acknowledged(SimMessage message) {
        return lark().longConnection().deliveries().stream()
                .filter(d -> message.messageId().equals(d.event().event().at("/message/message_id").asText()))
                .anyMatch(WsDelivery::isDelivered);
    }
}
