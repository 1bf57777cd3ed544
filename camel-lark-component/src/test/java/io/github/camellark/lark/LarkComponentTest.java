package io.github.camellark.lark;

import io.github.camellark.lark.operation.CardOperation;
import io.github.camellark.lark.operation.MessageOperation;
import io.github.camellark.lark.operation.UrgentOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LarkComponentTest extends CamelTestSupport {

    @Test
    void anUnknownResourceFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("lark:mesage"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown Lark resource 'mesage'")
                .hasMessageContaining("message, batchMessage, image, file, card, reaction, pin, urgent, urlPreview, chat, customBot, cardkit, events");
    }

    @Test
    void anUnknownOperationFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("lark:pin?operation=send"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown operation 'send' for lark:pin; valid operations: create, delete, list");
    }

    @Test
    void routesAddedBeforeTheContextStartsStartTheirEndpoints() throws Exception {
        // Camel Main adds routes first: endpoints start, asking for their HTTP client, before the component's doStart
        try (org.apache.camel.CamelContext fresh = new org.apache.camel.impl.DefaultCamelContext()) {
            fresh.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("lark:message?receiveId=oc_1&appId=cli_1&appSecret=RAW(s)");
                }
            });
            fresh.start();

            assertThat(fresh.getRouteController().getRouteStatus(fresh.getRoutes().get(0).getRouteId()).isStarted()).isTrue();
        }
    }

    @Test
    void eachResourceHasItsDefaultOperation() {
        assertThat(LarkResource.MESSAGE.operation(null)).isEqualTo(MessageOperation.SEND);
        assertThat(LarkResource.CARD.operation("")).isEqualTo(CardOperation.UPDATE);
        assertThat(LarkResource.URGENT.defaultOperation()).isEqualTo(UrgentOperation.APP);
        assertThat(LarkResource.EVENTS.isProducer()).isFalse();
    }

    @Test
    void endpointsStartFromTheComponentConfigurationAndOverrideItWithoutChangingIt() {
        LarkComponent component = context.getComponent("lark", LarkComponent.class);
        component.getConfiguration().setAppId("cli_component");
        component.getConfiguration().setReceiveIdType("chat_id");

        LarkEndpoint endpoint = context.getEndpoint("lark:message?receiveIdType=open_id&maxRetries=7", LarkEndpoint.class);

        assertThat(endpoint.getConfiguration().getAppId()).isEqualTo("cli_component");
        assertThat(endpoint.getConfiguration().getReceiveIdType()).isEqualTo("open_id");
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(component.getConfiguration().getReceiveIdType()).isEqualTo("chat_id");
        assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(3);
    }

    @Test
    void domainPicksTheHostAndBaseUriOverridesIt() {
        assertThat(context.getEndpoint("lark:message", LarkEndpoint.class).getServiceUrl()).isEqualTo("https://open.feishu.cn");
        assertThat(context.getEndpoint("lark:message?domain=lark", LarkEndpoint.class).getServiceUrl())
                .isEqualTo("https://open.larksuite.com");
        assertThat(context.getEndpoint("lark:message?baseUri=http://127.0.0.1:9/", LarkEndpoint.class).getServiceUrl())
                .isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void theEndpointKeepsItsRealUriAndMasksEverySecretWhereverItIsShown() throws Exception {
        LarkEndpoint endpoint = context.getEndpoint("lark:customBot?appId=cli_x&appSecret=RAW(s3cr3t-app)"
                                                    + "&botSecret=RAW(s3cr3t-bot)&encryptKey=RAW(s3cr3t-key)"
                                                    + "&verificationToken=RAW(s3cr3t-vt)&userAccessToken=RAW(u-s3cr3t)"
                                                    + "&webhookUrl=RAW(https://open.feishu.cn/open-apis/bot/v2/hook/s3cr3t-hook)",
                LarkEndpoint.class);
        LarkEndpoint lowerCase = context.getEndpoint("lark:events?encryptkey=RAW(s3cr3t-lower)"
                                                     + "&webhookurl=RAW(https://open.feishu.cn/open-apis/bot/v2/hook/s3cr3t-lower)",
                LarkEndpoint.class);

        assertThat(endpoint.getEndpointUri()).as("the URI is the endpoint's identity").contains("s3cr3t-hook");
        assertThat(lowerCase.getConfiguration().getEncryptKey()).as("Camel binds options ignoring case").isEqualTo("s3cr3t-lower");
        // Camel's own sanitizer masks only the first of encryptKey and webhookUrl: the endpoint masks both
        assertThat(endpoint.toString()).doesNotContain("s3cr3t").contains("cli_x", "webhookUrl=xxxxxx", "encryptKey=xxxxxx");
        assertThat(lowerCase.toString()).doesNotContain("s3cr3t");
        assertThat(endpoint.createProducer().toString()).doesNotContain("s3cr3t").contains("cli_x");
        assertThat(lowerCase.createConsumer(exchange -> { }).toString()).doesNotContain("s3cr3t").contains("lark://events");
        assertThat(LarkConfiguration.class.getMethod("toString").getDeclaringClass())
                .as("LarkConfiguration holds the secrets and deliberately prints none of them").isEqualTo(Object.class);
    }

    @Test
    void customBotsWithDifferentHooksAreDifferentEndpointsAndTheirUrisRoundTrip() throws Exception {
        String opsHook = "https://open.feishu.cn/open-apis/bot/v2/hook/ops-room-token";
        String devHook = "https://open.feishu.cn/open-apis/bot/v2/hook/dev-room-token";
        LarkEndpoint toOps = context.getEndpoint("lark:customBot?webhookUrl=RAW(" + opsHook + ")", LarkEndpoint.class);
        LarkEndpoint toDev = context.getEndpoint("lark:customBot?webhookUrl=RAW(" + devHook + ")", LarkEndpoint.class);

        assertThat(toOps).isNotEqualTo(toDev);
        assertThat(toOps.getEndpointUri()).isNotEqualTo(toDev.getEndpointUri());
        assertThat(context.getEndpoint(toOps.getEndpointUri())).isSameAs(toOps);
        try (CamelContext elsewhere = new DefaultCamelContext()) {
            LarkEndpoint resolvedAgain = elsewhere.getEndpoint(toOps.getEndpointUri(), LarkEndpoint.class);
            assertThat(resolvedAgain.getConfiguration().getWebhookUrl()).isEqualTo(opsHook);
            assertThat(resolvedAgain.getEndpointUri()).isEqualTo(toOps.getEndpointUri());
        }
    }
}
