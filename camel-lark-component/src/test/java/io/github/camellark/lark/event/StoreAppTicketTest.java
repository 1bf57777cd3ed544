package io.github.camellark.lark.event;

import java.time.Duration;

import io.github.camellark.lark.LarkAppType;
import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.client.LarkReply;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store app end to end: the hourly app_ticket Lark pushes to {@code lark:events} is what the producers of the same app
 * use to get tenant tokens; a producer call made before any ticket arrived waits for the one Lark resends.
 */
class StoreAppTicketTest extends WebhookTestSupport {

    private static final String STORE_APP = "cli_store_app";
    private static final String APP_TOKEN = "a-store-app-token";
    private static final String STORE_TENANT_TOKEN = "t-store-tenant-token";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LarkComponent lark = context.getComponent("lark", LarkComponent.class);
        lark.getConfiguration().setAppId(STORE_APP);
        lark.getConfiguration().setAppType(LarkAppType.store);
        lark.getConfiguration().setVerificationToken(VERIFICATION_TOKEN);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook").to("mock:events");
            }
        };
    }

    private void stubStoreAppTokens() {
        lark.stubFor(post(urlPathEqualTo("/open-apis/auth/v3/app_ticket/resend")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        lark.stubFor(post(urlPathEqualTo("/open-apis/auth/v3/app_access_token"))
                .withRequestBody(equalToJson("{\"app_id\":\"" + STORE_APP + "\",\"app_secret\":\"" + APP_SECRET + "\",\"app_ticket\":\"pushed-ticket\"}"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"app_access_token\":\"" + APP_TOKEN + "\",\"expire\":7200}")));
        lark.stubFor(post(urlPathEqualTo("/open-apis/auth/v3/tenant_access_token"))
                .withRequestBody(equalToJson("{\"app_access_token\":\"" + APP_TOKEN + "\",\"tenant_key\":\"tenant-1\"}"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + STORE_TENANT_TOKEN + "\",\"expire\":7200}")));
        lark.stubFor(get(urlPathEqualTo("/open-apis/im/v1/chats")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\",\"data\":{\"items\":[]}}")));
    }

    private LarkReply callAsTenant(String tenantKey) throws Exception {
        LarkEndpoint producerSide = context.getEndpoint("lark:message", LarkEndpoint.class);
        return producerSide.client().call(LarkRequest.get("/open-apis/im/v1/chats").tenantKey(tenantKey).build())
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void ticketPushedToTheConsumerGivesTheProducersTheirTenantToken() throws Exception {
        stubStoreAppTokens();

        assertThat(push(PATH, SampleEvents.appTicket("u-ticket-1", VERIFICATION_TOKEN, STORE_APP, "pushed-ticket")).statusCode())
                .isEqualTo(200);
        callAsTenant("tenant-1");

        lark.verify(getRequestedFor(urlPathEqualTo("/open-apis/im/v1/chats"))
                .withHeader("Authorization", equalTo("Bearer " + STORE_TENANT_TOKEN)));
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).as("app_ticket is infrastructure").isZero();
        assertThat(businessRequests()).noneMatch(r -> r.getUrl().contains("app_ticket/resend"));
    }

    @Test
    void callBeforeAnyTicketWaitsForTheTicketLarkResends() throws Exception {
        stubStoreAppTokens();
        var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return callAsTenant("tenant-1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(
                () -> businessRequests().stream().anyMatch(r -> r.getUrl().contains("app_ticket/resend")));

        // Lark answers the resend by pushing the ticket to the request URL
        push(PATH, SampleEvents.appTicket("u-ticket-2", VERIFICATION_TOKEN, STORE_APP, "pushed-ticket"));

        assertThat(call.get(20, java.util.concurrent.TimeUnit.SECONDS).data()).containsKey("items");
    }
}
