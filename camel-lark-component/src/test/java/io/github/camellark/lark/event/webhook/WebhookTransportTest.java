package io.github.camellark.lark.event.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookTestSupport;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.EventCrypto;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.events.LarkEvents;
import io.github.camellark.lark.testkit.events.Tampering;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.events.WebhookAttempt;
import io.github.camellark.lark.testkit.events.WebhookPusher;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lark:events?transport=webhook}: Lark's HTTP pushes served through Camel's HTTP platform without user code,
 * checked the way Lark's own SDKs check them, and refused before the route when a check fails.
 */
class WebhookTransportTest extends WebhookTestSupport {

    /** Lark's published challenge vector (the node-sdk's challenge test). */
    private static final String VECTOR_KEY = "mazhe.nerd";
    private static final String VECTOR_TOKEN = "iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6";
    private static final String VECTOR_BODY = "{\"encrypt\":\"tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e\"}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(events("/plain", null, VERIFICATION_TOKEN, null)).to("mock:plain");
                from(events("/secure", ENCRYPT_KEY, VERIFICATION_TOKEN, null)).to("mock:secure");
                from(events("/vector", VECTOR_KEY, VECTOR_TOKEN, null)).to("mock:vector");
                from(events("/fresh", ENCRYPT_KEY, VERIFICATION_TOKEN, 300_000L)).to("mock:fresh");
                from(events("/messages", null, null, null) + "&eventTypes=im.message.receive_v1").to("mock:messages");
            }
        };
    }

    /** The endpoint URI, with its secrets set on the endpoint object rather than in the URI. */
    private String events(String path, String encryptKey, String token, Long maxRequestAge) {
        String uri = "lark:events?transport=webhook&webhookPath=" + path;
        LarkEndpoint endpoint = context.getEndpoint(uri, LarkEndpoint.class);
        endpoint.getConfiguration().setEncryptKey(encryptKey);
        endpoint.getConfiguration().setVerificationToken(token);
        if (maxRequestAge != null) {
            endpoint.getConfiguration().setMaxRequestAge(maxRequestAge);
        }
        return uri;
    }

    @Test
    void plainChallengeIsAnsweredAndNotRouted() throws Exception {
        HttpResponse<String> response = push("/plain", SampleEvents.challenge("ajls384kdj1234", VERIFICATION_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"challenge\":\"ajls384kdj1234\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(getMockEndpoint("mock:plain").getReceivedCounter()).isZero();
    }

    @Test
    void challengeWithAnotherTokenIsRefused() throws Exception {
        HttpResponse<String> response = push("/plain", SampleEvents.challenge("ajls384kdj1234", "someone-else"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("ajls384kdj1234");
    }

    @Test
    void encryptedChallengeOfLarksPublishedVectorIsAnswered() throws Exception {
        HttpResponse<String> response = push("/vector", VECTOR_BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"challenge\":\"5634b122-c042-4634-bc7f-b07a3c3e77ad\"}");
    }

    @Test
    void encryptedChallengeIsAnswered() throws Exception {
        HttpResponse<String> response = pushEncrypted("/secure", SampleEvents.challenge("c-123", VERIFICATION_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"challenge\":\"c-123\"}");
        assertThat(getMockEndpoint("mock:secure").getReceivedCounter()).isZero();
    }

    @Test
    void encryptedSignedEventBecomesAnExchangeWithTheContractHeaders() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:secure");
        mock.expectedMessageCount(1);

        HttpResponse<String> response = pushEncrypted("/secure", SampleEvents.messageReceived("ev-1", VERIFICATION_TOKEN, "hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"msg\":\"success\"}");
        mock.assertIsSatisfied();
        Exchange exchange = mock.getExchanges().get(0);
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        assertThat(headers).containsEntry(LarkConstants.EVENT_TYPE, "im.message.receive_v1")
                .containsEntry(LarkConstants.EVENT_ID, "ev-1")
                .containsEntry(LarkConstants.EVENT_CREATE_TIME, Long.toString(SampleEvents.CREATED))
                .containsEntry(LarkConstants.APP_ID, SampleEvents.APP)
                .containsEntry(LarkConstants.TENANT_KEY, SampleEvents.TENANT)
                .containsEntry(LarkConstants.MESSAGE_ID, "om_ev-1")
                .containsEntry(LarkConstants.CHAT_ID, "oc_5ce6d572")
                .containsEntry(LarkConstants.CHAT_TYPE, "group")
                .containsEntry(LarkConstants.MSG_TYPE, "text")
                .containsEntry(LarkConstants.SENDER_OPEN_ID, "ou_84aad35d");
        assertThat(headers).doesNotContainKeys("X-Lark-Signature", "X-Lark-Request-Nonce");
        Map<?, ?> body = exchange.getMessage().getBody(Map.class);
        assertThat(((Map<?, ?>) body.get("message")).get("content")).isEqualTo("{\"text\":\"hello\"}");
        String raw = exchange.getMessage().getHeader(LarkConstants.EVENT_RAW, String.class);
        assertThat(raw).contains("\"event_id\":\"ev-1\"").doesNotContain(VERIFICATION_TOKEN);
    }

    @Test
    void requestsFailingACheckAreRefusedAndNeverRouted() throws Exception {
        String event = SampleEvents.messageReceived("ev-2", VERIFICATION_TOKEN, "hi");
        String encrypted = EventCrypto.encryptedBody(ENCRYPT_KEY, event);

        Map<String, String> tampered = new LinkedHashMap<>(signed(encrypted));
        String signature = tampered.get("X-Lark-Signature");
        tampered.put("X-Lark-Signature", (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1));
        assertRefused(push("/secure", encrypted, tampered), 401);

        assertRefused(push("/secure", encrypted), 401);

        String otherToken = EventCrypto.encryptedBody(ENCRYPT_KEY, SampleEvents.messageReceived("ev-3", "another-token", "hi"));
        assertRefused(push("/secure", otherToken, signed(otherToken)), 401);

        String otherKey = EventCrypto.encryptedBody("another-key", event);
        assertRefused(push("/secure", otherKey, signed(otherKey)), 400);
        assertRefused(push("/secure", otherKey, signed(otherKey, "another-key")), 400);

        String notBase64 = "{\"encrypt\":\"%%%not*base64%%%\"}";
        assertRefused(push("/secure", notBase64, signed(notBase64)), 400);

        String value = EventCrypto.encrypt(ENCRYPT_KEY, event);
        String truncated = "{\"encrypt\":\"" + Base64.getEncoder().encodeToString(
                java.util.Arrays.copyOf(Base64.getDecoder().decode(value), Base64.getDecoder().decode(value).length - 5)) + "\"}";
        assertRefused(push("/secure", truncated, signed(truncated)), 400);

        String ivOnly = "{\"encrypt\":\"" + Base64.getEncoder().encodeToString(new byte[16]) + "\"}";
        assertRefused(push("/secure", ivOnly, signed(ivOnly)), 400);

        assertRefused(push("/secure", "hello, not JSON", signed("hello, not JSON")), 400);
        assertRefused(push("/secure", "[1,2,3]", signed("[1,2,3]")), 400);
        assertRefused(push("/secure", event, signed(event)), 400);

        String oversize = "{\"encrypt\":\"" + "A".repeat(1024 * 1024) + "\"}";
        assertRefused(push("/secure", oversize, signed(oversize)), 413);

        assertThat(getMockEndpoint("mock:secure").getReceivedCounter()).isZero();
    }

    @Test
    void tokenOfPlainEventsIsCheckedToo() throws Exception {
        assertRefused(push("/plain", SampleEvents.messageReceived("ev-4", "another-token", "hi")), 401);
        assertRefused(push("/plain", "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-5\",\"event_type\":\"x\"},\"event\":{}}"), 401);
        assertThat(getMockEndpoint("mock:plain").getReceivedCounter()).isZero();
    }

    @Test
    void replayedRequestOutsideMaxRequestAgeIsRefused() throws Exception {
        String body = EventCrypto.encryptedBody(ENCRYPT_KEY, SampleEvents.messageReceived("ev-6", VERIFICATION_TOKEN, "hi"));
        String old = String.valueOf(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
        Map<String, String> headers = Map.of("X-Lark-Request-Timestamp", old, "X-Lark-Request-Nonce", "n1",
                "X-Lark-Signature", EventCrypto.signature(old, "n1", ENCRYPT_KEY, body.getBytes(StandardCharsets.UTF_8)));

        assertRefused(push("/fresh", body, headers), 401);
        assertThat(getMockEndpoint("mock:fresh").getReceivedCounter()).isZero();

        MockEndpoint mock = getMockEndpoint("mock:fresh");
        mock.expectedMessageCount(1);
        assertThat(push("/fresh", body, signed(body)).statusCode()).isEqualTo(200);
        mock.assertIsSatisfied();
    }

    @Test
    void filteredAndUnknownEventsAreAcknowledgedWithoutRouting() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:messages");
        mock.expectedMessageCount(1);

        assertThat(push("/messages", SampleEvents.event("ev-7", "im.chat.member.bot.added_v1", "t")).statusCode()).isEqualTo(200);
        assertThat(push("/messages", "{\"something\":\"else\"}").statusCode()).isEqualTo(200);
        assertThat(push("/messages", SampleEvents.messageReceived("ev-8", "t", "hi")).statusCode()).isEqualTo(200);

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(LarkConstants.EVENT_ID)).isEqualTo("ev-8");
    }

    @Test
    void schemaOneEventIsRouted() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:plain");
        mock.expectedMessageCount(1);
        String event = "{\"uuid\":\"u-1\",\"token\":\"" + VERIFICATION_TOKEN + "\",\"ts\":\"" + SampleEvents.SCHEMA_1_TS + "\",\"type\":\"event_callback\","
                       + "\"event\":{\"type\":\"message\",\"app_id\":\"" + SampleEvents.APP + "\",\"tenant_key\":\"tk\",\"open_message_id\":\"om_1\"}}";

        assertThat(push("/plain", event).statusCode()).isEqualTo(200);

        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().get(0).getMessage().getHeaders()).containsEntry(LarkConstants.EVENT_TYPE, "message")
                .containsEntry(LarkConstants.EVENT_ID, "u-1").containsEntry(LarkConstants.EVENT_CREATE_TIME, Long.toString(SampleEvents.SCHEMA_1_CREATED_MILLIS))
                .containsEntry(LarkConstants.TENANT_KEY, "tk");
    }

    @Test
    void everyFaultTheSimulatorCanMakeIsRefusedAndNeverRouted() {
        LarkEvents events = new LarkEvents(new AppIdentity(SampleEvents.APP, SampleEvents.TENANT, VERIFICATION_TOKEN));
        LarkEvent event = events.textMessage(events.user("Mallory"), "oc_1", "let me in");
        try (WebhookPusher pusher = new WebhookPusher()) {
            Webhook lark = pusher.webhook(url("/secure")).withEncryptKey(ENCRYPT_KEY);
            for (Tampering fault : Tampering.values()) {
                if (fault != Tampering.NONE) {
                    assertRefused(lark.withTampering(fault).send(event), fault.toString());
                }
            }
            assertRefused(lark.withWrongSignatureKey("guessed-key").send(event), "wrong signature key");
            assertRefused(lark.withWrongEncryptionKey("guessed-key").send(event), "wrong encryption key");
            assertRefused(lark.send(event.withToken("another-token")), "wrong token");
            assertRefused(lark.sendRaw(new byte[1024 * 1024 + 1]), "oversize");
            assertRefused(pusher.webhook(url("/secure")).send(event), "not encrypted");

            assertThat(lark.send(event).acknowledged()).as("the honest push").isTrue();
        }
        assertThat(getMockEndpoint("mock:secure").getReceivedCounter()).isOne();
    }

    private static void assertRefused(WebhookAttempt attempt, String fault) {
        assertThat(attempt.outcome()).as(fault).isEqualTo(WebhookAttempt.Outcome.REJECTED);
        assertThat(attempt.status()).as(fault).isBetween(400, 499);
        assertThat(attempt.responseBody()).as(fault).doesNotContain(ENCRYPT_KEY, VERIFICATION_TOKEN, "let me in");
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain(ENCRYPT_KEY, VERIFICATION_TOKEN);
    }
}
