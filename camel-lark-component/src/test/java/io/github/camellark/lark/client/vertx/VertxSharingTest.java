package io.github.camellark.lark.client.vertx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.state.SimChat;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Vert.x instance: the one in the Camel registry is used and outlives the CamelContext; without one, the component
 * creates its own and closes it (its event-loop threads end) when the context stops.
 */
class VertxSharingTest {

    private LarkSimulator lark;
    private CamelContext camel;

    @BeforeEach
    void start() {
        lark = LarkSimulator.start();
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() {
        camel.stop();
        lark.close();
    }

    @Test
    void theRegistrysVertxCarriesTheCallsAndIsNotClosedWithTheContext() throws Exception {
        Vertx shared = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            camel.getRegistry().bind("vertx", shared);
            camel.start();

            Exchange sent = send();

            assertThat(sent.getException()).isNull();
            assertThat(camel.getComponent("lark", LarkComponent.class).vertx()).isSameAs(shared);
            camel.stop();
            assertThat(shared.setTimer(1, id -> { })).as("the shared Vert.x still takes timers").isNotNegative();
            assertThat(shared.executeBlocking(() -> "alive").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("alive");
        } finally {
            shared.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theComponentsOwnVertxIsClosedWhenTheContextStops() throws Exception {
        camel.start();

        Exchange sent = send();

        assertThat(sent.getException()).isNull();
        Vertx own = camel.getComponent("lark", LarkComponent.class).vertx();
        CompletableFuture<Thread> eventLoop = new CompletableFuture<>();
        own.runOnContext(ignored -> eventLoop.complete(Thread.currentThread()));
        Thread thread = eventLoop.get(5, TimeUnit.SECONDS);
        camel.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !thread.isAlive());
    }

    private Exchange send() {
        SimulatorSetup.configure(camel.getComponent("lark", LarkComponent.class), lark);
        SimChat chat = lark.createChat("ops", lark.createUser("Alice"));
        return camel.createProducerTemplate().send("lark:message", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chat.chatId());
        });
    }
}
