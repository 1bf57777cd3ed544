package io.github.camellark.lark.event;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkBodies;
import io.github.camellark.lark.support.WebhookTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How events are delivered to the route and how Lark is answered: duplicates dropped, failures redelivered, the 3 s
 * budget kept when the route is slow, and bursts routed exactly once.
 */
class EventDeliveryTest extends WebhookTestSupport {

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&webhookPath=/once").to("mock:once");

                from("lark:events?transport=webhook&webhookPath=/flaky")
                        .to("mock:attempts")
                        .process(exchange -> {
                            if (failedOnce.add(exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class))) {
                                throw new IllegalStateException("database down");
                            }
                        })
                        .to("mock:done");

                from("lark:events?transport=webhook&webhookPath=/slow&eventDeadline=300")
                        .to("mock:slow-start").delay(1500).to("mock:slow-done");

                from("lark:events?transport=webhook&webhookPath=/burst").to("mock:burst");
            }
        };
    }

    @Test
    void sameEventDeliveredFiveTimesIsRoutedOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:once");
        mock.expectedMessageCount(1);
        mock.setAssertPeriod(300);

        for (int i = 0; i < 5; i++) {
            assertThat(push("/once", LarkBodies.messageReceived("ev-dup", "t", "hello")).statusCode()).isEqualTo(200);
        }

        mock.assertIsSatisfied();
    }

    @Test
    void duplicateArrivingWhileTheFirstIsStillRoutedIsNotRoutedAgain() throws Exception {
        MockEndpoint started = getMockEndpoint("mock:slow-start");
        started.expectedMessageCount(1);
        started.setAssertPeriod(300);
        String event = LarkBodies.messageReceived("ev-inflight", "t", "hello");

        CompletableFuture<HttpResponse<String>> first = pushAsync("/slow", event, Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> started.getReceivedCounter() == 1);
        for (int i = 0; i < 4; i++) {
            assertThat(push("/slow", event).statusCode()).isEqualTo(200);
        }

        assertThat(first.get().statusCode()).isEqualTo(200);
        started.assertIsSatisfied();
    }

    @Test
    void routeFailureMakesLarkRedeliverAndTheRedeliveryIsRouted() throws Exception {
        MockEndpoint attempts = getMockEndpoint("mock:attempts");
        MockEndpoint done = getMockEndpoint("mock:done");
        String event = LarkBodies.messageReceived("ev-flaky", "t", "hello");

        HttpResponse<String> first = push("/flaky", event);
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("database down");

        HttpResponse<String> redelivery = push("/flaky", event);
        assertThat(redelivery.statusCode()).isEqualTo(200);

        // once it succeeded, further copies are duplicates
        assertThat(push("/flaky", event).statusCode()).isEqualTo(200);
        assertThat(attempts.getReceivedCounter()).isEqualTo(2);
        assertThat(done.getReceivedCounter()).isEqualTo(1);
        assertThat(done.getExchanges().get(0).getMessage().getHeader(LarkConstants.EVENT_ID)).isEqualTo("ev-flaky");
    }

    @Test
    void routeSlowerThanTheDeadlineIsAcknowledgedInTimeAndStillCompletes() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:slow-done");
        done.expectedMessageCount(1);

        long start = System.nanoTime();
        HttpResponse<String> response = push("/slow", LarkBodies.messageReceived("ev-slow", "t", "hello"));
        Duration answeredAfter = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(answeredAfter).isBetween(Duration.ofMillis(250), Duration.ofMillis(1200));
        assertThat(done.getReceivedCounter()).isZero();
        done.assertIsSatisfied(5000);
    }

    @Test
    void burstOfThousandEventsIsRoutedExactlyOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:burst");
        mock.expectedMessageCount(1000);
        mock.setAssertPeriod(300);
        mock.setResultWaitTime(30_000);
        Semaphore concurrency = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

        for (int i = 0; i < 1000; i++) {
            String event = LarkBodies.messageReceived("burst-" + i, "t", "message " + i);
            int copies = i % 10 == 0 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                assertThat(concurrency.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                responses.add(pushAsync("/burst", event, Map.of()).whenComplete((r, f) -> concurrency.release()));
            }
        }

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        mock.assertIsSatisfied();
        Set<Object> ids = mock.getExchanges().stream().map(e -> e.getMessage().getHeader(LarkConstants.EVENT_ID))
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1000);
        assertThat(mock.getExchanges()).extracting(Exchange::getPattern).containsOnly(org.apache.camel.ExchangePattern.InOnly);
    }
}
