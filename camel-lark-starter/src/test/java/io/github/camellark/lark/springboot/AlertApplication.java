package io.github.camellark.lark.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * The test application: what a user writes, and nothing more. The lark component is configured by
 * {@code camel.component.lark.*} properties alone, with no {@code @Bean}.
 */
@SpringBootApplication
public class AlertApplication {

    @Component
    static class AlertRoutes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:alert").routeId("alert")
                    .to("lark:message?receiveId={{ops.chat-id}}");

            from("lark:events?eventTypes=im.message.receive_v1").routeId("websocket-events")
                    .setBody(simple("${body[message][content]}"))
                    .to("mock:websocket");

            from("lark:events?transport=webhook&eventTypes=im.message.receive_v1").routeId("webhook-events")
                    .setBody(simple("${body[message][content]}"))
                    .to("mock:webhook");
        }
    }
}
