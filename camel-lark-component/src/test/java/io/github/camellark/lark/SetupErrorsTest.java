package io.github.camellark.lark;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Set-up mistakes fail before any call to Lark, with a message naming the option and the value. */
class SetupErrorsTest {

    /** Nothing listens on port 9 (discard): an error that reached the network would not read like these. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @Test
    void aProducerWithoutAppIdFailsToStartNamingTheOption() throws Exception {
        try (CamelContext context = context(c -> {})) {
            assertThatThrownBy(() -> startProducer(context, "lark:message?receiveId=oc_1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lark:message calls Lark as the app and needs the option appId (not set)")
                    .hasMessageContaining("camel.component.lark.app-id");
        }
    }

    @Test
    void aProducerWithABlankAppSecretFailsToStartNamingTheOption() throws Exception {
        try (CamelContext context = context(c -> c.setAppId("cli_x"))) {
            assertThatThrownBy(() -> startProducer(context, "lark:message?receiveId=oc_1&appSecret= "))
                    .hasMessageContaining("needs the option appSecret (blank)")
                    .hasMessageContaining("camel.component.lark.app-secret");
        }
    }

    @Test
    void aCustomBotAndAUserTokenEndpointNeedNoAppCredentials() throws Exception {
        try (CamelContext context = context(c -> {})) {
            Producer customBot = startProducer(context, "lark:customBot?webhookUrl=" + NOWHERE + "/hook");
            Producer asUser = startProducer(context, "lark:message?receiveId=oc_1&userAccessToken=RAW(u-1)");

            assertThat(ServiceHelper.isStarted(customBot)).isTrue();
            assertThat(ServiceHelper.isStarted(asUser)).isTrue();
        }
    }

    @Test
    void aWebSocketConsumerWithoutAppIdFailsToStartNamingTheOption() throws Exception {
        try (CamelContext context = context(c -> {})) {
            var consumer = context.getEndpoint("lark:events").createConsumer(exchange -> { });
            assertThatThrownBy(() -> ServiceHelper.startService(consumer)).hasMessageContaining(
                    "lark:events opens the long connection (transport=websocket) as the app and needs the option appId (not set)");
        }
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
    void anUnknownReceiveIdTypeFailsAtStartListingTheValidValues() throws Exception {
        try (CamelContext context = context(SetupErrorsTest::credentials)) {
            assertThatThrownBy(() -> startProducer(context, "lark:message?receiveId=oc_1&receiveIdType=chatid"))
                    .hasMessage("Unknown receiveIdType 'chatid' (option receiveIdType, header CamelLarkReceiveIdType or"
                                + " body field); valid values: open_id, union_id, user_id, email, chat_id, thread_id");
        }
    }

    @Test
    void anUnknownUserIdTypeInAHeaderFailsTheExchangeBeforeAnyCall() throws Exception {
        try (CamelContext context = context(SetupErrorsTest::credentials)) {
            Producer producer = startProducer(context, "lark:reaction?operation=list&messageId=om_1");
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(LarkConstants.USER_ID_TYPE, "openid");

            producer.process(exchange);

            assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown userIdType 'openid' (option userIdType, header CamelLarkUserIdType or body field);"
                                + " valid values: open_id, union_id, user_id");
        }
    }

    /**
     * A started context whose lark component points nowhere. Producers and consumers are started by hand, so that a
     * failure to start reaches the test without Camel logging it.
     */
    private static CamelContext context(Consumer<LarkConfiguration> settings) {
        CamelContext context = new DefaultCamelContext();
        LarkComponent component = context.getComponent("lark", LarkComponent.class);
        component.getConfiguration().setBaseUri(NOWHERE);
        settings.accept(component.getConfiguration());
        context.start();
        return context;
    }

    private static Producer startProducer(CamelContext context, String uri) throws Exception {
        Producer producer = context.getEndpoint(uri).createProducer();
        ServiceHelper.startService(producer);
        return producer;
    }

    private static void credentials(LarkConfiguration configuration) {
        configuration.setAppId("cli_x");
        configuration.setAppSecret("s");
    }
}
