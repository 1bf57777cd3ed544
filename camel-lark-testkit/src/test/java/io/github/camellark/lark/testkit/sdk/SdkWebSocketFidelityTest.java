package io.github.camellark.lark.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.cardcallback.P2CardActionTriggerHandler;
import com.lark.oapi.event.cardcallback.model.CallBackToast;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.event.cardcallback.model.P2CardActionTriggerResponse;
import com.lark.oapi.service.im.ImService;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import com.lark.oapi.ws.Client;
import com.lark.oapi.ws.SdkClientStopper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.DiscoveryHttpServer;
import io.github.camellark.lark.testkit.ws.HandshakeRejection;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;
import io.github.camellark.lark.testkit.ws.WsAck;
import io.github.camellark.lark.testkit.ws.WsAttempt;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import io.github.camellark.lark.testkit.ws.WsPush;

/** The official SDK's WebSocket client ({@code com.lark.oapi.ws.Client}, 2.5.3) is the reference peer of the long connection. */
class SdkWebSocketFidelityTest {

    private static final String APP_ID = "cli_a1b2c3d4e5f60718";
    private static final String APP_SECRET = "sdk-app-secret";

    private final LarkEvents events = new LarkEvents(new AppIdentity(APP_ID, "2ca1d211f64f6438", "v-token"));
    private final EventUser alice = events.user("Alice");
    private final List<P2MessageReceiveV1> received = new CopyOnWriteArrayList<>();

    private final EventDispatcher dispatcher = EventDispatcher.newBuilder("", "")
            .onP2MessageReceiveV1(new ImService.P2MessageReceiveV1Handler() {
                @Override
                public void handle(P2MessageReceiveV1 event) {
                    received.add(event);
                }
            })
            .onP2CardActionTrigger(new P2CardActionTriggerHandler() {
                @Override
                public P2CardActionTriggerResponse handle(P2CardActionTrigger event) {
                    CallBackToast toast = new CallBackToast();
                    toast.setType("success");
                    toast.setContent("Approved " + event.getEvent().getAction().getValue().get("ticket"));
                    P2CardActionTriggerResponse response = new P2CardActionTriggerResponse();
                    response.setToast(toast);
                    return response;
                }
            })
            .build();

    private LongConnectionServer server;
    private DiscoveryHttpServer discovery;
    private Client sdk;

    @BeforeEach
    void start() throws Exception {
        server = new LongConnectionServer().start()
                .credentials(APP_ID, APP_SECRET)
                // seconds: ping every second, reconnect at once, so the test sees pings and reconnects quickly
                .clientConfig(new ClientConfig(-1, 1, 0, 1))
                .ackTimeout(Duration.ofSeconds(3))
                .retrySchedule(RetrySchedule.every(Duration.ofMillis(100), 3));
        discovery = new DiscoveryHttpServer(server);
    }

    @AfterEach
    void stop() {
        if (sdk != null) {
            SdkClientStopper.stop(sdk);
        }
        server.close();
        discovery.close();
    }

    @Test
    void sdkClientReceivesAPushedEventAndAcksIt() {
        connectSdk();
        LarkEvent event = events.textMessage(alice, "oc_1", "hello over WS");

        WsDelivery delivery = server.push(event);

        await().until(delivery::isDelivered);
        assertThat(received).singleElement().satisfies(e -> {
            assertThat(e.getHeader().getEventId()).isEqualTo(event.id());
            assertThat(e.getEvent().getMessage().getContent()).isEqualTo("{\"text\":\"hello over WS\"}");
        });
        WsAck ack = delivery.acks().get(0);
        assertThat(ack.code()).isEqualTo(200);
        assertThat(ack.bizRt()).as("the SDK adds biz_rt").isNotNull();
        assertThat(ack.frame().header("message_id")).contains(delivery.attempts().get(0).messageId());
    }

    @Test
    void sdkClientReassemblesAFragmentedEventAndAcksIt() {
        // The SDK 2.5.3 handles frames concurrently and its fragment cache has a check-then-put race: two fragments
        // handled at once can each start a new buffer, losing one. That attempt then gets no ack and Lark's redelivery
        // (here every 100 ms after a 1 s ack timeout) brings the event again. Observed in this test, not a simulator fault.
        server.ackTimeout(Duration.ofSeconds(1)).retrySchedule(RetrySchedule.every(Duration.ofMillis(100), 10));
        connectSdk();
        LarkEvent event = events.textMessage(alice, "oc_1", "split me into pieces ".repeat(10));

        WsDelivery delivery = server.push(event, WsPush.event().fragments(3));

        await().until(delivery::isDelivered);
        assertThat(received).isNotEmpty().allSatisfy(e -> assertThat(e.getHeader().getEventId()).isEqualTo(event.id()));
        WsAck ack = delivery.acks().stream().filter(WsAck::ok).findFirst().orElseThrow();
        assertThat(ack.frame().header("sum")).as("the ack is the completing fragment's frame").contains("3");
        assertThat(delivery.attempts()).anySatisfy(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(WsAttempt.Outcome.ACKED);
            assertThat(attempt.messageId()).isEqualTo(ack.messageId());
        });
    }

    @Test
    void sdkClientAnswersACardClickAndTheReplyArrivesInTheAcksData() {
        connectSdk();

        WsDelivery click = server.push(events.cardAction(alice, "om_card", "oc_1", Map.of("op", "approve", "ticket", "42")));

        await().until(click::isDelivered);
        assertThat(click.callbackReply()).hasValueSatisfying(reply -> assertThat(reply).contains("\"toast\"").contains("Approved 42"));
    }

    @Test
    void sdkClientPingsAndTakesTheClientConfigFromThePong() {
        connectSdk();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.pingCount() >= 2);
        assertThat(server.openConnections().get(0).pingsReceived()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void sdkClientReconnectsThroughDiscoveryAfterADrop() {
        connectSdk();

        server.faults().dropAllConnections();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections().size() == 1 && server.connectionCount() == 2);
        assertThat(server.discoveryCount()).isEqualTo(2);
        WsDelivery delivery = server.push(events.textMessage(alice, "oc_1", "after the drop"));
        await().until(delivery::isDelivered);
    }

    @Test
    void sdkClientStopsOnTheConnectionLimitRefusal() {
        server.faults().rejectNextHandshakes(5, HandshakeRejection.connectionLimit());

        sdk = new Client.Builder(APP_ID, APP_SECRET).eventHandler(dispatcher).domain(discovery.baseUri().toString()).build();
        sdk.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> server.handshakeCount() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> server.handshakeCount() == 1);
        assertThat(server.openConnections()).isEmpty();
    }

    @Test
    void sdkClientAcks500ForAnUnhandledTypeAndTheServerRedelivers() {
        connectSdk();

        WsDelivery delivery = server.push(events.custom("im.chat.updated_v1", Map.of("chat_id", "oc_1")));

        await().until(() -> delivery.state() == WsDelivery.State.GAVE_UP);
        assertThat(delivery.acks()).extracting(WsAck::code).containsOnly(500).hasSize(4);
    }

    private void connectSdk() {
        sdk = new Client.Builder(APP_ID, APP_SECRET).eventHandler(dispatcher).domain(discovery.baseUri().toString()).build();
        sdk.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections().size() == 1);
    }
}
