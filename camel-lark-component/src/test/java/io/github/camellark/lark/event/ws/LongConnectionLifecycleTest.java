package io.github.camellark.lark.event.ws;

import java.time.Duration;
import java.util.Map;

import io.github.camellark.lark.event.ConnectionStatus.State;
import io.github.camellark.lark.support.TunnelProxy;
import io.github.camellark.lark.testkit.ws.HandshakeRejection;
import io.github.camellark.lark.testkit.ws.WsConnection;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Client errors stop the transport for good; stop() closes cleanly; the proxy options apply. */
class LongConnectionLifecycleTest extends LongConnectionTestSupport {

    private final RecordingPipeline pipeline = new RecordingPipeline();

    @Test
    void badCredentialsStopTheTransportWithAClearErrorAndADownHealthCheck() {
        WebSocketTransport transport = startTransport("appSecret=not-the-secret", pipeline);

        await().atMost(Duration.ofSeconds(5)).until(() -> transport.status().state() == State.FAILED);
        assertThat(reported).singleElement().isInstanceOfSatisfying(LongConnectionException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains(APP_ID, "app id or app secret invalid", "check appId/appSecret")
                    .doesNotContain("not-the-secret");
        });
        HealthCheck.Result health = healthCheck(transport).call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("app id or app secret invalid"));
        assertThat(health.getDetails()).containsEntry("lark.state", "FAILED");
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> larkWs.discoveryCount() == 1);
        assertThat(larkWs.handshakeCount()).isZero();
    }

    @Test
    void theConnectionLimitHandshakeStopsTheTransportWithoutARetryLoop() {
        larkWs.faults().rejectNextHandshakes(10, HandshakeRejection.connectionLimit());
        WebSocketTransport transport = startTransport("", pipeline);

        await().atMost(Duration.ofSeconds(5)).until(() -> transport.status().state() == State.FAILED);
        assertThat(transport.status().reason()).contains("514", "1000040350", "at most 50 long connections");
        assertThat(reported).singleElement().isInstanceOf(LongConnectionException.class);
        assertThat(healthCheck(transport).callReadiness().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(healthCheck(transport).callLiveness().getState()).isEqualTo(HealthCheck.State.DOWN);
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> larkWs.handshakeCount() == 1);
    }

    @Test
    void aForbiddenHandshakeStopsTheTransport() {
        larkWs.faults().rejectNextHandshakes(10, HandshakeRejection.forbidden());
        WebSocketTransport transport = startTransport("", pipeline);

        await().atMost(Duration.ofSeconds(5)).until(() -> transport.status().state() == State.FAILED);
        assertThat(transport.status().reason()).contains("forbidden");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> larkWs.handshakeCount() == 1);
    }

    @Test
    void anotherAuthFailureIsRetriedWithAFreshEndpoint() {
        larkWs.faults().rejectNextHandshakes(1, HandshakeRejection.authFailed(1000040351, "auth failed"));
        WebSocketTransport transport = startTransport("", pipeline);

        awaitConnected(transport);
        assertThat(larkWs.handshakeCount()).isEqualTo(2);
        assertThat(larkWs.discoveryCount()).isEqualTo(2);
        assertThat(reported).isEmpty();
    }

    @Test
    void whileReconnectingTheHealthCheckIsNotReadyButAlive() {
        larkWs.faults().failNextDiscoveriesWithHttpStatus(100, 503);
        // before a discovery succeeds the SDK defaults apply (ReconnectInterval 120 s): cap it
        WebSocketTransport transport = startTransport("wsReconnectMaxDelay=200", pipeline);

        // discovery goes through the client's own retries first, then the transport's backoff
        await().atMost(Duration.ofSeconds(10)).until(() -> transport.status().reason().contains("HTTP 503"));
        assertThat(transport.status().state()).isEqualTo(State.CONNECTING);
        assertThat(healthCheck(transport).callReadiness().getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(healthCheck(transport).callReadiness().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 503"));
        assertThat(healthCheck(transport).callLiveness().getState()).isEqualTo(HealthCheck.State.UP);

        larkWs.faults().clear();
        awaitConnected(transport);
        assertThat(healthCheck(transport).call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void stopSendsACloseFrameAndLeavesNoThreadBehind() {
        WebSocketTransport transport = startTransport("", pipeline);
        awaitConnected(transport);
        WsConnection connection = larkWs.openConnections().get(0);
        WsDelivery routed = larkWs.push(events.textMessage(events.user("Bob"), "oc_chat1", "routed before the stop"));
        await().atMost(Duration.ofSeconds(5)).until(routed::isDelivered);

        transport.stop();

        await().atMost(Duration.ofSeconds(3)).until(() -> !connection.isOpen());
        assertThat(connection.closeCode()).as("a normal close frame, not a dropped socket").isEqualTo(1000);
        await().atMost(Duration.ofSeconds(3)).until(() -> transportThreads().isEmpty());
        assertThat(transport.status().state()).isEqualTo(State.STOPPED);
        assertThat(larkWs.connectionCount()).isEqualTo(1);
    }

    @Test
    void theConnectionGoesThroughTheComponentsProxy() throws Exception {
        try (TunnelProxy proxy = new TunnelProxy()) {
            WebSocketTransport transport = startTransport("proxyHost=127.0.0.1&proxyPort=" + proxy.port(), pipeline);
            try {
                awaitConnected(transport);
            } catch (Throwable e) {
                throw new AssertionError(transport.status() + " " + proxy.requestLines(), e);
            }

            WsDelivery delivery = larkWs.push(events.textMessage(events.user("Bob"), "oc_chat1", "via proxy"));

            await().atMost(Duration.ofSeconds(5)).until(delivery::isDelivered);
            int wsPort = larkWs.webSocketUri().getPort();
            assertThat(proxy.requestLines()).anyMatch(line -> line.startsWith("POST ") && line.contains("/callback/ws/endpoint"))
                    .anyMatch(line -> line.startsWith("CONNECT 127.0.0.1:" + wsPort));
        }
    }

    private static java.util.List<String> transportThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("LarkWebSocket")).toList();
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> details(WebSocketTransport transport) {
        return transport.status().details();
    }
}
