package io.github.camellark.lark.event.webhook;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.event.TimeBoundedIdempotentRepository;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.webhook.WebhookComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes of docs/events-webhook.md, verbatim: if this test changes, the page changes with it.
 */
class WebhookDocExamplesTest extends WebhookTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // camel.component.lark.encrypt-key / verification-token
        withEventSecrets(context);
        // camel.component.webhook.configuration.webhook-component-name = platform-http
        context.getComponent("webhook", WebhookComponent.class).getConfiguration().setWebhookComponentName("platform-http");
        // the shared repository of a cluster (a JdbcMessageIdRepository in production)
        context.getRegistry().bind("larkEventIds", new TimeBoundedIdempotentRepository());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // docs: "Events"
                from("lark:events?transport=webhook&eventTypes=im.message.receive_v1")
                        .log("${header.CamelLarkSenderOpenId} wrote ${body[message][content]}")
                        .to("mock:messages");

                // docs: "Card callbacks"
                from("lark:events?transport=webhook&webhookPath=/lark/cards")
                        .setBody(simple("${body[action][value][op]}"))
                        .choice()
                            .when(body().isEqualTo("approve"))
                                .setBody(constant(Map.of("toast", Map.of("type", "success", "content", "Approved"))))
                            .otherwise()
                                .setBody(constant(Map.of("toast", Map.of("type", "info", "content", "Nothing to do"))))
                        .end();

                // docs: "webhook:lark:events"
                from("webhook:lark:events?webhookPath=/lark/hook")
                        .to("mock:hook");

                // docs: "Dedupe in a cluster" (two nodes, here two endpoints of one context)
                from("lark:events?transport=webhook&webhookPath=/node-a&idempotentRepository=#larkEventIds").to("mock:cluster");
                from("lark:events?transport=webhook&webhookPath=/node-b&idempotentRepository=#larkEventIds").to("mock:cluster");
            }
        };
    }

    @Test
    void eventsRoute() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:messages");
        mock.expectedMessageCount(1);

        assertThat(pushEncrypted("/lark/events", SampleEvents.messageReceived("doc-1", VERIFICATION_TOKEN, "hi")).statusCode())
                .isEqualTo(200);

        mock.assertIsSatisfied();
    }

    @Test
    void cardCallbackRoute() throws Exception {
        HttpResponse<String> response = pushEncrypted("/lark/cards", SampleEvents.cardAction("doc-2", VERIFICATION_TOKEN, "c-1"));

        assertThat(new ObjectMapper().readTree(response.body()))
                .isEqualTo(new ObjectMapper().readTree("{\"toast\":{\"type\":\"success\",\"content\":\"Approved\"}}"));
    }

    @Test
    void webhookComponentRoute() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:hook");
        mock.expectedMessageCount(1);

        assertThat(pushEncrypted("/lark/hook", SampleEvents.messageReceived("doc-3", VERIFICATION_TOKEN, "hi")).statusCode())
                .isEqualTo(200);

        mock.assertIsSatisfied();
    }

    @Test
    void nodesSharingARepositoryRouteAnEventOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:cluster");
        mock.expectedMessageCount(1);
        mock.setAssertPeriod(300);
        String event = SampleEvents.messageReceived("doc-4", VERIFICATION_TOKEN, "hi");

        assertThat(pushEncrypted("/node-a", event).statusCode()).isEqualTo(200);
        assertThat(pushEncrypted("/node-b", event).statusCode()).isEqualTo(200);

        mock.assertIsSatisfied();
    }
}
