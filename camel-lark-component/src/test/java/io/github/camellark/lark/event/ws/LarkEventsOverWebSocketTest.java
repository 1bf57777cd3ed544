package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code from("lark:events")} over the long connection, end to end: the simulator pushes, the real events pipeline
 * routes, the transport acks. Needs the events consumer of issue 6; skipped in a build without it.
 */
class LarkEventsOverWebSocketTest extends LongConnectionTestSupport {

    private final EventUser alice = events.user("Alice");

    @BeforeEach
    void requireTheEventsConsumer() {
        boolean available;
        try {
            context.getEndpoint("lark:events").createConsumer(exchange -> {
            });
            available = true;
        } catch (Exception e) {
            available = false;
        }
        assumeTrue(available, "the lark:events consumer (issue 6) is not in this build yet");
        context.getRegistry().bind("recordingHandler", recordingHandler);
    }

    private void route(String uri, java.util.function.Consumer<org.apache.camel.model.RouteDefinition> steps) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                var route = from(uri).routeId("events");
                steps.accept(route);
            }
        });
    }

    private void awaitConnection() {
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);
    }

    @Test
    void eventsOfOneChatReachTheRouteInTheOrderOfTheirFrames() throws Exception {
        Map<String, List<String>> textsByChat = new ConcurrentHashMap<>();
        route("lark:events", r -> r.process(exchange -> {
            Thread.sleep(1); // a little work, so that chats overlap
            textsByChat.computeIfAbsent(exchange.getMessage().getHeader("CamelLarkChatId", String.class),
                    chat -> new CopyOnWriteArrayList<>()).add(exchange.getMessage().getBody(Map.class).toString());
        }));
        awaitConnection();
        List<WsDelivery> deliveries = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            deliveries.add(larkWs.push(events.textMessage(alice, "oc_order" + i % 5, "message-" + (1000 + i / 5))));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.stream().allMatch(WsDelivery::isDelivered));
        assertThat(textsByChat).hasSize(5);
        textsByChat.forEach((chat, texts) -> {
            List<Integer> positions = texts.stream().map(text -> Integer.parseInt(
                    text.replaceAll("(?s).*message-(\\d+).*", "$1"))).toList();
            assertThat(positions).as("positions routed in " + chat).isSorted().hasSize(40);
        });
    }

    @Test
    void anEventArrivesAsAnExchangeAndIsAckedWith200() throws Exception {
        route("lark:events", r -> r.to("mock:events"));
        awaitConnection();
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        LarkEvent hello = events.textMessage(alice, "oc_chat1", "hello");

        WsDelivery delivery = larkWs.push(hello);

        mock.assertIsSatisfied(5000);
        Exchange exchange = mock.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getHeader("CamelLarkEventType")).isEqualTo("im.message.receive_v1");
        assertThat(exchange.getMessage().getHeader("CamelLarkEventId")).isEqualTo(hello.id());
        assertThat(exchange.getMessage().getBody(Map.class)).containsKey("message");
        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(delivery.acks()).extracting(a -> a.code()).containsExactly(200);
    }

    @Test
    void aRouteFailureAcks500() throws Exception {
        larkWs.retrySchedule(RetrySchedule.none());
        route("lark:events", r -> r.throwException(new IllegalStateException("route failed")));
        awaitConnection();

        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "fail"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivery.acks().isEmpty());
        assertThat(delivery.acks().get(0).code()).isEqualTo(500);
    }

    @Test
    void anUnsubscribedEventTypeAcks200WithoutRouting() throws Exception {
        route("lark:events?eventTypes=im.message.receive_v1", r -> r.to("mock:events"));
        awaitConnection();

        WsDelivery delivery = larkWs.push(events.reactionCreated("om_1", alice, "THUMBSUP"));

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(delivery.acks().get(0).code()).isEqualTo(200);
        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:events").assertIsSatisfied();
    }

    @Test
    void aCardClickGetsTheRoutesReplyInTheAckData() throws Exception {
        route("lark:events?eventTypes=card.action.trigger",
                r -> r.setBody(org.apache.camel.builder.Builder.constant(Map.of("toast", Map.of("type", "success", "content", "Approved")))));
        awaitConnection();

        WsDelivery click = larkWs.push(events.cardAction(alice, "om_card1", "oc_chat1", Map.of("op", "approve")));

        await().atMost(Duration.ofSeconds(5)).until(click::isDelivered);
        assertThat(click.callbackReply()).hasValueSatisfying(reply -> assertThat(reply).contains("\"toast\"", "Approved"));
    }

    @Test
    void fiveDropsDuringA500EventStreamRouteEveryEventExactlyOnce() throws Exception {
        larkWs.retrySchedule(RetrySchedule.every(Duration.ofMillis(250), 40));
        Set<Object> routed = ConcurrentHashMap.newKeySet();
        List<Object> duplicates = new CopyOnWriteArrayList<>();
        // with the watchdog: see LongConnectionResilienceTest for why a drop may only be found by its silence
        route("lark:events?wsPingTimeout=3000", r -> r.process(exchange -> {
            Object id = exchange.getMessage().getHeader("CamelLarkEventId");
            if (!routed.add(id)) {
                duplicates.add(id);
            }
        }));
        awaitConnection();
        List<WsDelivery> deliveries = new ArrayList<>();

        for (int b = 0; b < 5; b++) {
            int connectionsSoFar = b + 2;
            for (int i = 0; i < 100; i++) {
                deliveries.add(larkWs.push(events.textMessage(alice, "oc_chat1", "event " + b + "-" + i)));
            }
            larkWs.faults().dropAllConnections();
            // at least: on a loaded machine a late pong can make the watchdog reconnect once more, which is fine
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> larkWs.connectionCount() >= connectionsSoFar && !larkWs.openConnections().isEmpty());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.stream().allMatch(WsDelivery::isDelivered));
        assertThat(routed).hasSize(500);
        assertThat(duplicates).isEmpty();
        assertThat(larkWs.discoveryCount()).as("every reconnect runs discovery again").isEqualTo(larkWs.connectionCount());
    }

    @Test
    void badCredentialsStopTheConsumerWithADownHealthCheckAndNoRetryLoop() throws Exception {
        route("lark:events?appSecret=not-the-secret&exceptionHandler=#recordingHandler", r -> r.to("mock:events"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !reported.isEmpty());
        assertThat(reported).singleElement().isInstanceOf(LongConnectionException.class);
        HealthCheck.Result health = consumerHealth();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("app id or app secret invalid"));
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> larkWs.discoveryCount() == 1);
    }

    @Test
    void aConnectedConsumerIsUp() throws Exception {
        route("lark:events", r -> r.to("mock:events"));
        awaitConnection();

        await().atMost(Duration.ofSeconds(5)).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
    }

    @Test
    void routeStopClosesTheSocketAndNoLarkThreadRemains() throws Exception {
        route("lark:events", r -> r.to("mock:events"));
        awaitConnection();
        WsConnection connection = larkWs.openConnections().get(0);

        context.getRouteController().stopRoute("events");

        // the simulator marks the socket closed on its own thread, just after it echoed the close frame
        await().atMost(Duration.ofSeconds(3)).until(() -> !connection.isOpen());
        assertThat(connection.closeCode()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(3)).until(() -> liveThreads("LarkWebSocket").isEmpty());

        context.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> liveThreads("lark").isEmpty());
    }

    private HealthCheck.Result consumerHealth() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(registry.resolveById("consumers"));
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        return results.stream().filter(r -> r.getCheck().getId().equals("consumer:events")).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer:events check in " + results));
    }

    private static List<String> liveThreads(String fragment) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.toLowerCase().contains(fragment.toLowerCase())).toList();
    }
}
