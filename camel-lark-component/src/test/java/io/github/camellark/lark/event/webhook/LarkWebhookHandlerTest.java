package io.github.camellark.lark.event.webhook;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.event.EventPipeline;
import io.github.camellark.lark.support.SampleEvents;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the pipeline's answer becomes Lark's HTTP status. */
class LarkWebhookHandlerTest {

    private static int statusFor(EventAck answer) {
        EventPipeline pipeline = envelope -> CompletableFuture.completedFuture(answer);
        LarkWebhookHandler handler = new LarkWebhookHandler(new LarkConfiguration(), pipeline, new ObjectMapper(), Clock.systemUTC());
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(SampleEvents.messageReceived("ev-1", "", "hi"));

        handler.process(exchange, doneSync -> {
        });

        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    @Test
    void aFullConsumerAnswers503SoThatLarkRedeliversLater() {
        assertThat(statusFor(EventAck.overloaded())).isEqualTo(503);
    }

    @Test
    void aFailedRouteAnswers500AndASuccess200() {
        assertThat(statusFor(EventAck.failed())).isEqualTo(500);
        assertThat(statusFor(EventAck.delivered())).isEqualTo(200);
    }
}
