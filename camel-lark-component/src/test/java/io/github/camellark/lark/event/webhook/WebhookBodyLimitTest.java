package io.github.camellark.lark.event.webhook;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.OversizedBodyProbe;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With default settings (maxEventBodySize 1 MiB, Camel's Vert.x HTTP platform without camel.server.max-body-size), an
 * unauthenticated 9 MiB body is refused before it is read: the 413 reaches a sender that paused after 2 MiB, long
 * before the platform would have had the whole body.
 */
class WebhookBodyLimitTest extends WebhookTestSupport {

    private static final int NINE_MIB = 9 * 1024 * 1024;
    private static final int TWO_MIB = 2 * 1024 * 1024;

    @Override
    protected RouteBuilder createRouteBuilder() {
        withEventSecrets(context);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook").to("mock:events");
            }
        };
    }

    @Test
    void nineMebibyteBodyIsRefusedWhileItsSenderPausesAfterTwo() {
        OversizedBodyProbe probe = OversizedBodyProbe.withContentLength(url(), NINE_MIB, TWO_MIB);

        assertThat(probe.statusLineDuringPause(15, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void chunkedBodyIsRefusedOnceItPassesTheLimitWhileItsSenderPauses() {
        OversizedBodyProbe probe = OversizedBodyProbe.chunked(url(), TWO_MIB);

        assertThat(probe.statusLineDuringPause(15, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + port + PATH);
    }
}
