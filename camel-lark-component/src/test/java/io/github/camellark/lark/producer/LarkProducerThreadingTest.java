package io.github.camellark.lark.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.camel.SimulatorSetup;
import io.github.camellark.lark.testkit.LarkSimulator;
import io.github.camellark.lark.testkit.LarkSimulatorExtension;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import io.vertx.core.Context;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which thread goes on after a {@code lark:} step: a component worker, never a Vert.x event loop, so that a route that
 * blocks there stalls no other send, no event of the long connection and none of its pings.
 */
class LarkProducerThreadingTest extends CamelTestSupport {

    @RegisterExtension
    static LarkSimulatorExtension extension = new LarkSimulatorExtension();

    /** More blocked routes than Vert.x has event loops (two), so that blocking on an event loop would stall everything. */
    private static final int BLOCKED = 6;

    private final AtomicReference<Thread> continuedOn = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blockedRoutes = new CountDownLatch(BLOCKED);
    private LarkSimulator lark;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        lark = extension.simulator();
        lark.longConnection().clientConfig(new ClientConfig(-1, 1, 1, 1)); // Lark's ping every second
        CamelContext context = super.createCamelContext();
        SimulatorSetup.configure(context, lark);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("lark:message").process(e -> continuedOn.set(Thread.currentThread()));
                from("direct:sendThenBlock").to("lark:message").process(e -> {
                    blockedRoutes.countDown();
                    release.await(20, TimeUnit.SECONDS);
                });
                from("lark:events").to("mock:events");
            }
        };
    }

    @AfterEach
    void releaseBlockedRoutes() {
        release.countDown();
    }

    @Test
    void theRouteContinuesOnALarkWorkerThreadNotOnAnEventLoop() {
        SimChat chat = lark.createChat("ops", lark.createUser("Alice"));

        template.sendBodyAndHeader("direct:send", "hi", LarkConstants.RECEIVE_ID, chat.chatId());

        assertThat(continuedOn.get().getName()).contains("Lark").doesNotContain("eventloop");
        assertThat(Context.isOnEventLoopThread()).isFalse();
        assertThat(continuedOn.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void routesBlockedAfterALarkStepStallNoOtherSendNoEventAndNoPing() throws Exception {
        SimChat chat = lark.createChat("ops", lark.createUser("Alice"));
        LongConnectionServer longConnection = lark.longConnection();
        await().atMost(Duration.ofSeconds(10)).until(() -> longConnection.openConnections().size() == 1);
        List<CompletableFuture<Exchange>> blocked = new ArrayList<>();
        for (int i = 0; i < BLOCKED; i++) {
            blocked.add(template.asyncSend("direct:sendThenBlock", e -> {
                e.getMessage().setBody("blocks after sending");
                e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chat.chatId());
            }));
        }
        assertThat(blockedRoutes.await(10, TimeUnit.SECONDS)).as("every blocking route reached its blocking step").isTrue();
        int pingsBefore = longConnection.pingCount();

        for (int i = 0; i < 20; i++) {
            Exchange sent = template.request("direct:send", e -> {
                e.getMessage().setBody("still flowing");
                e.getMessage().setHeader(LarkConstants.RECEIVE_ID, chat.chatId());
            });
            assertThat(sent.getException()).isNull();
        }
        LarkEvent event = lark.events().factory().textMessage(lark.events().factory().user("Bob"), chat.chatId(), "hello");
        WsDelivery delivery = longConnection.push(event);
        await().atMost(Duration.ofSeconds(10)).until(delivery::isDelivered);
        await().atMost(Duration.ofSeconds(10)).until(() -> longConnection.pingCount() >= pingsBefore + 2);

        assertThat(blocked).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<Exchange> exchange : blocked) {
            assertThat(exchange.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
    }
}
