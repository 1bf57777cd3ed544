package io.github.camellark.lark.producer;

import java.util.concurrent.atomic.AtomicReference;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The producer never blocks the caller's thread: the route continues on the component's named HTTP threads. */
class LarkProducerThreadingTest extends LarkTestSupport {

    private final AtomicReference<String> continuedOn = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("lark:message").process(e -> continuedOn.set(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void theRouteContinuesOnALarkHttpThreadOnceLarkHasAnswered() {
        lark.stubFor(post(urlPathEqualTo("/open-apis/im/v1/messages"))
                .willReturn(okJson(success("{\"message_id\":\"om_1\"}")).withFixedDelay(100)));

        template.sendBodyAndHeader("direct:send", "hi", LarkConstants.RECEIVE_ID, "oc_1");

        assertThat(continuedOn.get()).contains("LarkHttp").doesNotContain(Thread.currentThread().getName());
    }
}
