package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camellark.lark.event.ConnectionStatus.State;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.RetrySchedule;
import io.github.camellark.lark.testkit.ws.ClientConfig;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drops, half-open sockets and reconnect pacing. */
class LongConnectionResilienceTest extends LongConnectionTestSupport {

    private final RecordingPipeline pipeline = new RecordingPipeline();
    private final EventUser alice = events.user("Alice");

    @Test
    void aDroppedConnectionIsReplacedThroughAFreshDiscovery() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        larkWs.faults().dropAllConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> larkWs.openConnections().size() == 1 && larkWs.connectionCount() == 2);
        assertThat(larkWs.discoveryCount()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.status().state() == State.CONNECTED);
        assertThat(transport.status().details()).containsEntry("lark.reconnects", 1L);
        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "after the drop"));
        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
    }

    @Test
    void fiveDropsDuringA500EventStreamRouteEveryEventExactlyOnce() {
        larkWs.retrySchedule(RetrySchedule.every(Duration.ofMillis(250), 40));
        // the watchdog as production relies on it: under heavy load the JDK WebSocket has been seen not to report an
        // abrupt drop (no close frame) until the next read, so a lost socket must also be found by its silence
        WebSocketTransport transport = startTransport("wsPingTimeout=3000", pipeline);
        awaitConnected(transport);
        List<WsDelivery> deliveries = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        for (int b = 0; b < 5; b++) {
            int batch = b;
            for (int i = 0; i < 100; i++) {
                LarkEvent event = events.textMessage(alice, "oc_chat1", "event " + batch + "-" + i);
                ids.add(event.id());
                deliveries.add(larkWs.push(event));
            }
            larkWs.faults().dropAllConnections();
            int connectionsSoFar = batch + 2;
            await().atMost(Duration.ofSeconds(10)).failFast(() -> larkWs.connectionCount() > connectionsSoFar)
                    .alias("reconnected after drop " + (batch + 1) + ": " + transport.status() + " " + larkWs.connections())
                    .until(() -> larkWs.connectionCount() == connectionsSoFar && !larkWs.openConnections().isEmpty());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.stream().allMatch(WsDelivery::isDelivered));
        assertThat(pipeline.routedIds()).hasSize(500).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(larkWs.connectionCount()).as("one connection per drop, plus the first").isEqualTo(6);
        assertThat(larkWs.discoveryCount()).as("a fresh discovery before every dial").isEqualTo(6);
    }

    @Test
    void failedReconnectAttemptsAreSpacedByTheServerPushedInterval() {
        larkWs.clientConfig(new ClientConfig(-1, 1, 0, 1));
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        WsConnection first = larkWs.openConnections().get(0);

        larkWs.faults().failNextDiscoveries(2, 1, "system busy");
        larkWs.faults().dropAllConnections();

        await().atMost(Duration.ofSeconds(10)).until(() -> larkWs.connectionCount() == 2);
        Duration offline = Duration.between(first.closedAt(), larkWs.connections().get(1).openedAt());
        assertThat(offline).as("two failed attempts, each followed by ReconnectInterval (1 s)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofMillis(4000));
        assertThat(larkWs.discoveryCount()).isEqualTo(4);
    }

    @Test
    void failedAttemptsBackOffFromOneSecondNotFromLarksTwoMinuteInterval() {
        larkWs.clientConfig(new ClientConfig(-1, 120, 1, 1));
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);

        larkWs.faults().failNextDiscoveries(2, 1, "system busy");
        larkWs.faults().dropAllConnections();

        // jitter below 1 s, then attempts at +1 s and +2 s: well before Lark's ReconnectInterval of 120 s
        await().atMost(Duration.ofSeconds(15)).until(() -> larkWs.connectionCount() == 2);
        assertThat(larkWs.discoveryCount()).isEqualTo(4);
        assertThat(WebSocketTransport.backoff(1, new io.github.camellark.lark.event.ws.ClientConfig(120, -1, 120, 30)))
                .isEqualTo(1000);
        assertThat(WebSocketTransport.backoff(8, new io.github.camellark.lark.event.ws.ClientConfig(120, -1, 120, 30)))
                .isEqualTo(120_000);
    }

    @Test
    void wsReconnectMaxDelayCapsLarksInterval() {
        larkWs.clientConfig(new ClientConfig(-1, 60, 60, 1));
        WebSocketTransport transport = startTransport("wsReconnectMaxDelay=200", pipeline);
        awaitConnected(transport);

        larkWs.faults().failNextDiscoveries(1, 1, "system busy");
        larkWs.faults().dropAllConnections();

        await().atMost(Duration.ofSeconds(3)).until(() -> larkWs.connectionCount() == 2);
    }

    @Test
    void theReconnectBudgetLarkPushesIsHonoured() {
        larkWs.clientConfig(new ClientConfig(2, 1, 0, 1));
        WebSocketTransport transport = startTransport("wsReconnectMaxDelay=100", pipeline);
        awaitConnected(transport);

        larkWs.faults().failNextDiscoveries(10, 1, "system busy");
        larkWs.faults().dropAllConnections();

        await().atMost(Duration.ofSeconds(5)).until(() -> transport.status().state() == State.FAILED);
        assertThat(transport.status().reason()).contains("Gave up", "3 attempts");
        assertThat(larkWs.discoveryCount()).isEqualTo(4);
        assertThat(reported).hasSize(1);
    }

    @Test
    void theWatchdogReplacesAHalfOpenConnectionWithinItsBound() {
        WebSocketTransport transport = startTransport("wsPingTimeout=500", pipeline);
        awaitConnected(transport);
        WsConnection silent = larkWs.openConnections().get(0);

        long started = System.nanoTime();
        larkWs.faults().goSilent();

        // bound: the next ping (PingInterval 1 s) + wsPingTimeout 0.5 s + jitter < ReconnectNonce 1 s
        await().atMost(Duration.ofMillis(3500)).until(() -> larkWs.openConnections().stream().anyMatch(c -> c != silent));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(3)).until(() -> !silent.isOpen());
        WsDelivery delivery = larkWs.push(events.textMessage(alice, "oc_chat1", "on the new connection"));
        await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
    }
}
