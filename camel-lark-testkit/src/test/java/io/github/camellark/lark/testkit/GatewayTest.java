package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.http.SimResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated gateway: routing, the journal, faults and the extension hook. */
class GatewayTest {

    private final LarkSimulator sim = LarkSimulator.start();
    private final RawLark lark = new RawLark(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void closingAlsoClosesRegisteredResourcesLastFirst() {
        java.util.List<String> closed = new java.util.ArrayList<>();
        LarkSimulator other = LarkSimulator.start();
        other.closeWith(() -> closed.add("ws server"));
        other.closeWith(() -> closed.add("pusher"));

        other.close();

        assertThat(closed).containsExactly("pusher", "ws server");
        assertThatThrownBy(() -> new RawLark(other).get("/open-apis/im/v1/pins")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        int port = java.net.URI.create(sim.baseUri()).getPort();
        assertThat(sim.baseUri()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();

        // a server bound to the wildcard address would also answer on 127.0.0.2 (the whole 127/8 block is loopback on
        // Linux) and on this host's other addresses
        List<InetAddress> elsewhere = new ArrayList<>();
        elsewhere.add(InetAddress.getByName("127.0.0.2"));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            nic.inetAddresses().filter(address -> !address.isLoopbackAddress()).forEach(elsewhere::add);
        }
        for (InetAddress address : elsewhere) {
            assertThat(connects(address, port)).as("accepts connections on " + address).isFalse();
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException unreachable) {
            return false;
        }
    }

    @Test
    void unknownPathsGetLarksPlain404() {
        RawLark.Reply reply = lark.authenticated().get("/open-apis/no/such/api");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(new String(reply.bytes())).isEqualTo("404 page not found");
    }

    @Test
    void addedRoutesAreServedJournaledAndNeedNoToken() {
        sim.addRoute("POST", "/callback/ws/endpoint", request ->
                SimResponse.json(200, Map.of("code", 0, "data", Map.of("URL", "ws://127.0.0.1:1/ws", "echo", request.json().path("AppID").asText()))));

        RawLark.Reply reply = lark.post("/callback/ws/endpoint", Map.of("AppID", sim.appId(), "AppSecret", sim.appSecret()));

        assertThat(reply.json().path("data").path("echo").asText()).isEqualTo(sim.appId());
        RecordedRequest recorded = sim.journal().last("POST", "/callback/ws/endpoint").orElseThrow();
        assertThat(recorded.json().path("AppID").asText()).isEqualTo(sim.appId());
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(reply.header("X-Tt-Logid")).isEqualTo(recorded.logId());
    }

    @Test
    void journalRecordsMethodPathQueryHeadersBodyAndReply() {
        lark.authenticated().get("/open-apis/im/v1/pins?chat_id=oc_nope&page_size=5");

        RecordedRequest request = sim.journal().last("GET", "/open-apis/im/v1/pins").orElseThrow();
        assertThat(request.queryParam("page_size")).isEqualTo("5");
        assertThat(request.bearerToken()).startsWith("t-");
        assertThat(request.status()).isEqualTo(400);
        assertThat(sim.journal().businessRequests()).containsExactly(request);

        sim.journal().clear();
        assertThat(sim.journal().requests()).isEmpty();
    }

    @Test
    void rateLimitAnswers429WithLarkHeadersThenRecovers() {
        sim.faults().rateLimitNext(1, 3);

        RawLark.Reply limited = lark.authenticated().get("/open-apis/im/v1/pins?chat_id=oc_x");
        RawLark.Reply next = lark.get("/open-apis/im/v1/pins?chat_id=oc_x");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(99991400);
        assertThat(limited.header("x-ogw-ratelimit-reset")).isEqualTo("3");
        assertThat(limited.header("x-ogw-ratelimit-limit")).isNotBlank();
        assertThat(next.status()).isNotEqualTo(429);
    }

    @Test
    void scopedFaultsOnlyHitMatchingRequests() {
        sim.faults().on("POST", "/open-apis/im/v1/messages").failNext(1, 503);

        assertThat(lark.authenticated().get("/open-apis/im/v1/pins?chat_id=oc_x").status()).isNotEqualTo(503);
        assertThat(lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id", Map.of()).status()).isEqualTo(503);
        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void tokenCallsAreNotHitByGatewayFaults() {
        sim.faults().failNext(1, 500);

        assertThat(lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", sim.appId(), "app_secret", sim.appSecret())).code()).isZero();
        assertThat(sim.faults().pending()).isEqualTo(1);
    }

    @Test
    void failedTokenRequestsAnswerTheGivenCode() {
        sim.faults().failTokenRequestsNext(1, 10014);

        RawLark.Reply failed = lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", sim.appId(), "app_secret", sim.appSecret()));
        RawLark.Reply ok = lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", sim.appId(), "app_secret", sim.appSecret()));

        assertThat(failed.code()).isEqualTo(10014);
        assertThat(failed.json().has("tenant_access_token")).isFalse();
        assertThat(ok.code()).isZero();
    }

    @Test
    void invalidatedTokensGet99991663() {
        lark.authenticated();
        sim.faults().invalidateTokens();

        assertThat(lark.get("/open-apis/im/v1/pins?chat_id=oc_x").code()).isEqualTo(99991663);
    }

    @Test
    void resetConnectionDropsTheRequestWithoutReply() {
        sim.faults().resetConnectionNext(1);

        // POST, because java.net.http silently retries an idempotent GET once on a dropped connection
        assertThatThrownBy(() -> lark.authenticated().post("/open-apis/im/v1/pins", Map.of("message_id", "om_x")))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.journal().last().orElseThrow().status()).isZero();
    }

    @Test
    void delayedRepliesArriveLate() {
        sim.faults().delayNext(1, Duration.ofMillis(300));

        long start = System.nanoTime();
        lark.authenticated().get("/open-apis/im/v1/pins?chat_id=oc_x");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
