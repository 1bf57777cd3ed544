package io.github.camellark.lark.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.support.LarkTestSupport;
import io.github.camellark.lark.support.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Store apps: app_ticket (pushed by Lark to the events consumer) → app_access_token → one tenant_access_token per
 * tenant, and a resend request when no ticket is held yet.
 */
class StoreAppTokenProviderTest extends LarkTestSupport {

    private static final String STORE_APP = "cli_store_app";
    private static final String APP_TOKEN = "a-app-token-never-logged";
    private static final String APP_TICKET = "ticket-1";
    private static final String TENANT_A_TOKEN = "t-tenant-a";

    private final AppTicketStore tickets = new AppTicketStore();
    private TestEngine engine;
    private StoreAppTokenProvider provider;

    @BeforeEach
    void stubStoreAppAuth() {
        engine = new TestEngine();
        provider = provider(Duration.ofSeconds(5));
        lark.stubFor(post(urlPathEqualTo(StoreAppTokenProvider.TICKET_RESEND_PATH)).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        lark.stubFor(post(urlPathEqualTo(StoreAppTokenProvider.APP_TOKEN_PATH))
                .withRequestBody(equalToJson("{\"app_id\":\"" + STORE_APP + "\",\"app_secret\":\"" + APP_SECRET + "\",\"app_ticket\":\"" + APP_TICKET + "\"}"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"app_access_token\":\"" + APP_TOKEN + "\",\"expire\":7200}")));
        for (String tenant : new String[] { "tenant-a", "tenant-b" }) {
            lark.stubFor(post(urlPathEqualTo(StoreAppTokenProvider.TENANT_TOKEN_PATH))
                    .withRequestBody(equalToJson("{\"app_access_token\":\"" + APP_TOKEN + "\",\"tenant_key\":\"" + tenant + "\"}"))
                    .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-" + tenant + "\",\"expire\":7200}")));
        }
    }

    @AfterEach
    void stopScheduler() {
        engine.close();
    }

    private StoreAppTokenProvider provider(Duration ticketWait) {
        TokenApi auth = new TokenApi(engine.client(URI.create(lark.baseUrl()), TokenProvider.NONE, engine.transport()),
                Clock.systemUTC());
        return new StoreAppTokenProvider(auth, STORE_APP, APP_SECRET, tickets, ticketWait);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachTenantGetsItsOwnTokenFromOneAppToken() throws Exception {
        tickets.update(APP_TICKET);

        assertThat(get(provider.tenantToken("tenant-a"))).isEqualTo(TENANT_A_TOKEN);
        assertThat(get(provider.tenantToken("tenant-b"))).isEqualTo("t-tenant-b");
        assertThat(get(provider.tenantToken("tenant-a"))).isEqualTo(TENANT_A_TOKEN);

        lark.verify(1, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.APP_TOKEN_PATH)));
        lark.verify(2, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.TENANT_TOKEN_PATH)));
        lark.verify(0, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.TICKET_RESEND_PATH)));
    }

    @Test
    void withoutATicketLarkIsAskedToResendOneAndTheCallWaitsForIt() throws Exception {
        CompletableFuture<String> token = provider.tenantToken("tenant-a");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> lark.verify(1, postRequestedFor(urlPathEqualTo(
                StoreAppTokenProvider.TICKET_RESEND_PATH)).withRequestBody(equalToJson(
                        "{\"app_id\":\"" + STORE_APP + "\",\"app_secret\":\"" + APP_SECRET + "\"}"))));
        assertThat(token).isNotDone();

        tickets.update(APP_TICKET);

        assertThat(get(token)).isEqualTo(TENANT_A_TOKEN);
    }

    @Test
    void noTicketWithinTheWaitFailsWithAClearMessage() {
        StoreAppTokenProvider impatient = provider(Duration.ofMillis(200));

        assertThatThrownBy(() -> get(impatient.tenantToken("tenant-a"))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No app_ticket for store app " + STORE_APP)
                .hasMessageContaining("transport=webhook").hasMessageNotContaining(APP_SECRET);
    }

    @Test
    void resendIsRequestedAtMostOnceAMinute() {
        StoreAppTokenProvider impatient = provider(Duration.ofMillis(100));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> get(impatient.tenantToken("tenant-a"))).isInstanceOf(ExecutionException.class);
        }

        lark.verify(1, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.TICKET_RESEND_PATH)));
    }

    @Test
    void ticketLarkRejectsIsForgottenAndAResendRequested() {
        tickets.update("ticket-old");
        lark.stubFor(post(urlPathEqualTo(StoreAppTokenProvider.APP_TOKEN_PATH))
                .withRequestBody(equalToJson("{\"app_id\":\"" + STORE_APP + "\",\"app_secret\":\"" + APP_SECRET + "\",\"app_ticket\":\"ticket-old\"}"))
                .willReturn(okJson("{\"code\":10012,\"msg\":\"app_ticket is invalid\"}")));

        assertThatThrownBy(() -> get(provider.tenantToken("tenant-a"))).cause().isInstanceOf(LarkApiException.class);

        assertThat(tickets.current()).isNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> lark.verify(1, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.TICKET_RESEND_PATH))));
    }

    @Test
    void callWithoutATenantKeyFailsNamingTheHeader() {
        tickets.update(APP_TICKET);

        assertThatThrownBy(() -> get(provider.tenantToken(null))).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelLarkTenantKey");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void evictedTenantTokenIsFetchedAgain() throws Exception {
        tickets.update(APP_TICKET);
        assertThat(get(provider.tenantToken("tenant-a"))).isEqualTo(TENANT_A_TOKEN);

        provider.evict(TENANT_A_TOKEN);

        assertThat(get(provider.tenantToken("tenant-a"))).isEqualTo(TENANT_A_TOKEN);
        lark.verify(2, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.TENANT_TOKEN_PATH)));
        lark.verify(1, postRequestedFor(urlPathEqualTo(StoreAppTokenProvider.APP_TOKEN_PATH)));
    }
}
