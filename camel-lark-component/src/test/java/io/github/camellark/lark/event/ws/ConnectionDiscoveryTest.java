package io.github.camellark.lark.event.ws;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.TokenProvider;
import io.github.camellark.lark.support.LarkTestSupport;
import io.github.camellark.lark.support.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 1 of the long connection: POST /callback/ws/endpoint and what its answers mean. */
class ConnectionDiscoveryTest extends LarkTestSupport {

    private static final String URL = "wss://msg-frontier.example/ws/v2?fpid=493&aid=552564&device_id=dev-7"
                                      + "&access_key=ak-never-logged&service_id=33554678&ticket=ticket-never-logged";

    private final TestEngine engine = new TestEngine();

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    private CompletableFuture<DiscoveredConnection> discover(long timeoutMillis) {
        LarkClient client = engine.client(URI.create(lark.baseUrl()), TokenProvider.NONE, engine.transport(),
                Duration.ofMillis(timeoutMillis));
        return new ConnectionDiscovery(client, APP_ID, APP_SECRET).discover();
    }

    private LongConnectionException failure(long timeoutMillis) {
        try {
            discover(timeoutMillis).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(LongConnectionException.class);
            assertThat(e.getCause().getMessage()).doesNotContain(APP_SECRET);
            return (LongConnectionException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("discovery succeeded");
    }

    @Test
    void postsTheCredentialsAndReadsUrlServiceIdAndClientConfig() throws Exception {
        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":{"
                + "\"URL\":\"" + URL + "\",\"ClientConfig\":{\"ReconnectCount\":-1,\"ReconnectInterval\":120,"
                + "\"ReconnectNonce\":30,\"PingInterval\":90}}}")));

        DiscoveredConnection discovered = discover(5000).get(10, TimeUnit.SECONDS);

        assertThat(discovered.url()).isEqualTo(URI.create(URL));
        assertThat(discovered.serviceId()).isEqualTo(33554678);
        assertThat(discovered.connectionId()).isEqualTo("dev-7");
        assertThat(ClientConfig.DEFAULTS.merge(discovered.clientConfig())).isEqualTo(new ClientConfig(90, -1, 120, 30));
        assertThat(discovered.toString()).contains("msg-frontier.example/ws/v2", "dev-7")
                .doesNotContain("ak-never-logged", "ticket-never-logged");
        lark.verify(postRequestedFor(urlPathEqualTo("/callback/ws/endpoint"))
                .withHeader("locale", equalTo("zh"))
                .withRequestBody(equalToJson("{\"AppID\":\"" + APP_ID + "\",\"AppSecret\":\"" + APP_SECRET + "\"}")));
    }

    @Test
    void busyAndInternalErrorCodesAreRetryable() {
        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint")).willReturn(okJson("{\"code\":1,\"msg\":\"system busy\"}")));
        assertThat(failure(5000).isRetryable()).isTrue();

        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint"))
                .willReturn(okJson("{\"code\":1000040343,\"msg\":\"internal error\"}")));
        assertThat(failure(5000).isRetryable()).isTrue();
    }

    @Test
    void anyOtherCodeIsAClientErrorThatNamesTheAppAndLarksMessage() {
        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint"))
                .willReturn(okJson("{\"code\":1000040344,\"msg\":\"invalid app credentials\"}")));

        LongConnectionException error = failure(5000);

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getCode()).isEqualTo(1000040344L);
        assertThat(error.getMessage()).contains(APP_ID, "1000040344", "invalid app credentials");
    }

    @Test
    void httpErrorsNonJsonAndMissingUrlsAreRetryable() {
        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint")).willReturn(aResponse().withStatus(503)));
        assertThat(failure(5000)).matches(LongConnectionException::isRetryable).hasMessageContaining("HTTP 503");

        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint")).willReturn(aResponse().withStatus(200).withBody("<html>")));
        assertThat(failure(5000)).matches(LongConnectionException::isRetryable).hasMessageContaining("not a Lark JSON envelope");

        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint")).willReturn(okJson("{\"code\":0,\"data\":{}}")));
        assertThat(failure(5000)).matches(LongConnectionException::isRetryable).hasMessageContaining("without a URL");
    }

    @Test
    void aLarkThatNeverAnswersTimesOut() {
        lark.stubFor(post(urlPathEqualTo("/callback/ws/endpoint"))
                .willReturn(okJson("{\"code\":0}").withFixedDelay(3000)));

        LongConnectionException error = failure(300);

        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("no reply within 300 ms");
    }

    @Test
    void aServiceIdThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> DiscoveredConnection.of(URI.create("wss://h/ws?service_id=abc"), null))
                .isInstanceOf(LongConnectionException.class).hasMessageContaining("service_id");
    }
}
