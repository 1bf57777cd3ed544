package io.github.camellark.lark.examples;

import io.github.camellark.lark.examples.offline.HelpDeskScenario;
import io.github.camellark.lark.testkit.state.CardElements;
import io.github.camellark.lark.testkit.state.SimCardEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpDeskRoutesTest extends OfflineExampleTestSupport {

    @Test
    void aQuestionIsAnsweredInOneStreamedCardThatGetsFeedbackButtonsWhoseClickIsAnswered() {
        HelpDeskScenario.Outcome outcome = scenarios.helpDesk();

        // one card, replied to the question, typed in several updates and no longer streaming
        assertThat(outcome.answer().parentId()).isEqualTo(outcome.question().messageId());
        assertThat(outcome.answer().msgType()).isEqualTo("interactive");
        SimCardEntity card = outcome.card();
        assertThat(card.streamingMode()).isFalse();
        assertThat(card.title()).isEqualTo("IT help desk");
        assertThat(card.elementText("answer").orElseThrow())
                .startsWith("To reset your VPN password, open **vpn.example.com**")
                .endsWith("restart the VPN client if it still refuses it.");
        assertThat(card.updates()).isGreaterThan(2);
        assertThat(card.refusals()).isZero();
        assertThat(card.sequences()).isSorted().doesNotHaveDuplicates();

        // the feedback buttons came after the text, and the click on Helpful got its toast
        assertThat(CardElements.find(card.card().path("body"), "helpful")).isPresent();
        assertThat(CardElements.find(card.card().path("body"), "not_helpful")).isPresent();
        assertThat(outcome.callbackResponse().at("/toast/content").asText()).isEqualTo("Glad it helped!");
        assertThat(lark().conversation().texts()).anySatisfy(text -> assertThat(text)
                .startsWith("[card: IT help desk] To reset your VPN password").endsWith("updates)"));
    }
}
