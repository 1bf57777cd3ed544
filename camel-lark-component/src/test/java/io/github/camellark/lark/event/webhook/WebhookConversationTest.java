package io.github.camellark.lark.event.webhook;

import java.time.Duration;
import java.util.Map;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop against the simulator: a user writes in a chat, Lark pushes the event (encrypted, signed) to the
 * webhook, and the route answers in the chat with {@code lark:message?operation=reply}, using only the headers the
 * consumer set. Also the legacy card request URL, signed by the simulator with the verification token.
 */
class WebhookConversationTest extends WebhookTestSupport {

    private final LarkSimulator sim = LarkSimulator.builder().verificationToken(VERIFICATION_TOKEN).start();

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SimulatorSetup.configure(withEventSecrets(context), sim);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&eventTypes=im.message.receive_v1")
                        .setBody(simple("You said: ${body[message][content]}"))
                        .to("lark:message?operation=reply");

                // the legacy card request URL is signed with the verification token and not encrypted
                String legacyCards = "lark:events?transport=webhook&webhookPath=/lark/legacy-card";
                getCamelContext().getEndpoint(legacyCards, LarkEndpoint.class).getConfiguration().setEncryptKey(null);
                from(legacyCards)
                        .setBody(constant(Map.of("elements", java.util.List.of())));
            }
        };
    }

    @Test
    void userMessageIsAnsweredInTheChat() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        sim.events().deliverTo(sim.webhook(url(PATH).toString()).withEncryptKey(ENCRYPT_KEY));

        SimMessage said = sim.userSays(alice, room, "hello");

        await().atMost(Duration.ofSeconds(15)).until(() -> sim.state().messagesIn(room).size() == 2);
        SimMessage answer = sim.state().messagesIn(room).get(1);
        assertThat(answer.parentId()).as("answered with operation=reply").isEqualTo(said.messageId());
        assertThat(answer.content()).contains("You said:");
    }

    @Test
    void legacyCardCallbackSignedByTheSimulatorIsAnswered() {
        SimUser alice = sim.createUser("Alice");
        SimChat room = sim.createChat("ops-room", alice);
        LarkEvent click = sim.events().factory().legacyCardAction(sim.events().eventUser(alice), "om_card", room.chatId(),
                Map.of("op", "approve"));

        WebhookAttempt attempt = sim.webhook(url("/lark/legacy-card").toString())
                .withLegacyCardVerificationToken(VERIFICATION_TOKEN).send(click);
        WebhookAttempt forged = sim.webhook(url("/lark/legacy-card").toString())
                .withLegacyCardVerificationToken("guessed-token").send(click);

        assertThat(attempt.acknowledged()).isTrue();
        assertThat(attempt.responseBody()).isEqualTo("{\"elements\":[]}");
        assertThat(forged.status()).isEqualTo(401);
    }
}
