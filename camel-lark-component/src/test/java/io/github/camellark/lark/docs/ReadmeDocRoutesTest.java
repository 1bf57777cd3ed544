package io.github.camellark.lark.docs;

import java.time.Duration;

import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The routes at the top of README.md, verbatim, against the simulator: a scheduled post, and replies to events. */
class ReadmeDocRoutesTest extends DocRoutesTestSupport {

    static final class ReadmeRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("timer:status?period=3600000")
                .setBody(constant("All systems go"))
                .to("lark:message?receiveId={{ops.chat-id}}");                          // a chat (oc_...), a user (ou_...)

            from("lark:events?eventTypes=im.message.receive_v1")                      // WebSocket: no public URL needed
                .filter(simple("${body[message][content]} contains 'help'"))
                .setBody(constant("On it! The on-call engineer has been told."))
                .to("lark:message?operation=reply");                                   // replies to CamelLarkMessageId
        }
    }

    @Test
    void thePostIsSentAndAHelpRequestIsAnsweredAsAReply() throws Exception {
        SimUser alice = sim.createUser("Alice");
        SimChat ops = sim.createChat("ops-room", alice);
        context.getPropertiesComponent().addOverrideProperty("ops.chat-id", ops.chatId());
        start(new ReadmeRoutes());
        awaitLongConnections(1);

        SimMessage chatter = sim.userSays(alice, ops, "good morning");
        SimMessage question = sim.userSays(alice, ops, "help: the deploy is stuck");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.conversation().in(ops).texts())
                .containsExactlyInAnyOrder("All systems go", "good morning", "help: the deploy is stuck",
                        "On it! The on-call engineer has been told."));
        SimMessage reply = sim.state().messagesIn(ops).stream()
                .filter(m -> m.content().contains("On it!")).findFirst().orElseThrow();
        assertThat(reply.parentId()).as("a reply to the question, not to other chatter").isEqualTo(question.messageId())
                .isNotEqualTo(chatter.messageId());
    }
}
