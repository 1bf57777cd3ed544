package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.ws.HandshakeRejection;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * One route per event type, the way users write them: every {@code lark:events} route of an app shares ONE long
 * connection, because Lark gives each event to one random connection of the app; with a
 * connection per route, an event would land on a route whose filter drops it.
 */
class SeveralRoutesOneLongConnectionTest extends LongConnectionTestSupport {

    private static final String MESSAGES = "lark:events?eventTypes=im.message.receive_v1";
    private static final String MEMBERS = "lark:events?eventTypes=im.chat.member.user.added_v1";

    /** docs/events-websocket.md, "Several routes for one app". */
    static final class OneRoutePerEventType extends RouteBuilder {
        @Override
        public void configure() {
            from("lark:events?eventTypes=im.message.receive_v1").to("direct:messages");
            from("lark:events?eventTypes=im.chat.member.user.added_v1").to("direct:welcome");
            from("lark:events?eventTypes=card.action.trigger").to("direct:cards");
        }
    }

    private final EventUser alice = events.user("Alice");
    private final EventUser bob = events.user("Bob");

    private void route(String id, String uri, Consumer<RouteDefinition> steps) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                steps.accept(from(uri).routeId(id));
            }
        });
    }

    private void messagesAndMembersRoutes() throws Exception {
        route("messages", MESSAGES, r -> r.to("mock:messages"));
        route("members", MEMBERS, r -> r.to("mock:members"));
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);
    }

    private LarkEvent memberAdded(int i) {
        return events.chatMemberUserAdded("oc_chat" + i, "chat " + i, alice, bob);
    }

    @Test
    void twoRoutesOfOneAppShareOneConnectionAndEachEventReachesTheRouteThatWantsIt() throws Exception {
        messagesAndMembersRoutes();
        MockEndpoint messages = getMockEndpoint("mock:messages");
        MockEndpoint members = getMockEndpoint("mock:members");
        messages.expectedMessageCount(50);
        members.expectedMessageCount(50);
        messages.setAssertPeriod(300);
        List<WsDelivery> deliveries = new ArrayList<>();
        Set<String> messageIds = ConcurrentHashMap.newKeySet();
        Set<String> memberIds = ConcurrentHashMap.newKeySet();

        for (int i = 0; i < 50; i++) {
            LarkEvent message = events.textMessage(alice, "oc_chat1", "message " + i);
            LarkEvent added = memberAdded(i);
            messageIds.add(message.id());
            memberIds.add(added.id());
            deliveries.add(larkWs.push(message));
            deliveries.add(larkWs.push(added));
        }

        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, messages, members);
        assertThat(messages.getExchanges()).extracting(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(members.getExchanges()).extracting(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(memberIds);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.stream().allMatch(WsDelivery::isDelivered));
        assertThat(deliveries).allSatisfy(d -> assertThat(d.attemptCount()).as("acked 200 at once").isEqualTo(1));
        assertThat(larkWs.connections()).hasSize(1);
        assertThat(larkWs.discoveryCount()).isEqualTo(1);
    }

    @Test
    void theDocumentedRoutesShareOneConnection() throws Exception {
        context.addRoutes(new OneRoutePerEventType());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:messages").to("mock:messages");
                from("direct:welcome").to("mock:members");
                from("direct:cards").setBody(constant(Map.of("toast", Map.of("type", "info", "content", "Seen"))));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);
        getMockEndpoint("mock:messages").expectedMessageCount(1);
        getMockEndpoint("mock:members").expectedMessageCount(1);

        larkWs.push(events.textMessage(alice, "oc_chat1", "hello"));
        larkWs.push(memberAdded(1));
        WsDelivery click = larkWs.push(events.cardAction(alice, "om_card1", "oc_chat1", Map.of("op", "ack")));

        MockEndpoint.assertIsSatisfied(context);
        await().atMost(Duration.ofSeconds(5)).until(click::isDelivered);
        assertThat(click.callbackReply()).hasValueSatisfying(reply -> assertThat(reply).contains("Seen"));
        assertThat(larkWs.connections()).hasSize(1);
    }

    @Test
    void aRouteFailureMakesLarkRedeliverAndOnlyTheFailingRouteRoutesTheRedelivery() throws Exception {
        larkWs.retrySchedule(RetrySchedule.every(Duration.ofMillis(200), 3));
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        route("archive", MESSAGES, r -> r.to("mock:archive"));
        route("notify", MESSAGES + ",im.chat.member.user.added_v1", r -> r.to("mock:notify-attempts").process(exchange -> {
            if (failedOnce.add(exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))) {
                throw new IllegalStateException("chat service down");
            }
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);
        MockEndpoint archive = getMockEndpoint("mock:archive");
        archive.expectedMessageCount(1);
        archive.setAssertPeriod(500);

        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "hello"));

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(delivery.attempts()).extracting(a -> a.ack().code()).containsExactly(500, 200);
        assertThat(getMockEndpoint("mock:notify-attempts").getReceivedCounter()).as("routed again after the failure")
                .isEqualTo(2);
        archive.assertIsSatisfied();
    }

    @Test
    void aCardReplyComesFromTheRouteThatProducedOne() throws Exception {
        route("messages", MESSAGES, r -> r.to("mock:messages"));
        route("cards", "lark:events?eventTypes=card.action.trigger",
                r -> r.setBody(org.apache.camel.builder.Builder.constant(Map.of("toast", Map.of("type", "info", "content", "Noted")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);

        WsDelivery click = larkWs.push(events.cardAction(alice, "om_card1", "oc_chat1", Map.of("op", "ack")));

        await().atMost(Duration.ofSeconds(5)).until(click::isDelivered);
        assertThat(click.callbackReply()).hasValueSatisfying(reply -> assertThat(reply).contains("Noted"));
    }

    @Test
    void stoppingOneRouteKeepsTheConnectionAndStoppingTheLastClosesIt() throws Exception {
        messagesAndMembersRoutes();
        WsConnection connection = larkWs.openConnections().get(0);

        context.getRouteController().stopRoute("messages");

        assertThat(connection.isOpen()).isTrue();
        MockEndpoint members = getMockEndpoint("mock:members");
        members.expectedMessageCount(1);
        WsDelivery message = larkWs.push(events.textMessage(alice, "oc_chat1", "nobody routes this"));
        larkWs.push(memberAdded(1));
        members.assertIsSatisfied(5000);
        await().atMost(Duration.ofSeconds(5)).until(message::isDelivered);
        assertThat(getMockEndpoint("mock:messages").getReceivedCounter()).isZero();

        context.getRouteController().stopRoute("members");

        // the simulator marks the socket closed on its own thread, just after it echoed the close frame
        await().atMost(Duration.ofSeconds(3)).until(() -> !connection.isOpen());
        assertThat(connection.closeCode()).as("a normal close frame").isEqualTo(1000);
        assertThat(larkWs.connections()).hasSize(1);
        await().atMost(Duration.ofSeconds(3)).until(() -> liveThreads("LarkWebSocket", "LarkEvent").isEmpty());

        context.getRouteController().startRoute("members");
        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.openConnections().size() == 1);
        assertThat(larkWs.connections()).as("the next start opens a new connection").hasSize(2);

        context.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> liveThreads("lark").isEmpty());
    }

    @Test
    void badCredentialsReachEveryRoutesExceptionHandlerAndEveryHealthCheckIsDown() throws Exception {
        List<Throwable> messagesErrors = new CopyOnWriteArrayList<>();
        List<Throwable> membersErrors = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("messagesErrors", recording(messagesErrors));
        context.getRegistry().bind("membersErrors", recording(membersErrors));
        route("messages", MESSAGES + "&appSecret=not-the-secret&exceptionHandler=#messagesErrors", r -> r.to("mock:messages"));
        route("members", MEMBERS + "&appSecret=not-the-secret&exceptionHandler=#membersErrors", r -> r.to("mock:members"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !messagesErrors.isEmpty() && !membersErrors.isEmpty());
        assertThat(messagesErrors).allSatisfy(e -> assertThat(e).isInstanceOf(LongConnectionException.class)
                .hasMessageContaining("app id or app secret invalid"));
        assertThat(membersErrors).allSatisfy(e -> assertThat(e).isInstanceOf(LongConnectionException.class));
        assertThat(consumerHealth("consumer:messages").getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(consumerHealth("consumer:members").getState()).isEqualTo(HealthCheck.State.DOWN);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> larkWs.discoveryCount() <= 2);
    }

    @Test
    void aRouteStartingAfterTheConnectionStoppedForGoodMakesItTryAgain() throws Exception {
        larkWs.faults().rejectNextHandshakes(1, HandshakeRejection.connectionLimit());
        route("messages", MESSAGES, r -> r.to("mock:messages"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "FAILED".equals(consumerHealth("consumer:messages").getDetails().get("lark.state")));

        route("members", MEMBERS, r -> r.to("mock:members"));

        await().atMost(Duration.ofSeconds(5)).until(() -> larkWs.openConnections().size() == 1);
        assertThat(larkWs.handshakeCount()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumerHealth("consumer:messages").getState() == HealthCheck.State.UP);
    }

    @Test
    void bothHealthChecksReportTheSharedConnection() throws Exception {
        messagesAndMembersRoutes();

        await().atMost(Duration.ofSeconds(5)).until(() -> consumerHealth("consumer:messages").getState() == HealthCheck.State.UP
                && consumerHealth("consumer:members").getState() == HealthCheck.State.UP);
        assertThat(consumerHealth("consumer:messages").getDetails().get("lark.connection"))
                .isEqualTo(consumerHealth("consumer:members").getDetails().get("lark.connection"));
    }

    @Test
    void aRouteWhoseConnectionOptionsDifferFailsToStartNamingThem() throws Exception {
        route("messages", MESSAGES, r -> r.to("mock:messages"));

        assertThat(rootCause(() -> route("members", MEMBERS + "&wsPingTimeout=60000&appSecret=another-secret-0002",
                r -> r.to("mock:members"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route members").hasMessageContaining("route messages")
                .hasMessageContaining("wsPingTimeout (60000 here, 30000 there)")
                .hasMessageContaining("appSecret (values not shown)")
                .hasMessageNotContaining("another-secret-0002").hasMessageNotContaining(APP_SECRET);
        assertThat(larkWs.openConnections()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void twoRoutesOfOverlappingTypesCannotShareOneIdempotentRepository() throws Exception {
        context.getRegistry().bind("seen", new MemoryIdempotentRepository());
        route("messages", MESSAGES + "&idempotentRepository=#seen", r -> r.to("mock:messages"));

        assertThat(rootCause(() -> route("all", "lark:events?idempotentRepository=#seen", r -> r.to("mock:all"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route messages and route all")
                .hasMessageContaining("same idempotentRepository");
        route("members", MEMBERS + "&idempotentRepository=#seen", r -> r.to("mock:members"));
        assertThat(context.getRouteController().getRouteStatus("members").isStarted()).isTrue();
    }

    /** The route start failure, whether Camel wraps it or not. */
    private static Throwable rootCause(ThrowingCallable start) {
        Throwable failure = catchThrowable(start);
        assertThat(failure).as("the route start failed").isNotNull();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private HealthCheck.Result consumerHealth(String id) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(registry.resolveById("consumers"));
        registry.setExposureLevel("full"); // "default" folds results that are all UP into one
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " check"));
    }

    private static List<String> liveThreads(String... fragments) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> java.util.Arrays.stream(fragments).anyMatch(f -> name.toLowerCase().contains(f.toLowerCase())))
                .toList();
    }

}
