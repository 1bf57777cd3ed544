package io.github.camellark.lark.springboot;

import java.time.Duration;

import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.events.WebhookDelivery;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimUser;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Lark pushes whenever an event happens: here, the instant the web server accepts connections, before Camel's routes
 * have started (Spring Boot starts Camel after the web server). Redelivered like Lark does, on a shortened schedule.
 */
@Component
class PushWhenTheWebServerOpens implements ApplicationListener<WebServerInitializedEvent> {

    private static LarkSimulator lark;
    private static SimUser sender;
    private static SimChat chat;
    private static volatile WebhookDelivery delivery;

    static void prepare(LarkSimulator simulator, SimUser user, SimChat room) {
        lark = simulator;
        sender = user;
        chat = room;
    }

    static WebhookDelivery delivery() {
        return delivery;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        delivery = lark.webhook(LarkStarterTest.webhookUrl(event.getWebServer().getPort()))
                .withRetrySchedule(RetrySchedule.every(Duration.ofMillis(200), 50))
                .push(lark.events().factory().textMessage(lark.events().eventUser(sender), chat.chatId(), "pushed at start-up"));
    }
}
