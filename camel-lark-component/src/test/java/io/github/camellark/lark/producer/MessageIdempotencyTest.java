package io.github.camellark.lark.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkApiException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through routes: tokens are shared by concurrent first calls, and the uuid makes every retry and redelivery of one
 * send post at most once while different targets or contents of one exchange are posted each.
 */
class MessageIdempotencyTest extends MessageTestSupport {

    private static final String MESSAGES = "/open-apis/im/v1/messages";
    private static final String SENT = success("{\"message_id\":\"om_1\"}");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(LarkApiException.class).maximumRedeliveries(2).redeliveryDelay(0);

                // maxRetries=0: the client gives up at once, so that Camel's redelivery is what repeats the send
                from("direct:redelivered").to("lark:message?receiveId=oc_1&maxRetries=0");

                // the body is set again before the second send because a send replaces it with Lark's reply
                from("direct:twoChats")
                        .setHeader(LarkConstants.RECEIVE_ID, constant("oc_a")).to("lark:message")
                        .setBody(constant("same text"))
                        .setHeader(LarkConstants.RECEIVE_ID, constant("oc_b")).to("lark:message");

                from("direct:twoTexts")
                        .setBody(constant("first")).to("lark:message?receiveId=oc_1")
                        .setBody(constant("second")).to("lark:message?receiveId=oc_1");
            }
        };
    }

    /** The first send gets the given failure, the following ones succeed. */
    private static void failOnceThenSend(ResponseDefinitionBuilder failure) {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("failing once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("failed"));
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).inScenario("failing once").whenScenarioStateIs("failed").willReturn(okJson(SENT)));
    }

    /** The uuids of the sends Lark received, in order. */
    private static List<String> sentUuids() {
        List<String> uuids = new ArrayList<>();
        for (LoggedRequest request : lark.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))) {
            try {
                uuids.add(MAPPER.readTree(request.getBodyAsString()).get("uuid").asText());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return uuids;
    }

    @Test
    void hundredConcurrentSendsOnAColdStartShareOneTokenRequest() throws Exception {
        // a slow token endpoint keeps every first call waiting for the same token request
        lark.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + TENANT_TOKEN + "\",\"expire\":7200}").withFixedDelay(300)));
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(SENT)));
        AsyncProducer producer = context.getEndpoint("lark:message?receiveId=oc_1").createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(100);
        List<Exchange> exchanges = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody("message " + i);
                exchanges.add(exchange);
                // the producer does not block: all 100 are in flight before the token arrives
                producer.process(exchange, doneSync -> done.countDown());
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).as("all sends completed").isTrue();
        } finally {
            producer.stop();
        }

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        lark.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(sentUuids()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void a503FollowedBySuccessPostsTheSameUuidTwice() {
        failOnceThenSend(aResponse().withStatus(503).withBody("upstream unavailable"));

        callOk("lark:message?receiveId=oc_1", "hi");

        List<String> uuids = sentUuids();
        assertThat(uuids).hasSize(2);
        assertThat(uuids.get(0)).isEqualTo(uuids.get(1)).hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void aRedeliveredExchangePostsTheSameUuid() {
        failOnceThenSend(larkError(500, 230049, "message is being sent"));

        Exchange out = template.request("direct:redelivered", e -> e.getMessage().setBody("hi"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        List<String> uuids = sentUuids();
        assertThat(uuids).hasSize(2);
        assertThat(uuids.get(0)).isEqualTo(uuids.get(1));
    }

    @Test
    void theSameExchangeSentAgainPostsTheSameUuid() {
        failOnceThenSend(larkError(500, 1, "internal error"));
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("hi");

        template.send("lark:message?receiveId=oc_1&maxRetries=0", exchange);
        assertThat(exchange.getException()).isInstanceOf(LarkApiException.class);
        exchange.setException(null);
        template.send("lark:message?receiveId=oc_1&maxRetries=0", exchange);

        assertThat(exchange.getException()).isNull();
        List<String> uuids = sentUuids();
        assertThat(uuids).hasSize(2);
        assertThat(uuids.get(0)).isEqualTo(uuids.get(1));
    }

    @Test
    void oneExchangeSentToTwoChatsUsesTwoUuids() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(SENT)));

        Exchange out = template.request("direct:twoChats", e -> e.getMessage().setBody("same text"));

        assertThat(out.getException()).isNull();
        List<String> uuids = sentUuids();
        assertThat(uuids).hasSize(2);
        assertThat(uuids.get(0)).isNotEqualTo(uuids.get(1));
    }

    @Test
    void oneExchangeSendingTwoTextsToOneChatUsesTwoUuids() {
        lark.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson(SENT)));

        Exchange out = template.request("direct:twoTexts", e -> e.getMessage().setBody("ignored"));

        assertThat(out.getException()).isNull();
        List<String> uuids = sentUuids();
        assertThat(uuids).hasSize(2);
        assertThat(uuids.get(0)).isNotEqualTo(uuids.get(1));
    }
}
