package io.github.camellark.lark.event;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventCrypto;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.events.WebhookPusher;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card callbacks are InOut: what the route replies is what the user's Lark client shows (a toast, an updated card), and
 * the callback token travels in {@code CamelLarkCardToken} for a later {@code lark:card?operation=delayUpdate}.
 */
class CardCallbackTest extends WebhookTestSupport {

    private static final String CARD_TOKEN = "c-295ee57216a5dc9de90fefd0aadb4b1d7d337ff1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(secured("lark:events?transport=webhook&webhookPath=/cards", ENCRYPT_KEY))
                        .to("mock:cards")
                        .process(exchange -> {
                            Map<?, ?> action = (Map<?, ?>) exchange.getMessage().getBody(Map.class).get("action");
                            String op = String.valueOf(((Map<?, ?>) action.get("value")).get("op"));
                            exchange.getMessage().setBody(Map.of(
                                    "toast", Map.of("type", "success", "content", "Done: " + op),
                                    "card", Map.of("type", "raw", "data", Map.of("schema", "2.0", "body", Map.of("elements", java.util.List.of())))));
                        });

                from(secured("lark:events?transport=webhook&webhookPath=/legacy", null))
                        .to("mock:legacy")
                        .setBody(constant("{\"config\":{\"wide_screen_mode\":true},\"elements\":[]}"));

                from("lark:events?transport=webhook&webhookPath=/no-reply").to("mock:no-reply");

                from("lark:events?transport=webhook&webhookPath=/slow-card&eventDeadline=300")
                        .delay(1000).setBody(constant(Map.of("toast", Map.of("type", "info", "content", "late")))).to("mock:slow-card");
            }
        };
    }

    private String secured(String uri, String encryptKey) {
        LarkEndpoint endpoint = context.getEndpoint(uri, LarkEndpoint.class);
        endpoint.getConfiguration().setEncryptKey(encryptKey);
        endpoint.getConfiguration().setVerificationToken(VERIFICATION_TOKEN);
        return uri;
    }

    @Test
    void cardClickIsAnsweredWithTheRoutesToastAndCard() throws Exception {
        HttpResponse<String> response = pushEncrypted("/cards", SampleEvents.cardAction("card-ev-1", VERIFICATION_TOKEN, CARD_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"toast\":{\"type\":\"success\",\"content\":\"Done: approve\"},"
                + "\"card\":{\"type\":\"raw\",\"data\":{\"schema\":\"2.0\",\"body\":{\"elements\":[]}}}}"));

        Exchange exchange = getMockEndpoint("mock:cards").getExchanges().get(0);
        assertThat(exchange.getPattern()).isEqualTo(ExchangePattern.InOut);
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(LarkConstants.EVENT_TYPE, "card.action.trigger")
                .containsEntry(LarkConstants.CARD_TOKEN, CARD_TOKEN)
                .containsEntry(LarkConstants.MESSAGE_ID, "om_dc13")
                .containsEntry(LarkConstants.CHAT_ID, "oc_e95e")
                .containsEntry(LarkConstants.SENDER_OPEN_ID, "ou_7dab8a3d")
                .containsEntry(LarkConstants.TENANT_KEY, SampleEvents.TENANT);
    }

    @Test
    void cardClickFromTheSimulatorGetsTheToastAndUpdatedCardWithinLarksBudget() throws Exception {
        LarkEvents events = new LarkEvents(new AppIdentity(SampleEvents.APP, SampleEvents.TENANT, VERIFICATION_TOKEN));
        LarkEvent click = events.cardAction(events.user("Alice"), "om_card", "oc_card", Map.of("op", "reject"));
        WebhookAttempt attempt;
        try (WebhookPusher pusher = new WebhookPusher()) {
            attempt = pusher.webhook(url("/cards")).withEncryptKey(ENCRYPT_KEY).send(click);
        }

        assertThat(attempt.acknowledged()).isTrue();
        assertThat(attempt.latency()).isLessThan(Webhook.LARK_RESPONSE_BUDGET);
        assertThat(JSON.readTree(attempt.responseBody()).path("toast").path("content").asText()).isEqualTo("Done: reject");
        assertThat(JSON.readTree(attempt.responseBody()).path("card").path("type").asText()).isEqualTo("raw");
        assertThat(getMockEndpoint("mock:cards").getExchanges().get(0).getMessage().getHeader(LarkConstants.CARD_TOKEN))
                .isEqualTo(click.event().path("token").asText());
    }

    @Test
    void legacyCardCallbackSignedWithTheVerificationTokenGetsTheRoutesCard() throws Exception {
        String body = SampleEvents.legacyCardAction(CARD_TOKEN);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Map<String, String> headers = Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", "n-1",
                "X-Lark-Signature", EventCrypto.legacyCardSignature(timestamp, "n-1", VERIFICATION_TOKEN, body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = push("/legacy", body, headers);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"config\":{\"wide_screen_mode\":true},\"elements\":[]}");
        Exchange exchange = getMockEndpoint("mock:legacy").getExchanges().get(0);
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(LarkConstants.EVENT_TYPE, "card.action.trigger_v1")
                .containsEntry(LarkConstants.CARD_TOKEN, CARD_TOKEN)
                .containsEntry(LarkConstants.MESSAGE_ID, "om_dc13")
                .containsEntry(LarkConstants.SENDER_OPEN_ID, "ou_7dab8a3d");
    }

    @Test
    void legacyCardCallbackWithoutAValidSignatureIsRefused() throws Exception {
        String body = SampleEvents.legacyCardAction(CARD_TOKEN);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);

        assertThat(push("/legacy", body).statusCode()).isEqualTo(401);
        assertThat(push("/legacy", body, Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", "n-1",
                "X-Lark-Signature", EventCrypto.legacyCardSignature(timestamp, "n-1", "another-token", body.getBytes(StandardCharsets.UTF_8)))).statusCode()).isEqualTo(401);
        assertThat(getMockEndpoint("mock:legacy").getReceivedCounter()).isZero();
    }

    @Test
    void routeThatRepliesNothingKeepsTheCardAsItIs() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:no-reply");
        mock.expectedMessageCount(1);

        HttpResponse<String> response = push("/no-reply", SampleEvents.cardAction("card-ev-2", "t", CARD_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        mock.assertIsSatisfied();
    }

    @Test
    void cardRouteSlowerThanTheDeadlineGetsAnEmptyReply() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:slow-card");
        mock.expectedMessageCount(1);

        HttpResponse<String> response = push("/slow-card", SampleEvents.cardAction("card-ev-3", "t", CARD_TOKEN));

        // the route's toast comes after the deadline: Lark was answered without it
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        mock.assertIsSatisfied(5000);
    }
}
