package io.github.camellark.lark.event.ws;

import java.util.Map;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.LarkTransport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes and options shown in docs/events-websocket.md compile and resolve as the page says. */
class WebSocketDocRoutesTest extends CamelTestSupport {

    /** docs/events-websocket.md, "Set-up". */
    static final class MessagesRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=im.message.receive_v1")
                    .log("${header.CamelLarkSenderOpenId} in ${header.CamelLarkChatId}: ${body[message][content]}");
        }
    }

    /** docs/events-websocket.md, "Card clicks". */
    static final class CardRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=card.action.trigger")
                    .setBody(constant(Map.of("toast", Map.of("type", "success", "content", "Approved"))));
        }
    }

    /** docs/events-websocket.md, "Tuning". */
    static final class TunedRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?wsPingTimeout=20s&wsReconnectMaxDelay=30s&wsConnectTimeout=10s"
                    + "&wsFragmentTtl=15s&proxyHost=proxy.internal&proxyPort=3128")
                .to("direct:events");
        }
    }

    @Test
    void theDocumentedRoutesBuild() throws Exception {
        assertThat(new MessagesRoute().configureRoutes(context).getRoutes()).singleElement()
                .satisfies(route -> assertThat(route.getInput().getEndpointUri()).startsWith("lark:events"));
        assertThat(new CardRoute().configureRoutes(context).getRoutes()).singleElement()
                .satisfies(route -> assertThat(route.getInput().getEndpointUri()).contains("card.action.trigger"));
    }

    @Test
    void theDocumentedOptionsResolve() throws Exception {
        String tuned = new TunedRoute().configureRoutes(context).getRoutes().get(0).getInput().getEndpointUri();
        LarkConfiguration configuration = context.getEndpoint(tuned, LarkEndpoint.class).getConfiguration();

        assertThat(configuration.getTransport()).isEqualTo(LarkTransport.websocket);
        assertThat(configuration.getWsPingTimeout()).isEqualTo(20_000);
        assertThat(configuration.getWsReconnectMaxDelay()).isEqualTo(30_000);
        assertThat(configuration.getWsConnectTimeout()).isEqualTo(10_000);
        assertThat(configuration.getWsFragmentTtl()).isEqualTo(15_000);
        assertThat(configuration.getProxyHost()).isEqualTo("proxy.internal");
        assertThat(configuration.getProxyPort()).isEqualTo(3128);
    }
}
