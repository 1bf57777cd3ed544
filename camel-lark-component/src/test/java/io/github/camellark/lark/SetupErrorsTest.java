package io.github.camellark.lark;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Set-up mistakes fail before any call to Lark, with a message naming the option and the value. */
class SetupErrorsTest {

    /** Nothing listens on port 9 (discard): an error that reached the network would not read like these. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @Test
    void aProducerWithoutAppIdFailsToStartNamingTheOption() {
        assertThatThrownBy(() -> start(c -> {}, "direct:in", "lark:message?receiveId=oc_1"))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lark:message calls Lark as the app and needs the option appId (not set)")
                .hasMessageContaining("camel.component.lark.app-id");
    }

    @Test
    void aProducerWithABlankAppSecretFailsToStartNamingTheOption() {
        assertThatThrownBy(() -> start(c -> c.setAppId("cli_x"), "direct:in", "lark:message?receiveId=oc_1&appSecret= "))
                .rootCause().hasMessageContaining("needs the option appSecret (blank)")
                .hasMessageContaining("camel.component.lark.app-secret");
    }

    @Test
    void aCustomBotAndAUserTokenEndpointNeedNoAppCredentials() throws Exception {
        try (CamelContext context = start(c -> {}, "direct:bot", "lark:customBot?webhookUrl=" + NOWHERE + "/hook",
                "direct:user", "lark:message?receiveId=oc_1&userAccessToken=RAW(u-1)")) {
            assertThat(context.getRouteController().getRouteStatus("r0").isStarted()).isTrue();
            assertThat(context.getRouteController().getRouteStatus("r1").isStarted()).isTrue();
        }
    }

    @Test
    void aWebSocketConsumerWithoutAppIdFailsToStartNamingTheOption() {
        assertThat(rootCause(catchThrowable(() -> start(c -> {}, "lark:events", "log:events")))).hasMessageContaining(
                        "lark:events opens the long connection (transport=websocket) as the app and needs the option appId (not set)");
    }

    @Test
    void anUnparsableDurationInTheUriFailsNamingTheOptionAndTheValue() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("lark:message?requestTimeout=abc"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .rootCause().hasMessageContaining("Option requestTimeout must be a duration, got 'abc'");
            assertThatThrownBy(() -> context.getEndpoint("lark:events?wsPingTimeout=12abc"))
                    .rootCause().hasMessageContaining("Option wsPingTimeout must be a duration, got '12abc'");
        }
    }

    @Test
    void anUnparsableComponentDurationFailsNamingTheOptionAndTheValue() throws Exception {
        // the way Camel Main and the Spring Boot starter bind camel.component.lark.request-timeout
        try (CamelContext context = new DefaultCamelContext()) {
            LarkComponent component = context.getComponent("lark", LarkComponent.class);
            assertThatThrownBy(() -> PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer())
                    .withIgnoreCase(true).bind(context, component, "request-timeout", "abc"))
                    .rootCause().hasMessageContaining("Option requestTimeout must be a duration, got 'abc'");
        }
    }

    @Test
    void everyDurationFormCamelUnderstandsIsAccepted() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            LarkConfiguration configuration = context.getEndpoint(
                    "lark:message?requestTimeout=1m30s&connectTimeout=PT2.5S&maxRetryWait=1500&retryBackoff=500ms", LarkEndpoint.class)
                    .getConfiguration();
            assertThat(configuration.getRequestTimeout()).isEqualTo(90_000);
            assertThat(configuration.getConnectTimeout()).isEqualTo(2_500);
            assertThat(configuration.getMaxRetryWait()).isEqualTo(1_500);
            assertThat(configuration.getRetryBackoff()).isEqualTo(500);
        }
    }

    @Test
    void anUnparsableNumberFailsNamingTheOptionAndTheValue() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("lark:message?maxRetries=three"))
                    .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("maxRetries=three");
        }
    }

    @Test
    void anUnknownReceiveIdTypeFailsAtStartListingTheValidValues() {
        assertThatThrownBy(() -> start(LarkConfigurationFixture::credentials, "direct:in",
                "lark:message?receiveId=oc_1&receiveIdType=chatid"))
                .rootCause().hasMessage("Unknown receiveIdType 'chatid' (option receiveIdType, header CamelLarkReceiveIdType or"
                                        + " body field); valid values: open_id, union_id, user_id, email, chat_id, thread_id");
    }

    @Test
    void anUnknownUserIdTypeInAHeaderFailsTheExchangeBeforeAnyCall() throws Exception {
        try (CamelContext context = start(LarkConfigurationFixture::credentials, "direct:in",
                "lark:reaction?operation=list&messageId=om_1")) {
            Exchange exchange = context.createProducerTemplate().request("direct:in",
                    e -> e.getMessage().setHeader(LarkConstants.USER_ID_TYPE, "openid"));

            assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown userIdType 'openid' (option userIdType, header CamelLarkUserIdType or body field);"
                                + " valid values: open_id, union_id, user_id");
        }
    }

    /** Starts a context whose lark component points nowhere, with routes from each given pair of URIs. */
    private static CamelContext start(Consumer<LarkConfiguration> settings, String... fromTo) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            LarkComponent component = context.getComponent("lark", LarkComponent.class);
            component.getConfiguration().setBaseUri(NOWHERE);
            settings.accept(component.getConfiguration());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < fromTo.length; i += 2) {
                        from(fromTo[i]).routeId("r" + i / 2).to(fromTo[i + 1]);
                    }
                }
            });
            context.start();
            return context;
        } catch (Exception e) {
            context.close();
            throw e;
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static final class LarkConfigurationFixture {
        static void credentials(LarkConfiguration configuration) {
            configuration.setAppId("cli_x");
            configuration.setAppSecret("s");
        }
    }
}
