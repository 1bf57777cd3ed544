package io.github.camellark.lark.client;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camellark.lark.testkit.MutableClock;
import io.github.camellark.lark.support.TestEngine;
import io.github.camellark.lark.support.WireMockLark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP core: tokens, Lark's envelope, retries and rate limits, without Camel around it. */
class LarkClientTest {

    static final String TOKEN_PATH = WireMockLark.TOKEN_PATH;
    static final String CHATS = "/open-apis/im/v1/chats";
    static final String SECRET = "client-test-secret-0002";

    static WireMockServer lark;
    final MutableClock clock = new MutableClock();
    final TestEngine engine = new TestEngine();
    final TestEngine.RecordingTimers scheduler = new TestEngine.RecordingTimers(engine.transport());
    LarkClient client;

    @BeforeAll
    static void startLark() {
        lark = WireMockLark.start();
    }

    @AfterAll
    static void stopLark() {
        lark.stop();
    }

    @BeforeEach
    void newClient() {
        lark.resetAll();
        tokenEndpointAnswers("t-first", 7200);
        URI base = URI.create(lark.baseUrl());
        TokenApi auth = new TokenApi(engine.client(base, TokenProvider.NONE, scheduler), clock);
        client = engine.client(base, new SelfBuiltTokenProvider(auth, "cli_a", SECRET), scheduler);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void concurrentFirstCallsShareOneTokenRequest() {
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(WireMockLark.tokenJson("t-shared", 7200)).withFixedDelay(300)));
        lark.stubFor(get(urlPathEqualTo(CHATS)).willReturn(okJson("{\"code\":0,\"data\":{}}")));

