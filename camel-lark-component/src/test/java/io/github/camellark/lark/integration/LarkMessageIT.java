package io.github.camellark.lark.integration;

import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Lark tenant: {@code LARK_APP_ID}, {@code LARK_APP_SECRET} and {@code LARK_CHAT_ID} (a group the app's
 * bot is in) must be set; {@code LARK_DOMAIN=lark} for Lark international. Run with {@code mvn -B verify -Pit}.
 */
@EnabledIfEnvironmentVariables(value = {
        @EnabledIfEnvironmentVariable(named = "LARK_APP_ID", matches = ".+"),
        @EnabledIfEnvironmentVariable(named = "LARK_APP_SECRET", matches = ".+"),
        @EnabledIfEnvironmentVariable(named = "LARK_CHAT_ID", matches = "oc_.+") })
class LarkMessageIT extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LarkComponent lark = context.getComponent("lark", LarkComponent.class);
        lark.getConfiguration().setAppId(System.getenv("LARK_APP_ID"));
        lark.getConfiguration().setAppSecret(System.getenv("LARK_APP_SECRET"));
        if ("lark".equals(System.getenv("LARK_DOMAIN"))) {
            lark.getConfiguration().setDomain(io.github.camellark.lark.LarkDomain.lark);
        }
        return context;
    }

    @Test
    void sendsReadsBackReactsToAndRecallsATextMessage() {
        String chatId = System.getenv("LARK_CHAT_ID");

        Map<?, ?> sent = template.requestBodyAndHeader("lark:message", "camel-lark integration test",
                LarkConstants.RECEIVE_ID, chatId, Map.class);
        String messageId = (String) sent.get("message_id");
        assertThat(messageId).startsWith("om_");

        Map<?, ?> got = template.requestBodyAndHeader("lark:message?operation=get", null, LarkConstants.MESSAGE_ID, messageId,
                Map.class);
        assertThat((List<?>) got.get("items")).isNotEmpty();

        template.requestBodyAndHeaders("lark:reaction", null,
                Map.of(LarkConstants.MESSAGE_ID, messageId, LarkConstants.EMOJI_TYPE, "THUMBSUP"));
        template.requestBodyAndHeader("lark:message?operation=recall", null, LarkConstants.MESSAGE_ID, messageId);
    }
}
