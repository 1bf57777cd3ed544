package io.github.camellark.lark.event.webhook;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.EventCrypto;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.webhook.WebhookComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code webhook:lark:events}: the Camel-native way, through camel-webhook and platform-http (Camel 4.18 needs
 * {@code webhookComponentName=platform-http}). It is an alias of {@code lark:events?transport=webhook} on camel-webhook's
 * path: same handler, same served path and per-path checks, same body limit. Registration is a no-op since Lark's URL
 * is set in its console.
 */
class WebhookComponentTest extends WebhookTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel.component.webhook.configuration.webhook-component-name=platform-http does in Camel Main / Spring Boot
        context.getComponent("webhook", WebhookComponent.class).getConfiguration().setWebhookComponentName("platform-http");
        withEventSecrets(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:lark:events?webhookPath=/lark/hook")
                        .to("mock:events")
                        .filter(header(LarkConstants.EVENT_TYPE).isEqualTo("card.action.trigger"))
                        .setBody(constant(java.util.Map.of("toast", java.util.Map.of("type", "info", "content", "ok"))));
            }
        };
    }

    @Test
    void challengeIsAnswered() throws Exception {
        HttpResponse<String> response = pushEncrypted("/lark/hook", SampleEvents.challenge("hook-1", VERIFICATION_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"challenge\":\"hook-1\"}");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void eventIsRoutedOnceAndDuplicatesAreDropped() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        mock.setAssertPeriod(300);

        for (int i = 0; i < 3; i++) {
            assertThat(pushEncrypted("/lark/hook", SampleEvents.messageReceived("hook-ev-1", VERIFICATION_TOKEN, "hi")).statusCode())
                    .isEqualTo(200);
        }

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_hook-ev-1");
    }

    @Test
    void cardClickIsAnsweredWithTheRoutesReply() throws Exception {
        HttpResponse<String> response = pushEncrypted("/lark/hook",
                SampleEvents.cardAction("hook-card-1", VERIFICATION_TOKEN, "c-token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.body()))
                .isEqualTo(new ObjectMapper().readTree("{\"toast\":{\"type\":\"info\",\"content\":\"ok\"}}"));
    }

    @Test
    void forgedRequestIsRefusedAndNotRouted() throws Exception {
        String body = EventCrypto.encryptedBody(ENCRYPT_KEY, SampleEvents.messageReceived("hook-ev-2", VERIFICATION_TOKEN, "hi"));

        HttpResponse<String> response = push("/lark/hook", body, signed(body, "guessed-key"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void onlyPostIsServed() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(url("/lark/hook")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
    }

    @Test
    void theAliasSharesItsPathWithTheConsumersOfLarkEventsOverWebhook() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&webhookPath=/lark/hook").to("mock:other");
            }
        });
        getMockEndpoint("mock:events").expectedMessageCount(1);
        getMockEndpoint("mock:other").expectedMessageCount(1);

        assertThat(pushEncrypted("/lark/hook", SampleEvents.messageReceived("hook-ev-3", VERIFICATION_TOKEN, "hi")).statusCode())
                .isEqualTo(200);

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void theAliasGetsTheSamePerPathCheckAsLarkEventsOverWebhook() {
        RouteBuilder disagreeing = new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&webhookPath=/lark/hook&maxEventBodySize=2048").to("mock:other");
            }
        };

        assertThatThrownBy(() -> context.addRoutes(disagreeing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot share the webhook path /lark/hook")
                .hasMessageContaining("maxEventBodySize (2048 here, 1048576 there)");
    }

    @Test
    void theAliasRefusesABodyOverItsLimit() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:lark:events?webhookPath=/lark/small&maxEventBodySize=1024").to("mock:small");
            }
        });

        HttpResponse<String> response = push("/lark/small", "{\"padding\":\"" + "x".repeat(2048) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(getMockEndpoint("mock:small").getReceivedCounter()).isZero();
    }
}
