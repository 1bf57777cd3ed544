package io.github.camellark.lark.examples.offline;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.CardClickReply;
import io.github.camellark.lark.testkit.state.CardElements;
import io.github.camellark.lark.testkit.state.SimCardEntity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;

/**
 * Scenario 5 acted out: Dave asks the help desk about his VPN password in his chat with the bot, watches the answer
 * being typed into one card, and clicks Helpful once the feedback buttons appear.
 */
public final class HelpDeskScenario {

    /** The question, the card message replying to it, its card entity once final, and the click's callback response. */
    public record Outcome(SimMessage question, SimMessage answer, SimCardEntity card, JsonNode callbackResponse) {
    }

    private final OfflineLark tenant;
    private final LarkSimulator lark;

    HelpDeskScenario(OfflineLark tenant) {
        this.tenant = tenant;
        this.lark = tenant.simulator();
    }

    public Outcome play() {
        tenant.printer().heading("5. AI help desk: Dave asks a question, the answer is typed into one card");
        tenant.awaitEventsConnection();
        SimChat chat = lark.state().p2pChat(tenant.dave);
        SimMessage question = lark.userSays(tenant.dave, chat, "How do I reset my VPN password?");
        tenant.await("the card answering Dave", () -> answer(question).isPresent());
        SimMessage answer = answer(question).orElseThrow();
        tenant.await("the answer typed in full, with its feedback buttons", () -> card(answer)
                .filter(card -> !card.streamingMode() && CardElements.find(card.card().path("body"), "helpful").isPresent())
                .isPresent());
        SimCardEntity card = card(answer).orElseThrow();
        tenant.printer().again(answer, "final, with its feedback buttons");

        tenant.printer().note(chat.chatId(), "Dave clicks Helpful");
        JsonNode value = CardElements.find(card.card().path("body"), "helpful").orElseThrow().element()
                .path("behaviors").get(0).path("value");
        CardClickReply reply = lark.events().clickCard(tenant.dave, answer, lark.mapper().convertValue(value, Map.class))
                .awaitReply(OfflineLark.STEP_TIMEOUT);
        if (!reply.answered()) {
            throw new IllegalStateException("the app did not answer Dave's click: " + reply.failure().orElse(""));
        }
        return new Outcome(question, answer, card, reply.json());
    }

    private Optional<SimMessage> answer(SimMessage question) {
        return lark.state().messages().stream()
                .filter(m -> question.messageId().equals(m.parentId()) && m.sender().isApp() && tenant.printer().shown(m))
                .findFirst();
    }

    private Optional<SimCardEntity> card(SimMessage answer) {
        JsonNode content;
        try {
            content = lark.mapper().readTree(answer.content());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return lark.state().cardEntities().card(content.at("/data/card_id").asText());
    }
}
