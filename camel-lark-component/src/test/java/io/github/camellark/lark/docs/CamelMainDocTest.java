package io.github.camellark.lark.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/camel-main.md's application, its files copied from the page: Camel Main loads the page's routes.yaml and
 * application.properties, and only the connection facts are overridden to point at the simulator.
 */
class CamelMainDocTest {

    private static final Path PAGE = Path.of("..", "docs", "camel-main.md");

    @Test
    void thePagesYamlApplicationPostsAndAnswersHelpRequests(@TempDir Path app) throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Files.writeString(app.resolve("routes.yaml"), block(page, "yaml"));
        Files.writeString(app.resolve("application.properties"), block(page, "properties")
                .replace("classpath:routes.yaml", "file:" + app.resolve("routes.yaml")));

        try (LarkSimulator sim = LarkSimulator.start()) {
            SimUser alice = sim.createUser("Alice");
            SimChat ops = sim.createChat("ops-room", alice);
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("file:" + app.resolve("application.properties"));
            main.addOverrideProperty("camel.component.lark.base-uri", sim.baseUri());
            main.addOverrideProperty("camel.component.lark.app-id", sim.appId());
            main.addOverrideProperty("camel.component.lark.app-secret", sim.appSecret());
            main.addOverrideProperty("ops.chat-id", ops.chatId());
            try {
                main.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> sim.longConnection().openConnections().size() == 1);

                SimMessage question = sim.userSays(alice, ops, "help: the deploy is stuck");

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.conversation().in(ops).texts())
                        .contains("All systems go", "On it! The on-call engineer has been told."));
                assertThat(sim.state().messagesIn(ops).stream().filter(m -> m.content().contains("On it!")).findFirst()
                        .orElseThrow().parentId()).isEqualTo(question.messageId());
            } finally {
                main.stop();
            }
        }
    }

    /** The first fenced block of the given language on the page. */
    static String block(String page, String language) throws IOException {
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("a ```" + language + " block in " + PAGE).isTrue();
        return block.group(1);
    }
}