        List<CompletableFuture<LarkReply>> calls = IntStream.range(0, 100)
                .mapToObj(i -> client.call(LarkRequest.get(CHATS).build())).toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        lark.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"app_id\":\"cli_a\",\"app_secret\":\"" + SECRET + "\"}")));
        lark.verify(exactly(100), getRequestedFor(urlPathEqualTo(CHATS)).withHeader("Authorization", equalTo("Bearer t-shared")));
    }

    @Test
    void tokenIsReusedUntilThreeMinutesBeforeItExpires() {
        lark.stubFor(get(urlPathEqualTo(CHATS)).willReturn(okJson("{\"code\":0,\"data\":{}}")));

        client.call(LarkRequest.get(CHATS).build()).join();
        clock.advance(Duration.ofSeconds(7200 - 181));
        client.call(LarkRequest.get(CHATS).build()).join();
        lark.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofSeconds(2));
        client.call(LarkRequest.get(CHATS).build()).join();
        client.call(LarkRequest.get(CHATS).build()).join();
        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void invalidTokenIsEvictedAndTheCallRetriedOnceWithANewToken() {
        tokenEndpointAnswersInTurn("t-stale", "t-fresh");
        lark.stubFor(get(urlPathEqualTo(CHATS)).withHeader("Authorization", equalTo("Bearer t-stale"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":99991663,\"msg\":\"Invalid access token\"}")));
        lark.stubFor(get(urlPathEqualTo(CHATS)).withHeader("Authorization", equalTo("Bearer t-fresh"))
                .willReturn(okJson("{\"code\":0,\"data\":{\"ok\":true}}")));

        LarkReply reply = client.call(LarkRequest.get(CHATS).build()).join();

        assertThat(reply.data()).containsEntry("ok", true);
        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        lark.verify(exactly(2), getRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void aSecondInvalidTokenReplySurfaces() {
        tokenEndpointAnswersInTurn("t-stale", "t-fresh");
        lark.stubFor(get(urlPathEqualTo(CHATS))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":99991663,\"msg\":\"Invalid access token\"}")));

        assertThatThrownBy(() -> client.call(LarkRequest.get(CHATS).build()).join())
                .cause().isInstanceOf(LarkApiException.class)
                .satisfies(e -> assertThat(((LarkApiException) e).getCode()).isEqualTo(99991663));
        lark.verify(exactly(2), getRequestedFor(urlPathEqualTo(CHATS)));
        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void tokenEndpointFailureIsAClearApiExceptionWithoutTheSecret() {
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"code\":10014,\"msg\":\"app secret invalid\"}").withHeader("X-Tt-Logid", "log-token")));

        assertThatThrownBy(() -> client.call(LarkRequest.get(CHATS).build()).join())
                .cause().isInstanceOf(LarkApiException.class)
                .hasMessageContaining("10014").hasMessageContaining("app secret invalid").hasMessageContaining(TOKEN_PATH)
                .hasMessageNotContaining(SECRET)
                .satisfies(e -> assertThat(((LarkApiException) e).getLogId()).isEqualTo("log-token"));
        lark.verify(exactly(0), getRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void rateLimitedCallWaitsForTheResetThenSucceeds() {
        inTurn(aResponse().withStatus(429).withHeader("x-ogw-ratelimit-reset", "1")
                .withBody("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}"),
                okJson("{\"code\":0,\"data\":{}}"));

        client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join();

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(1));
        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void rateLimitWaitIsBoundedByMaxRetryWait() {
        inTurn(aResponse().withStatus(429).withHeader("x-ogw-ratelimit-reset", "3600").withBody("{\"code\":99991400}"),
                okJson("{\"code\":0,\"data\":{}}"));

        client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join();

        assertThat(scheduler.delays).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void perChatSendLimitCodeIsRetriedLikeA429() {
        inTurn(aResponse().withStatus(400).withBody("{\"code\":230020,\"msg\":\"rate limit\"}"), okJson("{\"code\":0,\"data\":{}}"));

        client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join();

        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void rateLimitRetriesStopAtMaxRetries() {
        lark.stubFor(post(urlPathEqualTo(CHATS)).willReturn(aResponse().withStatus(429).withHeader("x-ogw-ratelimit-reset", "0")
                .withBody("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}")));

        assertThatThrownBy(() -> client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join())
                .cause().isInstanceOf(LarkApiException.class)
                .satisfies(e -> assertThat(((LarkApiException) e).isRateLimited()).isTrue());
        lark.verify(exactly(1 + 3), postRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void serverErrorIsRetriedWithTheSameBodyWhenTheCallIsIdempotent() {
        inTurn(aResponse().withStatus(503).withBody("upstream unavailable"), okJson("{\"code\":0,\"data\":{}}"));

        client.call(LarkRequest.post(CHATS).query("uuid", "u-1").json(Map.of("name", "ops")).idempotent(true).build()).join();

        lark.verify(exactly(2), postRequestedFor(urlPathEqualTo(CHATS)).withQueryParam("uuid", equalTo("u-1"))
                .withRequestBody(equalToJson("{\"name\":\"ops\"}")));
    }

    @Test
    void serverErrorIsNotRetriedWhenTheCallCouldPostTwice() {
        inTurn(aResponse().withStatus(503).withBody("upstream unavailable"), okJson("{\"code\":0,\"data\":{}}"));

        assertThatThrownBy(() -> client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join())
                .cause().isInstanceOf(LarkApiException.class)
                .satisfies(e -> assertThat(((LarkApiException) e).getHttpStatus()).isEqualTo(503));
        lark.verify(exactly(1), postRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void connectionResetIsRetriedForReads() {
        inTurn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("{\"code\":0,\"data\":{\"n\":1}}"));

        assertThat(client.call(LarkRequest.get(CHATS).build()).join().data()).containsEntry("n", 1);
    }

    @Test
    void everyExceptionFieldIsFilledFromLarksErrorReply() {
        lark.stubFor(post(urlPathEqualTo(CHATS)).willReturn(aResponse().withStatus(400).withHeader("X-Tt-Logid", "202611241234")
                .withBody("{\"code\":230001,\"msg\":\"invalid receive_id\",\"error\":{\"log_id\":\"202611241234\","
                          + "\"troubleshooter\":\"https://open.feishu.cn/search?log_id=202611241234\","
                          + "\"field_violations\":[{\"field\":\"receive_id\",\"value\":\"x\",\"description\":\"bad id\"}],"
                          + "\"permission_violations\":[{\"type\":\"action_scope_required\",\"subject\":\"im:message\"}],"
                          + "\"details\":[{\"key\":\"k\",\"value\":\"v\"}]}}")));

        Throwable failure = catchCause(() -> client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join());

        assertThat(failure).isInstanceOfSatisfying(LarkApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(230001);
            assertThat(e.getMsg()).isEqualTo("invalid receive_id");
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getLogId()).isEqualTo("202611241234");
            assertThat(e.getTroubleshooter()).contains("log_id=202611241234");
            assertThat(e.getFieldViolations()).singleElement().satisfies(v -> assertThat(v).containsEntry("field", "receive_id"));
            assertThat(e.getPermissionViolations()).singleElement().satisfies(v -> assertThat(v).containsEntry("subject", "im:message"));
            assertThat(e.getDetails()).singleElement().satisfies(v -> assertThat(v).containsEntry("key", "k"));
            assertThat(e).hasMessageContaining("230001").hasMessageContaining("POST " + CHATS).hasMessageContaining("bad id");
        });
    }

    @Test
    void aReplyThatIsNotJsonIsReportedWithItsBeginning() {
        lark.stubFor(post(urlPathEqualTo(CHATS)).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));

        assertThatThrownBy(() -> client.call(LarkRequest.post(CHATS).json(Map.of()).build()).join())
                .cause().isInstanceOf(LarkApiException.class).hasMessageContaining("<html>bad gateway");
    }

    @Test
    void downloadsAreStreamedAndErrorsOnDownloadsAreStillParsed() throws Exception {
        lark.stubFor(get(urlPathEqualTo("/open-apis/im/v1/files/file_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(new byte[] { 1, 2, 3 })));
        lark.stubFor(get(urlPathEqualTo("/open-apis/im/v1/files/file_2")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":234003,\"msg\":\"file not found\"}")));

        LarkReply reply = client.call(LarkRequest.get("/open-apis/im/v1/files/{}", "file_1").download().build()).join();
        try (InputStream stream = reply.stream()) {
            assertThat(stream.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThatThrownBy(() -> client.call(LarkRequest.get("/open-apis/im/v1/files/{}", "file_2").download().build()).join())
                .cause().isInstanceOf(LarkApiException.class).hasMessageContaining("234003");
    }

    @Test
    void pathParametersAreEncoded() {
        lark.stubFor(get(urlPathEqualTo("/open-apis/im/v1/messages/om%2F1%20x")).willReturn(okJson("{\"code\":0,\"data\":{}}")));

        client.call(LarkRequest.get("/open-apis/im/v1/messages/{}", "om/1 x").build()).join();

        lark.verify(exactly(1), getRequestedFor(urlPathEqualTo("/open-apis/im/v1/messages/om%2F1%20x")));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void tokenEndpointAnswers(String token, long expire) {
        WireMockLark.tokenEndpointAnswers(lark, token, expire);
    }

    private static void tokenEndpointAnswersInTurn(String first, String second) {
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(WireMockLark.tokenJson(first, 7200))).willSetStateTo("renewed"));
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson(WireMockLark.tokenJson(second, 7200))));
    }

    private static void inTurn(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
                               com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
        for (var method : List.of("GET", "POST")) {
            var mapping = "GET".equals(method) ? get(urlPathEqualTo(CHATS)) : post(urlPathEqualTo(CHATS));
            var next = "GET".equals(method) ? get(urlPathEqualTo(CHATS)) : post(urlPathEqualTo(CHATS));
            lark.stubFor(mapping.inScenario(method).whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("then"));
            lark.stubFor(next.inScenario(method).whenScenarioStateIs("then").willReturn(then));
        }
    }

    private static Throwable catchCause(Runnable call) {
        try {
            call.run();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
