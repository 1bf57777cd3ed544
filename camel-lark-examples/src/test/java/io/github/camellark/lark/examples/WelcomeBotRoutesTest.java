package io.github.camellark.lark.examples;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.examples.offline.Scenarios.WelcomeOutcome;
import io.github.camellark.lark.testkit.RecordedRequest;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeBotRoutesTest extends OfflineExampleTestSupport {

    @Test
    void eachNewMemberIsGreetedInTheGroupWithAPostThatMentionsThem() {
        WelcomeOutcome welcome = scenarios.welcomeBot();

        List<SimMessage> greetings = welcome.greetings();
        assertThat(greetings).hasSize(2);
        assertGreets(greetings.get(0), tenant.carol());
        assertGreets(greetings.get(1), tenant.erin());

        // sent to the group by chat id, one message per newcomer
        List<RecordedRequest> sends = requests("POST", "/open-apis/im/v1/messages", 2);
        assertThat(sends).hasSize(2).allSatisfy(send -> {
            assertThat(send.queryParam("receive_id_type")).isEqualTo("chat_id");
            assertThat(send.json().path("receive_id").asText()).isEqualTo(tenant.general().chatId());
            assertThat(send.json().path("msg_type").asText()).isEqualTo("post");
        });
    }

    private void assertGreets(SimMessage greeting, SimUser newcomer) {
        assertThat(greeting.chatId()).isEqualTo(tenant.general().chatId());
        assertThat(greeting.msgType()).isEqualTo("post");
        JsonNode post = json(greeting.content());
        assertThat(post.path("title").asText()).isEqualTo("Welcome to general!");
        assertThat(post.path("content").findValues("user_id")).extracting(JsonNode::asText).containsExactly(newcomer.openId());
        assertThat(post.path("content").findValues("tag")).extracting(JsonNode::asText).contains("at");
    }
}
