package io.github.camellark.lark.event.ws;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camellark.lark.event.EventAck;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.Pbbp2Frame;
import io.github.camellark.lark.testkit.ws.WsAck;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import io.github.camellark.lark.testkit.ws.WsPush;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Data frames over the long connection: delivery, acks, fragments, card replies, client config. */
class LongConnectionEventsTest extends LongConnectionTestSupport {

    private final RecordingPipeline pipeline = new RecordingPipeline();
    private final EventUser alice = events.user("Alice");

    @Test
    void anEventReachesThePipelineAndIsAckedWith200() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        LarkEvent hello = events.textMessage(alice, "oc_chat1", "hello");

        WsDelivery delivery = larkWs.push(hello);

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(pipeline.routedIds()).containsExactly(hello.id());
        WsAck ack = delivery.acks().get(0);
        assertThat(ack.code()).isEqualTo(200);
        assertThat(ack.reply()).isEmpty();
        assertThat(ack.bizRt()).as("biz_rt header").matches("\\d+");
        WsConnection connection = larkWs.openConnections().get(0);
        assertThat(ack.frame().service()).isEqualTo(connection.serviceId());
        assertThat(ack.frame().method()).isEqualTo(Pbbp2Frame.DATA);
        assertThat(ack.frame().header("type")).contains("event");
        assertThat(ack.frame().header("message_id")).contains(delivery.attempts().get(0).messageId());
        assertThat(new String(ack.frame().payload(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":200}");
    }

    @Test
    void aFailedRouteAcks500AndLarksRedeliveryIsRouted() {
        larkWs.retrySchedule(RetrySchedule.every(Duration.ofMillis(100), 2));
        AtomicInteger calls = new AtomicInteger();
        pipeline.routing(envelope -> CompletableFuture.completedFuture(
                calls.incrementAndGet() == 1 ? EventAck.failed() : EventAck.delivered()));
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "fail once"));

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(delivery.acks()).extracting(WsAck::code).containsExactly(500, 200);
        assertThat(pipeline.routedIds()).hasSize(2).containsOnly(delivery.event().id());
    }

    @Test
    void aPipelineThatBreaksAcks500() {
        larkWs.retrySchedule(RetrySchedule.none());
        pipeline.routing(envelope -> {
            throw new IllegalStateException("boom");
        });
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "boom"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !delivery.acks().isEmpty());
        assertThat(delivery.acks().get(0).code()).isEqualTo(500);
    }

    @Test
    void aDataFrameOfUnknownTypeIsAckedWith200AndNotProcessed() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        WsConnection connection = larkWs.openConnections().get(0);

        larkWs.sendFrame(connection.id(), new Pbbp2Frame(9, 10, connection.serviceId(), Pbbp2Frame.DATA,
                List.of(new Pbbp2Frame.Header("type", "mystery"), new Pbbp2Frame.Header("message_id", "m-unknown"),
                        new Pbbp2Frame.Header("sum", "1"), new Pbbp2Frame.Header("seq", "0"),
                        new Pbbp2Frame.Header("trace_id", "t-1")),
                null, null, "{}".getBytes(StandardCharsets.UTF_8), null));

        await().atMost(Duration.ofSeconds(5)).until(() -> larkWs.acks().stream().anyMatch(a -> a.messageId().equals("m-unknown")));
        assertThat(larkWs.acks()).filteredOn(a -> a.messageId().equals("m-unknown")).extracting(WsAck::code).containsExactly(200);
        assertThat(pipeline.received()).isEmpty();
    }

    @Test
    void aPayloadSplitIntoThreeFragmentsIsDeliveredOnceWithOneAck() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        LarkEvent longText = events.textMessage(alice, "oc_chat1", "x".repeat(3000));

        WsDelivery delivery = larkWs.push(longText, WsPush.event().fragments(3));

        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
        assertThat(pipeline.received()).hasSize(1);
        assertThat(RecordingPipeline.eventId(pipeline.received().get(0))).isEqualTo(longText.id());
        assertThat(((Map<?, ?>) ((Map<?, ?>) pipeline.received().get(0).get("event")).get("message")).get("content"))
                .asString().contains("x".repeat(3000));
        assertThat(delivery.acks()).hasSize(1);
        assertThat(larkWs.acks()).hasSize(1);
    }

    @Test
    void aMessageMissingAFragmentExpiresWithoutAnAckAndLeavesNothingBehind() {
        larkWs.redeliverUnacked(false);
        WebSocketTransport transport = startTransport("wsFragmentTtl=300", pipeline);
        awaitConnected(transport);

        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "y".repeat(3000)),
                WsPush.event().fragments(3).withoutFragment(1));

        await().atMost(Duration.ofSeconds(2)).until(() -> pendingFragments(transport) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingFragments(transport) == 0);
        assertThat(pipeline.received()).isEmpty();
        assertThat(delivery.acks()).isEmpty();
    }

    @Test
    void aCardClickIsAnsweredWithTheRoutesReplyInTheAckData() {
        String reply = "{\"toast\":{\"type\":\"success\",\"content\":\"Approved\"}}";
        pipeline.routing(envelope -> CompletableFuture.completedFuture(EventAck.reply(reply.getBytes(StandardCharsets.UTF_8))));
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        WsDelivery click = larkWs.push(events.cardAction(alice, "om_card1", "oc_chat1", Map.of("op", "approve")));

        await().atMost(Duration.ofSeconds(5)).until(click::isDelivered);
        assertThat(click.callbackReply()).contains(reply);
        assertThat(pipeline.received().get(0).get("header")).asString().contains("card.action.trigger");
    }

    @Test
    void aCardFrameIsTreatedLikeAnEventFrame() {
        String reply = "{\"toast\":{\"type\":\"info\",\"content\":\"ok\"}}";
        pipeline.routing(envelope -> CompletableFuture.completedFuture(EventAck.reply(reply.getBytes(StandardCharsets.UTF_8))));
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        WsDelivery click = larkWs.push(events.cardAction(alice, "om_card1", "oc_chat1", Map.of("op", "x")), WsPush.card());

        await().atMost(Duration.ofSeconds(5)).until(click::isDelivered);
        assertThat(click.callbackReply()).contains(reply);
    }

    @Test
    void pongsReplaceTheClientConfig() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        WsConnection connection = larkWs.openConnections().get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.pingsReceived() >= 2);

        larkWs.clientConfig(new ClientConfig(-1, 1, 1, 3600));
        await().atMost(Duration.ofSeconds(3)).until(() -> connection.pingsReceived() >= 3);
        int afterChange = connection.pingsReceived();

        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                .until(() -> connection.pingsReceived() <= afterChange + 1);
    }

    private static int pendingFragments(WebSocketTransport transport) {
        return ((Number) transport.status().details().get("lark.pendingFragmentedMessages")).intValue();
    }
}
