package io.github.camellark.lark.producer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.LarkProducer;
import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The custom bot needs no app: its webhook URL is the credential. This context has no app id or secret at all. */
class CustomBotHandlerTest extends LarkTestSupport {

    private static final String HOOK_TOKEN = "8f0c2b7e-hook-token-never-logged";
    private static final String HOOK_PATH = "/open-apis/bot/v2/hook/" + HOOK_TOKEN;
    private static final String BOT_SECRET = "bot-secret-never-logged-0001";
    private static final String OK = "{\"code\":0,\"msg\":\"success\",\"data\":{}}";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LarkComponent component = context.getComponent("lark", LarkComponent.class);
        component.getConfiguration().setAppId(null);
        component.getConfiguration().setAppSecret(null);
        component.getConfiguration().setWebhookUrl(lark.baseUrl() + HOOK_PATH);
        return context;
    }

    @AfterEach
    void noAppTokenRequested() {
        assertThat(lark.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).as("token requests").isEmpty();
    }

    @Test
    void aStringBodyIsATextMessagePostedWithoutCredentials() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));

        Exchange result = template.send("lark:customBot", e -> e.getMessage().setBody("disk full on host-1"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(Map.class)).isEmpty();
        lark.verify(1, postRequestedFor(urlEqualTo(HOOK_PATH))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"msg_type\":\"text\",\"content\":{\"text\":\"disk full on host-1\"}}")));
        assertThat(lark.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void contentOfEachSupportedTypeGoesUnderContentAndCardsUnderCard() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));
        String post = "{\"post\":{\"zh_cn\":{\"title\":\"T\",\"content\":[[{\"tag\":\"text\",\"text\":\"hi\"}]]}}}";
        String card = "{\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"CPU\"}},\"elements\":[]}";

        template.send("lark:customBot?msgType=post", e -> e.getMessage().setBody(post));
        template.send("lark:customBot?msgType=image", e -> e.getMessage().setBody(Map.of("image_key", "img_1")));
        template.send("lark:customBot", e -> {
            e.getMessage().setBody(Map.of("share_chat_id", "oc_1"));
            e.getMessage().setHeader(LarkConstants.MSG_TYPE, "share_chat");
        });
        template.send("lark:customBot?msgType=interactive", e -> e.getMessage().setBody(card));
        template.send("lark:customBot", e -> e.getMessage().setBody(Map.of("text", "map text")));

        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson("{\"msg_type\":\"post\",\"content\":" + post + "}")));
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH))
                .withRequestBody(equalToJson("{\"msg_type\":\"image\",\"content\":{\"image_key\":\"img_1\"}}")));
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH))
                .withRequestBody(equalToJson("{\"msg_type\":\"share_chat\",\"content\":{\"share_chat_id\":\"oc_1\"}}")));
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson("{\"msg_type\":\"interactive\",\"card\":" + card + "}")));
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH))
                .withRequestBody(equalToJson("{\"msg_type\":\"text\",\"content\":{\"text\":\"map text\"}}")));
    }

    @Test
    void typedContentIsWrittenInTheCustomBotForm() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));

        template.send("lark:customBot", e -> e.getMessage().setBody(LarkContent.post().title("Deploy").line("done")));
        template.send("lark:customBot", e -> e.getMessage().setBody(LarkContent.text("hi all").mentionAll()));

        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson(
                "{\"msg_type\":\"post\",\"content\":{\"post\":{\"zh_cn\":{\"title\":\"Deploy\",\"content\":[[{\"tag\":\"text\",\"text\":\"done\"}]]}}}}")));
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson(
                "{\"msg_type\":\"text\",\"content\":{\"text\":\"hi all <at user_id=\\\"all\\\"></at>\"}}")));
    }

    @Test
    void aWholeWebhookMessageIsPostedAsItIs() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));

        Exchange result = template.send("lark:customBot",
                e -> e.getMessage().setBody(Map.of("msg_type", "image", "content", Map.of("image_key", "img_2"))));

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH))
                .withRequestBody(equalToJson("{\"msg_type\":\"image\",\"content\":{\"image_key\":\"img_2\"}}")));
    }

    @Test
    void withABotSecretTheMessageCarriesTimestampAndSignature() throws Exception {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));
        LarkEndpoint endpoint = context.getEndpoint("lark:customBot?botSecret=RAW(" + BOT_SECRET + ")", LarkEndpoint.class);
        ServiceHelper.startService(endpoint);
        LarkProducer producer = new LarkProducer(endpoint,
                new CustomBotHandler(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)));
        ServiceHelper.startService(producer);
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody("signed hello");

        try {
            producer.process(exchange);
        } finally {
            ServiceHelper.stopService(producer);
        }

        assertThat(exchange.getException()).isNull();
        lark.verify(1, postRequestedFor(urlEqualTo(HOOK_PATH)).withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"msg_type\":\"text\",\"content\":{\"text\":\"signed hello\"},"
                                             + "\"timestamp\":\"1700000000\",\"sign\":\"" + expectedSign("1700000000", BOT_SECRET) + "\"}")));
    }

    @Test
    void theSignatureUsesTheCurrentTime() throws Exception {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));
        long before = Instant.now().getEpochSecond();

        Exchange result = template.send("lark:customBot?botSecret=RAW(" + BOT_SECRET + ")", e -> e.getMessage().setBody("now"));

        assertThat(result.getException()).isNull();
        JsonNode sent = mapper.readTree(businessRequests().get(0).getBodyAsString());
        long timestamp = Long.parseLong(sent.get("timestamp").asText());
        assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
        assertThat(sent.get("sign").asText()).isEqualTo(expectedSign(sent.get("timestamp").asText(), BOT_SECRET));
    }

    @Test
    void endpointsThatDifferOnlyInTheirSecretsStayApart() {
        String otherHook = "/open-apis/bot/v2/hook/other-hook-token-never-logged";
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));
        lark.stubFor(post(urlEqualTo(otherHook)).willReturn(okJson(OK)));

        template.send("lark:customBot?webhookUrl=RAW(" + lark.baseUrl() + HOOK_PATH + ")", e -> e.getMessage().setBody("to ops"));
        template.send("lark:customBot?webhookUrl=RAW(" + lark.baseUrl() + otherHook + ")", e -> e.getMessage().setBody("to dev"));

        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson("{\"msg_type\":\"text\",\"content\":{\"text\":\"to ops\"}}")));
        lark.verify(postRequestedFor(urlEqualTo(otherHook)).withRequestBody(equalToJson("{\"msg_type\":\"text\",\"content\":{\"text\":\"to dev\"}}")));
    }

    @Test
    void legacyStatusCodeRepliesAreAccepted() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson("{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}")));

        Exchange result = template.send("lark:customBot", e -> e.getMessage().setBody("legacy"));

        assertThat(result.getException()).isNull();
    }

    @Test
    void theBotsErrorRepliesBecomeLarkApiExceptionsWithoutTheWebhookUrl() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}")));

        Exchange result = template.send("lark:customBot?botSecret=RAW(" + BOT_SECRET + ")", e -> e.getMessage().setBody("x"));

        assertThat(result.getException()).isInstanceOf(LarkApiException.class).hasMessageContaining("19021")
                .hasMessageContaining("custom-bot webhook").hasMessageNotContaining(HOOK_TOKEN).hasMessageNotContaining(BOT_SECRET);
        assertThat(((LarkApiException) result.getException()).getCode()).isEqualTo(19021);
    }

    @Test
    void legacyErrorRepliesBecomeLarkApiExceptions() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"Extra\":null,\"StatusCode\":9499,\"StatusMessage\":\"Bad Request\"}")));

        Exchange result = template.send("lark:customBot", e -> e.getMessage().setBody("x"));

        assertThat(result.getException()).isInstanceOf(LarkApiException.class).hasMessageNotContaining(HOOK_TOKEN);
        LarkApiException error = (LarkApiException) result.getException();
        assertThat(error.getCode()).isEqualTo(9499);
        assertThat(error.getHttpStatus()).isEqualTo(400);
    }

    @Test
    void aUserAccessTokenIsNeverSentToTheWebhook() {
        lark.stubFor(post(urlEqualTo(HOOK_PATH)).willReturn(okJson(OK)));

        Exchange result = template.send("lark:customBot", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(LarkConstants.USER_ACCESS_TOKEN, "u-user-token");
        });

        assertThat(result.getException()).isNull();
        lark.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void messageOverTwentyKilobytesFailsBeforeAnyRequest() {
        Exchange result = template.send("lark:customBot", e -> e.getMessage().setBody("x".repeat(20 * 1024)));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 KB (20480 bytes)").hasMessageContaining("got 205");
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void unsupportedMessageTypesFailBeforeAnyRequest() {
        Exchange option = template.send("lark:customBot?msgType=file", e -> e.getMessage().setBody(Map.of("file_key", "f")));
        Exchange whole = template.send("lark:customBot", e -> e.getMessage().setBody(Map.of("msg_type", "audio", "content", Map.of())));

        for (Exchange result : List.of(option, whole)) {
            assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("text, post, image, share_chat or interactive");
        }
        assertThat(businessRequests()).isEmpty();
    }

    @Test
    void missingOrMalformedWebhookUrlFailsWithoutQuotingIt() {
        LarkComponent component = context.getComponent("lark", LarkComponent.class);
        component.getConfiguration().setWebhookUrl(null);
        Exchange missing = template.send("lark:customBot?msgType=text", e -> e.getMessage().setBody("x"));
        component.getConfiguration().setWebhookUrl("not a url " + HOOK_TOKEN);
        Exchange malformed = template.send("lark:customBot?msgType=text&operation=send", e -> e.getMessage().setBody("x"));

        assertThat(missing.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs webhookUrl");
        assertThat(malformed.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) URL")
                .hasMessageNotContaining(HOOK_TOKEN);
        assertThat(businessRequests()).isEmpty();
    }

    /** Lark's custom-bot signature, computed here independently of the component. */
    private static String expectedSign(String timestamp, String secret) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(hmac.doFinal());
    }
}
