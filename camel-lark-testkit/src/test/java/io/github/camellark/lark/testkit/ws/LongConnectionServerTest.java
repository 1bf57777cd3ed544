package io.github.camellark.lark.testkit.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventUser;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.RetrySchedule;

class LongConnectionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LarkEvents events = new LarkEvents(AppIdentity.example());
    private final EventUser alice = events.user("Alice");
    private LongConnectionServer server;
    private TestWsClient client;

    @BeforeEach
    void start() {
        server = new LongConnectionServer().start()
                .ackTimeout(Duration.ofMillis(300))
                .retrySchedule(RetrySchedule.every(Duration.ofMillis(50), 3));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    // ---- discovery ---------------------------------------------------------------------------

    @Test
    void discoveryHandsOutAUrlWithDeviceAndServiceIdsAndTheClientConfig() throws Exception {
        server.credentials("cli_app", "s3cret").clientConfig(new ClientConfig(5, 2, 1, 3));

        HttpReply reply = server.discover(body("cli_app", "s3cret"));

        JsonNode json = JSON.readTree(reply.body());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(json.path("code").asInt()).isZero();
        URI url = URI.create(json.path("data").path("URL").asText());
        assertThat(url.getScheme()).isEqualTo("ws");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).isEqualTo("/ws/v2");
        Map<String, String> query = QueryString.parse(url.getRawQuery());
        assertThat(query.get("device_id")).matches("\\d+");
        assertThat(Integer.parseInt(query.get("service_id"))).isPositive();
        JsonNode config = json.path("data").path("ClientConfig");
        assertThat(config.path("ReconnectCount").asInt()).isEqualTo(5);
        assertThat(config.path("ReconnectInterval").asInt()).isEqualTo(2);
        assertThat(config.path("ReconnectNonce").asInt()).isEqualTo(1);
        assertThat(config.path("PingInterval").asInt()).isEqualTo(3);
    }

    @Test
    void badCredentialsGetANonRetryableCodeAndBusyFaultsARetryableOne() throws Exception {
        server.credentials("cli_app", "s3cret");

        JsonNode wrong = JSON.readTree(server.discover(body("cli_app", "guess")).body());
        assertThat(wrong.path("code").asInt()).isNotIn(0, LongConnectionServer.SYSTEM_BUSY, LongConnectionServer.INTERNAL_ERROR);

        server.faults().failNextDiscoveries(1, LongConnectionServer.SYSTEM_BUSY, "system busy");
        assertThat(JSON.readTree(server.discover(body("cli_app", "s3cret")).body()).path("code").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(server.discover(body("cli_app", "s3cret")).body()).path("code").asInt()).as("only once").isZero();

        server.faults().failNextDiscoveriesWithHttpStatus(1, 503);
        assertThat(server.discover(body("cli_app", "s3cret")).status()).isEqualTo(503);
        assertThat(server.discoveryCount()).isEqualTo(4);
    }

    @Test
    void failedDiscoveriesKeepTheDataShapeTheSdksDestructure() throws Exception {
        server.credentials("cli_app", "s3cret");
        server.faults().failNextDiscoveries(1, LongConnectionServer.INTERNAL_ERROR, "internal error");
        JsonNode busy = JSON.readTree(server.discover(body("cli_app", "s3cret")).body());
        JsonNode wrong = JSON.readTree(server.discover(body("cli_app", "guess")).body());
        server.faults().failNextDiscoveriesWithHttpStatus(1, 503);
        JsonNode unavailable = JSON.readTree(server.discover(body("cli_app", "s3cret")).body());

        for (JsonNode failure : List.of(busy, wrong, unavailable)) {
            assertThat(failure.path("code").asInt()).isNotZero();
            assertThat(failure.path("data").path("URL").isTextual()).as("data.URL of %s", failure).isTrue();
            assertThat(failure.path("data").path("URL").asText()).isEmpty();
            assertThat(failure.path("data").path("ClientConfig").isObject()).as("data.ClientConfig of %s", failure).isTrue();
        }
    }

    // ---- handshake ---------------------------------------------------------------------------

    @Test
    void aRefusedUpgradeCarriesLarksHandshakeHeaders() throws Exception {
        server.faults().rejectNextHandshakes(1, HandshakeRejection.connectionLimit());

        WebSocketHandshakeException refused = refusedUpgrade(discoveredUrl());

        assertThat(refused.getResponse().statusCode()).isEqualTo(514);
        assertThat(refused.getResponse().headers().firstValue("Handshake-Status")).contains("514");
        assertThat(refused.getResponse().headers().firstValue("Handshake-Autherrcode")).contains("1000040350");
        assertThat(refused.getResponse().headers().firstValue("Handshake-Msg")).isPresent();
        assertThat(server.refusedHandshakes()).containsExactly(HandshakeRejection.connectionLimit());
        assertThat(server.openConnections()).isEmpty();

        client = TestWsClient.connect(server);
        await().until(() -> server.openConnections().size() == 1);
    }

    @Test
    void aForbiddenUpgradeIs403() throws Exception {
        server.faults().rejectNextHandshakes(1, HandshakeRejection.forbidden());

        WebSocketHandshakeException refused = refusedUpgrade(discoveredUrl());

        assertThat(refused.getResponse().statusCode()).isEqualTo(403);
        assertThat(refused.getResponse().headers().firstValue("Handshake-Status")).contains("403");
    }

    @Test
    void theConnectionLimitRefusesOneConnectionTooMany() throws Exception {
        server.faults().limitConnections(1);
        client = TestWsClient.connect(server);
        await().until(() -> server.openConnections().size() == 1);

        WebSocketHandshakeException refused = refusedUpgrade(discoveredUrl());

        assertThat(refused.getResponse().headers().firstValue("Handshake-Autherrcode")).contains("1000040350");
    }

    @Test
    void aTicketIsGoodForOneUpgradeOnly() throws Exception {
        URI url = discoveredUrl();
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS)
                .abort();

        assertThat(refusedUpgrade(url).getResponse().headers().firstValue("Handshake-Status")).contains("514");
    }

    // ---- ping / pong -------------------------------------------------------------------------

    @Test
    void aPingIsAnsweredWithAPongCarryingTheClientConfig() throws Exception {
        server.clientConfig(new ClientConfig(-1, 7, 3, 11));
        client = TestWsClient.connect(server);

        client.ping();

        await().until(() -> !client.receivedOfType("pong").isEmpty());
        Pbbp2Frame pong = client.receivedOfType("pong").get(0);
        assertThat(pong.method()).isEqualTo(Pbbp2Frame.CONTROL);
        assertThat(pong.service()).isEqualTo(client.serviceId());
        assertThat(JSON.readTree(pong.payloadAsString()).path("PingInterval").asInt()).isEqualTo(11);
        assertThat(server.pingCount()).isEqualTo(1);
        assertThat(server.openConnections().get(0).pingsReceived()).isEqualTo(1);
    }

    // ---- pushing and acks --------------------------------------------------------------------

    @Test
    void anEventArrivesAsOneDataFrameAndItsAckIsRecorded() throws Exception {
        client = connectedClient().ackingWith(200, null);
        LarkEvent event = events.textMessage(alice, "oc_1", "hello");

        WsDelivery delivery = server.push(event);

        await().until(delivery::isDelivered);
        Pbbp2Frame frame = client.receivedOfType("event").get(0);
        assertThat(frame.method()).isEqualTo(Pbbp2Frame.DATA);
        assertThat(frame.service()).isEqualTo(client.serviceId());
        assertThat(frame.header("sum")).contains("1");
        assertThat(frame.header("seq")).contains("0");
        assertThat(frame.header("trace_id")).isPresent();
        JsonNode payload = JSON.readTree(frame.payloadAsString());
        assertThat(payload.path("header").path("event_id").asText()).isEqualTo(event.id());
        assertThat(payload.path("header").path("token").asText()).as("WS payloads carry an empty token").isEmpty();
        assertThat(delivery.acks()).singleElement().satisfies(ack -> {
            assertThat(ack.code()).isEqualTo(200);
            assertThat(ack.messageId()).isEqualTo(frame.header("message_id").orElseThrow());
            assertThat(ack.bizRt()).isEqualTo("3");
        });
        assertThat(server.acks()).hasSize(1);
    }

    @Test
    void aCardCallbackReplyIsDecodedFromTheAcksData() {
        client = connectedClient().ackingWith(200, "{\"toast\":{\"type\":\"success\",\"content\":\"ok\"}}");

        WsDelivery click = server.push(events.cardAction(alice, "om_1", "oc_1", Map.of("op", "approve")), WsPush.card());

        await().until(click::isDelivered);
        assertThat(client.received().get(0).type()).isEqualTo("card");
        assertThat(click.callbackReply()).contains("{\"toast\":{\"type\":\"success\",\"content\":\"ok\"}}");
    }

    @Test
    void aFragmentedPayloadArrivesAsFramesSharingOneMessageId() throws Exception {
        client = connectedClient();
        LarkEvent event = events.textMessage(alice, "oc_1", "a fairly long message ".repeat(20));

        WsDelivery delivery = server.push(event, WsPush.event().fragments(3));

        await().until(() -> client.receivedOfType("event").size() == 3);
        List<Pbbp2Frame> frames = client.receivedOfType("event");
        assertThat(frames).extracting(f -> f.header("message_id").orElseThrow()).containsOnly(frames.get(0).header("message_id").orElseThrow());
        assertThat(frames).extracting(f -> f.header("sum").orElseThrow()).containsOnly("3");
        assertThat(frames).extracting(f -> f.header("seq").orElseThrow()).containsExactly("0", "1", "2");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        frames.forEach(f -> whole.writeBytes(f.payload()));
        assertThat(JSON.readTree(whole.toString(StandardCharsets.UTF_8)).path("header").path("event_id").asText()).isEqualTo(event.id());

        client.ack(frames.get(2), TestWsClient.ackPayload(200, null));
        await().until(delivery::isDelivered);
    }

    @Test
    void aMissingFragmentIsNeverSent() {
        client = connectedClient();

        server.push(events.textMessage(alice, "oc_1", "x".repeat(100)), WsPush.event().fragments(3).withoutFragment(1));

        await().until(() -> client.receivedOfType("event").size() == 2);
        assertThat(client.receivedOfType("event")).extracting(f -> f.header("seq").orElseThrow()).containsExactly("0", "2");
    }

    @Test
    void a500AckIsRedeliveredWithTheSameEventIdUnderANewMessageId() throws Exception {
        client = connectedClient();
        client.ackingWith(500, null);
        LarkEvent event = events.textMessage(alice, "oc_1", "flaky handler");

        WsDelivery delivery = server.push(event);
        await().until(() -> delivery.attemptCount() >= 2);
        client.ackingWith(200, null);

        await().until(delivery::isDelivered);
        assertThat(delivery.attempts().get(0).outcome()).isEqualTo(WsAttempt.Outcome.FAILED);
        assertThat(delivery.attempts().get(delivery.attemptCount() - 1).outcome()).isEqualTo(WsAttempt.Outcome.ACKED);
        List<Pbbp2Frame> frames = client.receivedOfType("event");
        assertThat(frames).extracting(f -> f.header("message_id").orElseThrow()).doesNotHaveDuplicates();
        for (Pbbp2Frame frame : frames) {
            assertThat(JSON.readTree(frame.payloadAsString()).path("header").path("event_id").asText()).isEqualTo(event.id());
        }
    }

    @Test
    void anUnackedEventIsRedeliveredAfterTheAckTimeoutUntilTheScheduleIsExhausted() {
        client = connectedClient(); // never acks

        WsDelivery delivery = server.push(events.textMessage(alice, "oc_1", "anyone?"));

        await().until(() -> delivery.state() == WsDelivery.State.GAVE_UP);
        assertThat(delivery.attempts()).extracting(WsAttempt::outcome).containsOnly(WsAttempt.Outcome.NO_ACK).hasSize(4);
    }

    @Test
    void redeliveryCanBeSwitchedOff() {
        client = connectedClient().ackingWith(500, null);
        server.redeliverFailed(false);

        WsDelivery delivery = server.push(events.textMessage(alice, "oc_1", "once"));

        await().until(() -> delivery.state() == WsDelivery.State.GAVE_UP);
        assertThat(delivery.attemptCount()).isEqualTo(1);
    }

    @Test
    void anEventPushedWhileNobodyIsConnectedIsDeliveredAfterAReconnect() throws Exception {
        WsDelivery delivery = server.push(events.textMessage(alice, "oc_1", "offline"));
        assertThat(delivery.attempts().get(0).outcome()).isEqualTo(WsAttempt.Outcome.OFFLINE);

        client = connectedClient().ackingWith(200, null);

        await().until(delivery::isDelivered);
    }

    @Test
    void duplicateDeliveryFaultSendsTheSameEventSeveralTimes() {
        client = connectedClient().ackingWith(200, null);
        LarkEvent event = events.textMessage(alice, "oc_1", "dup");

        List<WsDelivery> copies = server.pushDuplicates(event, 3);

        await().until(() -> copies.stream().allMatch(WsDelivery::isDelivered));
        assertThat(client.receivedOfType("event")).hasSize(3);
    }

    // ---- faults ------------------------------------------------------------------------------

    @Test
    void droppingConnectionsClosesThemAbruptlyAndLosesPendingAttempts() {
        client = connectedClient();
        WsDelivery delivery = server.push(events.textMessage(alice, "oc_1", "in flight"));
        await().until(() -> !client.receivedOfType("event").isEmpty());

        server.faults().dropAllConnections();

        await().until(client::isClosed);
        assertThat(server.openConnections()).isEmpty();
        assertThat(server.connections().get(0).closeCode()).isEqualTo(1006);
        assertThat(delivery.attempts().get(0).outcome()).isEqualTo(WsAttempt.Outcome.CONNECTION_LOST);
    }

    @Test
    void aSilentConnectionIgnoresPingsAndSendsNothingWhileNewConnectionsWork() {
        client = connectedClient();
        server.faults().goSilent();

        client.ping();
        server.push(events.textMessage(alice, "oc_1", "into the void"));

        await().until(() -> server.pingCount() == 1);
        assertThat(client.received()).isEmpty();
        assertThat(client.isClosed()).isFalse();

        try (TestWsClient fresh = TestWsClient.connect(server)) {
            fresh.ping();
            await().until(() -> !fresh.receivedOfType("pong").isEmpty());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closeSendsACloseFrameAndStopsEveryServerThread() {
        client = connectedClient();

        server.close();

        await().until(client::isClosed);
        await().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("testkit-ws") || name.startsWith("WebSocketSelector") || name.startsWith("WebSocketWorker")));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private TestWsClient connectedClient() {
        try {
            TestWsClient connected = TestWsClient.connect(server);
            await().until(() -> !server.openConnections().isEmpty());
            return connected;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI discoveredUrl() throws Exception {
        return URI.create(JSON.readTree(server.discover(body("cli_test", "secret")).body()).path("data").path("URL").asText());
    }

    private static WebSocketHandshakeException refusedUpgrade(URI url) {
        CompletionException failure = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
                () -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() { }).join());
        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return (WebSocketHandshakeException) failure.getCause();
    }

    private static byte[] body(String appId, String secret) {
        return ("{\"AppID\":\"" + appId + "\",\"AppSecret\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8);
    }

}
