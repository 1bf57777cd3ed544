package io.github.camellark.lark.event.webhook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.LarkEventsConsumer;
import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On Camel's Vert.x HTTP platform the webhook is served right on the platform's router: a request waiting for its
 * route holds no thread, where a Camel platform-http consumer would hold one of Vert.x's 20 worker threads per request
 * until the route answered. So more requests than there are worker threads can wait for their chat's turn, and a
 * challenge is answered meanwhile.
 */
class WebhookOnVertxRouterTest extends WebhookTestSupport {

    /** More than Vert.x's default worker pool (20 threads). */
    private static final int WAITING = 30;

    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the deadline would answer the waiting requests: far beyond the test's waits
                from("lark:events?transport=webhook&eventDeadline=120000").routeId("slow-chat")
                        .process(exchange -> release.await(60, TimeUnit.SECONDS))
                        .to("mock:events");
            }
        };
    }

    @Test
    void noCamelHttpConsumerServesThePath() {
        assertThat(context.getEndpoints()).noneMatch(endpoint -> endpoint.getEndpointUri().startsWith("platform-http"));
    }

    @Test
    void moreRequestsThanVertxWorkerThreadsWaitForTheirChatWhileAChallengeIsAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> events = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            events.add(pushAsync(PATH, messageInOneChat("ev-wait-" + i), java.util.Map.of()));
        }
        LarkEventsConsumer consumer = (LarkEventsConsumer) context.getRoute("slow-chat").getConsumer();
        await().atMost(30, TimeUnit.SECONDS).until(() -> consumer.getEventsInRoute() + consumer.getQueuedEvents() == WAITING);

        HttpResponse<String> challenge = push(PATH, "{\"type\":\"url_verification\",\"challenge\":\"c-while-busy\"}");

        assertThat(challenge.body()).isEqualTo("{\"challenge\":\"c-while-busy\"}");
        assertThat(events).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> event : events) {
            assertThat(event.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(WAITING);
    }

    private static String messageInOneChat(String eventId) {
        return "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + eventId + "\",\"event_type\":\"im.message.receive_v1\","
               + "\"create_time\":\"" + System.currentTimeMillis() + "\",\"token\":\"\",\"app_id\":\"cli_a\",\"tenant_key\":\"t\"},"
               + "\"event\":{\"sender\":{\"sender_id\":{\"open_id\":\"ou_1\"}},\"message\":{\"message_id\":\"om_" + eventId
               + "\",\"chat_id\":\"oc_one_chat\",\"chat_type\":\"group\",\"message_type\":\"text\",\"content\":\"{}\"}}}";
    }
}
