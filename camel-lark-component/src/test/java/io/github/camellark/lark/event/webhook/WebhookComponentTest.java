package io.github.camellark.lark.event.webhook;

import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.webhook.WebhookComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code webhook:lark:events} is refused, naming {@code lark:events?transport=webhook}: there is one webhook entry path.
 * camel-webhook would serve the path with its own HTTP consumer, outside the checks made per served path.
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

    @Test
    void theCamelWebhookFormFailsToStartNamingTheOneToUse() throws Exception {
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:lark:events?webhookPath=/lark/hook").routeId("camel-webhook").to("mock:events");
            }
        };

        assertThatThrownBy(() -> context.addRoutes(routes))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook:lark:events is not supported")
                .hasMessageContaining("lark:events?transport=webhook&webhookPath=");
        assertThat(push("/lark/hook", "{}").statusCode()).isEqualTo(404);
    }
}
