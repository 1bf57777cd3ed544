package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.SimChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-06T09:00:00Z"));
    private final LarkSimulator sim = LarkSimulator.builder().appId("cli_test").appSecret("s3cret").clock(clock).start();
    private final RawLark lark = new RawLark(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theDefaultAppIdHasTheShapeOfARealOneForSdksThatCheckIt() {
        // the Node SDK's WSClient.start() silently does nothing for an app id not matching this
        assertThat(LarkSimulator.DEFAULT_APP_ID).matches("cli_[0-9a-fA-F]{16}");
    }

    @Test
    void internalTenantTokenIsIssuedAtTopLevelWithItsLifetime() {
        RawLark.Reply reply = lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", "cli_test", "app_secret", "s3cret"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.json().path("tenant_access_token").asText()).startsWith("t-");
        assertThat(reply.json().path("expire").asInt()).isEqualTo(7200);
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void wrongSecretIsRefusedWith10014AndNoToken() {
        RawLark.Reply reply = lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", "cli_test", "app_secret", "nope"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(10014);
        assertThat(reply.json().has("tenant_access_token")).isFalse();
    }

    @Test
    void unknownAppIsRefusedWith10003() {
        RawLark.Reply reply = lark.post("/open-apis/auth/v3/tenant_access_token/internal",
                Map.of("app_id", "cli_other", "app_secret", "s3cret"));

        assertThat(reply.code()).isEqualTo(10003);
    }

    @Test
    void sameTokenIsReturnedUntilLessThanThirtyMinutesAreLeft() {
        String first = tenantToken();
        clock.advance(Duration.ofMinutes(80));
        assertThat(tenantToken()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(20));
        String second = tenantToken();
        assertThat(second).isNotEqualTo(first);
        SimChat room = sim.createChat("room");
        RawLark.Reply withTheOldToken = lark.withToken(first).get("/open-apis/im/v1/pins?chat_id=" + room.chatId());
        assertThat(withTheOldToken.code()).as("the old token stays valid until it expires: " + withTheOldToken.json()).isZero();
        assertThat(withTheOldToken.status()).isEqualTo(200);
    }

    @Test
    void expiredTokenIsRejectedWith99991663() {
        String token = tenantToken();
        clock.advance(Duration.ofSeconds(7201));

        RawLark.Reply reply = lark.withToken(token).get("/open-apis/im/v1/pins?chat_id=oc_x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(99991663);
    }

    @Test
    void missingTokenIsRejectedWith99991661() {
        RawLark.Reply reply = lark.get("/open-apis/im/v1/pins?chat_id=oc_x");

        assertThat(reply.code()).isEqualTo(99991661);
        assertThat(reply.json().path("error").path("log_id").asText()).isEqualTo(reply.header("X-Tt-Logid"));
    }

    @Test
    void appAccessTokenInternalAlsoCarriesTheTenantToken() {
        RawLark.Reply reply = lark.post("/open-apis/auth/v3/app_access_token/internal",
                Map.of("app_id", "cli_test", "app_secret", "s3cret"));

        assertThat(reply.json().path("app_access_token").asText()).startsWith("a-");
        assertThat(reply.json().path("tenant_access_token").asText()).startsWith("t-");
    }

    @Test
    void storeAppGetsTenantTokenThroughAppTicketAndTenantKey() {
        assertThat(lark.post("/open-apis/auth/v3/app_ticket/resend", Map.of("app_id", "cli_test", "app_secret", "s3cret")).code())
                .isZero();
        assertThat(sim.state().activities("app_ticket_resend")).hasSize(1);

        RawLark.Reply wrongTicket = lark.post("/open-apis/auth/v3/app_access_token",
                Map.of("app_id", "cli_test", "app_secret", "s3cret", "app_ticket", "stale"));
        assertThat(wrongTicket.code()).isEqualTo(10012);

        RawLark.Reply app = lark.post("/open-apis/auth/v3/app_access_token",
                Map.of("app_id", "cli_test", "app_secret", "s3cret", "app_ticket", sim.tokens().appTicket()));
        RawLark.Reply tenant = lark.post("/open-apis/auth/v3/tenant_access_token",
                Map.of("app_access_token", app.json().path("app_access_token").asText(), "tenant_key", sim.tenantKey()));

        assertThat(tenant.code()).isZero();
        assertThat(tenant.json().path("tenant_access_token").asText()).startsWith("t-");
    }

    @Test
    void appAccessTokenIsNotAcceptedForBusinessCalls() {
        String appToken = sim.tokens().appToken().value();

        assertThat(lark.withToken(appToken).get("/open-apis/im/v1/pins?chat_id=oc_x").code()).isEqualTo(99991663);
    }

    private String tenantToken() {
        return lark.post("/open-apis/auth/v3/tenant_access_token/internal", Map.of("app_id", "cli_test", "app_secret", "s3cret"))
                .json().path("tenant_access_token").asText();
    }
}
